import Link from 'next/link';
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  label: string;
  numeric?: boolean;
  /** The value sorted on. */
  value: (row: T) => string | number | null;
  render?: (row: T) => ReactNode;
}

/** A table sorted on the server by ?sort=&dir=, so a sorted view is a link too. */
export function SortableTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  params,
  basePath,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  params: { sort?: string | string[]; dir?: string | string[] };
  basePath: string;
}) {
  const requested = typeof params.sort === 'string' ? params.sort : undefined;
  const sortColumn = columns.find((c) => c.key === requested) ?? columns[0]!;
  const dir = params.dir === 'desc' ? 'desc' : params.dir === 'asc' ? 'asc' : sortColumn.numeric ? 'desc' : 'asc';
  const sorted = [...rows].sort((a, b) => {
    const x = sortColumn.value(a);
    const y = sortColumn.value(b);
    const cmp = x === null ? 1 : y === null ? -1 : typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return dir === 'asc' ? cmp : -cmp;
  });
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-base font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-800">
            {columns.map((c) => {
              const active = c.key === sortColumn.key;
              const next = active && dir === 'asc' ? 'desc' : active ? 'asc' : c.numeric ? 'desc' : 'asc';
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  className={`py-2 pr-3 ${c.numeric ? 'text-right' : ''}`}
                >
                  <Link href={`${basePath}?sort=${c.key}&dir=${next}`} className="underline-offset-2 hover:underline">
                    {c.label}
                    <span aria-hidden="true">{active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} className="border-b border-slate-200 align-top">
              {columns.map((c) => (
                <td key={c.key} className={`py-2 pr-3 ${c.numeric ? 'tabular text-right' : ''}`}>
                  {c.render ? c.render(row) : (c.value(row) ?? '—')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
