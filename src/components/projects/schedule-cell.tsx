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
    <div>
      {/* The badge wraps under the date rather than overflow a crowded table. */}
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="whitespace-nowrap">
          {actualDate ? `Ended ${formatDate(actualDate)}` : formatDate(forecastDate)}
        </span>
        <RagBadge rag={rag}>{formatSlip(slipDays)}</RagBadge>
      </div>
      <div className="whitespace-nowrap text-xs text-slate-500">Baseline {formatDate(baselineDate)}</div>
    </div>
  );
}
