import { describe, expect, it } from "vitest";
import {
  type AttentionFacts,
  attentionReason,
  compareByAttention,
  countByAttention,
} from "@/lib/domain/scorecard-attention";

const onTrack: AttentionFacts = {
  code: "SO-01",
  status: "ACTIVE",
  visionWithoutDelivery: false,
  metricsRag: "GREEN",
  redProjects: 0,
  amberProjects: 0,
};

describe("attentionReason", () => {
  it("puts nobody delivering before the metrics' colour, and the metrics before the projects' schedule", () => {
    expect(attentionReason({ ...onTrack, visionWithoutDelivery: true, metricsRag: "RED" })).toBe(
      "NOBODY_DELIVERING",
    );
    expect(attentionReason({ ...onTrack, metricsRag: "RED", redProjects: 3 })).toBe("METRICS_RED");
    expect(attentionReason({ ...onTrack, metricsRag: "AMBER", redProjects: 3 })).toBe("METRICS_AMBER");
    expect(attentionReason({ ...onTrack, redProjects: 1 })).toBe("PROJECTS_LATE");
  });

  it("leaves an objective on track when nothing is red, whatever its amber projects or missing data", () => {
    expect(attentionReason(onTrack)).toBeNull();
    expect(attentionReason({ ...onTrack, amberProjects: 4 })).toBeNull();
    expect(attentionReason({ ...onTrack, metricsRag: "NO_DATA" })).toBeNull();
  });
});

describe("compareByAttention", () => {
  it("orders worst first, then by red and amber projects, then by code", () => {
    const objectives: AttentionFacts[] = [
      { ...onTrack, code: "SO-01" },
      { ...onTrack, code: "SO-02", amberProjects: 2 },
      { ...onTrack, code: "SO-03", redProjects: 1 },
      { ...onTrack, code: "SO-04", metricsRag: "AMBER" },
      { ...onTrack, code: "SO-05", metricsRag: "RED", redProjects: 1 },
      { ...onTrack, code: "SO-06", metricsRag: "RED", redProjects: 2 },
      { ...onTrack, code: "SO-07", visionWithoutDelivery: true },
      { ...onTrack, code: "SO-00" },
    ];
    expect(objectives.toSorted(compareByAttention).map((o) => o.code)).toEqual([
      "SO-07",
      "SO-06",
      "SO-05",
      "SO-04",
      "SO-03",
      "SO-02",
      "SO-00",
      "SO-01",
    ]);
  });
});

describe("countByAttention", () => {
  it("counts each objective once, under its worst reason", () => {
    expect(
      countByAttention([
        { ...onTrack, visionWithoutDelivery: true, metricsRag: "RED" },
        { ...onTrack, metricsRag: "RED" },
        { ...onTrack, metricsRag: "AMBER", redProjects: 1 },
        { ...onTrack, redProjects: 1 },
        onTrack,
        onTrack,
      ]),
    ).toEqual({ NOBODY_DELIVERING: 1, METRICS_RED: 1, METRICS_AMBER: 1, PROJECTS_LATE: 1, onTrack: 2 });
  });
});
