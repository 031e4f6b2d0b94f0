import { z } from "zod";
import { RACI_LETTERS } from "@/lib/domain/vocabulary";
import { id } from "./common";

// The letter the form showed for the person, so a change made meanwhile by someone else is refused
// rather than overwritten (rule 8): RACI rows carry no version, and the letter is all they hold.
const currentLetter = z.enum([...RACI_LETTERS, "NONE"], {
  error: "Reload the page and try again",
});

export const assignRaciSchema = z.object({
  projectId: id("project"),
  userId: id("person"),
  // The A changes hands only through handOverAccountable, so there is never zero or two.
  letter: z.enum(RACI_LETTERS).exclude(["A"], { error: "Choose R, C or I (hand over the A separately)" }),
  /** The person's letter on the project when the form was shown; "NONE" when they held none. */
  currentLetter,
});
export type AssignRaciInput = z.input<typeof assignRaciSchema>;

export const removeRaciSchema = z.object({
  projectId: id("project"),
  userId: id("person"),
  /** The letter being removed, as the form showed it. */
  currentLetter: currentLetter.exclude(["NONE"], { error: "Reload the page and try again" }),
});
export type RemoveRaciInput = z.input<typeof removeRaciSchema>;

export const handOverAccountableSchema = z.object({
  projectId: id("project"),
  toUserId: id("new Accountable"),
  /**
   * The Accountable the form showed ("NONE" if there was none): two hand-overs from the same page
   * must not both succeed, the second silently replacing the first (rule 8).
   */
  currentAccountableId: z.union([z.literal("NONE"), id("current Accountable")], {
    error: "Reload the page and try again",
  }),
  /** What the outgoing Accountable keeps: a lesser letter, or nothing. */
  previousHolderBecomes: z
    .enum([...RACI_LETTERS, "NONE"])
    .exclude(["A"])
    .default("I"),
});
export type HandOverAccountableInput = z.input<typeof handOverAccountableSchema>;
