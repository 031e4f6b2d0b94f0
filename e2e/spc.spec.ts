// Issue 12: a metric's SPC chart on the project's metrics tab and on its objective's page. The
// chart is found by its accessible name, the variation and assurance summaries are read in words,
// and the table view's numbers equal the XmR chart computed here from the database's final values
// (src/lib/domain/spc.ts, docs/spc.md). Reads only, so it depends on no other journey.
import { expect as baseExpect, type Locator, type Page, test } from "@playwright/test";
import {
  ASSURANCE_SUMMARY_LABEL,
  computeXmR,
  summariseAssurance,
  summariseVariation,
  VARIATION_SUMMARY_LABEL,
  type XmRChart,
} from "../src/lib/domain/spc";
import type { MetricDirection } from "../src/lib/domain/vocabulary";
import { signIn, sql } from "./support/demo";
import { openDisclosure } from "./support/measures";
import { expectSettled, screenshotPage } from "./support/page-checks";

const expect = baseExpect.configure({ timeout: 15_000 });

// DIG-01, as its Responsible (Aisha Okafor) sees it; its metric with the most final values.
const PROJECT = "DIG-01";
// The page shows numbers to two decimal places at most, British English.
const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

interface Metric {
  name: string;
  direction: MetricDirection;
  target: number;
  objectiveCode: string;
  values: number[];
}

async function chartedMetric(): Promise<Metric> {
  const metric = await sql(
    `SELECT m.id, m.name, m.direction, m."targetValue" AS target, o.code AS "objectiveCode"
       FROM "Metric" m
       JOIN "Project" p ON p.id = m."projectId"
       JOIN "StrategicObjective" o ON o.id = m."objectiveId"
      WHERE p.code = $1 AND m.active
      ORDER BY (SELECT count(*) FROM "MetricValue" v WHERE v."metricId" = m.id AND NOT v.provisional) DESC,
               m.name
      LIMIT 1`,
    [PROJECT],
  );
  const row = metric.rows[0] as {
    id: string;
    name: string;
    direction: MetricDirection;
    target: number;
    objectiveCode: string;
  };
  const values = await sql(
    `SELECT value FROM "MetricValue" WHERE "metricId" = $1 AND NOT provisional ORDER BY "periodStart"`,
    [row.id],
  );
  return { ...row, values: values.rows.map((v: { value: number }) => v.value) };
}

/** The chart, summaries and table view of one metric inside `scope` match the XmR chart of its values. */
async function expectSpc(page: Page, scope: Locator, metric: Metric): Promise<void> {
  const chart = computeXmR(metric.values, { direction: metric.direction }) as XmRChart;
  expect(chart, "the metric has enough final values for a chart").not.toBeNull();
  await expect(scope.getByRole("img", { name: new RegExp(`^SPC chart of ${metric.name}`) })).toBeVisible();
  // The summaries in words, beside the status.
  await expect(
    scope.getByText(VARIATION_SUMMARY_LABEL[summariseVariation(chart)], { exact: true }),
  ).toBeVisible();
  await expect(
    scope.getByText(ASSURANCE_SUMMARY_LABEL[summariseAssurance(chart, metric.target)], { exact: true }),
  ).toBeVisible();
  // The legend names the special-cause markers: never colour alone.
  await expect(scope.getByText("Special cause: improvement (square)")).toBeVisible();
  await expect(scope.getByText("Special cause: concern (diamond)")).toBeVisible();

  await openDisclosure(scope, `Table view of the SPC chart of ${metric.name}`);
  const table = scope.getByRole("table", {
    name: `SPC chart of ${metric.name}: values, limits and signals, oldest first`,
  });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(chart.points.length);
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll("td, th")).map((cell) => cell.textContent?.trim() ?? "")),
  );
  const expected = chart.points.map((p) => {
    const segment = chart.segments[p.segment] ?? chart;
    return [
      number.format(p.value),
      number.format(segment.mean),
      number.format(segment.lowerLimit),
      number.format(segment.upperLimit),
      p.signals.length === 0 ? "None" : "signal",
    ];
  });
  expect(shown.map((cells) => [...cells.slice(1, 5), cells[5] === "None" ? "None" : "signal"])).toEqual(
    expected,
  );
  await page.keyboard.press("Escape");
}

test("a metric's SPC chart reads the same on the project's metrics tab and on its objective's page", async ({
  page,
}) => {
  const metric = await chartedMetric();
  await signIn(page, "pm@northbridge.example");
  await expect(page.getByRole("banner")).toBeVisible();

  await page.goto(`/projects/${PROJECT}/metrics`);
  await expectSettled(page);
  const card = page
    .getByRole("article")
    .filter({ has: page.getByRole("heading", { level: 3, name: metric.name, exact: true }) });
  await expectSpc(page, card, metric);
  await screenshotPage(page, test.info(), "spc-project-metrics");

  await page.goto(`/objectives/${metric.objectiveCode}`);
  await expectSettled(page);
  // The objective page charts one metric at a time: the first, or the one chosen from its table.
  const show = page.getByRole("link", { name: `Show chart of ${metric.name}`, exact: true });
  if ((await show.count()) > 0) {
    await show.click();
    await expect(page).toHaveURL(/chart=/);
    await expectSettled(page);
  }
  const figure = page
    .getByRole("article")
    .filter({ has: page.getByRole("heading", { level: 3, name: metric.name, exact: true }) });
  await expectSpc(page, figure, metric);
  await screenshotPage(page, test.info(), "spc-objective");
});
