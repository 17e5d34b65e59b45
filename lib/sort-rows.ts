// Sorting a table by one column, shared by the sortable tables and their CSV downloads so a
// download comes in the order on screen.
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
