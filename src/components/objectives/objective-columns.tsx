// The columns every objective table shares. Target dates arrive as calendar days ("YYYY-MM-DD").
// The code links to the objective's own page wherever it is shown.
import Link from "next/link";
import { formatDate } from "../ui/format";
import type { Column } from "../ui/table";

export const objectiveCodeColumn: Column<{ code: string }> = {
  header: "Code",
  className: "font-medium whitespace-nowrap",
  cell: (o) => (
    <Link href={`/objectives/${encodeURIComponent(o.code)}`} className="text-teal-800 underline">
      {o.code}
    </Link>
  ),
};

export const objectiveOwnerColumn: Column<{ owner: { name: string } }> = {
  header: "Owner",
  className: "whitespace-nowrap",
  cell: (o) => o.owner.name,
};

export const objectiveTargetDateColumn: Column<{ targetDate: string }> = {
  header: "Target date",
  className: "whitespace-nowrap",
  cell: (o) => formatDate(o.targetDate),
};
