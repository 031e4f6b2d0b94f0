// The dashboard filters' objective choice, bounded whatever the number of objectives (issue #12:
// a page under 300 KB at 500 objectives). A trust with a few dozen objectives picks from a list; a
// trust with hundreds types the code, as its board papers name them: a list of 500 options is
// neither small nor usable, by keyboard or by screen reader. Either way the form posts the code.
import Link from "next/link";
import type { FilterOption } from "./dashboard-filter-form";

/** Up to this many objectives are offered as a list; the reads give one more to say "more". */
export const OBJECTIVE_LIST_LIMIT = 50;

export function ObjectiveFilterField({
  id,
  value,
  objectives,
  fieldClass,
  labelClass,
}: {
  id: string;
  value: string | undefined;
  /** The objectives by code; more than OBJECTIVE_LIST_LIMIT means "type the code". */
  objectives: readonly FilterOption[];
  fieldClass: string;
  labelClass: string;
}) {
  if (objectives.length <= OBJECTIVE_LIST_LIMIT) {
    return (
      <div>
        <label htmlFor={id} className={labelClass}>
          Objective
        </label>
        <select id={id} name="objective" defaultValue={value ?? ""} className={fieldClass}>
          <option value="">All objectives</option>
          {objectives.map((objective) => (
            <option key={objective.code} value={objective.code}>
              {objective.code} · {objective.name}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const hint = `${id}-hint`;
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        Objective
      </label>
      <input
        id={id}
        name="objective"
        type="search"
        defaultValue={value ?? ""}
        placeholder="All objectives"
        maxLength={32}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hint}
        className={fieldClass}
      />
      <p id={hint} className="mt-1 text-xs text-slate-600">
        Its code, e.g. {objectives[0]?.code ?? "SO-01"}; empty for all.{" "}
        <Link href="/objectives" className="font-medium text-teal-800 underline underline-offset-2">
          Find a code
        </Link>
      </p>
    </div>
  );
}
