// The 5×5 likelihood × impact grid: how many open or mitigating risks sit in each cell. Each cell
// says its band in words as well as colour, and the counts are a real table with headers.
import { RAG_LABEL } from "@/lib/domain/labels";
import type { Rag } from "@/lib/domain/metrics";

const CELL_TONE: Record<Rag, string> = {
  RED: "bg-red-50 text-red-900",
  AMBER: "bg-amber-50 text-amber-950",
  GREEN: "bg-green-50 text-green-900",
};

export function RiskGrid({
  grid,
}: {
  grid: readonly (readonly { likelihood: number; impact: number; count: number; rag: Rag }[])[];
}) {
  return (
    <div className="overflow-x-auto">
      <table className="border-separate border-spacing-1 text-sm">
        <caption className="mb-2 text-left text-sm text-slate-600">
          Open and mitigating risks by impact (rows) and likelihood (columns), each from 1 to 5
        </caption>
        <thead>
          <tr>
            <td />
            <th scope="colgroup" colSpan={5} className="pb-1 text-xs font-semibold text-slate-600">
              Likelihood
            </th>
          </tr>
          <tr>
            <th scope="col" className="px-2 text-left text-xs font-semibold text-slate-600">
              Impact
            </th>
            {[1, 2, 3, 4, 5].map((l) => (
              <th key={l} scope="col" className="w-16 text-xs font-semibold text-slate-600">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.map((row) => (
            <tr key={row[0]?.impact}>
              <th scope="row" className="px-2 text-left text-xs font-semibold text-slate-600">
                {row[0]?.impact}
              </th>
              {row.map((cell) => (
                <td
                  key={cell.likelihood}
                  className={`h-14 w-16 rounded-md text-center align-middle ${CELL_TONE[cell.rag]} ${
                    cell.count > 0 ? "ring-2 ring-slate-500 ring-inset" : ""
                  }`}
                >
                  <span
                    className={`block text-base tabular-nums ${cell.count > 0 ? "font-bold" : "opacity-60"}`}
                  >
                    {cell.count}
                  </span>
                  <span className="block text-[0.65rem] uppercase tracking-wide opacity-80">
                    {RAG_LABEL[cell.rag]}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
