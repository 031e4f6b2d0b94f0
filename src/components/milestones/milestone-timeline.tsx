// The plan on one date axis: for each milestone its baseline (what was promised, a hollow diamond),
// its forecast (what is expected now, a dot, joined to the baseline by a bar when it has slipped)
// and its actual date once done (a tick), with today marked. The shapes differ as well as the
// colours, and each row names its health in words, so nothing depends on seeing colour; the table
// below holds the same dates for screen readers and for copying.
import { formatCalendarMonth, type IsoDate } from "@/lib/domain/calendar";
import { MILESTONE_HEALTH_LABEL } from "@/lib/domain/labels";
import type { MilestoneHealth } from "@/lib/domain/milestones";
import { formatDate } from "../ui/format";

export interface TimelineMilestone {
  id: string;
  title: string;
  baselineDate: IsoDate;
  forecastDate: IsoDate;
  actualDate: IsoDate | null;
  health: MilestoneHealth;
  isGate: boolean;
}

const DAY = 86_400_000;
const ms = (iso: IsoDate) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

const HEALTH_TEXT: Record<MilestoneHealth, string> = {
  OVERDUE: "text-red-800",
  AT_RISK: "text-amber-900",
  DONE_LATE: "text-amber-900",
  DUE_SOON: "text-slate-700",
  ON_TRACK: "text-green-800",
  DONE_ON_TIME: "text-green-800",
  CANCELLED: "text-slate-500",
};

function Diamond() {
  return <span className="block h-3 w-3 rotate-45 border-2 border-slate-700 bg-white" />;
}
function Dot({ late }: { late: boolean }) {
  // Smaller than the diamond, so a forecast on its baseline shows as a dot inside it.
  return <span className={`block h-2 w-2 rounded-full ${late ? "bg-amber-500" : "bg-teal-700"}`} />;
}
function Tick() {
  return (
    <span className="flex h-3.5 w-3.5 items-center justify-center rounded-sm bg-green-700 text-[10px] leading-none font-bold text-white">
      ✓
    </span>
  );
}

/** Month labels along the axis, at most `count`, on the first of a month. */
function axisTicks(start: number, end: number, count: number): { at: number; label: string }[] {
  const first = new Date(start);
  const months =
    (new Date(end).getUTCFullYear() - first.getUTCFullYear()) * 12 +
    new Date(end).getUTCMonth() -
    first.getUTCMonth();
  const step = Math.max(1, Math.ceil(months / count));
  const ticks: { at: number; label: string }[] = [];
  for (let i = 1; i <= months; i += step) {
    const at = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + i, 1);
    if (at < end) ticks.push({ at, label: formatCalendarMonth(new Date(at)).replace(/^(\w{3})\w*/, "$1") });
  }
  return ticks;
}

export function MilestoneTimeline({
  milestones,
  today,
}: {
  milestones: TimelineMilestone[];
  today: IsoDate;
}) {
  const dates = milestones.flatMap((m) => [m.baselineDate, m.forecastDate, m.actualDate ?? m.forecastDate]);
  const all = [...dates.map(ms), ms(today)];
  // A fortnight's margin either side keeps the first and last markers off the edges.
  const start = Math.min(...all) - 14 * DAY;
  const end = Math.max(...all) + 14 * DAY;
  const at = (iso: IsoDate) => `${(((ms(iso) - start) / (end - start)) * 100).toFixed(2)}%`;
  const ticks = axisTicks(start, end, 6);
  const todayAt = at(today);

  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption className="flex flex-wrap items-center gap-x-5 gap-y-2 text-xs text-slate-700">
        <span className="font-semibold text-slate-900">Baseline, forecast and actual dates</span>
        <span className="inline-flex items-center gap-1.5">
          <Diamond /> Baseline
        </span>
        <span className="inline-flex items-center gap-1.5">
          <Dot late={false} /> Forecast
        </span>
        <span className="inline-flex items-center gap-1.5">
          <Dot late /> Forecast later than baseline
        </span>
        <span className="inline-flex items-center gap-1.5">
          <Tick /> Done (actual date)
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span className="block h-3 border-l-2 border-dashed border-teal-700" /> Today
        </span>
      </figcaption>

      <div className="mt-4">
        {/* The axis: labels sit in the same column as the tracks. */}
        <div className="grid grid-cols-1 gap-1 md:grid-cols-[14rem_1fr] md:gap-4">
          <span className="hidden md:block" />
          <div className="relative h-5 text-[11px] text-slate-500" aria-hidden="true">
            {ticks.map((t) => (
              <span
                key={t.at}
                className="absolute -translate-x-1/2 whitespace-nowrap"
                style={{ left: `${(((t.at - start) / (end - start)) * 100).toFixed(2)}%` }}
              >
                {t.label}
              </span>
            ))}
          </div>
        </div>
        <ol className="space-y-2">
          {milestones.map((m) => {
            const late = ms(m.forecastDate) > ms(m.baselineDate) && m.health !== "CANCELLED";
            const from = Math.min(ms(m.baselineDate), ms(m.forecastDate));
            const to = Math.max(ms(m.baselineDate), ms(m.forecastDate));
            const cancelled = m.health === "CANCELLED";
            return (
              <li
                key={m.id}
                className={`grid grid-cols-1 items-center gap-1 md:grid-cols-[14rem_1fr] md:gap-4 ${cancelled ? "opacity-60" : ""}`}
              >
                <div className="min-w-0 text-sm">
                  <span className="font-medium text-slate-900">{m.title}</span>
                  <span className={`ml-2 text-xs font-medium ${HEALTH_TEXT[m.health]}`}>
                    {MILESTONE_HEALTH_LABEL[m.health]}
                  </span>
                  <span className="sr-only">
                    : baseline {formatDate(m.baselineDate)}, forecast {formatDate(m.forecastDate)}
                    {m.actualDate ? `, done ${formatDate(m.actualDate)}` : ""}
                  </span>
                </div>
                <div className="relative h-6 rounded bg-slate-50" aria-hidden="true">
                  <span
                    className="absolute top-0 bottom-0 border-l-2 border-dashed border-teal-700/60"
                    style={{ left: todayAt }}
                  />
                  {to > from ? (
                    <span
                      className={`absolute top-1/2 h-1.5 -translate-y-1/2 rounded ${late ? "bg-amber-300" : "bg-teal-200"}`}
                      style={{
                        left: at(new Date(from).toISOString()),
                        width: `${(((to - from) / (end - start)) * 100).toFixed(2)}%`,
                      }}
                    />
                  ) : null}
                  <span
                    className="absolute top-1/2 -translate-x-1/2 -translate-y-1/2"
                    style={{ left: at(m.baselineDate) }}
                    title={`Baseline ${formatDate(m.baselineDate)}`}
                  >
                    <Diamond />
                  </span>
                  {m.actualDate ? (
                    <span
                      className="absolute top-1/2 -translate-x-1/2 -translate-y-1/2"
                      style={{ left: at(m.actualDate) }}
                      title={`Done ${formatDate(m.actualDate)}`}
                    >
                      <Tick />
                    </span>
                  ) : (
                    <span
                      className="absolute top-1/2 -translate-x-1/2 -translate-y-1/2"
                      style={{ left: at(m.forecastDate) }}
                      title={`Forecast ${formatDate(m.forecastDate)}`}
                    >
                      <Dot late={late} />
                    </span>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    </figure>
  );
}
