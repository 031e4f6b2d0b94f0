import { RagBadge } from "../ui/badge";
import { formatDate, formatSlip } from "../ui/format";

/** A forecast date against its baseline, with the slip in days as a RAG badge. */
export function ScheduleCell({
  forecastDate,
  baselineDate,
  slipDays,
  rag,
}: {
  forecastDate: string;
  baselineDate: string;
  slipDays: number;
  rag: "RED" | "AMBER" | "GREEN";
}) {
  return (
    <div className="whitespace-nowrap">
      <div className="flex items-center gap-2">
        <span>{formatDate(forecastDate)}</span>
        <RagBadge rag={rag}>{formatSlip(slipDays)}</RagBadge>
      </div>
      <div className="text-xs text-slate-500">Baseline {formatDate(baselineDate)}</div>
    </div>
  );
}
