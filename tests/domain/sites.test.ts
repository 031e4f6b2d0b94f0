import { describe, expect, it } from "vitest";
import {
  normaliseSiteCode,
  normaliseSiteText,
  SITE_VIOLATION as S,
  siteCodeViolations,
  siteKindViolations,
  siteNameViolations,
} from "@/lib/domain/sites";
import { createSiteSchema, updateSiteSchema } from "@/lib/schemas/sites";

describe("siteCodeViolations", () => {
  it("accepts 2 to 10 capital letters or digits", () => {
    for (const code of ["NG", "NGH", "RDH2", "ABCDEFGHIJ", "12"])
      expect(siteCodeViolations(code)).toEqual([]);
  });

  it("refuses codes too short, too long, in lower case or with anything but letters and digits, beside the code", () => {
    for (const code of ["N", "ABCDEFGHIJK", "ngh", "NG H", "NG-H", "ÉCO", ""]) {
      expect(siteCodeViolations(code)).toEqual([
        {
          code: S.codeFormat,
          field: "code",
          message: "Enter a code of 2 to 10 letters or digits, no spaces, such as NGH",
        },
      ]);
    }
  });

  it("keeps a code trimmed and in capitals, so a code typed in lower case is the same code", () => {
    expect(normaliseSiteCode("  ngh ")).toBe("NGH");
    expect(siteCodeViolations(normaliseSiteCode("rdh2"))).toEqual([]);
  });
});

describe("siteNameViolations and siteKindViolations", () => {
  it("accept a name of 3 to 120 characters and a kind of 3 to 100", () => {
    expect(siteNameViolations("Riverside District Hospital")).toEqual([]);
    expect(siteNameViolations("A".repeat(120))).toEqual([]);
    expect(siteKindViolations("Acute hospital (812 beds, ED, major theatres)")).toEqual([]);
    expect(siteKindViolations("Hub")).toEqual([]);
  });

  it("refuse one too short or too long, saying which limit, beside the field", () => {
    expect(siteNameViolations("RD")).toEqual([
      { code: S.nameLength, field: "name", message: "Enter the site's name (at least 3 characters)" },
    ]);
    expect(siteNameViolations("A".repeat(121))).toEqual([
      { code: S.nameLength, field: "name", message: "The site's name must be 120 characters or fewer" },
    ]);
    expect(siteKindViolations("GP")).toEqual([
      { code: S.kindLength, field: "kind", message: "Enter the kind of site (at least 3 characters)" },
    ]);
    expect(siteKindViolations("A".repeat(101))[0]?.message).toBe(
      "The kind of site must be 100 characters or fewer",
    );
  });

  it("judges names and kinds as kept: trimmed, runs of spaces collapsed", () => {
    expect(normaliseSiteText("  Riverside   District\tHospital ")).toBe("Riverside District Hospital");
  });
});

describe("the site schemas run the same rules, as the form is sent", () => {
  it("normalise what was typed", () => {
    expect(
      createSiteSchema.parse({ code: " wtc ", name: " Westbridge  Treatment Centre", kind: "Day surgery" }),
    ).toEqual({
      code: "WTC",
      name: "Westbridge Treatment Centre",
      kind: "Day surgery",
    });
  });

  it("say what is missing or wrong beside each field", () => {
    const missing = createSiteSchema.safeParse({});
    expect(missing.success ? {} : missing.error.flatten().fieldErrors).toEqual({
      code: ["Enter the site's code"],
      name: ["Enter the site's name"],
      kind: ["Enter the kind of site"],
    });
    const wrong = createSiteSchema.safeParse({ code: "N G", name: "  ", kind: "GP" });
    expect(wrong.success ? {} : wrong.error.flatten().fieldErrors).toEqual({
      code: ["Enter a code of 2 to 10 letters or digits, no spaces, such as NGH"],
      name: ["Enter the site's name"],
      kind: ["Enter the kind of site (at least 3 characters)"],
    });
  });

  it("never take a code in an edit: the code is fixed once the site exists", () => {
    const parsed = updateSiteSchema.parse({
      siteId: "6f1c1f0e-0000-4000-8000-000000000000",
      code: "NEW",
      name: "Riverside Hospital",
      kind: "District general hospital",
    });
    expect(parsed).not.toHaveProperty("code");
  });
});
