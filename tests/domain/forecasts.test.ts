// The Delivery tab's forecasts (src/lib/domain/forecasts.ts), on examples worked by hand.
import { describe, expect, it } from "vitest";
import {
  computeMetricForecast,
  computeMilestoneSlipRatio,
  computePredictedFinish,
  computeRegressionSums,
  computeTrend,
  meetsTarget,
  tCritical95,
} from "@/lib/domain/forecasts";

const weekly = (values: number[]) => values.map((y, i) => ({ x: i * 7, y }));

describe("least-squares trend", () => {
  // x = 0, 7, …, 35; y = 10, 12, 11, 15, 16, 18. By hand: x̄ = 17.5, ȳ = 82/6, Sxx = 857.5,
  // Sxy = Σxy − n·x̄·ȳ = 1631 − 1435 = 196, Syy = 1170 − 6724/6 = 148/3. Slope 196/857.5 = 8/35,
  // intercept 82/6 − 8/35 × 17.5 = 29/3; SSE = 148/3 − 8/35 × 196 = 4.5333…, standard error
  // √(4.5333/4/857.5) = 0.036355, t = 6.287 > 2.776 (4 degrees of freedom): significant.
  const sums = computeRegressionSums(weekly([10, 12, 11, 15, 16, 18]));

  it("computes the sums PostgreSQL's regr_* aggregates give", () => {
    expect(sums.n).toBe(6);
    expect(sums.meanX).toBeCloseTo(17.5, 10);
    expect(sums.meanY).toBeCloseTo(82 / 6, 10);
    expect(sums.sxx).toBeCloseTo(857.5, 10);
    expect(sums.sxy).toBeCloseTo(196, 10);
    expect(sums.syy).toBeCloseTo(148 / 3, 10);
  });

  it("finds the line and judges its slope significant", () => {
    const trend = computeTrend(sums);
    expect(trend?.slope).toBeCloseTo(8 / 35, 10);
    expect(trend?.intercept).toBeCloseTo(29 / 3, 10);
    expect(trend?.tStatistic).toBeCloseTo(6.287, 3);
    expect(trend?.significant).toBe(true);
  });

  it("judges a see-saw around a level not significant (t = 0.612)", () => {
    const trend = computeTrend(computeRegressionSums(weekly([10, 12, 10, 12, 10, 12])));
    expect(trend?.slope).toBeCloseTo(21 / 857.5, 10);
    expect(trend?.tStatistic).toBeCloseTo(0.6124, 3);
    expect(trend?.significant).toBe(false);
  });

  it("has no line with fewer than 3 points or every point on one day", () => {
    expect(computeTrend(computeRegressionSums(weekly([1, 2])))).toBeNull();
    expect(computeTrend(computeRegressionSums([1, 2, 3].map((y) => ({ x: 5, y }))))).toBeNull();
  });

  it("reads the critical values of Student's t", () => {
    expect(tCritical95(4)).toBe(2.776);
    expect(tCritical95(30)).toBe(2.042);
    expect(tCritical95(500)).toBe(1.96);
    expect(tCritical95(0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("does a metric reach its target by its target date", () => {
  const rising = computeRegressionSums(weekly([10, 12, 11, 15, 16, 18]));

  it("reads a significant trend on the target date: 29/3 + 8/35 × 70 = 25.67", () => {
    const onCourse = computeMetricForecast({
      sums: rising,
      targetValue: 25,
      direction: "HIGHER_IS_BETTER",
      targetDay: 70,
    });
    expect(onCourse.status).toBe("ON_COURSE");
    expect(onCourse.method).toBe("TREND");
    expect(onCourse.expected).toBeCloseTo(25 + 2 / 3, 10);
    expect(
      computeMetricForecast({ sums: rising, targetValue: 26, direction: "HIGHER_IS_BETTER", targetDay: 70 })
        .status,
    ).toBe("OFF_COURSE");
  });

  it("judges by the metric's direction: a rise is off course for a lower-is-better target", () => {
    expect(
      computeMetricForecast({ sums: rising, targetValue: 8, direction: "LOWER_IS_BETTER", targetDay: 70 })
        .status,
    ).toBe("OFF_COURSE");
  });

  it("carries the mean forward when there is no significant trend; meeting the target exactly counts", () => {
    const level = computeRegressionSums(weekly([10, 12, 10, 12, 10, 12]));
    expect(
      computeMetricForecast({ sums: level, targetValue: 11, direction: "LOWER_IS_BETTER", targetDay: 700 }),
    ).toEqual({ status: "ON_COURSE", method: "MEAN", expected: 11 });
    expect(
      computeMetricForecast({ sums: level, targetValue: 10.5, direction: "LOWER_IS_BETTER", targetDay: 700 })
        .status,
    ).toBe("OFF_COURSE");
  });

  it("says not enough data below 6 final values", () => {
    expect(
      computeMetricForecast({
        sums: computeRegressionSums(weekly([10, 12, 11, 15, 16])),
        targetValue: 1,
        direction: "HIGHER_IS_BETTER",
        targetDay: 70,
      }),
    ).toEqual({ status: "NOT_ENOUGH_DATA", method: null, expected: null });
  });

  it("meets a target by direction", () => {
    expect(meetsTarget(5, 5, "HIGHER_IS_BETTER")).toBe(true);
    expect(meetsTarget(4.9, 5, "HIGHER_IS_BETTER")).toBe(false);
    expect(meetsTarget(4.9, 5, "LOWER_IS_BETTER")).toBe(true);
  });
});

describe("a live project's predicted finish from its milestones' slip history", () => {
  it("measures a done milestone's slip against the time it was planned to take", () => {
    expect(computeMilestoneSlipRatio({ projectStartDay: 0, baselineDay: 100, actualDay: 110 })).toBe(0.1);
    expect(computeMilestoneSlipRatio({ projectStartDay: 0, baselineDay: 50, actualDay: 45 })).toBe(-0.1);
    // A milestone planned for the start day still counts a day of plan.
    expect(computeMilestoneSlipRatio({ projectStartDay: 10, baselineDay: 10, actualDay: 13 })).toBe(3);
  });

  it("stretches the time left to the forecast end by the average ratio, rounded up to whole days", () => {
    // Ratios 0.1, −0.1 and 60/200 = 0.3 average 0.1; 100 days left → 10 days beyond the forecast end.
    const ratio = (0.1 - 0.1 + 0.3) / 3;
    expect(computePredictedFinish({ todayDay: 300, forecastEndDay: 400, averageSlipRatio: ratio })).toEqual({
      predictedDay: 410,
      daysBeyondForecast: 10,
    });
  });

  it("predicts earlier for a project whose milestones finished early", () => {
    // −0.25 × 10 = −2.5, rounded up to −2.
    expect(computePredictedFinish({ todayDay: 390, forecastEndDay: 400, averageSlipRatio: -0.25 })).toEqual({
      predictedDay: 398,
      daysBeyondForecast: -2,
    });
  });

  it("keeps a forecast end already past, and has no prediction without history", () => {
    expect(computePredictedFinish({ todayDay: 500, forecastEndDay: 400, averageSlipRatio: 0.5 })).toEqual({
      predictedDay: 400,
      daysBeyondForecast: 0,
    });
    expect(computePredictedFinish({ todayDay: 300, forecastEndDay: 400, averageSlipRatio: null })).toBeNull();
  });
});
