import { RAG_LABEL, STAGE_LABEL } from "@/lib/domain/labels";
import type { Rag } from "@/lib/domain/metrics";
import type { ProjectStage } from "@/lib/domain/vocabulary";

// Red, amber and green are kept for status (RAG); everything else is neutral.
export type Tone = "neutral" | "red" | "amber" | "green" | "info";

const TONE_CLASS: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-200",
  red: "bg-red-50 text-red-800 ring-red-200",
  amber: "bg-amber-50 text-amber-900 ring-amber-300",
  green: "bg-green-50 text-green-800 ring-green-200",
  info: "bg-teal-50 text-teal-800 ring-teal-200",
};

export function Badge({ tone = "neutral", children }: { tone?: Tone; children: React.ReactNode }) {
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_CLASS[tone]}`}
    >
      {children}
    </span>
  );
}

export function StageBadge({ stage }: { stage: ProjectStage }) {
  return <Badge>{STAGE_LABEL[stage]}</Badge>;
}

const RAG_TONE: Record<Rag, Tone> = { RED: "red", AMBER: "amber", GREEN: "green" };

/** RAG status in words as well as colour, so it does not depend on seeing colour. */
export function RagBadge({ rag, children }: { rag: Rag; children?: React.ReactNode }) {
  return <Badge tone={RAG_TONE[rag]}>{children ?? RAG_LABEL[rag]}</Badge>;
}
