import "server-only";
// After a password change every session of the account ends (the session version moves on), except
// the one that made the change: its cookie is re-issued here at the new version, with the same
// subject and sign-in time. The token is the one next-auth wrote, decoded and re-encoded with the
// same secret, name and flags (./cookies), so nothing but the version changes.
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { cookiePolicy } from "./cookies";
import { SESSION_MAX_AGE_SECONDS } from "./options";

export async function renewOwnSession(sessionVersion: number): Promise<void> {
  const env = getEnv();
  const secret = env.AUTH_SECRET;
  if (!secret) return;
  const policy = cookiePolicy(env.NEXTAUTH_URL);
  const store = await cookies();
  const current = store.get(policy.sessionTokenName)?.value;
  if (!current) return;
  const token = await decode({ token: current, secret });
  if (!token) return;
  const renewed = await encode({
    token: { ...token, sessionVersion },
    secret,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  const options = policy.cookies.sessionToken?.options ?? {};
  store.set(policy.sessionTokenName, renewed, { ...options, maxAge: SESSION_MAX_AGE_SECONDS });
}
