import "server-only";

export interface Paged<T> {
  rows: T[];
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

/** A requested page beyond the last one shows the last page (an empty list shows page 1). */
export function clampPage(
  page: number,
  total: number,
  pageSize: number,
): { page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return { page: Math.min(Math.max(1, page), pageCount), pageCount };
}

/**
 * One page of a list and its total, read in parallel. Only when the page asked for is past the end
 * (a stale link after rows went away) is the last page read again.
 */
export async function loadPage<T>(options: {
  page: number;
  pageSize: number;
  count: () => Promise<number>;
  fetch: (skip: number, take: number) => Promise<T[]>;
}): Promise<Paged<T>> {
  const { pageSize } = options;
  const read = (page: number) => options.fetch((page - 1) * pageSize, pageSize);
  const [total, firstTry] = await Promise.all([options.count(), read(options.page)]);
  const { page, pageCount } = clampPage(options.page, total, pageSize);
  const rows = page === options.page ? firstTry : await read(page);
  return { rows, page, pageSize, total, pageCount };
}
