import { z } from "zod";
import { OBJECTIVE_STATUSES } from "@/lib/domain/vocabulary";
import { calendarDate, id, scorecardCategory, text, version } from "./common";

/** Codes such as SO-10 or PIL-2, stored upper-case. */
export const objectiveCode = z
  .string({ error: "Enter a code, for example SO-10" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{0,7}-\d{1,4}$/, "Use a code such as SO-10: letters, a hyphen, then a number");

const targetAfterStart = {
  error: "The target date must be after the start date",
  path: ["targetDate"],
};

const objectiveFields = {
  title: text("a title", 200),
  description: text("a description", 4000),
  category: scorecardCategory,
  startDate: calendarDate("the start date"),
  targetDate: calendarDate("the target date"),
  // Optional: a pillar has no parent. An absent field (an empty select) means none.
  parentId: id("parent objective").optional(),
};

export const createObjectiveSchema = z
  .object({
    code: objectiveCode,
    ...objectiveFields,
    // The creating executive owns the objective unless they name another owner.
    ownerId: id("owner").optional(),
    status: z
      .enum(OBJECTIVE_STATUSES)
      .extract(["DRAFT", "ACTIVE"], { error: "Choose draft or active" })
      .default("ACTIVE"),
  })
  .refine((o) => o.targetDate > o.startDate, targetAfterStart);
export type CreateObjectiveInput = z.input<typeof createObjectiveSchema>;

// The whole edit form: every editable field is sent, so an absent parent means "no parent". The
// code is the objective's identity in papers and minutes and does not change; the owner is
// unchanged unless one is named.
export const updateObjectiveSchema = z
  .object({
    objectiveId: id("objective"),
    version,
    ...objectiveFields,
    ownerId: id("owner").optional(),
    status: z.enum(OBJECTIVE_STATUSES, { error: "Choose a status" }),
  })
  .refine((o) => o.targetDate > o.startDate, targetAfterStart);
export type UpdateObjectiveInput = z.input<typeof updateObjectiveSchema>;
