import { describe, expect, it } from "vitest";
import { formatMoney, isSameAmount, negateMoney, parseMoney } from "@/lib/domain/money";

describe("parseMoney", () => {
  it.each([
    ["250000", "250000.00"],
    ["250000.5", "250000.50"],
    ["0", "0.00"],
    ["  £1,250,000.75 ", "1250000.75"],
    ["007", "7.00"],
    ["999999999999.99", "999999999999.99"],
  ])("reads %j as %j", (text, expected) => {
    expect(parseMoney(text)).toBe(expected);
  });

  it.each(["", "-5", "1.234", "12,34", "1,2345", "abc", "1e6", "1000000000000", "£"])(
    "refuses %j",
    (text) => {
      expect(parseMoney(text)).toBeNull();
    },
  );
});

describe("isSameAmount and formatMoney", () => {
  it("compares amounts by value, not by how they are written", () => {
    expect(isSameAmount("250000", "250000.00")).toBe(true);
    expect(isSameAmount("250000.01", "250000.00")).toBe(false);
    expect(isSameAmount("not money", "not money")).toBe(false);
  });

  it("formats pounds with thousands separators and pence", () => {
    expect(formatMoney("1250000.5")).toBe("£1,250,000.50");
    expect(formatMoney("0")).toBe("£0.00");
    expect(formatMoney("999")).toBe("£999.00");
  });
});

describe("negateMoney (docs/governance-rules.md FRAME-6)", () => {
  it.each([
    ["1250.5", "-1250.50"],
    ["-1250.50", "1250.50"],
    ["999999999999.99", "-999999999999.99"],
    ["0", "0.00"],
  ])("turns %j into the amount that cancels it, %j", (amount, expected) => {
    expect(negateMoney(amount)).toBe(expected);
  });

  it("refuses text that is not money rather than guess", () => {
    expect(() => negateMoney("about a grand")).toThrow(RangeError);
  });

  it("formats a reversal with its sign before the pound", () => {
    expect(formatMoney("-1250000.5")).toBe("-£1,250,000.50");
  });
});

describe("formatMoney: the one money formatter, for messages and pages", () => {
  it("writes an amount the same way from its decimal text or from a number of pounds", () => {
    expect(formatMoney(1_250_000.5)).toBe(formatMoney("1250000.50"));
    expect(formatMoney(1_250_000.5)).toBe("£1,250,000.50");
    expect(formatMoney(999_999_999_999.99)).toBe("£999,999,999,999.99");
    expect(formatMoney(0)).toBe("£0.00");
  });

  it("shows a reversing entry, or a total reversals take below zero, as negative", () => {
    expect(formatMoney(-1250.5)).toBe("-£1,250.50");
    expect(formatMoney(" -1250.50 ")).toBe("-£1,250.50");
    expect(formatMoney(-0.004)).toBe("£0.00");
    expect(formatMoney("-0")).toBe("£0.00");
  });
});
