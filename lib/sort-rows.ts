// Sorting a table by one column, shared by the sortable tables and their CSV downloads so a
// download comes in the order on screen; and the page of a long table that is shown.
export type SortValue = string | number | null;

export interface SortSpec {
  key: string;
  dir: 'asc' | 'desc';
}

/** Reads ?sort=&dir= against the columns a table has; the first column, ascending (numbers descending) by default. */
export function parseSort(
  params: { sort?: string | string[] | null; dir?: string | string[] | null },
  columns: { key: string; numeric?: boolean }[],
): SortSpec {
  const requested = typeof params.sort === 'string' ? params.sort : undefined;
  const column = columns.find((c) => c.key === requested) ?? columns[0]!;
  const dir = params.dir === 'desc' ? 'desc' : params.dir === 'asc' ? 'asc' : column.numeric ? 'desc' : 'asc';
  return { key: column.key, dir };
}

export function sortRows<T>(rows: T[], value: (row: T) => SortValue, dir: 'asc' | 'desc'): T[] {
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const cmp = x === null ? 1 : y === null ? -1 : typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return dir === 'asc' ? cmp : -cmp;
  });
}

/** How many rows an index table shows a page (the whole table is its CSV download). */
export const INDEX_ROWS_PER_PAGE = 100;

/** The page ?page= asks for, of `pages` (a missing, bad or too-large number is the nearest page). */
export function pageNumber(raw: string | string[] | null | undefined, pages: number): number {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, Math.max(1, pages)) : 1;
}

/** The rows of the page ?page= asks for. */
export function pageOfRows<T>(rows: T[], raw: string | string[] | null | undefined, perPage = INDEX_ROWS_PER_PAGE): { rows: T[]; page: number; pages: number; first: number } {
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  const page = pageNumber(raw, pages);
  const first = (page - 1) * perPage;
  return { rows: rows.slice(first, first + perPage), page, pages, first };
}
