// The CSV download beside every chart of the dashboard (src/components/charts/csv.ts): RFC 4180
// quoting, numbers as numbers, and no cell a spreadsheet would run as a formula.
import { describe, expect, it } from "vitest";
import { csvDataUrl, toCsv } from "@/components/charts/csv";

describe("a chart's data as CSV", () => {
  it("writes a header and rows, CRLF-ended, quoting only what needs it", () => {
    expect(
      toCsv(
        ["Site", "Live projects", "Average slip (% of plan)"],
        [
          ["North", 2, 12.5],
          ['Castlegate "Community", Outpatients', 0, null],
        ],
      ),
    ).toBe(
      'Site,Live projects,Average slip (% of plan)\r\nNorth,2,12.5\r\n"Castlegate ""Community"", Outpatients",0,\r\n',
    );
  });

  it("keeps negative numbers as numbers but defuses text that starts like a formula", () => {
    expect(toCsv(["Name", "Variance"], [['=HYPERLINK("x")', -150000]])).toBe(
      'Name,Variance\r\n"\'=HYPERLINK(""x"")",-150000\r\n',
    );
    expect(toCsv(["Name"], [["-5 days"], ["@risk"], ["+1"]])).toBe("Name\r\n'-5 days\r\n'@risk\r\n'+1\r\n");
  });

  it("writes an empty cell for a value that is not a finite number", () => {
    expect(toCsv(["x"], [[Number.NaN], [Number.POSITIVE_INFINITY]])).toBe("x\r\n\r\n\r\n");
  });

  it("travels as a data: URL that decodes back to the same text", () => {
    const csv = toCsv(["Site"], [["Riverside & District"]]);
    const url = csvDataUrl(csv);
    expect(url.startsWith("data:text/csv;charset=utf-8,")).toBe(true);
    expect(decodeURIComponent(url.slice("data:text/csv;charset=utf-8,".length))).toBe(csv);
  });
});
