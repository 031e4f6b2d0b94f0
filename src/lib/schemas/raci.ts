import { z } from "zod";
import { id } from "./common";

export const assignRaciSchema = z.object({
  projectId: id("project"),
  userId: id("person"),
  // The A changes hands only through handOverAccountable, so there is never zero or two.
  letter: z.enum(["R", "C", "I"], { error: "Choose R, C or I (hand over the A separately)" }),
});
export type AssignRaciInput = z.input<typeof assignRaciSchema>;

export const removeRaciSchema = z.object({ projectId: id("project"), userId: id("person") });
export type RemoveRaciInput = z.input<typeof removeRaciSchema>;

export const handOverAccountableSchema = z.object({
  projectId: id("project"),
  toUserId: id("new Accountable"),
  /** What the outgoing Accountable keeps: a lesser letter, or nothing. */
  previousHolderBecomes: z.enum(["R", "C", "I", "NONE"]).default("I"),
});
export type HandOverAccountableInput = z.input<typeof handOverAccountableSchema>;
