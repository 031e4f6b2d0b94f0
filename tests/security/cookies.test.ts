// Session cookies: HttpOnly, SameSite=Lax, Secure and `__Secure-`-named behind https, and the
// proxy reads the very cookie next-auth writes (issue #11). The proxy is the real one, given
// requests the way Next.js gives them.
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cookiePolicy } from "@/lib/auth/cookies";

const SECRET = "a-test-secret-of-at-least-32-characters-long";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("the cookie policy", () => {
  it("is Secure and __Secure-/__Host- prefixed when the public address is https", () => {
    const policy = cookiePolicy("https://throughline.example");
    expect(policy.secure).toBe(true);
    expect(policy.sessionTokenName).toBe("__Secure-next-auth.session-token");
    expect(policy.cookies.sessionToken?.options).toMatchObject({
      httpOnly: true,
      sameSite: "lax",
      secure: true,
    });
    expect(policy.cookies.csrfToken?.name).toBe("__Host-next-auth.csrf-token");
    expect(policy.cookies.callbackUrl?.options).toMatchObject({ httpOnly: true, secure: true });
  });

  it.each([undefined, "http://localhost:3000"])(
    "is plain but still HttpOnly and Lax over http (%s)",
    (url) => {
      const policy = cookiePolicy(url);
      expect(policy.secure).toBe(false);
      expect(policy.sessionTokenName).toBe("next-auth.session-token");
      expect(policy.cookies.sessionToken?.options).toMatchObject({
        httpOnly: true,
        sameSite: "lax",
        secure: false,
      });
    },
  );
});

async function loadWith(env: Record<string, string>) {
  vi.stubEnv("AUTH_SECRET", SECRET);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  const { proxy } = await import("@/proxy");
  const { authOptions } = await import("@/lib/auth/options");
  return { proxy, authOptions };
}

async function sessionCookie(name: string): Promise<string> {
  const token = await encode({
    token: { sub: "user-1", role: "PROJECT_MANAGER", sessionVersion: 0 },
    secret: SECRET,
  });
  return `${name}=${token}`;
}

describe("next-auth and the proxy agree on the session cookie", () => {
  it("behind https: next-auth writes __Secure-…, the proxy lets that cookie in", async () => {
    const { proxy, authOptions } = await loadWith({ NEXTAUTH_URL: "https://tl.example" });
    expect(authOptions.useSecureCookies).toBe(true);
    const name = authOptions.cookies?.sessionToken?.name as string;
    expect(name).toBe("__Secure-next-auth.session-token");
    const request = new NextRequest("https://tl.example/my-work", {
      headers: { cookie: await sessionCookie(name), "x-forwarded-proto": "https" },
    });
    const response = await proxy(request);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=/);
  });

  it("over http: the plain name, and no HSTS", async () => {
    const { proxy, authOptions } = await loadWith({});
    const name = authOptions.cookies?.sessionToken?.name as string;
    expect(name).toBe("next-auth.session-token");
    const response = await proxy(
      new NextRequest("http://127.0.0.1:3100/my-work", { headers: { cookie: await sessionCookie(name) } }),
    );
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("a TLS proxy without NEXTAUTH_URL changes neither: the plain cookie is still the session", async () => {
    const { proxy, authOptions } = await loadWith({});
    // Left to itself next-auth would switch to __Secure- names on this header; the proxy would not.
    expect(authOptions.useSecureCookies).toBe(false);
    const response = await proxy(
      new NextRequest("http://127.0.0.1:3100/my-work", {
        headers: { cookie: await sessionCookie("next-auth.session-token"), "x-forwarded-proto": "https" },
      }),
    );
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=/);
  });

  it("without a session the proxy sends to sign-in, with the security headers on the redirect too", async () => {
    const { proxy } = await loadWith({});
    const response = await proxy(new NextRequest("http://127.0.0.1:3100/my-work"));
    expect(new URL(response.headers.get("location") as string).pathname).toBe("/signin");
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("the sign-in page is reachable without a session and gets a nonce of its own", async () => {
    const { proxy } = await loadWith({});
    const first = await proxy(new NextRequest("http://127.0.0.1:3100/signin"));
    const second = await proxy(new NextRequest("http://127.0.0.1:3100/signin"));
    expect(first.headers.get("location")).toBeNull();
    const nonce = (r: Response) =>
      /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce(first)).toBeTruthy();
    expect(nonce(first)).not.toBe(nonce(second));
  });
});
