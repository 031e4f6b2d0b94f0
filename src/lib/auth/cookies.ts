// The session cookie's name and flags, from one place (issue #11; OWASP ASVS 5.0 V3.3). next-auth
// (src/lib/auth/options.ts) writes the cookie and the proxy (src/proxy.ts) reads it; left to
// themselves they decide "secure" differently (next-auth from the request's forwarded protocol, the
// proxy from NEXTAUTH_URL), so behind a TLS proxy the one would look for a cookie the other never
// set. Both take it from here, from NEXTAUTH_URL alone.
import type { CookiesOptions } from "next-auth";

export interface CookiePolicy {
  /** Secure and `__Secure-`/`__Host-`-prefixed: only when the public address is https. */
  secure: boolean;
  sessionTokenName: string;
  cookies: Partial<CookiesOptions>;
}

export function cookiePolicy(nextAuthUrl: string | undefined): CookiePolicy {
  const secure = nextAuthUrl?.startsWith("https://") ?? false;
  const prefix = secure ? "__Secure-" : "";
  // HttpOnly: scripts never read them; SameSite=Lax: another site's POST does not carry them.
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  const sessionTokenName = `${prefix}next-auth.session-token`;
  return {
    secure,
    sessionTokenName,
    cookies: {
      sessionToken: { name: sessionTokenName, options },
      callbackUrl: { name: `${prefix}next-auth.callback-url`, options },
      // __Host-: bound to this exact host and path, as next-auth does for the CSRF token.
      csrfToken: { name: `${secure ? "__Host-" : ""}next-auth.csrf-token`, options },
    },
  };
}
