import { RagBadge } from "../ui/badge";
import { formatDate, formatSlip } from "../ui/format";

/**
 * The project's end against its baseline, with the slip in days as a RAG badge: the actual end
 * once the project has ended, the forecast before (docs/governance-rules.md NUM-2).
 */
export function ScheduleCell({
  forecastDate,
  baselineDate,
  actualDate = null,
  slipDays,
  rag,
}: {
  forecastDate: string;
  baselineDate: string;
  actualDate?: string | null;
  slipDays: number;
  rag: "RED" | "AMBER" | "GREEN";
}) {
  return (
    <div className="whitespace-nowrap">
      <div className="flex items-center gap-2">
        <span>{actualDate ? `Ended ${formatDate(actualDate)}` : formatDate(forecastDate)}</span>
        <RagBadge rag={rag}>{formatSlip(slipDays)}</RagBadge>
      </div>
      <div className="text-xs text-slate-500">Baseline {formatDate(baselineDate)}</div>
    </div>
  );
}
