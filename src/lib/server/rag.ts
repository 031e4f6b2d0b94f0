import "server-only";
// Red/amber/green bands for what the governance rules do not grade themselves (metric RAG is
// the domain's computeRag): a risk's score and a project's end-date slip.
import type { Rag } from "@/lib/domain/metrics";

export type { Rag };

/** The usual 5×5 risk matrix bands: 15–25 red, 8–12 amber, below that green. */
export function riskRag(likelihood: number, impact: number): Rag {
  const score = likelihood * impact;
  if (score >= 15) return "RED";
  if (score >= 8) return "AMBER";
  return "GREEN";
}

/** Days the forecast end is past the baseline end beyond which a slip is red rather than amber. */
export const SCHEDULE_RED_AFTER_DAYS = 30;

/** On or ahead of baseline is green; up to a month late amber; more than that red. */
export function scheduleRag(slipDays: number): Rag {
  if (slipDays <= 0) return "GREEN";
  if (slipDays <= SCHEDULE_RED_AFTER_DAYS) return "AMBER";
  return "RED";
}
