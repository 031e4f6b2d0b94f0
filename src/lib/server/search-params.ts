import "server-only";
// Query strings are user input: anything malformed falls back to a default instead of failing.
import { z } from "zod";

/** What Next.js passes as a page's (awaited) searchParams. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

/** A repeated parameter (?page=1&page=2) counts by its first value. */
export function firstValues(raw: RawSearchParams): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(raw)) out[key] = Array.isArray(value) ? value[0] : value;
  return out;
}

export const pageNumberSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/** Optional free text: trimmed, empty means absent, too long means absent. */
export const searchTextSchema = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((value) => (value ? value : undefined))
  .catch(undefined);

export const pageQuerySchema = z.object({ page: pageNumberSchema });

export function parsePageQuery(raw: RawSearchParams): { page: number } {
  return pageQuerySchema.parse(firstValues(raw));
}
