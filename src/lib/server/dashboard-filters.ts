import "server-only";
// The leadership dashboard's filters, in the URL (issue #12): a site and an objective, by code, so
// a filtered view can be bookmarked and shared and every tab of the dashboard reads the same way.
// Unknown or malformed values are dropped, never an error: a stale bookmark still opens.
import { z } from "zod";
import { SCORECARD_CATEGORIES, type ScorecardCategory } from "@/lib/domain/vocabulary";
import { firstValues, pageNumberSchema, type RawSearchParams } from "./search-params";

const codeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/)
  .optional()
  .catch(undefined);

const dashboardFiltersSchema = z.object({
  /** A site's code, e.g. "NGH". */
  site: codeSchema,
  /** An objective's code, e.g. "OBJ-03". */
  objective: codeSchema,
});

export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

export function parseDashboardFilters(raw: RawSearchParams): DashboardFilters {
  return dashboardFiltersSchema.parse(firstValues(raw));
}

/** The filters as a query string ("" or "?site=…&objective=…"), for links that keep them. */
export function dashboardQuery(filters: DashboardFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.site) params.set("site", filters.site);
  if (filters.objective) params.set("objective", filters.objective);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The overview's scorecard: every category's objectives needing attention most, or one category's
 * objectives in full, a page at a time (`?category=FINANCIAL&page=2`). Only the overview reads it;
 * it does not travel between tabs.
 */
export interface ScorecardQuery {
  category?: ScorecardCategory | undefined;
  page: number;
}

export function parseScorecardQuery(raw: RawSearchParams): ScorecardQuery {
  const values = z
    .object({
      category: z.enum(SCORECARD_CATEGORIES).optional().catch(undefined),
      page: pageNumberSchema,
    })
    .parse(firstValues(raw));
  return values.category ? { category: values.category, page: values.page } : { page: 1 };
}
