// The form plumbing both sides share: a form's fields as plain input, and the browser's own
// INVALID answer, which must read exactly like the server's for the same input.
import { describe, expect, it } from "vitest";
import { invalidInput } from "@/lib/form-failure";
import { formInput } from "@/lib/form-input";
import { logFeedbackSchema } from "@/lib/schemas/feedback";
import { fromZodError } from "@/lib/server/operations/errors";

describe("formInput", () => {
  it("drops empty fields and React's own, keeps repeated fields as arrays", () => {
    const form = new FormData();
    form.append("title", "Go live");
    form.append("note", "   ");
    form.append("$ACTION_ID_abc", "");
    form.append("letters", "R");
    form.append("letters", "C");
    expect(formInput(form)).toEqual({ title: "Go live", letters: ["R", "C"] });
  });
});

describe("invalidInput", () => {
  it("gives the same field errors as the server gives for the same input", () => {
    const form = new FormData();
    form.append("projectId", "not-an-id");
    form.append("kind", "SAFETY");
    const parsed = logFeedbackSchema.safeParse(formInput(form));
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const browser = invalidInput(parsed.error);
    const server = fromZodError(parsed.error);
    expect(browser).toMatchObject({ ok: false, code: "INVALID", message: server.message });
    expect(browser.fieldErrors).toEqual(server.fieldErrors);
    expect(Object.keys(browser.fieldErrors ?? {})).toEqual(expect.arrayContaining(["projectId", "body"]));
  });
});
