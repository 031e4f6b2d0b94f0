// The Delivery tab counts metrics by forecast status in SQL (metricForecastStatusSql) rather than
// sending every metric to the app; the rule is domain/forecasts.ts. These cases hold the SQL to the
// domain's answer: too few values, flat and perfect lines, a t at and around its critical value
// for small and large degrees of freedom, expected values exactly on target, both directions, and
// many random sums.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { parseIsoDate } from "@/lib/domain/calendar";
import {
  computeMetricForecast,
  computeRegressionSums,
  MIN_FORECAST_VALUES,
  type RegressionSums,
} from "@/lib/domain/forecasts";
import type { MetricDirection } from "@/lib/domain/vocabulary";
import {
  getDeliveryDashboard,
  METRIC_FORECASTS_LISTED,
  metricForecastStatusSql,
} from "@/lib/server/dashboard/delivery";
import { useMigratedDatabase } from "../support/test-database";
import { createMetric, createObjective, createUser, day } from "./fixtures";

useMigratedDatabase();

interface Case {
  sums: RegressionSums;
  targetValue: number;
  targetDate: string;
  direction: MetricDirection;
}

const dayNumber = (iso: string) =>
  (parseIsoDate(iso).getTime() - parseIsoDate("2000-01-01").getTime()) / 86_400_000;

/** Weekly points from 1 January 2026 (x in days from 2000-01-01, as MetricStats stores them). */
function weekly(values: readonly number[]): RegressionSums {
  const start = dayNumber("2026-01-01");
  return computeRegressionSums(values.map((y, i) => ({ x: start + 7 * i, y })));
}

async function sqlStatuses(cases: readonly Case[]): Promise<string[]> {
  const rows = await db().$queryRaw<{ status: string }[]>`
    SELECT ${metricForecastStatusSql(Prisma.sql`m`)} AS status
    FROM unnest(${cases.map((c) => c.sums.n)}::int[], ${cases.map((c) => c.sums.meanX)}::float8[],
                ${cases.map((c) => c.sums.meanY)}::float8[], ${cases.map((c) => c.sums.sxx)}::float8[],
                ${cases.map((c) => c.sums.syy)}::float8[], ${cases.map((c) => c.sums.sxy)}::float8[],
                ${cases.map((c) => c.targetValue)}::float8[], ${cases.map((c) => c.targetDate)}::date[],
                ${cases.map((c) => c.direction)}::text[])
         WITH ORDINALITY AS m(n, "meanX", "meanY", "sxx", "syy", "sxy", "targetValue", "targetDate", "direction", i)
    ORDER BY m.i`;
  return rows.map((r) => r.status);
}

function domainStatus(c: Case): string {
  return computeMetricForecast({
    sums: c.sums,
    targetValue: c.targetValue,
    direction: c.direction,
    targetDay: dayNumber(c.targetDate),
  }).status;
}

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe("a metric's forecast status in SQL", () => {
  it("is the domain's on the edge cases", async () => {
    const both = (sums: RegressionSums, targetValue: number, targetDate = "2026-06-01"): Case[] => [
      { sums, targetValue, targetDate, direction: "HIGHER_IS_BETTER" },
      { sums, targetValue, targetDate, direction: "LOWER_IS_BETTER" },
    ];
    const rising = weekly([1, 2, 3, 4, 5, 6, 7]);
    const risingAtTarget = 7 + (dayNumber("2026-06-01") - (dayNumber("2026-01-01") + 42)) / 7;
    const cases: Case[] = [
      ...both({ n: 0, meanX: 0, meanY: 0, sxx: 0, syy: 0, sxy: 0 }, 5),
      ...both(weekly([1, 2, 3, 4, 5]), 5),
      // Flat: no trend, the mean carries on; exactly on target meets it either way.
      ...both(weekly([5, 5, 5, 5, 5, 5]), 5),
      ...both(weekly([5, 5, 5, 5, 5, 5]), 5.000001),
      // A perfect line (t infinite) read on the target date, on target, just under and over.
      ...both(rising, risingAtTarget),
      ...both(rising, risingAtTarget + 0.5),
      ...both(rising, risingAtTarget - 0.5),
      ...both(weekly([7, 6, 5, 4, 3, 2, 1]), -10),
      // Noisy: a trend that is not significant reads the mean.
      ...both(weekly([5, 9, 4, 8, 3, 9, 6]), 6),
      ...both(weekly([5, 9, 4, 8, 3, 9, 6]), 6.3),
      // All values on one day: no line at all.
      ...both({ n: 6, meanX: 9497, meanY: 4, sxx: 0, syy: 10, sxy: 0 }, 4),
      // Beyond the table: 40, 100 and 500 values.
      ...both(weekly(Array.from({ length: 40 }, (_, i) => 10 + i * 0.05 + (i % 3))), 12),
      ...both(weekly(Array.from({ length: 100 }, (_, i) => 10 + i * 0.01 + (i % 5))), 12),
      ...both(weekly(Array.from({ length: 500 }, (_, i) => 10 - i * 0.001 + (i % 7))), 12),
    ];
    // A t exactly at the critical value for each df from 1 to 130 is not significant; just above is.
    for (let n = MIN_FORECAST_VALUES; n <= 132; n += 1) {
      const sxx = 1000;
      const slope = 0.01;
      for (const t of [2.0, 1.98, 1.96, 2.776, 2.571, 2.042, 1.9600001]) {
        // sse = (slope / t)² × (n − 2) × sxx, and syy = sse + slope × sxy.
        const sse = (slope / t) ** 2 * (n - 2) * sxx;
        const sxy = slope * sxx;
        cases.push(
          ...both({ n, meanX: 9500, meanY: 10, sxx, syy: sse + slope * sxy, sxy }, 10.5, "2026-01-01"),
        );
      }
    }
    const statuses = await sqlStatuses(cases);
    expect(statuses).toEqual(cases.map(domainStatus));
    // The cases reach every status and both methods.
    expect(new Set(statuses)).toEqual(new Set(["ON_COURSE", "OFF_COURSE", "NOT_ENOUGH_DATA"]));
  });

  it("is the domain's on thousands of random metrics", async () => {
    const next = random(12);
    const cases: Case[] = [];
    for (let i = 0; i < 4000; i += 1) {
      const count = Math.floor(next() * 40);
      const slope = (next() - 0.5) * (next() < 0.5 ? 0.2 : 0.002);
      const noise = next() * 5;
      const values = Array.from({ length: count }, (_, k) => 50 + slope * 7 * k + (next() - 0.5) * noise);
      const sums = weekly(values);
      const targetDate = `2026-${String(1 + Math.floor(next() * 12)).padStart(2, "0")}-15`;
      // Targets near what the metric will reach, so both outcomes are common.
      const targetValue = 50 + (next() - 0.5) * 10;
      cases.push({
        sums,
        targetValue,
        targetDate,
        direction: next() < 0.5 ? "HIGHER_IS_BETTER" : "LOWER_IS_BETTER",
      });
    }
    const statuses = await sqlStatuses(cases);
    const expected = cases.map(domainStatus);
    const differing = statuses.flatMap((s, i) =>
      s === expected[i] ? [] : [{ i, sql: s, domain: expected[i] }],
    );
    expect(differing).toEqual([]);
    for (const status of ["ON_COURSE", "OFF_COURSE", "NOT_ENOUGH_DATA"]) {
      expect(statuses.filter((s) => s === status).length).toBeGreaterThan(200);
    }
  });
});

describe("the Delivery tab's metric forecasts", () => {
  it("counts every metric by status and lists the first of the status asked for by objective, then name", async () => {
    const owner = await createUser({ role: "EXECUTIVE" });
    // Fourteen objectives created out of code order, each with one to three metrics whose final
    // values are flat at 40 (on course for 35, higher is better), 20 (off course) or too few.
    const expected: { objectiveCode: string; name: string; status: string }[] = [];
    for (const i of [7, 3, 12, 0, 9, 5, 13, 1, 10, 4, 8, 2, 11, 6]) {
      const objective = await createObjective({
        ownerId: owner.id,
        code: `OBJ-${String(i).padStart(2, "0")}`,
      });
      for (const [k, name] of ["b rate", "A rate", "a rate"].slice(0, 1 + (i % 3)).entries()) {
        const metric = await createMetric({ ownerId: owner.id, objectiveId: objective.id });
        await db().metric.update({ where: { id: metric.id }, data: { name } });
        const level = (i + k) % 3 === 0 ? 20 : 40;
        const count = (i + k) % 5 === 0 ? 4 : 7;
        await db().metricValue.createMany({
          data: Array.from({ length: count }, (_, w) => ({
            metricId: metric.id,
            periodStart: new Date(day("2025-11-03").getTime() + w * 7 * 86_400_000),
            value: level,
            recordedById: owner.id,
          })),
        });
        const status =
          count < MIN_FORECAST_VALUES ? "NOT_ENOUGH_DATA" : level >= 35 ? "ON_COURSE" : "OFF_COURSE";
        expected.push({ objectiveCode: objective.code, name, status });
      }
    }
    const order = (a: (typeof expected)[number], b: (typeof expected)[number]) =>
      a.objectiveCode.localeCompare(b.objectiveCode) || a.name.localeCompare(b.name);
    for (const status of ["ON_COURSE", "OFF_COURSE", "NOT_ENOUGH_DATA"] as const) {
      const { metricForecasts } = await getDeliveryDashboard(new Date("2026-02-20T12:00:00Z"), {}, status);
      expect(metricForecasts.counts).toEqual({
        ON_COURSE: expected.filter((m) => m.status === "ON_COURSE").length,
        OFF_COURSE: expected.filter((m) => m.status === "OFF_COURSE").length,
        NOT_ENOUGH_DATA: expected.filter((m) => m.status === "NOT_ENOUGH_DATA").length,
      });
      expect(metricForecasts.listed.map((m) => [m.objectiveCode, m.name, m.status])).toEqual(
        expected
          .filter((m) => m.status === status)
          .sort(order)
          .slice(0, METRIC_FORECASTS_LISTED)
          .map((m) => [m.objectiveCode, m.name, m.status]),
      );
    }
  });
});
