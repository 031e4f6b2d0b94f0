// next-auth configuration: email + password, stateless JWT sessions (any app instance can serve
// any request as long as they share AUTH_SECRET). The token carries the user id, role and the
// user's sessionVersion; getActor() re-checks them against the database on every request.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { authorizeCredentials, requestIdFrom } from "./authenticate";
import { cookiePolicy } from "./cookies";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60; // one working shift

export const authOptions: NextAuthOptions = {
  secret: getEnv().AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
        const forwarded = req?.headers?.["x-request-id"];
        const user = await authorizeCredentials(
          db,
          credentials,
          requestIdFrom(typeof forwarded === "string" ? forwarded : undefined),
        );
        if (!user) return null;
        return {
          id: user.id,
          name: user.name,
          email: user.email,
          role: user.role,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) {
        session.user = {
          ...session.user,
          id: token.sub,
          role: token.role,
          sessionVersion: token.sessionVersion,
        };
      }
      return session;
    },
  },
};
