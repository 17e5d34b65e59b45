// The dashboard's table: a caption, a heading row, and rows whose cells carry their column's
// heading as data-label, so that on a phone (stack-on-phone in globals.css) each row becomes a
// card of labelled values. One markup for every table that lists rows of figures.
import type { ReactNode } from 'react';
import { DownloadLink } from '../download-link';

export interface DataTableColumn<Row> {
  /** The column's heading, and the label each of its cells shows on a phone. */
  header: string;
  /** What the heading cell shows where it is more than its text (a sort link); the header by default. */
  heading?: ReactNode;
  /** The order the rows are sorted in on this column, for aria-sort. */
  sort?: 'ascending' | 'descending';
  align?: 'right';
  /** More classes for this column's cells (not its heading): 'tabular', 'text-xs', 'whitespace-nowrap'. */
  className?: string;
  /** The cell names its row (a period, a metric): a row header, not a data cell. */
  rowHeader?: boolean;
  cell: (row: Row) => ReactNode;
}

type Heading = Pick<DataTableColumn<unknown>, 'header' | 'heading' | 'sort' | 'align'>;

/** The table's CSV: a "Download CSV" link after the caption; `what` names it for screen readers. */
export interface Download {
  href: string;
  what: string;
}

/**
 * How a table shows under 640 px: its rows stacked as labelled cards (keeping the heading row
 * where it holds sort links), or as it is, scrolling sideways.
 */
export type OnPhone = 'stack' | 'stack-keep-head' | 'scroll';

const join = (...classes: (string | false | undefined)[]) => classes.filter(Boolean).join(' ');

/** Compact tables (detail pages, audit) have less space above and below each cell; the last column has none on its right. */
function cellClass(compact: boolean | undefined, last: boolean, align?: 'right', extra?: string) {
  return join(compact ? 'py-1' : 'py-2', !last && 'pr-3', align === 'right' && 'text-right', extra);
}

/** The scrolling box, the table and its caption: for a table whose body is more than rows of cells (the comparison). */
export function TableFrame({
  caption,
  captionHidden,
  download,
  onPhone = 'stack',
  className,
  children,
}: {
  caption?: ReactNode;
  /** The caption is for screen readers only (a heading above already says what the table is). */
  captionHidden?: boolean;
  download?: Download;
  onPhone?: OnPhone;
  /** More classes for the table, such as its top margin. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto">
      <table
        className={join(
          onPhone !== 'scroll' && 'stack-on-phone',
          onPhone === 'stack-keep-head' && 'stack-keep-head',
          'w-full border-collapse text-left text-sm',
          className,
        )}
      >
        {caption !== undefined && (
          <caption className={captionHidden ? 'sr-only' : 'mb-2 text-left text-base font-semibold'}>
            {caption}
            {download && (
              <>
                {' '}
                <DownloadLink href={download.href} what={download.what} />
              </>
            )}
          </caption>
        )}
        {children}
      </table>
    </div>
  );
}

/** The heading row: one column header a column. */
export function TableHead({ columns, compact }: { columns: readonly Heading[]; compact?: boolean }) {
  return (
    <thead>
      <tr className="border-b-2 border-slate-800">
        {columns.map((c, i) => (
          <th key={c.header} scope="col" aria-sort={c.sort} className={cellClass(compact, i === columns.length - 1, c.align)}>
            {c.heading ?? c.header}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Rows of figures under a caption and column headers; `empty` is said instead of an empty table. */
export function DataTable<Row>({
  caption,
  captionHidden,
  download,
  columns,
  rows,
  rowKey,
  rowProps,
  empty,
  compact,
  onPhone,
  className,
}: {
  caption?: ReactNode;
  /** The caption is for screen readers only (a heading above already says what the table is). */
  captionHidden?: boolean;
  download?: Download;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  /** data- attributes for a row (a test id, the row's status). */
  rowProps?: (row: Row) => { [name: `data-${string}`]: string };
  /** Said, in a grey box, when there are no rows. Without it an empty table shows its headers. */
  empty?: ReactNode;
  /** Less space above and below each cell. */
  compact?: boolean;
  onPhone?: OnPhone;
  /** More classes for the table (and the empty message), such as its top margin. */
  className?: string;
}) {
  if (!rows.length && empty !== undefined) return <p className={join('rounded bg-slate-100 p-4', className)}>{empty}</p>;
  const last = columns.length - 1;
  return (
    <TableFrame caption={caption} captionHidden={captionHidden} download={download} onPhone={onPhone} className={className}>
      <TableHead columns={columns} compact={compact} />
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} className="border-b border-slate-200 align-top" {...rowProps?.(row)}>
            {columns.map((c, i) =>
              c.rowHeader ? (
                <th key={c.header} scope="row" className={cellClass(compact, i === last, c.align, join('text-left font-normal', c.className))}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.header} data-label={c.header} className={cellClass(compact, i === last, c.align, c.className)}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </TableFrame>
  );
}
