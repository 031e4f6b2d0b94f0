// What every server action returns: data on success, or a code, a message for people and field
// errors to show beside form fields. Shared by actions (server) and forms (client).
//
// UNEXPECTED is a fault, not a refusal: nothing was changed, and `reference` is the id under which
// the server logged the real error, for the person reporting it to quote.
export type FailureCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID"
  | "RULE"
  | "CONFLICT"
  | "UNEXPECTED";

export type FieldErrors = Record<string, string[]>;

export type Failure = {
  ok: false;
  code: FailureCode;
  message: string;
  fieldErrors?: FieldErrors;
  reference?: string;
};

export type ActionResult<T = void> = { ok: true; data: T; message?: string } | Failure;
