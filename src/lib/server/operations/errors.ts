import "server-only";
// Expected failures carry a message meant for the user. Anything else (a bug, a lost database) is
// logged and replaced by a generic message: no stack trace or raw database text reaches a user.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Failure, FailureCode, FieldErrors } from "@/lib/action-result";

export class OperationError extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "OperationError";
  }
}

export const forbidden = (what = "do this") =>
  new OperationError("FORBIDDEN", `You do not have permission to ${what}.`);

export const notFound = (what: string) => new OperationError("NOT_FOUND", `${what} was not found.`);

export const conflict = (what: string) =>
  new OperationError(
    "CONFLICT",
    `Someone else changed this ${what} while you were editing it. Reload to see their change, then try again.`,
  );

/** A governance rule refused the change; `gaps` are the named reasons, joined for the message. */
export function ruleBroken(gaps: readonly { message: string }[], field?: string): OperationError {
  const message = gaps.map((gap) => gap.message).join(". ");
  return new OperationError("RULE", message, field ? { [field]: gaps.map((gap) => gap.message) } : undefined);
}

export function fromZodError(error: z.ZodError): OperationError {
  const { fieldErrors } = z.flattenError(error) as { fieldErrors: Record<string, string[] | undefined> };
  const clean: FieldErrors = {};
  for (const [field, messages] of Object.entries(fieldErrors)) if (messages?.length) clean[field] = messages;
  return new OperationError("INVALID", "Some fields need attention.", clean);
}

// Constraint violations that the rules should have caught first (a race, or a direct caller) still
// get a readable answer. Under adapter-pg `meta.target` is unreliable, so we go by code only.
function fromPrismaError(error: Prisma.PrismaClientKnownRequestError): OperationError | undefined {
  switch (error.code) {
    case "P2002":
      return new OperationError("CONFLICT", "That would duplicate something that already exists.");
    case "P2003":
      return new OperationError("INVALID", "That refers to something that no longer exists.");
    case "P2025":
      return new OperationError("NOT_FOUND", "That record no longer exists.");
    case "P2034":
      return new OperationError("CONFLICT", "Someone else changed this at the same time. Please try again.");
    default:
      return undefined;
  }
}

export function toFailure(error: unknown): Failure {
  const known =
    error instanceof OperationError
      ? error
      : error instanceof z.ZodError
        ? fromZodError(error)
        : error instanceof Prisma.PrismaClientKnownRequestError
          ? fromPrismaError(error)
          : undefined;
  if (known) {
    return {
      ok: false,
      code: known.code,
      message: known.message,
      ...(known.fieldErrors ? { fieldErrors: known.fieldErrors } : {}),
    };
  }
  console.error("Unexpected error in an operation", error);
  return {
    ok: false,
    code: "RULE",
    message: "Something went wrong and nothing was changed. Please try again.",
  };
}
