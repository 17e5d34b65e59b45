// The programmes that reported most figures in the period, with what they reported.
import Link from 'next/link';
import type { ActivityRow } from '@/db/queries/overview';
import type { ViewFilters } from '@/lib/filters';
import { DataTable, type DataTableColumn } from '../tables/data-table';
import { exportHref, SectionHeading } from './section-heading';

const COLUMNS: DataTableColumn<ActivityRow>[] = [
  {
    header: 'Programme',
    cell: (r) => (
      <>
        <Link href={`/programmes/${r.slug}`} className="underline">{r.name}</Link>
        <span className="block text-xs text-slate-600">{r.board?.name}</span>
      </>
    ),
  },
  { header: 'What it reported', className: 'text-xs', cell: (r) => r.metrics.join(', ') },
  { header: 'Figures', align: 'right', className: 'tabular', cell: (r) => r.figures },
];

export function TopProgrammes({ rows, period, filters }: { rows: ActivityRow[]; period: string; filters: ViewFilters }) {
  return (
    <section aria-labelledby="top-programmes">
      <SectionHeading id="top-programmes" title={`Most active programmes, ${period}`} href={exportHref('top-programmes', filters)} />
      <DataTable
        caption="Programmes by number of figures reported in the period"
        captionHidden
        compact
        className="mt-3"
        columns={COLUMNS}
        rows={rows}
        rowKey={(r) => r.slug}
        empty="No figures reported in this period."
      />
    </section>
  );
}
