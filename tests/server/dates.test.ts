import { describe, expect, it } from "vitest";
import { toIsoDate } from "@/lib/domain/calendar";
import { clockAt } from "@/lib/server/dates";
import { clampPage } from "@/lib/server/paging";
import { riskRag } from "@/lib/server/rag";

describe("the organisation's clock", () => {
  it("gives today as the London calendar day, not the UTC one, in summer time", () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    expect(toIsoDate(clockAt(new Date("2026-06-30T23:30:00Z"), "Europe/London").today)).toBe("2026-07-01");
    expect(toIsoDate(clockAt(new Date("2026-01-15T23:30:00Z"), "Europe/London").today)).toBe("2026-01-15");
  });
});

describe("pages", () => {
  it("keeps the page within 1..pageCount", () => {
    expect(clampPage(5, 27, 25)).toEqual({ page: 2, pageCount: 2 });
    expect(clampPage(3, 0, 25)).toEqual({ page: 1, pageCount: 1 });
    expect(clampPage(2, 50, 25)).toEqual({ page: 2, pageCount: 2 });
  });
});

describe("RAG bands", () => {
  it("bands risks by likelihood × impact", () => {
    expect([riskRag(1, 5), riskRag(2, 4), riskRag(3, 4), riskRag(3, 5)]).toEqual([
      "GREEN",
      "AMBER",
      "AMBER",
      "RED",
    ]);
  });
});
