import { z } from "zod";
import {
  normaliseSiteCode,
  normaliseSiteText,
  siteCodeViolations,
  siteKindViolations,
  siteNameViolations,
} from "@/lib/domain/sites";
import type { FieldViolation } from "@/lib/domain/violations";
import { id } from "./common";

/**
 * A text field normalised as the domain keeps it, then judged by the domain's rule
 * (src/lib/domain/sites.ts), so the browser refuses what the server would, in the same words.
 */
const judged = (
  blank: string,
  normalise: (value: string) => string,
  violations: (value: string) => FieldViolation[],
) =>
  z
    .string({ error: blank })
    .transform(normalise)
    .superRefine((value, ctx) => {
      if (value === "") {
        ctx.addIssue({ code: "custom", message: blank });
        return;
      }
      for (const v of violations(value)) ctx.addIssue({ code: "custom", message: v.message });
    });

const siteCode = judged("Enter the site's code", normaliseSiteCode, siteCodeViolations);
const siteName = judged("Enter the site's name", normaliseSiteText, siteNameViolations);
const siteKind = judged("Enter the kind of site", normaliseSiteText, siteKindViolations);

export const createSiteSchema = z.object({ code: siteCode, name: siteName, kind: siteKind });
export type CreateSiteInput = z.input<typeof createSiteSchema>;

/** No code: a site's code is fixed once it exists (people quote it); a code sent is ignored. */
export const updateSiteSchema = z.object({ siteId: id("site"), name: siteName, kind: siteKind });
export type UpdateSiteInput = z.input<typeof updateSiteSchema>;
