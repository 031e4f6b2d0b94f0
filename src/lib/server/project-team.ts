import "server-only";
// The team tab's read: the project's RACI with each person's letter (the RACI operations take the
// letter the form showed, docs/governance-rules.md rule 8), the people who may be given a letter,
// those who may hold the A (docs/governance-rules.md ACC-1), and the invariants as they stand now
// (rules 1 and 2), worded by the same domain functions the operations use.
import { db } from "@/lib/db/client";
import { hasClinicalChampion, isClinicalChampion, raciGaps } from "@/lib/domain/raci";
import { needsClinicalChampion } from "@/lib/domain/stage-gates";
import { canBeAccountable, canBeResponsible } from "@/lib/domain/user-accounts";
import type { Discipline, ProjectKind, ProjectStage, RaciLetter, Role } from "@/lib/domain/vocabulary";

export interface TeamMember {
  userId: string;
  name: string;
  jobTitle: string | null;
  role: Role;
  discipline: Discipline;
  active: boolean;
  letter: RaciLetter;
  /** An active CLINICAL colleague holding R or C (docs/governance-rules.md rule 1). */
  isClinicalChampion: boolean;
}

export interface Person {
  id: string;
  name: string;
  jobTitle: string | null;
  role: Role;
  discipline: Discipline;
  /** A viewer is read-only, so may be C or I but never R. */
  mayBeResponsible: boolean;
}

export interface ProjectTeam {
  projectId: string;
  kind: ProjectKind;
  stage: ProjectStage;
  members: TeamMember[];
  accountableId: string | null;
  /** Active people with no letter on the project yet. */
  others: Person[];
  /** Active people who may take over the A, the current one left out. */
  accountableCandidates: Person[];
  /** Rule 1 and 2 problems the team has now, in words; empty when the team is sound. */
  gaps: string[];
  needsClinicalChampion: boolean;
  hasClinicalChampion: boolean;
}

const ORDER: Record<RaciLetter, number> = { A: 0, R: 1, C: 2, I: 3 };

export async function getProjectTeam(projectId: string): Promise<ProjectTeam | null> {
  const [project, people] = await Promise.all([
    db().project.findUnique({
      where: { id: projectId },
      select: {
        id: true,
        kind: true,
        stage: true,
        raci: {
          select: {
            letter: true,
            user: {
              select: { id: true, name: true, jobTitle: true, role: true, discipline: true, active: true },
            },
          },
        },
      },
    }),
    db().user.findMany({
      where: { active: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, jobTitle: true, role: true, discipline: true, sroEligible: true },
    }),
  ]);
  if (!project) return null;
  const entries = project.raci.map((r) => ({
    userId: r.user.id,
    name: r.user.name,
    letter: r.letter,
    role: r.user.role,
    discipline: r.user.discipline,
    active: r.user.active,
  }));
  const members = project.raci
    .map((r) => ({
      userId: r.user.id,
      name: r.user.name,
      jobTitle: r.user.jobTitle,
      role: r.user.role,
      discipline: r.user.discipline,
      active: r.user.active,
      letter: r.letter,
      isClinicalChampion: isClinicalChampion({ ...r.user, userId: r.user.id, letter: r.letter }),
    }))
    .toSorted((x, y) => ORDER[x.letter] - ORDER[y.letter] || x.name.localeCompare(y.name));
  const accountableId = members.find((m) => m.letter === "A")?.userId ?? null;
  const onTeam = new Set(members.map((m) => m.userId));
  const toPerson = (p: (typeof people)[number]): Person => ({
    id: p.id,
    name: p.name,
    jobTitle: p.jobTitle,
    role: p.role,
    discipline: p.discipline,
    mayBeResponsible: canBeResponsible({ role: p.role, active: true }),
  });
  const champion = needsClinicalChampion(project.kind);
  const championPresent = hasClinicalChampion(entries);
  const gaps = raciGaps(entries, { requireResponsible: project.stage !== "PROPOSED" }).map((g) => g.message);
  if (champion && !championPresent) {
    gaps.push("No clinical champion: assign an active clinical colleague (not a viewer) as R or C");
  }
  return {
    projectId: project.id,
    kind: project.kind,
    stage: project.stage,
    members,
    accountableId,
    others: people.filter((p) => !onTeam.has(p.id)).map(toPerson),
    accountableCandidates: people
      .filter((p) => p.id !== accountableId && canBeAccountable({ ...p, active: true }))
      .map(toPerson),
    gaps,
    needsClinicalChampion: champion,
    hasClinicalChampion: championPresent,
  };
}
