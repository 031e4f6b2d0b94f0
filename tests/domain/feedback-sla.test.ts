import { describe, expect, it } from "vitest";
import type { FeedbackKind, Severity } from "@/generated/prisma/enums";
import {
  computeAnswerTime,
  computeFeedbackDueAt,
  computeFeedbackSla,
  computeHolidayWindow,
} from "@/lib/domain/feedback-sla";
import { DEFAULT_SETTINGS, type GovernanceSettings } from "@/lib/domain/settings";

const LONDON = "Europe/London";
const HOUR = 3_600_000;

/** A calendar date as Prisma returns `Holiday.date`. */
function d(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

/** Instants are written in UTC so each test states the local time it means in a comment. */
function at(isoUtc: string): Date {
  return new Date(isoUtc);
}

// England and Wales bank holidays around the dates tested.
const UK_HOLIDAYS = [
  d("2025-01-01"),
  d("2025-04-18"),
  d("2025-04-21"),
  d("2025-05-05"),
  d("2025-05-26"),
  d("2025-08-25"),
  d("2025-12-25"),
  d("2025-12-26"),
  d("2026-01-01"),
];

/** SAFETY means HIGH severity below unless a test says otherwise: "by this time tomorrow". */
function due(kind: FeedbackKind, loggedAt: Date, timeZone = LONDON, holidays = UK_HOLIDAYS): string {
  const severity: Severity = kind === "SAFETY" ? "HIGH" : "MEDIUM";
  return computeFeedbackDueAt({
    kind,
    severity,
    loggedAt,
    timeZone,
    holidays,
    settings: DEFAULT_SETTINGS,
  }).toISOString();
}

function dueWith(
  kind: FeedbackKind,
  severity: Severity,
  loggedAt: Date,
  settings: Partial<GovernanceSettings> = {},
  holidays = UK_HOLIDAYS,
): string {
  return computeFeedbackDueAt({
    kind,
    severity,
    loggedAt,
    timeZone: LONDON,
    holidays,
    settings: { ...DEFAULT_SETTINGS, ...settings },
  }).toISOString();
}

describe("computeAnswerTime: answer times from the organisation's settings (FB-2)", () => {
  it("reads SAFETY by severity and every other kind in working days", () => {
    expect(computeAnswerTime("SAFETY", "CRITICAL", DEFAULT_SETTINGS)).toEqual({
      unit: "CLOCK_HOURS",
      hours: 4,
    });
    expect(computeAnswerTime("SAFETY", "HIGH", DEFAULT_SETTINGS)).toEqual({
      unit: "WALL_CLOCK_HOURS",
      hours: 24,
    });
    for (const severity of ["MEDIUM", "LOW"] as const) {
      expect(computeAnswerTime("SAFETY", severity, DEFAULT_SETTINGS)).toEqual({
        unit: "WORKING_DAYS",
        days: 2,
      });
    }
    for (const kind of ["CONCERN", "SUGGESTION", "ENDORSEMENT"] as const) {
      expect(computeAnswerTime(kind, "CRITICAL", DEFAULT_SETTINGS)).toEqual({
        unit: "WORKING_DAYS",
        days: 5,
      });
    }
  });

  it("follows changed settings", () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      safetyCriticalAnswerHours: 2,
      safetyHighAnswerHours: 12,
      safetyOtherAnswerWorkingDays: 1,
      feedbackAnswerWorkingDays: 10,
    };
    expect(computeAnswerTime("SAFETY", "CRITICAL", settings)).toEqual({ unit: "CLOCK_HOURS", hours: 2 });
    expect(computeAnswerTime("SAFETY", "HIGH", settings)).toEqual({ unit: "WALL_CLOCK_HOURS", hours: 12 });
    expect(computeAnswerTime("SAFETY", "LOW", settings)).toEqual({ unit: "WORKING_DAYS", days: 1 });
    expect(computeAnswerTime("CONCERN", "LOW", settings)).toEqual({ unit: "WORKING_DAYS", days: 10 });
  });
});

describe("computeFeedbackDueAt: settings (FB-2)", () => {
  it("gives CRITICAL safety feedback its hours on the clock, at night, at weekends and across a clock change", () => {
    // Sat 29 Mar 2025 23:30 GMT → 4 real hours later, though the clocks went forward at 01:00
    expect(dueWith("SAFETY", "CRITICAL", at("2025-03-29T23:30:00Z"))).toBe("2025-03-30T03:30:00.000Z");
    expect(dueWith("SAFETY", "CRITICAL", at("2025-03-03T10:00:00Z"), { safetyCriticalAnswerHours: 1 })).toBe(
      "2025-03-03T11:00:00.000Z",
    );
  });

  it("gives HIGH safety feedback its hours on the trust's wall clock", () => {
    // Mon 3 Mar 10:00 GMT + 12 hours → 22:00; + 48 hours → Wed 5 Mar 10:00
    expect(dueWith("SAFETY", "HIGH", at("2025-03-03T10:00:00Z"), { safetyHighAnswerHours: 12 })).toBe(
      "2025-03-03T22:00:00.000Z",
    );
    expect(dueWith("SAFETY", "HIGH", at("2025-03-03T10:00:00Z"), { safetyHighAnswerHours: 48 })).toBe(
      "2025-03-05T10:00:00.000Z",
    );
  });

  it("gives MEDIUM and LOW safety feedback working days, skipping weekends and holidays", () => {
    // Thu 17 Apr 2025 12:00 BST: Good Friday, the weekend and Easter Monday skipped → Wed 23 Apr 17:00 BST
    expect(dueWith("SAFETY", "MEDIUM", at("2025-04-17T11:00:00Z"))).toBe("2025-04-23T16:00:00.000Z");
    expect(dueWith("SAFETY", "LOW", at("2025-04-17T11:00:00Z"), { safetyOtherAnswerWorkingDays: 1 })).toBe(
      "2025-04-22T16:00:00.000Z",
    );
  });

  it("gives other kinds feedbackAnswerWorkingDays working days", () => {
    // Mon 3 Mar 10:00 GMT: 5 working days → Mon 10 Mar; 10 → Mon 17 Mar; 1 → Tue 4 Mar, all 17:00
    expect(dueWith("CONCERN", "HIGH", at("2025-03-03T10:00:00Z"))).toBe("2025-03-10T17:00:00.000Z");
    expect(dueWith("CONCERN", "HIGH", at("2025-03-03T10:00:00Z"), { feedbackAnswerWorkingDays: 10 })).toBe(
      "2025-03-17T17:00:00.000Z",
    );
    expect(dueWith("SUGGESTION", "LOW", at("2025-03-03T10:00:00Z"), { feedbackAnswerWorkingDays: 1 })).toBe(
      "2025-03-04T17:00:00.000Z",
    );
  });

  it("reads holidays in a window that covers the longest answer time", () => {
    const from = at("2025-03-03T10:00:00Z");
    const window = computeHolidayWindow(from, { ...DEFAULT_SETTINGS, feedbackAnswerWorkingDays: 20 });
    expect(window.from.getTime()).toBeLessThan(from.getTime());
    const due20 = new Date(dueWith("CONCERN", "LOW", from, { feedbackAnswerWorkingDays: 20 }, []));
    // Even a holiday every working week moves twenty working days by four more days at most.
    expect(window.to.getTime()).toBeGreaterThan(due20.getTime() + 6 * 86_400_000);
  });
});

describe("computeFeedbackDueAt: five working days, by 17:00 local", () => {
  it("gives a Monday log until 17:00 the following Monday", () => {
    // Mon 3 Mar 2025 10:00 GMT
    expect(due("CONCERN", at("2025-03-03T10:00:00Z"))).toBe("2025-03-10T17:00:00.000Z");
  });

  it("treats every non-safety kind the same", () => {
    for (const kind of ["CONCERN", "SUGGESTION", "ENDORSEMENT"] as const) {
      expect(due(kind, at("2025-03-03T10:00:00Z"))).toBe("2025-03-10T17:00:00.000Z");
    }
  });

  it("never counts the day of logging, whatever the time", () => {
    // Tue 4 Mar 2025 08:00, 16:59 and 17:01 GMT: all due Tue 11 Mar 17:00
    for (const time of ["08:00", "16:59", "17:01", "23:59"]) {
      expect(due("CONCERN", at(`2025-03-04T${time}:00Z`)), time).toBe("2025-03-11T17:00:00.000Z");
    }
  });

  it("counts a Saturday or Sunday log from Monday, so it shares Friday's deadline", () => {
    // Fri 7 Mar 10:00, Sat 8 Mar 11:00, Sun 9 Mar 20:00 GMT: all due Fri 14 Mar 17:00
    expect(due("CONCERN", at("2025-03-07T10:00:00Z"))).toBe("2025-03-14T17:00:00.000Z");
    expect(due("CONCERN", at("2025-03-08T11:00:00Z"))).toBe("2025-03-14T17:00:00.000Z");
    expect(due("CONCERN", at("2025-03-09T20:00:00Z"))).toBe("2025-03-14T17:00:00.000Z");
  });

  it("skips the Easter bank holidays", () => {
    // Thu 17 Apr 2025 12:00 BST; Good Friday and Easter Monday are holidays → Mon 28 Apr 17:00 BST
    expect(due("CONCERN", at("2025-04-17T11:00:00Z"))).toBe("2025-04-28T16:00:00.000Z");
    // The same log without the holiday list: Thu 24 Apr 17:00 BST
    expect(due("CONCERN", at("2025-04-17T11:00:00Z"), LONDON, [])).toBe("2025-04-24T16:00:00.000Z");
  });

  it("skips Christmas, Boxing Day and New Year's Day across the year end", () => {
    // Tue 23 Dec 2025 10:00 GMT → 24, 29, 30, 31 Dec, 2 Jan → Fri 2 Jan 2026 17:00 GMT
    expect(due("CONCERN", at("2025-12-23T10:00:00Z"))).toBe("2026-01-02T17:00:00.000Z");
  });

  it("treats a holiday on the day of logging like any other logging day", () => {
    // Easter Monday 21 Apr 2025 09:00 BST → Tue 22 … Mon 28 Apr 17:00 BST
    expect(due("CONCERN", at("2025-04-21T08:00:00Z"))).toBe("2025-04-28T16:00:00.000Z");
  });

  it("lands at 17:00 BST after the spring clock change (30 March 2025)", () => {
    // Tue 25 Mar 09:00 GMT → 26, 27, 28, 31 Mar, 1 Apr → Tue 1 Apr 17:00 BST = 16:00 UTC
    expect(due("CONCERN", at("2025-03-25T09:00:00Z"))).toBe("2025-04-01T16:00:00.000Z");
  });

  it("lands at 17:00 GMT after the autumn clock change (26 October 2025)", () => {
    // Wed 22 Oct 14:00 BST → 23, 24, 27, 28, 29 Oct → Wed 29 Oct 17:00 GMT
    expect(due("CONCERN", at("2025-10-22T13:00:00Z"))).toBe("2025-10-29T17:00:00.000Z");
  });

  it("uses the local date around midnight in summer, when it differs from the UTC date", () => {
    // Tue 10 Jun 23:59:59 BST → Tue 17 Jun 17:00 BST
    expect(due("CONCERN", at("2025-06-10T22:59:59Z"))).toBe("2025-06-17T16:00:00.000Z");
    // Wed 11 Jun 00:00:01 BST (still 10 June in UTC) → Wed 18 Jun 17:00 BST
    expect(due("CONCERN", at("2025-06-10T23:00:01Z"))).toBe("2025-06-18T16:00:00.000Z");
  });

  it("treats Monday 00:30 BST as Monday even though UTC says Sunday", () => {
    // Sun 15 Jun 23:30 BST → counts from Mon 16 → Fri 20 Jun 17:00 BST
    expect(due("CONCERN", at("2025-06-15T22:30:00Z"))).toBe("2025-06-20T16:00:00.000Z");
    // Mon 16 Jun 00:30 BST → Mon 23 Jun 17:00 BST
    expect(due("CONCERN", at("2025-06-15T23:30:00Z"))).toBe("2025-06-23T16:00:00.000Z");
  });

  it("uses the local date around midnight in winter, when it equals the UTC date", () => {
    expect(due("CONCERN", at("2025-01-14T23:59:00Z"))).toBe("2025-01-21T17:00:00.000Z");
    expect(due("CONCERN", at("2025-01-15T00:00:00Z"))).toBe("2025-01-22T17:00:00.000Z");
  });

  it("works in a zone west of UTC across its own clock change (New York, 9 March 2025)", () => {
    // Fri 7 Mar 15:00 EST → Fri 14 Mar 17:00 EDT = 21:00 UTC
    expect(due("CONCERN", at("2025-03-07T20:00:00Z"), "America/New_York", [])).toBe(
      "2025-03-14T21:00:00.000Z",
    );
    // Fri 7 Mar 21:00 EST is already Saturday in UTC, but Friday in New York
    expect(due("CONCERN", at("2025-03-08T02:00:00Z"), "America/New_York", [])).toBe(
      "2025-03-14T21:00:00.000Z",
    );
  });

  it("works in a half-hour zone with no clock changes (Kolkata)", () => {
    // Mon 3 Mar 20:00 UTC is Tue 4 Mar 01:30 IST → Tue 11 Mar 17:00 IST = 11:30 UTC
    expect(due("CONCERN", at("2025-03-03T20:00:00Z"), "Asia/Kolkata", [])).toBe("2025-03-11T11:30:00.000Z");
  });

  it("takes the organisation's own holidays, not the UK's", () => {
    // Sydney: Anzac Day, Fri 25 Apr 2025. Tue 22 Apr 10:00 AEST → 23, 24, 28, 29, 30 Apr 17:00 AEST
    expect(due("CONCERN", at("2025-04-22T00:00:00Z"), "Australia/Sydney", [d("2025-04-25")])).toBe(
      "2025-04-30T07:00:00.000Z",
    );
  });

  it("does not depend on a holiday's time of day, only its date", () => {
    const holidays = [new Date("2025-04-18T00:00:00Z"), d("2025-04-21")];
    expect(due("CONCERN", at("2025-04-17T11:00:00Z"), LONDON, holidays)).toBe("2025-04-28T16:00:00.000Z");
  });

  it("refuses an unknown time zone", () => {
    expect(() => due("CONCERN", at("2025-03-03T10:00:00Z"), "Europe/Londinium")).toThrow(RangeError);
    expect(() => due("SAFETY", at("2025-03-03T10:00:00Z"), "Europe/Londinium")).toThrow(RangeError);
  });

  it("returns a plain Date", () => {
    const dueAt = computeFeedbackDueAt({
      kind: "CONCERN",
      severity: "LOW",
      loggedAt: at("2025-03-03T10:00:00Z"),
      timeZone: LONDON,
      holidays: [],
      settings: DEFAULT_SETTINGS,
    });
    expect(dueAt.constructor).toBe(Date);
  });
});

describe("computeFeedbackDueAt: HIGH SAFETY, same local time next calendar day by default", () => {
  it("is due 24 hours later on an ordinary day", () => {
    // Mon 3 Mar 14:30 GMT → Tue 4 Mar 14:30 GMT
    expect(due("SAFETY", at("2025-03-03T14:30:00Z"))).toBe("2025-03-04T14:30:00.000Z");
  });

  it("does not wait for weekends or bank holidays", () => {
    // Fri 7 Mar 16:00 GMT → Sat 8 Mar 16:00; Good Friday 18 Apr 09:00 BST → Sat 19 Apr 09:00 BST
    expect(due("SAFETY", at("2025-03-07T16:00:00Z"))).toBe("2025-03-08T16:00:00.000Z");
    expect(due("SAFETY", at("2025-04-18T08:00:00Z"))).toBe("2025-04-19T08:00:00.000Z");
  });

  it("allows 23 hours across the spring clock change", () => {
    // Sat 29 Mar 10:00 GMT → Sun 30 Mar 10:00 BST
    const loggedAt = at("2025-03-29T10:00:00Z");
    const dueAt = computeFeedbackDueAt({
      kind: "SAFETY",
      severity: "HIGH",
      loggedAt,
      timeZone: LONDON,
      holidays: [],
      settings: DEFAULT_SETTINGS,
    });
    expect(dueAt.toISOString()).toBe("2025-03-30T09:00:00.000Z");
    expect(dueAt.getTime() - loggedAt.getTime()).toBe(23 * HOUR);
  });

  it("allows 25 hours across the autumn clock change", () => {
    // Sat 25 Oct 10:00 BST → Sun 26 Oct 10:00 GMT
    const loggedAt = at("2025-10-25T09:00:00Z");
    const dueAt = computeFeedbackDueAt({
      kind: "SAFETY",
      severity: "HIGH",
      loggedAt,
      timeZone: LONDON,
      holidays: [],
      settings: DEFAULT_SETTINGS,
    });
    expect(dueAt.toISOString()).toBe("2025-10-26T10:00:00.000Z");
    expect(dueAt.getTime() - loggedAt.getTime()).toBe(25 * HOUR);
  });

  it("moves a wall-clock time that does not exist tomorrow one hour on", () => {
    // Sat 29 Mar 01:30 GMT → 01:30 on 30 Mar does not exist → 02:30 BST, 24 hours later
    expect(due("SAFETY", at("2025-03-29T01:30:00Z"))).toBe("2025-03-30T01:30:00.000Z");
  });

  it("takes the first of a wall-clock time that happens twice tomorrow", () => {
    // Sat 25 Oct 01:30 BST → 01:30 happens twice on 26 Oct → the first, 01:30 BST, 24 hours later
    expect(due("SAFETY", at("2025-10-25T00:30:00Z"))).toBe("2025-10-26T00:30:00.000Z");
    // Sat 1 Nov 01:30 EDT → Sun 2 Nov 01:30 EDT, before New York's clocks go back
    expect(due("SAFETY", at("2025-11-01T05:30:00Z"), "America/New_York", [])).toBe(
      "2025-11-02T05:30:00.000Z",
    );
  });

  it("keeps the wall-clock time for every quarter hour around both London clock changes", () => {
    const wallClock = new Intl.DateTimeFormat("en-GB", {
      timeZone: LONDON,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    const localDate = new Intl.DateTimeFormat("en-CA", { timeZone: LONDON });
    for (const [from, to] of [
      ["2025-03-28T00:00:00Z", "2025-04-01T00:00:00Z"],
      ["2025-10-24T00:00:00Z", "2025-10-28T00:00:00Z"],
    ] as const) {
      for (let t = Date.parse(from); t < Date.parse(to); t += 15 * 60_000) {
        const loggedAt = new Date(t);
        const dueAt = computeFeedbackDueAt({
          kind: "SAFETY",
          severity: "HIGH",
          loggedAt,
          timeZone: LONDON,
          holidays: [],
          settings: DEFAULT_SETTINGS,
        });
        const hours = (dueAt.getTime() - t) / HOUR;
        const label = loggedAt.toISOString();
        expect([23, 24, 25], label).toContain(hours);
        // The next calendar day, at the same time unless that time was skipped (then 24 hours on).
        const nextDay = new Date(`${localDate.format(loggedAt)}T12:00:00Z`);
        nextDay.setUTCDate(nextDay.getUTCDate() + 1);
        expect(localDate.format(dueAt), label).toBe(nextDay.toISOString().slice(0, 10));
        if (wallClock.format(dueAt) !== wallClock.format(loggedAt)) expect(hours, label).toBe(24);
      }
    }
  });

  it("gives the same deadline whatever time zone the server itself runs in", () => {
    const original = process.env.TZ;
    const results = new Set<string>();
    try {
      for (const serverZone of [
        "UTC",
        "Europe/London",
        "Pacific/Auckland",
        "Asia/Kolkata",
        "America/Los_Angeles",
      ]) {
        process.env.TZ = serverZone;
        results.add(
          [
            due("SAFETY", at("2025-10-25T00:30:00Z")),
            due("SAFETY", at("2025-03-29T01:30:00Z")),
            due("SAFETY", at("2025-11-01T05:30:00Z"), "America/New_York", []),
            due("CONCERN", at("2025-10-22T13:00:00Z")),
          ].join(" "),
        );
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
    expect([...results]).toEqual([
      "2025-10-26T00:30:00.000Z 2025-03-30T01:30:00.000Z 2025-11-02T05:30:00.000Z 2025-10-29T17:00:00.000Z",
    ]);
  });

  it("keeps the local time for logs just before and after local midnight", () => {
    // Tue 10 Jun 23:59 BST → Wed 11 Jun 23:59 BST; Wed 11 Jun 00:01 BST → Thu 12 Jun 00:01 BST
    expect(due("SAFETY", at("2025-06-10T22:59:00Z"))).toBe("2025-06-11T22:59:00.000Z");
    expect(due("SAFETY", at("2025-06-10T23:01:00Z"))).toBe("2025-06-11T23:01:00.000Z");
  });

  it("follows the organisation's zone, not London's, across New York's clock change", () => {
    // Sat 8 Mar 12:00 EST → Sun 9 Mar 12:00 EDT (23 hours)
    expect(due("SAFETY", at("2025-03-08T17:00:00Z"), "America/New_York", [])).toBe(
      "2025-03-09T16:00:00.000Z",
    );
    // Sydney's clocks go back on Sun 6 Apr 2025: Sat 5 Apr 12:00 AEDT → Sun 6 Apr 12:00 AEST (25 hours)
    expect(due("SAFETY", at("2025-04-05T01:00:00Z"), "Australia/Sydney", [])).toBe(
      "2025-04-06T02:00:00.000Z",
    );
  });
});

describe("computeFeedbackSla", () => {
  const dueAt = at("2025-03-10T17:00:00Z");

  it("is waiting but not overdue before the deadline", () => {
    expect(
      computeFeedbackSla({ kind: "CONCERN", status: "OPEN", dueAt }, at("2025-03-10T16:00:00Z")),
    ).toEqual({
      awaitingAnswer: true,
      overdue: false,
      msUntilDue: HOUR,
      answeredLate: null,
    });
  });

  it("is not overdue at the exact deadline", () => {
    expect(computeFeedbackSla({ kind: "CONCERN", status: "OPEN", dueAt }, dueAt)).toMatchObject({
      overdue: false,
      msUntilDue: 0,
    });
  });

  it("is overdue one millisecond after the deadline, acknowledged or not", () => {
    const now = new Date(dueAt.getTime() + 1);
    for (const status of ["OPEN", "ACKNOWLEDGED"] as const) {
      expect(computeFeedbackSla({ kind: "SAFETY", status, dueAt }, now)).toMatchObject({
        awaitingAnswer: true,
        overdue: true,
        msUntilDue: -1,
      });
    }
  });

  it("is never overdue once answered or closed, and says whether the answer was late", () => {
    const now = at("2025-04-01T00:00:00Z");
    expect(
      computeFeedbackSla(
        { kind: "CONCERN", status: "RESPONDED", dueAt, respondedAt: at("2025-03-10T16:59:00Z") },
        now,
      ),
    ).toEqual({
      awaitingAnswer: false,
      overdue: false,
      msUntilDue: null,
      answeredLate: false,
    });
    expect(
      computeFeedbackSla(
        { kind: "CONCERN", status: "CLOSED", dueAt, respondedAt: at("2025-03-11T09:00:00Z") },
        now,
      ),
    ).toMatchObject({
      overdue: false,
      answeredLate: true,
    });
    expect(
      computeFeedbackSla({ kind: "CONCERN", status: "RESPONDED", dueAt, respondedAt: dueAt }, now)
        .answeredLate,
    ).toBe(false);
    expect(computeFeedbackSla({ kind: "CONCERN", status: "CLOSED", dueAt }, now).answeredLate).toBeNull();
  });

  it("never counts an endorsement as waiting for an answer or overdue, whatever its status (FB-1)", () => {
    const now = at("2025-04-01T00:00:00Z");
    for (const status of ["OPEN", "ACKNOWLEDGED", "RESPONDED", "CLOSED"] as const) {
      expect(computeFeedbackSla({ kind: "ENDORSEMENT", status, dueAt }, now)).toEqual({
        awaitingAnswer: false,
        overdue: false,
        msUntilDue: null,
        answeredLate: null,
      });
    }
  });
});
