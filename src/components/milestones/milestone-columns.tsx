// The columns every milestone table shares. Dates arrive as calendar days ("YYYY-MM-DD").
import { Badge } from "../ui/badge";
import { formatDate } from "../ui/format";
import type { Column } from "../ui/table";

export const milestoneTitleColumn: Column<{ title: string; isGate: boolean }> = {
  header: "Milestone",
  cell: (m) => (
    <>
      {m.title}
      {m.isGate ? (
        <span className="ml-2">
          <Badge tone="info">Stage gate</Badge>
        </span>
      ) : null}
    </>
  ),
};

export const milestoneBaselineColumn: Column<{ baselineDate: string }> = {
  header: "Baseline",
  className: "whitespace-nowrap",
  cell: (m) => formatDate(m.baselineDate),
};

export const milestoneForecastColumn: Column<{ forecastDate: string }> = {
  header: "Forecast",
  className: "whitespace-nowrap",
  cell: (m) => formatDate(m.forecastDate),
};
