import { describe, expect, it } from "vitest";
import { groupByField, normaliseReason } from "@/lib/domain/violations";

describe("groupByField", () => {
  it("groups messages by field in order and leaves out violations without one", () => {
    expect(
      groupByField([
        { code: "A", message: "first", field: "reason" },
        { code: "B", message: "about the record" },
        { code: "C", message: "second", field: "reason" },
        { code: "D", message: "date", field: "date" },
      ]),
    ).toEqual({ reason: ["first", "second"], date: ["date"] });
  });

  it("is undefined when no violation names a field", () => {
    expect(groupByField([{ code: "A", message: "whole record" }])).toBeUndefined();
    expect(groupByField([])).toBeUndefined();
  });
});

describe("normaliseReason", () => {
  it("trims and collapses whitespace", () => {
    expect(normaliseReason("  Supplier \n delivery   slipped ")).toBe("Supplier delivery slipped");
  });
});
