import { describe, expect, it } from "vitest";
import { CALLBACK_PATH_MAX_LENGTH, safeCallbackPath } from "@/lib/auth/callback-url";

const ORIGIN = "https://throughline.trust.example";

describe("the path to return to after signing in (issue #11, open redirects)", () => {
  it.each([
    ["/objectives", "/objectives"],
    ["/projects/PRJ-001/milestones", "/projects/PRJ-001/milestones"],
    ["/portfolio?page=2&status=ACTIVE", "/portfolio?page=2&status=ACTIVE"],
    ["/portfolio?q=100%25", "/portfolio?q=100%25"],
    ["/projects/PRJ-001#risks", "/projects/PRJ-001#risks"],
    ["/projects/./PRJ-001/../PRJ-002", "/projects/PRJ-002"],
  ])("keeps a path on this site: %s", (raw, expected) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(expected);
  });

  it.each([
    // The issue's own case: Next.js hands the page the decoded value "/\evil.example".
    ["a backslash after the slash", "/\\evil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["an encoded backslash in lower case", "/%5cevil.example"],
    ["a doubly encoded backslash", "/%255Cevil.example"],
    ["a backslash later in the path", "/projects\\..\\\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a protocol-relative URL", "//evil.example"],
    ["a protocol-relative URL with a path", "//evil.example/objectives"],
    ["three slashes", "///evil.example"],
    ["an encoded second slash", "/%2Fevil.example"],
    ["dot segments collapsing into two slashes", "/.//evil.example"],
    ["an absolute URL to another host", "https://evil.example/objectives"],
    ["an absolute URL to this very host", `${ORIGIN}/objectives`],
    ["an absolute URL with user info", `https://throughline.trust.example@evil.example/`],
    ["a scheme-relative http URL", "http:evil.example"],
    ["javascript:", "javascript:alert(document.cookie)"],
    ["JavaScript: in mixed case with a leading space", " JavaScript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["a tab between the slashes", "/\t/evil.example"],
    ["a newline between the slashes", "/\n/evil.example"],
    ["an encoded tab between the slashes", "/%09/evil.example"],
    ["a NUL", "/objectives\u0000"],
    ["an encoded NUL", "/objectives%00"],
    ["DEL", "/objectives\u007f"],
    ["a C1 control", "/objectives\u0085"],
    ["a leading space", " /objectives"],
    ["a relative path", "objectives"],
    ["an empty value", ""],
    ["the sign-in page itself", "/signin?callbackUrl=/objectives"],
    ["next-auth's own routes", "/api/auth/signout"],
    ["an overlong value", `/${"a".repeat(CALLBACK_PATH_MAX_LENGTH)}`],
  ])("refuses %s and falls back to the landing page", (_label, raw) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe("/");
  });

  it("falls back when there is no callback at all", () => {
    expect(safeCallbackPath(undefined, ORIGIN)).toBe("/");
    expect(safeCallbackPath(null, ORIGIN)).toBe("/");
    expect(safeCallbackPath([], ORIGIN)).toBe("/");
  });

  it("takes a single value given as a list, and refuses a repeated parameter even if one is safe", () => {
    expect(safeCallbackPath(["/objectives"], ORIGIN)).toBe("/objectives");
    expect(safeCallbackPath(["/objectives", "//evil.example"], ORIGIN)).toBe("/");
    expect(safeCallbackPath(["/objectives", "/portfolio"], ORIGIN)).toBe("/");
  });

  it("uses the caller's fallback", () => {
    expect(safeCallbackPath("//evil.example", ORIGIN, "/my-work")).toBe("/my-work");
  });

  it("falls back when the origin itself cannot be parsed", () => {
    expect(safeCallbackPath("/objectives", "not an origin")).toBe("/");
  });
});
