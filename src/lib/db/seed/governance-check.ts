// The seed must itself obey the rules the app enforces: fail loudly before writing anything rather
// than show a demo whose live projects break rule 1 or whose closed ones break rule 4.

import type { Cadence, MilestoneStatus } from "@/generated/prisma/enums";
import { hasFinalValue } from "@/lib/domain/benefits-review";
import type { RaciEntry, RaciLetter } from "@/lib/domain/raci";
import { closureGaps, type ProjectFacts, readinessGaps } from "@/lib/domain/stage-gates";
import { PEOPLE, type PersonKey, type PersonSpec } from "./demo-organisation";
import type { ProjectSpec } from "./demo-projects";

export interface ProjectMetricFact {
  name: string;
  baseline: number;
  target: number;
  cadence: Cadence;
  values: readonly { periodStart: Date }[];
}

export interface PlannedProject {
  spec: ProjectSpec;
  raci: readonly { person: PersonKey; letter: RaciLetter }[];
  milestones: readonly { title: string; status: MilestoneStatus }[];
  /** The day a closed project closed (its final values are judged against it). */
  closedOn: Date;
  metrics: readonly ProjectMetricFact[];
}

function latestPeriod(values: readonly { periodStart: Date }[]): Date | null {
  return values.reduce<Date | null>(
    (latest, v) => (latest && latest >= v.periodStart ? latest : v.periodStart),
    null,
  );
}

export function assertGovernance(projects: readonly PlannedProject[]): void {
  const problems: string[] = [];
  for (const { spec, raci, milestones, closedOn, metrics } of projects) {
    // Proposals may still have gaps (that is the demo's point); cancelled work is history.
    if (spec.stage === "PROPOSED" || spec.stage === "CANCELLED") continue;
    const entries: RaciEntry[] = raci.map(({ person, letter }) => {
      const who: PersonSpec = PEOPLE[person];
      return {
        userId: person,
        name: who.name,
        letter,
        discipline: who.discipline,
        active: who.active ?? true,
      };
    });
    const facts: ProjectFacts = {
      kind: spec.kind,
      stage: spec.stage,
      alignmentCount: spec.alignments.length,
      raci: entries,
      metrics: metrics.map((m) => ({
        name: m.name,
        baselineValue: m.baseline,
        targetValue: m.target,
        hasFinalValue: hasFinalValue(
          { cadence: m.cadence, lastValuePeriodStart: latestPeriod(m.values) },
          closedOn,
        ),
      })),
      milestones,
    };
    const gaps = [...readinessGaps(facts), ...(spec.stage === "CLOSED" ? closureGaps(facts) : [])];
    for (const gap of gaps) problems.push(`${spec.code}: ${gap.message}`);
  }
  if (problems.length > 0)
    throw new Error(`The demo data breaks the governance rules:\n${problems.join("\n")}`);
}
