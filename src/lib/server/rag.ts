import "server-only";
// Red/amber/green bands for what the governance rules do not grade themselves: a risk's score.
// Metric RAG and schedule RAG are the domain's (computeMetricStatus, computeScheduleRag).
import type { Rag } from "@/lib/domain/metrics";

export type { Rag };

/** The usual 5×5 risk matrix bands: 15–25 red, 8–12 amber, below that green. */
export function riskRag(likelihood: number, impact: number): Rag {
  const score = likelihood * impact;
  if (score >= 15) return "RED";
  if (score >= 8) return "AMBER";
  return "GREEN";
}
