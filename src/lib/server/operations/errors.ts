import "server-only";
// Expected failures carry a message meant for the user. Anything else (a bug, a lost database) is
// logged and replaced by a generic message: no stack trace or raw database text reaches a user.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Failure, FailureCode, FieldErrors } from "@/lib/action-result";
import { type FieldViolation, groupByField } from "@/lib/domain/violations";

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

/** Input that cannot be used as given, with what to fix beside each field. */
export const invalid = (fieldErrors: FieldErrors) =>
  new OperationError("INVALID", "Some fields need attention.", fieldErrors);

/**
 * A governance rule refused the change: every violation named in the message, each beside its own
 * field, or beside `field` when it names none (rules that know nothing of forms name none).
 */
export function refuse(violations: readonly FieldViolation[], field?: string): OperationError {
  const message = violations.map((v) => v.message).join(". ");
  const placed = field ? violations.map((v) => ({ ...v, field: v.field ?? field })) : violations;
  return new OperationError("RULE", message, groupByField(placed));
}

/** Violations with the field `fieldOf` names for their code; codes it does not name keep their own. */
export function placeByCode(
  violations: readonly FieldViolation[],
  fieldOf: Readonly<Record<string, string>>,
): FieldViolation[] {
  return violations.map((v) => ({ ...v, field: fieldOf[v.code] ?? v.field }));
}

/** The reason checks' codes (domain `computeReasonViolations`), each beside the form's reason field. */
export const REASON_FIELD: Readonly<Record<string, string>> = {
  REASON_REQUIRED: "reason",
  REASON_TOO_SHORT: "reason",
  REASON_TOO_LONG: "reason",
  REASON_NOT_MEANINGFUL: "reason",
};

export function fromZodError(error: z.ZodError): OperationError {
  const { fieldErrors } = z.flattenError(error) as { fieldErrors: Record<string, string[] | undefined> };
  const clean: FieldErrors = {};
  for (const [field, messages] of Object.entries(fieldErrors)) if (messages?.length) clean[field] = messages;
  return invalid(clean);
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

/**
 * The typed failure for any error. An expected one keeps its code and message; anything else is
 * logged under a fresh reference and comes back as UNEXPECTED with that reference, never as a
 * refusal: a crash must not read as "the rules said no" (docs/governance-rules.md FRAME-1).
 * `requestId` ties the log line to the request's audit events.
 */
export function toFailure(error: unknown, requestId?: string): Failure {
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
  const reference = randomUUID().slice(0, 8).toUpperCase();
  console.error(
    `Unexpected error in an operation [reference ${reference}, request ${requestId ?? "-"}]`,
    error,
  );
  return {
    ok: false,
    code: "UNEXPECTED",
    message: `Something went wrong and nothing was changed. Please try again; if it keeps happening, quote reference ${reference}.`,
    reference,
  };
}
