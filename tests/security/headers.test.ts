// The security headers every response carries (issue #11, "Browser-facing hardening").
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders, servedOverHttps } from "@/lib/security/headers";

const directives = (policy: string) =>
  new Map(
    policy.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe("the Content-Security-Policy", () => {
  const policy = directives(contentSecurityPolicy({ nonce: "abc123", development: false }));

  it("lets scripts run only with this response's nonce: no 'unsafe-inline', no 'unsafe-eval'", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("refuses framing, plugins, a foreign <base> and forms posting elsewhere", () => {
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
  });

  it("allows eval only to the development server", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", development: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("nonces", () => {
  it("are fresh for every response and 128 bits of base64", () => {
    const seen = new Set(Array.from({ length: 50 }, newNonce));
    expect(seen.size).toBe(50);
    for (const nonce of seen) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("the other headers", () => {
  const plain = securityHeaders({ nonce: "n", development: false, https: false });

  it("forbid sniffing, trim the referrer and turn off camera, microphone and geolocation", () => {
    expect(plain["X-Content-Type-Options"]).toBe("nosniff");
    expect(plain["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    const permissions = plain["Permissions-Policy"]?.split(/,\s*/) ?? [];
    expect(permissions).toEqual(expect.arrayContaining(["camera=()", "microphone=()", "geolocation=()"]));
  });

  it("send HSTS over https only", () => {
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    const https = securityHeaders({ nonce: "n", development: false, https: true });
    expect(https["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
  });

  it.each([
    [{ nextAuthUrl: "https://throughline.example" }, true],
    [{ forwardedProto: "https" }, true],
    [{ forwardedProto: "https, http" }, true],
    [{ forwardedProto: "http" }, false],
    [{ nextAuthUrl: "http://localhost:3000", forwardedProto: null }, false],
    [{}, false],
  ])("know https is in front: %j → %s", (facts, expected) => {
    expect(servedOverHttps(facts)).toBe(expected);
  });
});
