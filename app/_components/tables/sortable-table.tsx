import Link from 'next/link';
import type { ReactNode } from 'react';
import { parseSort, sortRows } from '@/lib/sort-rows';
import { DownloadLink } from '../download-link';

/** Column definitions from app/_data/index-tables.ts with how some cells are drawn (links, dates). */
export function withRenders<T>(
  defs: { key: string; label: string; numeric?: boolean; value: (row: T) => string | number | null }[],
  renders: Record<string, (row: T) => ReactNode>,
): Column<T>[] {
  return defs.map((d) => ({ ...d, render: renders[d.key] }));
}

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
  downloadHref,
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  params: { sort?: string | string[]; dir?: string | string[] };
  basePath: string;
  /** The CSV of this table; the current sort is added so the file comes in the same order. */
  downloadHref?: string;
}) {
  const { key, dir } = parseSort(params, columns);
  const sortColumn = columns.find((c) => c.key === key)!;
  const sorted = sortRows(rows, sortColumn.value, dir);
  return (
    <div className="overflow-x-auto">
      <table className="stack-on-phone stack-keep-head w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-base font-semibold">
          {caption}
          {downloadHref && (
            <>
              {' '}
              <DownloadLink href={`${downloadHref}?sort=${key}&dir=${dir}`} what={caption} />
            </>
          )}
        </caption>
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
                <td key={c.key} data-label={c.label} className={`py-2 pr-3 ${c.numeric ? 'tabular text-right' : ''}`}>
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
