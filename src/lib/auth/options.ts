// next-auth configuration: email + password, JWT session tokens that name a stored session
// (./sessions). Any app instance can serve any request as long as they share AUTH_SECRET and the
// database: the token says which session, the database says whether it is still live.
//
// Lifetimes (issue #11; docs/security-sessions.md): the token and its cookie expire
// SESSION_MAX_AGE_SECONDS after they are written. next-auth re-writes them with a fresh expiry each
// time /api/auth/session is read, so that expiry alone would let a polled session live for ever;
// the session's absolute end is therefore fixed at sign-in, carried in the token and stored with
// the session, and checked on every read, and renewal never moves it.
import { headers } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { SESSION_ABSOLUTE_HOURS_MAX } from "@/lib/domain/organisation-settings";
import { getEnv } from "@/lib/env";
import { authorizeCredentials, requestIdFrom } from "./authenticate";
import { cookiePolicy } from "./cookies";
import { clientInfoFrom } from "./security-log";
import { checkSession, endSession, SessionEndedError, sessionClaimsOf } from "./sessions";
import { throttledSignInError } from "./sign-in-errors";

/** The token's and the cookie's lifetime: the longest the organisation may let a session last. */
export const SESSION_MAX_AGE_SECONDS = SESSION_ABSOLUTE_HOURS_MAX * 60 * 60;

/** A header of next-auth's plain request object, or of the current request (sign-out). */
type HeaderBag = Record<string, string | string[] | undefined>;
const headerOf = (bag: HeaderBag | undefined) => (name: string) => {
  const value = bag?.[name];
  return typeof value === "string" ? value : undefined;
};

/** The sign-out event runs inside next-auth's route handler, so the request's headers are there. */
async function currentRequestHeaders(): Promise<HeaderBag> {
  return Object.fromEntries(await headers());
}

export const authOptions: NextAuthOptions = {
  secret: getEnv().AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // next-auth's default for the token is 30 days, whatever the session's maxAge says.
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  // The proxy reads the session cookie under the same name (src/lib/auth/cookies.ts).
  useSecureCookies: cookiePolicy(getEnv().NEXTAUTH_URL).secure,
  cookies: cookiePolicy(getEnv().NEXTAUTH_URL).cookies,
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Authentication code", type: "text" },
      },
      async authorize(credentials, req) {
        const header = headerOf(req?.headers);
        const result = await authorizeCredentials(db, credentials, {
          requestId: requestIdFrom(header("x-request-id")),
          client: clientInfoFrom(header),
        });
        // next-auth hands a thrown error's message to the sign-in form as its error code.
        if (result.status === "throttled") throw new Error(throttledSignInError(result.retryAfterMinutes));
        if (result.status !== "signed_in") return null;
        const { user } = result;
        return {
          id: user.id,
          name: user.name,
          email: user.email,
          role: user.role,
          sessionVersion: user.sessionVersion,
          sessionId: user.sessionId,
          sessionExpiresAt: Math.floor(user.sessionExpiresAt.getTime() / 1000),
        };
      },
    }),
  ],
  callbacks: {
    /**
     * Runs at sign-in (with `user`) and on every later read of the token, including each request to
     * /api/auth/session. There a session that has ended throws: next-auth then answers with an empty
     * session and clears the cookie (core/routes/session.js catches it), so a replayed cookie is
     * worth nothing. Pages and actions read the session through getActor (./session), which makes
     * the same check.
     */
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sessionVersion = user.sessionVersion;
        token.sessionId = user.sessionId;
        token.sessionExpiresAt = user.sessionExpiresAt;
        return token;
      }
      const claims = sessionClaimsOf(token);
      const identity = claims ? await checkSession(db(), claims) : null;
      if (!identity) throw new SessionEndedError();
      token.name = identity.name;
      token.email = identity.email;
      token.role = identity.role;
      token.discipline = identity.discipline;
      return token;
    },
    session({ session, token }) {
      if (token.sub && token.sessionId && token.discipline) {
        session.user = {
          ...session.user,
          id: token.sub,
          role: token.role,
          discipline: token.discipline,
          sessionVersion: token.sessionVersion,
          sessionId: token.sessionId,
        };
      }
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      const claims = sessionClaimsOf(token, null);
      if (!claims) return;
      const header = headerOf(await currentRequestHeaders());
      await endSession(
        db(),
        { sessionId: claims.sessionId, userId: claims.userId },
        { requestId: requestIdFrom(header("x-request-id")), client: clientInfoFrom(header) },
      );
    },
  },
  logger: {
    // An ended session is the expected answer to a replayed cookie, not a fault worth a stack trace.
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR" && metadata instanceof SessionEndedError) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};
