// The trust's sites (hospitals, community centres, directorates' bases) as an administrator keeps
// them. Pure: the input schema (src/lib/schemas/sites.ts) runs these checks, so the browser and the
// server refuse the same things with the same words.
//
// A site's code is an identifier people quote (in the portfolio's filter, in reports, on project
// pages beside the site's name), so it is short, upper case and fixed once the site exists: only
// its name and kind change later.
import type { FieldViolation } from "./violations";

export const SITE_CODE_LENGTH = { min: 2, max: 10 } as const;
export const SITE_NAME_LENGTH = { min: 3, max: 120 } as const;
export const SITE_KIND_LENGTH = { min: 3, max: 100 } as const;

export const SITE_VIOLATION = {
  codeFormat: "SITE_CODE_FORMAT",
  nameLength: "SITE_NAME_LENGTH",
  kindLength: "SITE_KIND_LENGTH",
} as const;

const CODE = new RegExp(`^[A-Z0-9]{${SITE_CODE_LENGTH.min},${SITE_CODE_LENGTH.max}}$`);

/** A code as it is kept: trimmed and in capitals, so "ngh " and "NGH" are the same code. */
export function normaliseSiteCode(code: string): string {
  return code.trim().toUpperCase();
}

/** A name or kind as it is kept: trimmed, runs of whitespace collapsed. */
export function normaliseSiteText(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

/** The code, already normalised: 2 to 10 capital letters or digits, such as NGH or RDH2. */
export function siteCodeViolations(code: string): FieldViolation[] {
  if (CODE.test(code)) return [];
  return [
    {
      code: SITE_VIOLATION.codeFormat,
      field: "code",
      message: `Enter a code of ${SITE_CODE_LENGTH.min} to ${SITE_CODE_LENGTH.max} letters or digits, no spaces, such as NGH`,
    },
  ];
}

function lengthViolations(
  value: string,
  limits: { min: number; max: number },
  violation: { code: string; field: string; label: string },
): FieldViolation[] {
  if (value.length >= limits.min && value.length <= limits.max) return [];
  const message =
    value.length < limits.min
      ? `Enter ${violation.label} (at least ${limits.min} characters)`
      : `${violation.label[0]?.toUpperCase()}${violation.label.slice(1)} must be ${limits.max} characters or fewer`;
  return [{ code: violation.code, field: violation.field, message }];
}

/** The site's name, already normalised: 3 to 120 characters. */
export function siteNameViolations(name: string): FieldViolation[] {
  return lengthViolations(name, SITE_NAME_LENGTH, {
    code: SITE_VIOLATION.nameLength,
    field: "name",
    label: "the site's name",
  });
}

/** What kind of site it is ("Acute hospital", "Community centre"), already normalised: 3 to 100 characters. */
export function siteKindViolations(kind: string): FieldViolation[] {
  return lengthViolations(kind, SITE_KIND_LENGTH, {
    code: SITE_VIOLATION.kindLength,
    field: "kind",
    label: "the kind of site",
  });
}
