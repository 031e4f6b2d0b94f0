// What every server action returns: data on success, or a code, a message for people and field
// errors to show beside form fields. Shared by actions (server) and forms (client).
export type FailureCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID" | "RULE" | "CONFLICT";

export type FieldErrors = Record<string, string[]>;

export type Failure = { ok: false; code: FailureCode; message: string; fieldErrors?: FieldErrors };

export type ActionResult<T = void> = { ok: true; data: T; message?: string } | Failure;
