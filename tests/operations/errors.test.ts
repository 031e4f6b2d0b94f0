// What reaches a user when an operation fails: expected errors keep their message; database and
// unexpected errors become plain sentences with no database text or stack.
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { OperationError, toFailure } from "@/lib/server/operations/errors";
import { runOperation } from "@/lib/server/operations/run";

const prismaError = (code: string, message: string) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "7" });

afterEach(() => vi.restoreAllMocks());

describe("toFailure", () => {
  it("keeps an expected error's code, message and field errors", () => {
    const error = new OperationError("RULE", "No Accountable: assign exactly one active person as A", {
      letter: ["No Accountable"],
    });
    expect(toFailure(error)).toEqual({
      ok: false,
      code: "RULE",
      message: "No Accountable: assign exactly one active person as A",
      fieldErrors: { letter: ["No Accountable"] },
    });
  });

  it("turns invalid input into field errors", () => {
    const parsed = z.object({ title: z.string().min(1, "Enter a title") }).safeParse({ title: "" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(toFailure(parsed.error)).toMatchObject({
      code: "INVALID",
      fieldErrors: { title: ["Enter a title"] },
    });
  });

  it.each([
    ["P2002", "CONFLICT"],
    ["P2003", "INVALID"],
    ["P2025", "NOT_FOUND"],
    ["P2034", "CONFLICT"],
  ])("maps database error %s to %s without the database's own text", (code, expected) => {
    const failure = toFailure(
      prismaError(code, 'duplicate key value violates unique constraint "Project_code_key"'),
    );
    expect(failure.code).toBe(expected);
    expect(failure.message).not.toMatch(/constraint|Project_code_key|duplicate key/);
  });

  it("replaces anything unexpected with UNEXPECTED and a reference that is in the server log", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failure = toFailure(new TypeError("Cannot read properties of undefined (reading 'id')"), "req-42");
    expect(failure.code).toBe("UNEXPECTED");
    expect(failure.reference).toMatch(/^[0-9A-F]{8}$/);
    expect(failure.message).toMatch(/^Something went wrong and nothing was changed\./);
    expect(failure.message).toContain(failure.reference);
    expect(JSON.stringify(failure)).not.toContain("Cannot read properties");
    expect(log).toHaveBeenCalledOnce();
    const logged = String(log.mock.calls[0]?.[0]);
    expect(logged).toContain(failure.reference);
    expect(logged).toContain("req-42");
  });

  it("gives each unexpected failure its own reference", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const first = toFailure(new Error("one"));
    const second = toFailure(new Error("two"));
    expect(first.reference).not.toBe(second.reference);
  });

  it("does the same for a database error it has no sentence for", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failure = toFailure(prismaError("P2039", 'new row violates check constraint "Risk_impact_check"'));
    expect(failure.code).toBe("UNEXPECTED");
    expect(JSON.stringify(failure)).not.toContain("Risk_impact_check");
  });
});

describe("runOperation", () => {
  it("logs an unexpected failure under the actor's request id (FRAME-1)", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await runOperation({ requestId: "req-7f3a" }, async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    });
    expect(result).toMatchObject({ ok: false, code: "UNEXPECTED" });
    expect(String(log.mock.calls[0]?.[0])).toContain("request req-7f3a");
  });

  it("returns the work's data with the success message", async () => {
    await expect(runOperation({ requestId: "req-1" }, async () => 42, "Saved.")).resolves.toEqual({
      ok: true,
      data: 42,
      message: "Saved.",
    });
  });
});
