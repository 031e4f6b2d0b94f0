// Open risks by likelihood and impact (issue #12). Readable without colour: every cell says its
// count in text, the axes are labelled, the caption says how to read it, and each count opens the
// risks behind it. The colour bands are the usual 5×5 matrix's (riskBand).
import Link from "next/link";
import type { Rag } from "@/lib/domain/metrics";
import { RISK_SCALE_MAX, RISK_SCALE_MIN } from "@/lib/domain/risks";

const BAND_CLASS: Record<Rag, string> = {
  RED: "bg-red-100 text-red-950",
  AMBER: "bg-amber-100 text-amber-950",
  GREEN: "bg-green-50 text-green-950",
};

const LEVELS = Array.from({ length: RISK_SCALE_MAX - RISK_SCALE_MIN + 1 }, (_, i) => RISK_SCALE_MIN + i);

export function RiskHeatMap({
  cells,
  band,
  href,
}: {
  cells: readonly { likelihood: number; impact: number; count: number }[];
  band: (likelihood: number, impact: number) => Rag;
  href: (likelihood: number, impact: number) => string;
}) {
  const count = new Map(cells.map((c) => [`${c.likelihood}:${c.impact}`, c.count]));
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <table className="border-separate border-spacing-1 text-sm">
        <caption className="mb-2 max-w-xl text-left text-xs text-slate-600">
          Open risks by impact (rows, 5 most severe at the top) and likelihood (columns, 5 most likely on the
          right). Each number is the count of open risks in that cell and opens them; shading marks the score
          bands (likelihood × impact: 15 and above high, 8 to 12 medium, below 8 low).
        </caption>
        <thead>
          <tr>
            <td />
            <th
              scope="colgroup"
              colSpan={LEVELS.length}
              className="pb-1 text-xs font-semibold text-slate-700"
            >
              Likelihood
            </th>
          </tr>
          <tr>
            <th scope="col" className="px-2 text-xs font-semibold text-slate-700">
              Impact
            </th>
            {LEVELS.map((l) => (
              <th key={l} scope="col" className="w-14 text-xs font-medium text-slate-600">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...LEVELS].reverse().map((impact) => (
            <tr key={impact}>
              <th scope="row" className="px-2 text-right text-xs font-medium text-slate-600">
                {impact}
              </th>
              {LEVELS.map((likelihood) => {
                const n = count.get(`${likelihood}:${impact}`) ?? 0;
                return (
                  <td
                    key={likelihood}
                    className={`h-11 w-14 rounded text-center tabular-nums ${BAND_CLASS[band(likelihood, impact)]}`}
                  >
                    {n === 0 ? (
                      "0"
                    ) : (
                      <Link
                        prefetch={false}
                        href={href(likelihood, impact)}
                        aria-label={`Likelihood ${likelihood}, impact ${impact}: ${n} open ${n === 1 ? "risk" : "risks"}`}
                        className="block py-2 font-semibold underline underline-offset-2"
                      >
                        {n}
                      </Link>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
