// The dashboard filters' objective choice, bounded whatever the number of objectives (issue #12:
// a page under 300 KB at 500 objectives). A trust with a few dozen objectives picks from a list; a
// trust with hundreds types the code, as its board papers name them: a list of 500 options is
// neither small nor usable, by keyboard or by screen reader. Either way the form posts the code.
import Link from "next/link";
import { FilterSearch, FilterSelect } from "@/components/forms/filter-form";
import type { FilterOption } from "./dashboard-filter-form";

/** Up to this many objectives are offered as a list; the reads give one more to say "more". */
export const OBJECTIVE_LIST_LIMIT = 50;

export function ObjectiveFilterField({
  id,
  value,
  objectives,
}: {
  id: string;
  value: string | undefined;
  /** The objectives by code; more than OBJECTIVE_LIST_LIMIT means "type the code". */
  objectives: readonly FilterOption[];
}) {
  if (objectives.length <= OBJECTIVE_LIST_LIMIT) {
    return (
      <FilterSelect
        id={id}
        name="objective"
        label="Objective"
        value={value}
        anyLabel="All objectives"
        options={objectives.map((o) => ({ value: o.code, label: `${o.code} · ${o.name}` }))}
      />
    );
  }
  return (
    <FilterSearch
      id={id}
      name="objective"
      label="Objective"
      value={value}
      placeholder="All objectives"
      maxLength={32}
      hint={
        <>
          Its code, e.g. {objectives[0]?.code ?? "SO-01"}; empty for all.{" "}
          <Link href="/objectives" className="font-medium text-teal-800 underline underline-offset-2">
            Find a code
          </Link>
        </>
      }
    />
  );
}
