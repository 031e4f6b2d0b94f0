// Server actions refuse a foreign Origin (issue #11): the comparison, trick by trick.
import { describe, expect, it } from "vitest";
import { isOwnOrigin, ownOrigin } from "@/lib/security/origin";

describe("the app's own origin", () => {
  it("is the public address when NEXTAUTH_URL is set, whatever Host says", () => {
    expect(ownOrigin({ nextAuthUrl: "https://throughline.example/app", host: "evil.example" })).toBe(
      "https://throughline.example",
    );
  });

  it("is the forwarded host, then the Host, with the forwarded protocol", () => {
    expect(ownOrigin({ host: "10.0.0.5:3000", forwardedHost: "tl.example", forwardedProto: "https" })).toBe(
      "https://tl.example",
    );
    expect(ownOrigin({ host: "127.0.0.1:3100" })).toBe("http://127.0.0.1:3100");
    expect(ownOrigin({})).toBeNull();
  });
});

describe("a request may act", () => {
  const app = { host: "127.0.0.1:3100" };

  it.each([
    ["its own page", "http://127.0.0.1:3100", true],
    ["no Origin (not a cross-site browser request)", null, true],
    ["another site", "https://evil.example", false],
    ["the same host on another port", "http://127.0.0.1:3101", false],
    ["the same host over another protocol", "https://127.0.0.1:3100", false],
    ["an opaque origin", "null", false],
    ["a host that merely starts alike", "http://127.0.0.1:3100.evil.example", false],
    ["garbage", "not a url", false],
  ])("from %s: %s", (_name, origin, expected) => {
    expect(isOwnOrigin({ ...app, origin })).toBe(expected);
  });

  it("only from the public address when it is set, even if Host was forged to match", () => {
    const facts = { nextAuthUrl: "https://tl.example", host: "evil.example" };
    expect(isOwnOrigin({ ...facts, origin: "https://evil.example" })).toBe(false);
    expect(isOwnOrigin({ ...facts, origin: "https://tl.example" })).toBe(true);
  });

  it("never when the app cannot tell its own origin", () => {
    expect(isOwnOrigin({ origin: "http://127.0.0.1:3100" })).toBe(false);
  });
});
