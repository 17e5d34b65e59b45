import Link from 'next/link';
import type { ReactNode } from 'react';
import { pageOfRows, parseSort, sortRows } from '@/lib/sort-rows';
import { PageLinks } from '../page-links';
import { DataTable, type DataTableColumn } from './data-table';

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

/**
 * A table sorted on the server by ?sort=&dir=, so a sorted view is a link too, shown a hundred
 * rows a page (?page=); its download is every row, in the same order.
 */
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
  params: { sort?: string | string[]; dir?: string | string[]; page?: string | string[] };
  basePath: string;
  /** The CSV of this table; the current sort is added so the file comes in the same order. */
  downloadHref?: string;
}) {
  const { key, dir } = parseSort(params, columns);
  const sortColumn = columns.find((c) => c.key === key)!;
  const shown = pageOfRows(sortRows(rows, sortColumn.value, dir), params.page);
  return (
    <>
    <DataTable
      caption={shown.pages > 1 ? `${caption} (${shown.first + 1}–${shown.first + shown.rows.length} shown)` : caption}
      download={downloadHref ? { href: `${downloadHref}?sort=${key}&dir=${dir}`, what: caption } : undefined}
      onPhone="stack-keep-head"
      columns={columns.map((c): DataTableColumn<T> => {
        const active = c.key === sortColumn.key;
        const next = active && dir === 'asc' ? 'desc' : active ? 'asc' : c.numeric ? 'desc' : 'asc';
        return {
          header: c.label,
          heading: (
            <Link href={`${basePath}?sort=${c.key}&dir=${next}`} className="underline-offset-2 hover:underline">
              {c.label}
              <span aria-hidden="true">{active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
            </Link>
          ),
          sort: active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined,
          align: c.numeric ? 'right' : undefined,
          className: c.numeric ? 'tabular' : undefined,
          cell: (row) => (c.render ? c.render(row) : (c.value(row) ?? '—')),
        };
      })}
      rows={shown.rows}
      rowKey={rowKey}
    />
    <PageLinks page={shown.page} pages={shown.pages} href={(page) => `${basePath}?sort=${key}&dir=${dir}&page=${page}`} label={`Pages of ${caption}`} />
    </>
  );
}
