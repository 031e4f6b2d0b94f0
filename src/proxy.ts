// A fast first gate: requests without a session cookie go to the sign-in page. It only reads the
// signed token; the authoritative check (user exists, is active, session not revoked) is
// requireActor()/getActor() in every page and action.
import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { getEnv } from "@/lib/env";

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: getEnv().AUTH_SECRET });
  if (token) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  const wanted = request.nextUrl.pathname + request.nextUrl.search;
  if (wanted !== "/") signIn.searchParams.set("callbackUrl", wanted);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything but the sign-in page, next-auth's own routes and static assets.
  matcher: ["/((?!signin|api/auth|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
