// A submitted form as plain input, the same on both sides: the browser validates it with the
// operation's own zod schema before sending, and the server action hands it to the operation.
// Empty fields are absent (so optional fields read as "not given"); repeated fields are arrays.

export type FormInput = Record<string, string | string[]>;

export function formInput(form: FormData): FormInput {
  const input: FormInput = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue; // React's own bookkeeping fields
    const values = form.getAll(key).filter((v): v is string => typeof v === "string" && v.trim() !== "");
    if (values.length === 1) input[key] = values[0] as string;
    else if (values.length > 1) input[key] = values;
  }
  return input;
}
