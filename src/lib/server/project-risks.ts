import "server-only";
// The risks tab of a project: its register (open first, then the most severe), each risk with the
// id and version its edit form sends (docs/governance-rules.md rule 8), the counts for the 5×5
// likelihood × impact grid (risks still open or being mitigated), and the people a risk may be
// given to. A project's register is a handful of rows, so it is read whole.
import { db } from "@/lib/db/client";
import type { ProjectStage, RiskStatus } from "@/lib/domain/vocabulary";
import { type Rag, riskRag } from "./rag";

export interface RiskRow {
  id: string;
  version: number;
  title: string;
  description: string | null;
  likelihood: number;
  impact: number;
  score: number;
  rag: Rag;
  mitigation: string | null;
  owner: { id: string; name: string };
  status: RiskStatus;
}

export interface RiskGridCell {
  likelihood: number;
  impact: number;
  count: number;
  rag: Rag;
}

export interface ProjectRisks {
  projectId: string;
  stage: ProjectStage;
  risks: RiskRow[];
  /** Rows by impact from 5 down to 1, each with likelihood 1 to 5: not-closed risks only. */
  grid: RiskGridCell[][];
  people: { id: string; name: string }[];
}

const STATUS_ORDER: Record<RiskStatus, number> = { OPEN: 0, MITIGATING: 1, CLOSED: 2 };
const SCALE = [1, 2, 3, 4, 5] as const;

export async function getProjectRisks(projectId: string): Promise<ProjectRisks | null> {
  const [project, people] = await Promise.all([
    db().project.findUnique({
      where: { id: projectId },
      select: {
        id: true,
        stage: true,
        risks: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            version: true,
            title: true,
            description: true,
            likelihood: true,
            impact: true,
            mitigation: true,
            status: true,
            owner: { select: { id: true, name: true } },
          },
        },
      },
    }),
    db().user.findMany({
      where: { active: true, role: { not: "VIEWER" } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  if (!project) return null;
  const risks = project.risks
    .map((r) => ({ ...r, score: r.likelihood * r.impact, rag: riskRag(r.likelihood, r.impact) }))
    .toSorted((x, y) => STATUS_ORDER[x.status] - STATUS_ORDER[y.status] || y.score - x.score);
  const live = risks.filter((r) => r.status !== "CLOSED");
  const grid = SCALE.toReversed().map((impact) =>
    SCALE.map((likelihood) => ({
      likelihood,
      impact,
      count: live.filter((r) => r.likelihood === likelihood && r.impact === impact).length,
      rag: riskRag(likelihood, impact),
    })),
  );
  return { projectId: project.id, stage: project.stage, risks, grid, people };
}
