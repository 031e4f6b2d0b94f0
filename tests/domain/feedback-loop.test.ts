import { describe, expect, it } from "vitest";
import type { FeedbackKind, FeedbackStatus } from "@/generated/prisma/enums";
import {
  computeFeedbackEscalation,
  computeFeedbackStep,
  type FeedbackStep,
  type FeedbackStepInput,
  feedbackStepViolations,
} from "@/lib/domain/feedback-loop";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date("2026-03-10T09:00:00Z");
const STATUSES: FeedbackStatus[] = ["OPEN", "ACKNOWLEDGED", "RESPONDED", "CLOSED"];
const STEPS: FeedbackStep[] = ["acknowledge", "respond", "accept", "reopen", "close"];

/** The step judged as an operation takes it: refused with its violations, or where it leads. */
function step(input: Partial<FeedbackStepInput> & Pick<FeedbackStepInput, "step" | "status">) {
  const facts: FeedbackStepInput = {
    kind: "CONCERN",
    text: "We have changed the alert threshold",
    respondedAt: new Date(NOW.getTime() - 10 * DAY),
    now: NOW,
    acceptanceTimeoutDays: 7,
    ...input,
  };
  const violations = feedbackStepViolations(facts);
  return violations.length > 0
    ? { ok: false as const, violations }
    : { ok: true as const, ...computeFeedbackStep(facts) };
}

const codes = (outcome: ReturnType<typeof step>) => (outcome.ok ? [] : outcome.violations.map((v) => v.code));

describe("computeFeedbackStep", () => {
  it("will not say where a refused step leads: its violations say why it is refused", () => {
    const refused = {
      step: "accept",
      kind: "CONCERN",
      status: "OPEN",
      now: NOW,
      acceptanceTimeoutDays: 7,
    } as const;
    expect(feedbackStepViolations(refused).map((v) => v.code)).toEqual(["FEEDBACK_NOT_ANSWERED"]);
    expect(() => computeFeedbackStep(refused)).toThrow(/refused \(FEEDBACK_NOT_ANSWERED\)/);
  });
});

describe("computeFeedbackStep: the lifecycle of answered feedback", () => {
  it("allows exactly these moves for every kind but endorsements", () => {
    const allowed = new Set([
      "acknowledge:OPEN>ACKNOWLEDGED",
      "respond:OPEN>RESPONDED",
      "respond:ACKNOWLEDGED>RESPONDED",
      "accept:RESPONDED>CLOSED",
      "reopen:RESPONDED>OPEN",
      "close:RESPONDED>CLOSED",
    ]);
    for (const kind of ["CONCERN", "SAFETY", "SUGGESTION"] as const) {
      for (const s of STEPS) {
        for (const status of STATUSES) {
          const outcome = step({ step: s, status, kind });
          const moved = outcome.ok ? `${s}:${status}>${outcome.status}` : null;
          const expected = [...allowed].find((a) => a.startsWith(`${s}:${status}>`)) ?? null;
          expect(moved, `${kind} ${s} from ${status}`).toBe(expected);
        }
      }
    }
  });

  it("requires response text to respond, and trims it", () => {
    expect(step({ step: "respond", status: "OPEN", text: "  Threshold raised \n" })).toEqual({
      ok: true,
      status: "RESPONDED",
      closure: null,
      text: "Threshold raised",
    });
    for (const text of [undefined, null, "", "   \n"]) {
      expect(codes(step({ step: "respond", status: "ACKNOWLEDGED", text }))).toEqual(["RESPONSE_REQUIRED"]);
    }
  });

  it("names why a move is refused", () => {
    expect(codes(step({ step: "acknowledge", status: "CLOSED" }))).toEqual(["FEEDBACK_CLOSED"]);
    expect(codes(step({ step: "respond", status: "CLOSED", text: "" }))).toEqual(["FEEDBACK_CLOSED"]);
    expect(codes(step({ step: "acknowledge", status: "ACKNOWLEDGED" }))).toEqual([
      "FEEDBACK_ALREADY_IN_STATUS",
    ]);
    expect(codes(step({ step: "acknowledge", status: "RESPONDED" }))).toEqual(["FEEDBACK_ALREADY_ANSWERED"]);
    expect(codes(step({ step: "respond", status: "RESPONDED" }))).toEqual(["FEEDBACK_ALREADY_IN_STATUS"]);
    for (const s of ["accept", "reopen", "close"] as const) {
      expect(codes(step({ step: s, status: "OPEN" })), s).toEqual(["FEEDBACK_NOT_ANSWERED"]);
      expect(codes(step({ step: s, status: "ACKNOWLEDGED" })), s).toEqual(["FEEDBACK_NOT_ANSWERED"]);
    }
  });
});

describe("computeFeedbackStep: endorsements are acknowledged, not answered (FB-1)", () => {
  it("closes an endorsement when it is acknowledged", () => {
    expect(step({ step: "acknowledge", status: "OPEN", kind: "ENDORSEMENT" })).toEqual({
      ok: true,
      status: "CLOSED",
      closure: "ENDORSEMENT_ACKNOWLEDGED",
      text: null,
    });
  });

  it("refuses every other step on an endorsement, saying to acknowledge it", () => {
    for (const s of ["respond", "accept", "reopen", "close"] as const) {
      const outcome = step({ step: s, status: "OPEN", kind: "ENDORSEMENT" });
      expect(codes(outcome), s).toEqual(["ENDORSEMENT_NOT_ANSWERED"]);
      expect(outcome.ok ? "" : outcome.violations[0]?.message).toMatch(/acknowledge it/);
    }
  });
});

describe("computeFeedbackStep: the author closes the loop (FB-3)", () => {
  it("closes an answered item as ACCEPTED when its author accepts it", () => {
    expect(step({ step: "accept", status: "RESPONDED" })).toEqual({
      ok: true,
      status: "CLOSED",
      closure: "ACCEPTED",
      text: null,
    });
  });

  it("sends an answer back to OPEN with the author's trimmed comment", () => {
    expect(step({ step: "reopen", status: "RESPONDED", text: "  Still alarming at night  " })).toEqual({
      ok: true,
      status: "OPEN",
      closure: null,
      text: "Still alarming at night",
    });
  });

  it("needs a comment to reopen", () => {
    for (const text of [undefined, null, "", "  "]) {
      expect(codes(step({ step: "reopen", status: "RESPONDED", text }))).toEqual(["REOPEN_COMMENT_REQUIRED"]);
    }
  });
});

describe("computeFeedbackStep: the team closes only after the acceptance timeout (FB-4)", () => {
  const answeredAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

  it("refuses whenever no acceptance timeout is set: the author decides", () => {
    const outcome = step({ step: "close", status: "RESPONDED", acceptanceTimeoutDays: null });
    expect(codes(outcome)).toEqual(["AUTHOR_DECIDES"]);
    expect(outcome.ok ? "" : outcome.violations[0]?.message).toMatch(/author decides/);
  });

  it("refuses until the answer has waited longer than the timeout, and says how long it has waited", () => {
    const outcome = step({ step: "close", status: "RESPONDED", respondedAt: answeredAgo(3) });
    expect(codes(outcome)).toEqual(["AUTHOR_DECIDES"]);
    expect(outcome.ok ? "" : outcome.violations[0]?.message).toMatch(/more than 7 days .*waited 3/);
    // Exactly seven days is not longer than seven days.
    expect(codes(step({ step: "close", status: "RESPONDED", respondedAt: answeredAgo(7) }))).toEqual([
      "AUTHOR_DECIDES",
    ]);
  });

  it("closes as ACCEPTANCE_TIMED_OUT once the timeout has passed with no word from the author", () => {
    const respondedAt = new Date(answeredAgo(7).getTime() - 1);
    expect(step({ step: "close", status: "RESPONDED", respondedAt })).toEqual({
      ok: true,
      status: "CLOSED",
      closure: "ACCEPTANCE_TIMED_OUT",
      text: null,
    });
  });

  it("never closes a concern its author has reopened: it is waiting for the team again", () => {
    expect(codes(step({ step: "close", status: "OPEN", respondedAt: answeredAgo(30) }))).toEqual([
      "FEEDBACK_NOT_ANSWERED",
    ]);
  });
});

describe("computeFeedbackEscalation (FB-5)", () => {
  const item = (
    kind: FeedbackKind,
    loggedHoursAgo: number,
    answerHours: number,
    extra: { status?: FeedbackStatus; reopenedHoursAgo?: number } = {},
  ) => {
    const started = NOW.getTime() - (extra.reopenedHoursAgo ?? loggedHoursAgo) * HOUR;
    return {
      kind,
      status: extra.status ?? ("OPEN" as FeedbackStatus),
      createdAt: new Date(NOW.getTime() - loggedHoursAgo * HOUR),
      reopenedAt: extra.reopenedHoursAgo === undefined ? null : new Date(started),
      dueAt: new Date(started + answerHours * HOUR),
    };
  };

  it("is NONE until the deadline, including its exact instant", () => {
    expect(computeFeedbackEscalation(item("SAFETY", 3, 4), NOW)).toBe("NONE");
    expect(computeFeedbackEscalation(item("SAFETY", 4, 4), NOW)).toBe("NONE");
  });

  it("reaches the Accountable once overdue", () => {
    expect(computeFeedbackEscalation(item("SAFETY", 5, 4), NOW)).toBe("ACCOUNTABLE");
    expect(computeFeedbackEscalation(item("CONCERN", 200, 120), NOW)).toBe("ACCOUNTABLE");
  });

  it("reaches the executive on duty when safety feedback is overdue by as long again as its answer time", () => {
    // Due 4 hours after logging: the executive on duty sees it after 8 hours, not at 8 exactly.
    expect(computeFeedbackEscalation(item("SAFETY", 8, 4), NOW)).toBe("ACCOUNTABLE");
    expect(computeFeedbackEscalation(item("SAFETY", 8.01, 4), NOW)).toBe("DUTY_EXECUTIVE");
    // Due 24 hours after logging: after 48.
    expect(computeFeedbackEscalation(item("SAFETY", 47, 24), NOW)).toBe("ACCOUNTABLE");
    expect(computeFeedbackEscalation(item("SAFETY", 49, 24), NOW)).toBe("DUTY_EXECUTIVE");
  });

  it("keeps other kinds with the Accountable however late", () => {
    expect(computeFeedbackEscalation(item("CONCERN", 2000, 120), NOW)).toBe("ACCOUNTABLE");
    expect(computeFeedbackEscalation(item("SUGGESTION", 2000, 120), NOW)).toBe("ACCOUNTABLE");
  });

  it("counts the windows from the author's reopening, not the first logging", () => {
    // Logged 100 hours ago, reopened 30 hours ago with a fresh 24-hour window: overdue, not yet the executive's.
    expect(computeFeedbackEscalation(item("SAFETY", 100, 24, { reopenedHoursAgo: 30 }), NOW)).toBe(
      "ACCOUNTABLE",
    );
    expect(computeFeedbackEscalation(item("SAFETY", 100, 24, { reopenedHoursAgo: 50 }), NOW)).toBe(
      "DUTY_EXECUTIVE",
    );
  });

  it("never escalates an endorsement or feedback that has been answered or closed", () => {
    expect(computeFeedbackEscalation(item("ENDORSEMENT", 2000, 120), NOW)).toBe("NONE");
    for (const status of ["RESPONDED", "CLOSED"] as const) {
      expect(computeFeedbackEscalation(item("SAFETY", 2000, 4, { status }), NOW), status).toBe("NONE");
    }
    expect(computeFeedbackEscalation(item("SAFETY", 2000, 4, { status: "ACKNOWLEDGED" }), NOW)).toBe(
      "DUTY_EXECUTIVE",
    );
  });
});
