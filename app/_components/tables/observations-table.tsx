import Link from 'next/link';
import type { ObservationRow } from '@/db/queries/observations';
import { describeKind, formatQualified } from '@/lib/qualifiers';
import { describePeriod } from '@/lib/period-label';
import { plainEvidence } from '@/lib/evidence';
import { DataTable, type DataTableColumn } from './data-table';

const COLUMNS: DataTableColumn<ObservationRow>[] = [
  { header: 'Programme', cell: (o) => o.programme.name },
  { header: 'Board', cell: (o) => o.board.name },
  { header: 'Metric', cell: (o) => o.metric.name },
  {
    header: 'Value',
    align: 'right',
    className: 'tabular whitespace-nowrap',
    cell: (o) => (
      <>
        <Link href={`/observations/${o.id}`} className="font-semibold underline-offset-2 hover:underline">
          {formatQualified(o.value, o.qualifier, o.metric.unit, o.upper)}
        </Link>
        <span className="block text-xs text-slate-600">{describeKind(o.qualifier, o.basis, o.upper)}</span>
        {o.partOf !== null && (
          <Link href={`/observations/${o.partOf}`} className="block text-xs underline">
            part of figure {o.partOf}
          </Link>
        )}
      </>
    ),
  },
  { header: 'Period', cell: (o) => describePeriod(o.periodStart, o.periodEnd, o.datePrecision, o.basis) },
  {
    header: 'Source',
    cell: (o) =>
      o.sources.map((s) => (
        <details key={`${s.sourceId}-${s.line}`} className="mb-1">
          <summary className="cursor-pointer">
            {s.title}
            {s.line ? `, line ${s.line}` : ''}
          </summary>
          <blockquote className="mt-1 border-l-4 border-slate-300 pl-2 text-slate-700">“{plainEvidence(s.evidence)}”</blockquote>
        </details>
      )),
  },
];

/** Figures with their qualifier, period and the sentence each came from. */
export function ObservationsTable({ rows, caption, downloadHref }: { rows: ObservationRow[]; caption: string; downloadHref?: string }) {
  return (
    <DataTable
      caption={caption}
      download={downloadHref ? { href: downloadHref, what: caption } : undefined}
      columns={COLUMNS}
      rows={rows}
      rowKey={(o) => o.id}
      empty="No figures reported for these filters."
    />
  );
}
