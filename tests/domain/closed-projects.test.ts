import { describe, expect, it } from "vitest";
import { CLOSED_PROJECT_GAP, closedProjectGaps } from "@/lib/domain/closed-projects";
import type { ProjectStage } from "@/lib/domain/vocabulary";

const LIVE: ProjectStage[] = ["PROPOSED", "APPROVED", "PILOT", "ROLLOUT", "ON_HOLD"];
const codes = (stage: ProjectStage, afterClosure?: boolean) =>
  closedProjectGaps(stage, { what: "milestone changes", afterClosure }).map((g) => g.code);

describe("closedProjectGaps", () => {
  it("lets a live or paused project take every change", () => {
    for (const stage of LIVE) {
      expect(codes(stage)).toEqual([]);
      expect(codes(stage, true)).toEqual([]);
    }
  });

  it("keeps a closed or cancelled project's plan, register and measures as they ended", () => {
    expect(closedProjectGaps("CLOSED", { what: "new risks" })).toEqual([
      {
        code: CLOSED_PROJECT_GAP.closed,
        message:
          "The project is closed: a closed or cancelled project is kept as it ended and takes no new risks",
      },
    ]);
    expect(codes("CANCELLED")).toEqual([CLOSED_PROJECT_GAP.cancelled]);
  });

  it("lets a closed project, but not a cancelled one, take what comes after the work", () => {
    expect(codes("CLOSED", true)).toEqual([]);
    const gaps = closedProjectGaps("CANCELLED", { what: "new feedback", afterClosure: true });
    expect(gaps.map((g) => g.code)).toEqual([CLOSED_PROJECT_GAP.cancelled]);
    expect(gaps[0]?.message).toMatch(
      /cancelled: nobody is delivering or measuring it any more, so it takes no new feedback/,
    );
  });
});
