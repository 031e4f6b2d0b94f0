import { describe, expect, it } from "vitest";
import type { RaciEntry } from "@/lib/domain/raci";
import {
  allowedNextStages,
  canMoveStage,
  closureGaps,
  computePilotStartedAt,
  directStageMoveViolations,
  isFinalStage,
  isGateMove,
  isOpenStage,
  needsClinicalChampion,
  type OpenStage,
  type PilotFacts,
  type ProjectFacts,
  type ProjectKind,
  type ProjectStage,
  readinessGaps,
  STAGE_GAP,
  stageMoveGaps,
} from "@/lib/domain/stage-gates";

const ALL_STAGES: ProjectStage[] = [
  "PROPOSED",
  "APPROVED",
  "PILOT",
  "ROLLOUT",
  "CLOSED",
  "ON_HOLD",
  "CANCELLED",
];
const ALL_KINDS: ProjectKind[] = ["CLINICAL", "OPERATIONAL", "DIGITAL", "MIXED"];

const accountable: RaciEntry = {
  userId: "a",
  name: "Dr Helen Ashworth",
  letter: "A",
  role: "EXECUTIVE",
  discipline: "EXECUTIVE",
  active: true,
};
const responsible: RaciEntry = {
  userId: "r",
  name: "Aisha Okafor",
  letter: "R",
  role: "PROJECT_MANAGER",
  discipline: "DIGITAL",
  active: true,
};
const champion: RaciEntry = {
  userId: "c",
  name: "Sister Grace Mensah",
  letter: "C",
  role: "CLINICAL_CHAMPION",
  discipline: "CLINICAL",
  active: true,
};

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** A pilot that began on Tuesday 10 February 2026 (London) and was decided to scale in March. */
const pilot: PilotFacts = {
  startedAt: new Date("2026-02-10T09:30:00Z"),
  timeZone: "Europe/London",
  decisions: [
    { kind: "SCALE", title: "Scale ePMA to all wards", decidedAt: new Date("2026-03-20T14:00:00Z") },
  ],
};

/** A project that meets every rule, including the pilot's evidence: each test breaks one thing. */
function ready(overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    kind: "DIGITAL",
    stage: "PROPOSED",
    alignmentCount: 1,
    raci: [accountable, responsible, champion],
    metrics: [
      {
        name: "ePMA wards live",
        baselineValue: 4,
        targetValue: 38,
        hasFinalValue: true,
        lastConfirmedPeriodStart: day("2026-03-01"),
      },
    ],
    milestones: [
      { title: "Go-live on pilot ward", status: "DONE", isGate: true, gateApproved: true },
      { title: "Legacy charts retired", status: "CANCELLED" },
    ],
    pilot,
    ...overrides,
  };
}

const codes = (facts: ProjectFacts, to: ProjectStage) => stageMoveGaps(facts, to).map((g) => g.code);

describe("the stage machine", () => {
  it("moves forward one stage at a time, with Approved → Rollout for work that cannot be piloted", () => {
    expect(allowedNextStages("PROPOSED")).toEqual(["APPROVED", "ON_HOLD", "CANCELLED"]);
    expect(allowedNextStages("APPROVED")).toEqual(["PILOT", "ROLLOUT", "ON_HOLD", "CANCELLED"]);
    expect(allowedNextStages("PILOT")).toEqual(["ROLLOUT", "ON_HOLD", "CANCELLED"]);
    expect(allowedNextStages("ROLLOUT")).toEqual(["CLOSED", "ON_HOLD", "CANCELLED"]);
  });

  it("treats Closed and Cancelled as final", () => {
    expect(allowedNextStages("CLOSED")).toEqual([]);
    expect(allowedNextStages("CANCELLED")).toEqual([]);
    expect(ALL_STAGES.filter(isFinalStage)).toEqual(["CLOSED", "CANCELLED"]);
    for (const to of ALL_STAGES.filter((s) => s !== "CLOSED")) {
      expect(codes(ready({ stage: "CLOSED" }), to)).toEqual([STAGE_GAP.notAllowed]);
    }
    expect(stageMoveGaps(ready({ stage: "CANCELLED" }), "APPROVED")[0]?.message).toBe(
      "A cancelled project cannot change stage",
    );
  });

  it("lets every open stage be put on hold and every non-final stage be cancelled, without gates", () => {
    const broken = ready({ alignmentCount: 0, raci: [], metrics: [] });
    for (const stage of ALL_STAGES) {
      const open = isOpenStage(stage);
      expect(open).toBe(["PROPOSED", "APPROVED", "PILOT", "ROLLOUT"].includes(stage));
      expect(canMoveStage({ ...broken, stage }, "ON_HOLD")).toBe(open);
      expect(canMoveStage({ ...broken, stage, heldFrom: "PILOT" }, "CANCELLED")).toBe(!isFinalStage(stage));
    }
  });

  it("resumes an on-hold project only to the stage it was held from", () => {
    const held: OpenStage[] = ["PROPOSED", "APPROVED", "PILOT", "ROLLOUT"];
    for (const heldFrom of held) {
      expect(allowedNextStages("ON_HOLD", heldFrom)).toEqual([heldFrom, "CANCELLED"]);
      expect(codes(ready({ stage: "ON_HOLD", heldFrom }), heldFrom)).toEqual([]);
      for (const other of held.filter((s) => s !== heldFrom)) {
        expect(codes(ready({ stage: "ON_HOLD", heldFrom }), other)).toEqual([STAGE_GAP.notAllowed]);
      }
    }
  });

  it("will not guess where to resume when the held-from stage is unknown", () => {
    expect(allowedNextStages("ON_HOLD")).toEqual(["CANCELLED"]);
    expect(codes(ready({ stage: "ON_HOLD" }), "PILOT")).toEqual([STAGE_GAP.resumeStageUnknown]);
    expect(codes(ready({ stage: "ON_HOLD", heldFrom: null }), "CANCELLED")).toEqual([]);
  });

  it("re-checks rule 1 when a project resumes into a live stage, but not into Proposed", () => {
    const decayed = ready({
      stage: "ON_HOLD",
      raci: [{ ...accountable, active: false }, responsible, champion],
    });
    expect(codes({ ...decayed, heldFrom: "PILOT" }, "PILOT")).toEqual(["RACI_ACCOUNTABLE_INACTIVE"]);
    expect(codes({ ...decayed, heldFrom: "PROPOSED", alignmentCount: 0 }, "PROPOSED")).toEqual([]);
  });

  it("refuses skipping stages, going backwards and standing still, naming the allowed moves", () => {
    expect(codes(ready(), "PILOT")).toEqual([STAGE_GAP.notAllowed]);
    expect(codes(ready(), "CLOSED")).toEqual([STAGE_GAP.notAllowed]);
    expect(codes(ready({ stage: "PILOT" }), "APPROVED")).toEqual([STAGE_GAP.notAllowed]);
    expect(codes(ready({ stage: "ROLLOUT" }), "PROPOSED")).toEqual([STAGE_GAP.notAllowed]);
    expect(stageMoveGaps(ready({ stage: "PILOT" }), "CLOSED")[0]?.message).toBe(
      "A project in Pilot can move to Rollout, On hold, Cancelled, not Closed",
    );
    expect(codes(ready({ stage: "PILOT" }), "PILOT")).toEqual([STAGE_GAP.unchanged]);
    expect(codes(ready({ stage: "ON_HOLD" }), "ON_HOLD")).toEqual([STAGE_GAP.unchanged]);
  });
});

describe("leaving Proposed (rule 1)", () => {
  it("lets a ready project of every kind be approved", () => {
    for (const kind of ALL_KINDS) expect(codes(ready({ kind }), "APPROVED")).toEqual([]);
  });

  it("needs an objective", () => {
    const gaps = stageMoveGaps(ready({ alignmentCount: 0 }), "APPROVED");
    expect(gaps.map((g) => g.code)).toEqual([STAGE_GAP.notAligned]);
    expect(gaps[0]?.message).toMatch(/strategic objective/);
  });

  it("needs exactly one active Accountable and at least one Responsible", () => {
    expect(codes(ready({ raci: [responsible, champion] }), "APPROVED")).toEqual(["RACI_NO_ACCOUNTABLE"]);
    expect(
      codes(
        ready({ raci: [accountable, { ...accountable, userId: "b" }, responsible, champion] }),
        "APPROVED",
      ),
    ).toEqual(["RACI_MULTIPLE_ACCOUNTABLE"]);
    expect(codes(ready({ raci: [accountable, champion] }), "APPROVED")).toEqual(["RACI_NO_RESPONSIBLE"]);
  });

  it("needs a clinical champion for clinical, digital and mixed work only", () => {
    const withoutChampion = [accountable, responsible];
    for (const kind of ALL_KINDS) {
      const expected = kind === "OPERATIONAL" ? [] : [STAGE_GAP.noClinicalChampion];
      expect(needsClinicalChampion(kind)).toBe(kind !== "OPERATIONAL");
      expect(codes(ready({ kind, raci: withoutChampion }), "APPROVED")).toEqual(expected);
    }
    const gap = stageMoveGaps(ready({ kind: "MIXED", raci: withoutChampion }), "APPROVED")[0];
    expect(gap?.message).toBe(
      "No clinical champion: assign a CLINICAL user as R or C (Mixed projects need one)",
    );
  });

  it("accepts a clinical Responsible as the champion, but not a clinical Informed", () => {
    const clinicalLead: RaciEntry = { ...responsible, discipline: "CLINICAL" };
    expect(codes(ready({ kind: "CLINICAL", raci: [accountable, clinicalLead] }), "APPROVED")).toEqual([]);
    const informed: RaciEntry = { ...champion, letter: "I" };
    expect(
      codes(ready({ kind: "CLINICAL", raci: [accountable, responsible, informed] }), "APPROVED"),
    ).toEqual([STAGE_GAP.noClinicalChampion]);
  });

  it("needs a metric with both a baseline and a target", () => {
    expect(codes(ready({ metrics: [] }), "APPROVED")).toEqual([STAGE_GAP.noMeasurableMetric]);
    const halfDefined = [
      { name: "Bed-hours released", baselineValue: null, targetValue: 300, hasFinalValue: false },
      { name: "Discharges before noon", baselineValue: 14, targetValue: null, hasFinalValue: false },
      { name: "Broken import", baselineValue: Number.NaN, targetValue: 3, hasFinalValue: false },
    ];
    expect(codes(ready({ metrics: halfDefined }), "APPROVED")).toEqual([STAGE_GAP.noMeasurableMetric]);
    expect(
      codes(
        ready({
          metrics: [
            ...halfDefined,
            { name: "LoS", baselineValue: 4.9, targetValue: 4.2, hasFinalValue: false },
          ],
        }),
        "APPROVED",
      ),
    ).toEqual([]);
  });

  it("lists every gap at once, so the team can fix them together", () => {
    expect(codes(ready({ kind: "CLINICAL", alignmentCount: 0, raci: [], metrics: [] }), "APPROVED")).toEqual([
      STAGE_GAP.notAligned,
      "RACI_NO_ACCOUNTABLE",
      "RACI_NO_RESPONSIBLE",
      STAGE_GAP.noClinicalChampion,
      STAGE_GAP.noMeasurableMetric,
    ]);
    expect(readinessGaps(ready())).toEqual([]);
  });
});

describe("later gates", () => {
  it("re-checks rule 1 on every forward move", () => {
    const moves: [ProjectStage, ProjectStage][] = [
      ["APPROVED", "PILOT"],
      ["APPROVED", "ROLLOUT"],
      ["PILOT", "ROLLOUT"],
      ["ROLLOUT", "CLOSED"],
    ];
    for (const [stage, to] of moves) {
      expect(codes(ready({ kind: "OPERATIONAL", stage, alignmentCount: 0 }), to)).toEqual([
        STAGE_GAP.notAligned,
      ]);
    }
  });

  it("makes clinical, digital and mixed projects pilot before rollout; operational ones may go straight", () => {
    for (const kind of ALL_KINDS) {
      const expected = kind === "OPERATIONAL" ? [] : [STAGE_GAP.pilotRequired];
      expect(codes(ready({ kind, stage: "APPROVED" }), "ROLLOUT")).toEqual(expected);
      // Going straight to rollout needs no pilot evidence: there was no pilot.
      expect(codes(ready({ kind, stage: "APPROVED", milestones: [], pilot: null }), "ROLLOUT")).toEqual(
        expected,
      );
      expect(codes(ready({ kind, stage: "APPROVED" }), "PILOT")).toEqual([]);
      expect(codes(ready({ kind, stage: "PILOT" }), "ROLLOUT")).toEqual([]);
    }
    expect(stageMoveGaps(ready({ kind: "CLINICAL", stage: "APPROVED" }), "ROLLOUT")[0]?.message).toBe(
      "Clinical projects pilot before they scale: move to Pilot first",
    );
  });
});

describe("closing (rule 4)", () => {
  it("closes a project whose milestones are all done or cancelled and whose metrics have final values", () => {
    for (const kind of ALL_KINDS) expect(codes(ready({ kind, stage: "ROLLOUT" }), "CLOSED")).toEqual([]);
  });

  it("names the milestones still open", () => {
    const milestones = [
      { title: "Go-live on pilot ward", status: "DONE" as const },
      { title: "Ward 7 go-live", status: "IN_PROGRESS" as const },
      { title: "Ward 8 go-live", status: "NOT_STARTED" as const },
      { title: "Ward 9 go-live", status: "NOT_STARTED" as const },
      { title: "Ward 10 go-live", status: "NOT_STARTED" as const },
    ];
    const gaps = stageMoveGaps(ready({ stage: "ROLLOUT", milestones }), "CLOSED");
    expect(gaps.map((g) => g.code)).toEqual([STAGE_GAP.milestonesOpen]);
    expect(gaps[0]?.message).toBe(
      "4 milestones are still open (“Ward 7 go-live”, “Ward 8 go-live”, “Ward 9 go-live” and 1 more): mark each done or cancelled",
    );
    const one = closureGaps(ready({ milestones: [{ title: "Handover to BAU", status: "IN_PROGRESS" }] }));
    expect(one[0]?.message).toMatch(/^1 milestone is still open \(“Handover to BAU”\)/);
  });

  it("closes a project with no milestones at all", () => {
    expect(codes(ready({ stage: "ROLLOUT", milestones: [] }), "CLOSED")).toEqual([]);
  });

  it("needs a final value on every project metric", () => {
    const metrics = [
      { name: "ePMA wards live", baselineValue: 4, targetValue: 38, hasFinalValue: true },
      {
        name: "Medication administration errors",
        baselineValue: 2.4,
        targetValue: 1.5,
        hasFinalValue: false,
      },
    ];
    const gaps = stageMoveGaps(ready({ stage: "ROLLOUT", metrics }), "CLOSED");
    expect(gaps.map((g) => g.code)).toEqual([STAGE_GAP.metricsWithoutFinalValue]);
    expect(gaps[0]?.message).toContain("“Medication administration errors”");
  });

  it("still needs a measurable metric to close (a benefits review of nothing proves nothing)", () => {
    expect(codes(ready({ stage: "ROLLOUT", metrics: [] }), "CLOSED")).toEqual([STAGE_GAP.noMeasurableMetric]);
  });
});

describe("pilot before scale means evidence (GATE-5)", () => {
  const inPilot = (overrides: Partial<ProjectFacts> = {}) => ready({ stage: "PILOT", ...overrides });
  const metric = (lastConfirmedPeriodStart: Date | null) => [
    {
      name: "ePMA wards live",
      baselineValue: 4,
      targetValue: 38,
      hasFinalValue: true,
      lastConfirmedPeriodStart,
    },
  ];

  it("lets a pilot with a signed-off gate, results and a decision to scale roll out, whatever its kind", () => {
    for (const kind of ALL_KINDS) expect(codes(inPilot({ kind }), "ROLLOUT")).toEqual([]);
  });

  it("needs a gate milestone that is done and signed off, and says which step is missing", () => {
    const gate = { title: "Pilot evaluation", isGate: true } as const;
    const gapFor = (milestones: ProjectFacts["milestones"]) => {
      const gaps = stageMoveGaps(inPilot({ milestones }), "ROLLOUT");
      expect(gaps.map((g) => g.code)).toEqual([STAGE_GAP.pilotGateNotPassed]);
      return gaps[0]?.message;
    };
    expect(gapFor([{ title: "Go-live", status: "DONE" }])).toBe(
      "No gate milestone for the pilot: add one for its go/no-go review, complete it and have it signed off",
    );
    expect(gapFor([{ ...gate, status: "CANCELLED", gateApproved: false }])).toMatch(/^No gate milestone/);
    expect(gapFor([{ ...gate, status: "IN_PROGRESS", gateApproved: false }])).toBe(
      "The pilot's gate “Pilot evaluation” is not done yet: complete it and have it signed off",
    );
    expect(gapFor([{ ...gate, status: "DONE", gateApproved: false }])).toBe(
      "The pilot's gate “Pilot evaluation” is done but not signed off: the project's Accountable or an executive approves it",
    );
    const oneOfTwo = [
      { ...gate, status: "DONE" as const, gateApproved: false },
      { ...gate, title: "Safety review", status: "DONE" as const, gateApproved: true },
    ];
    expect(codes(inPilot({ milestones: oneOfTwo }), "ROLLOUT")).toEqual([]);
  });

  it("needs a confirmed value for a period starting on or after the pilot's first day, in the trust's time zone", () => {
    expect(codes(inPilot({ metrics: metric(null) }), "ROLLOUT")).toEqual([STAGE_GAP.pilotNoResults]);
    expect(stageMoveGaps(inPilot({ metrics: metric(day("2026-02-01")) }), "ROLLOUT")[0]?.message).toBe(
      "No results from the pilot: record a confirmed (not provisional) value of a project metric for a period starting on or after Tuesday 10 February 2026, when the pilot began",
    );
    expect(codes(inPilot({ metrics: metric(day("2026-02-10")) }), "ROLLOUT")).toEqual([]);
    // 23:30 UTC on 31 March is already 1 April in London (summer time): a period starting 31 March began before the pilot.
    const lateStart = { ...pilot, startedAt: new Date("2026-03-31T23:30:00Z") };
    const decisions = [
      { kind: "SCALE" as const, title: "Scale", decidedAt: new Date("2026-04-20T10:00:00Z") },
    ];
    const started = { ...lateStart, decisions };
    expect(codes(inPilot({ pilot: started, metrics: metric(day("2026-03-31")) }), "ROLLOUT")).toEqual([
      STAGE_GAP.pilotNoResults,
    ]);
    expect(codes(inPilot({ pilot: started, metrics: metric(day("2026-04-01")) }), "ROLLOUT")).toEqual([]);
  });

  it("needs a decision to scale dated during the pilot, not overturned by a later decision not to", () => {
    const withDecisions = (decisions: PilotFacts["decisions"]) => inPilot({ pilot: { ...pilot, decisions } });
    const scale = (iso: string) => ({ kind: "SCALE" as const, title: "Scale up", decidedAt: new Date(iso) });
    const stop = (iso: string) => ({
      kind: "DO_NOT_SCALE" as const,
      title: "Hold the rollout",
      decidedAt: new Date(iso),
    });
    expect(codes(withDecisions([]), "ROLLOUT")).toEqual([STAGE_GAP.pilotNoScaleDecision]);
    // Decided before the pilot began: it did not review the pilot's evidence.
    expect(codes(withDecisions([scale("2026-02-09T16:00:00Z")]), "ROLLOUT")).toEqual([
      STAGE_GAP.pilotNoScaleDecision,
    ]);
    // Earlier the same day as the pilot began still counts: decisions are dated by the day.
    expect(codes(withDecisions([scale("2026-02-10T08:00:00Z")]), "ROLLOUT")).toEqual([]);
    const overturned = stageMoveGaps(
      withDecisions([scale("2026-03-01T10:00:00Z"), stop("2026-03-02T10:00:00Z")]),
      "ROLLOUT",
    );
    expect(overturned.map((g) => g.code)).toEqual([STAGE_GAP.pilotNotToScale]);
    expect(overturned[0]?.message).toContain("“Hold the rollout”");
    expect(
      codes(withDecisions([stop("2026-03-01T10:00:00Z"), scale("2026-03-02T10:00:00Z")]), "ROLLOUT"),
    ).toEqual([]);
  });

  it("counts the evidence as missing when the pilot's facts are not known, and names every gap at once", () => {
    expect(codes(inPilot({ pilot: null, milestones: [] }), "ROLLOUT")).toEqual([
      STAGE_GAP.pilotGateNotPassed,
      STAGE_GAP.pilotNoResults,
      STAGE_GAP.pilotNoScaleDecision,
    ]);
  });

  it("dates the pilot from the approval of its gate, else from the last stage change", () => {
    const approvedAt = new Date("2026-02-10T09:30:00Z");
    const stageChangedAt = new Date("2026-05-01T12:00:00Z");
    expect(computePilotStartedAt({ pilotGateApprovedAt: approvedAt, stageChangedAt })).toBe(approvedAt);
    expect(computePilotStartedAt({ pilotGateApprovedAt: null, stageChangedAt })).toBe(stageChangedAt);
  });
});

describe("direct stage moves: hold, resume, cancel (GATE-4)", () => {
  const REASON = "Ward closed for refurbishment until spring";

  it("treats forward moves into Approved, Pilot, Rollout and Closed as gates, and resuming as none", () => {
    expect(isGateMove("PROPOSED", "APPROVED")).toBe(true);
    expect(isGateMove("APPROVED", "PILOT")).toBe(true);
    expect(isGateMove("PILOT", "ROLLOUT")).toBe(true);
    expect(isGateMove("ROLLOUT", "CLOSED")).toBe(true);
    expect(isGateMove("ON_HOLD", "PILOT")).toBe(false);
    expect(isGateMove("PILOT", "ON_HOLD")).toBe(false);
    expect(isGateMove("PILOT", "CANCELLED")).toBe(false);
  });

  it("refuses a gate stage, saying to request it", () => {
    const violations = directStageMoveViolations(ready(), "APPROVED", REASON);
    expect(violations).toEqual([
      {
        code: STAGE_GAP.gateRequestRequired,
        field: "toStage",
        message:
          "Moving to Approved is a stage gate: request it, and an executive who is not the project's R decides",
      },
    ]);
    for (const [stage, to] of [
      ["APPROVED", "PILOT"],
      ["PILOT", "ROLLOUT"],
      ["ROLLOUT", "CLOSED"],
    ] as const) {
      expect(directStageMoveViolations(ready({ stage }), to, REASON).map((v) => v.code)).toEqual([
        STAGE_GAP.gateRequestRequired,
      ]);
    }
  });

  it("holds, resumes and cancels with a reason, re-checking rule 1 on resuming", () => {
    expect(directStageMoveViolations(ready({ stage: "PILOT" }), "ON_HOLD", REASON)).toEqual([]);
    expect(directStageMoveViolations(ready({ stage: "PILOT" }), "CANCELLED", REASON)).toEqual([]);
    expect(
      directStageMoveViolations(ready({ stage: "ON_HOLD", heldFrom: "PILOT" }), "PILOT", REASON),
    ).toEqual([]);
    const decayed = ready({ stage: "ON_HOLD", heldFrom: "PILOT", alignmentCount: 0 });
    expect(directStageMoveViolations(decayed, "PILOT", REASON)).toEqual([
      expect.objectContaining({ code: STAGE_GAP.notAligned, field: "toStage" }),
    ]);
    expect(directStageMoveViolations(ready({ stage: "CLOSED" }), "CANCELLED", REASON)).toEqual([
      expect.objectContaining({ code: STAGE_GAP.notAllowed, field: "toStage" }),
    ]);
  });

  it("needs a reason that explains the move", () => {
    expect(directStageMoveViolations(ready({ stage: "PILOT" }), "ON_HOLD", "")).toEqual([
      { code: "REASON_REQUIRED", field: "reason", message: "Give a reason for putting the project on hold" },
    ]);
    expect(
      directStageMoveViolations(ready({ stage: "PILOT" }), "CANCELLED", "as above").map((v) => v.code),
    ).toEqual(["REASON_TOO_SHORT"]);
    expect(
      directStageMoveViolations(ready({ stage: "ON_HOLD", heldFrom: "PILOT" }), "PILOT", "")[0]?.message,
    ).toBe("Give a reason for resuming the project");
  });
});
