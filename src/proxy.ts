// Runs before every page and API request. Two jobs:
// 1. The browser-facing protections (issue #11): a fresh nonce and the Content-Security-Policy
//    built on it, set on the request (Next.js reads the nonce from there and puts it on its own
//    scripts) and on the response, with the other security headers (src/lib/security/headers.ts).
// 2. A fast first gate: requests without a session cookie go to the sign-in page. It only reads
//    the signed token; the authoritative check (user exists, is active, session not revoked) is
//    requireActor()/getActor() in every page and action.
import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { cookiePolicy } from "@/lib/auth/cookies";
import { getEnv } from "@/lib/env";
import { contentSecurityPolicy, newNonce, securityHeaders, servedOverHttps } from "@/lib/security/headers";

/** Reachable without a session: the sign-in page, next-auth's own routes and the health check. */
const PUBLIC = /^\/(signin|api\/auth|api\/health)(\/|$)/;

export async function proxy(request: NextRequest) {
  const env = getEnv();
  const policy = { nonce: newNonce(), development: env.NODE_ENV === "development" };
  const https = servedOverHttps({
    nextAuthUrl: env.NEXTAUTH_URL,
    forwardedProto: request.headers.get("x-forwarded-proto"),
  });

  let response: NextResponse;
  if (PUBLIC.test(request.nextUrl.pathname) || (await hasSessionToken(request, env.NEXTAUTH_URL))) {
    const forwarded = new Headers(request.headers);
    forwarded.set("Content-Security-Policy", contentSecurityPolicy(policy));
    forwarded.set("x-nonce", policy.nonce);
    response = NextResponse.next({ request: { headers: forwarded } });
  } else {
    const signIn = new URL("/signin", request.url);
    const wanted = request.nextUrl.pathname + request.nextUrl.search;
    if (wanted !== "/") signIn.searchParams.set("callbackUrl", wanted);
    response = NextResponse.redirect(signIn);
  }
  for (const [name, value] of Object.entries(securityHeaders({ ...policy, https }))) {
    response.headers.set(name, value);
  }
  return response;
}

async function hasSessionToken(request: NextRequest, nextAuthUrl: string | undefined): Promise<boolean> {
  // The cookie name next-auth writes (src/lib/auth/options.ts), from the same function.
  const { sessionTokenName, secure } = cookiePolicy(nextAuthUrl);
  const token = await getToken({
    req: request,
    secret: getEnv().AUTH_SECRET,
    cookieName: sessionTokenName,
    secureCookie: secure,
  });
  return token !== null;
}

export const config = {
  // Everything but static assets, which carry no script and no data.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
