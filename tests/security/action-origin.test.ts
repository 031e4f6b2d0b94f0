// act() refuses a request from another site before anything else: the session is not read and the
// operation does not run (issue #11, cross-site request forgery).
import { beforeEach, describe, expect, it, vi } from "vitest";

const request = { headers: new Headers() };
// Reading the session starts with the session cookie (src/lib/auth/session.ts); there is none here.
const readCookies = vi.fn(async () => ({ get: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => request.headers, cookies: readCookies }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { act } = await import("@/lib/server/actions");

describe("act() and the request's Origin", () => {
  const operation = vi.fn(async () => ({ ok: true as const, data: null }));

  beforeEach(() => {
    readCookies.mockClear();
    operation.mockClear();
  });

  it("refuses another site's page as FORBIDDEN with a plain message, reading nothing", async () => {
    request.headers = new Headers({ host: "127.0.0.1:3100", origin: "https://evil.example" });
    const result = await act(operation, new FormData());
    expect(result).toEqual({ ok: false, code: "FORBIDDEN", message: expect.stringMatching(/another site/) });
    expect(readCookies).not.toHaveBeenCalled();
    expect(operation).not.toHaveBeenCalled();
  });

  it("lets the app's own page through to the session check", async () => {
    request.headers = new Headers({ host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100" });
    const result = await act(operation, new FormData());
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(readCookies).toHaveBeenCalledOnce();
  });
});
