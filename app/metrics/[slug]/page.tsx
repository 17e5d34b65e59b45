import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { EditLink } from '@/app/_components/add-link';
import { followRename } from '@/app/_server/renamed';
import { getMetricCatalogue } from '@/db/queries/reference';
import { MetricCatalogue } from '@/app/_components/metric-catalogue';
import { databaseAsSeen } from '@/app/_data/as-seen';
import { SeenBanner } from '@/app/_components/seen-banner';
import { getMetric } from '@/db/queries/reference';
import { filtersToQuery, type SearchParams } from '@/lib/filters';
import { viewCell, type CellView } from '@/lib/series-view';
import { DetailBody } from '../../_components/detail-body';
import { DataTable, type DataTableColumn } from '../../_components/tables/data-table';
import { FilterBar } from '../../_components/filter-bar';
import { FilterErrors } from '../../_components/filter-errors';
import { loadMetricPage } from '../../_data/page-data';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const metric = getMetric(getDb(), (await params).slug);
  return { title: metric?.name ?? 'Metric not found' };
}

/** A programme and basis, with the metric's figure for the period shown. */
interface BreakdownRow {
  key: NonNullable<ReturnType<typeof loadMetricPage>>['breakdown'][number]['key'];
  cell: CellView;
}

const BREAKDOWN_COLUMNS: DataTableColumn<BreakdownRow>[] = [
  { header: 'Programme', cell: (r) => <Link href={`/programmes/${r.key.programme?.slug}`} className="underline">{r.key.programme?.name}</Link> },
  { header: 'Basis', cell: (r) => (r.key.basis === 'cumulative' ? 'running total' : r.key.basis === 'planned' ? 'planned' : 'in period') },
  { header: 'Figure', align: 'right', className: 'tabular', cell: (r) => r.cell.text },
  { header: 'Notes', className: 'text-xs', cell: (r) => r.cell.notes.join(' · ') },
];

export default async function MetricPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const query = await searchParams;
  followRename('metric', slug, query);
  // `?seen=`: the figures as the board saw them on a day (app/_data/as-seen.ts).
  const { db, seen } = databaseAsSeen(getDb(), query);
  const data = loadMetricPage(db, slug, query);
  if (!data) notFound();
  const { metric, view, range, breakdown } = data;
  return (
    <>
      <p className="text-sm">
        <Link href="/metrics" className="underline">Metrics</Link>
      </p>
      <h1 className="text-3xl font-bold">{metric.name}</h1>
      <EditLink kind="metric" slug={metric.slug} label="Edit this metric" />
      <MetricCatalogue metric={metric} entry={getMetricCatalogue(db, slug)} />
      {seen && <SeenBanner seen={seen} today={`/metrics/${slug}${filtersToQuery(view.filters, { seen: undefined })}`} />}
      <FilterErrors errors={view.errors} />
      <FilterBar {...view.bar} />
      {range && (
        <section aria-labelledby="breakdown" className="mt-6">
          <h2 id="breakdown" className="text-xl font-semibold">By programme, {range.label}</h2>
          <DataTable
            compact
            className="mt-2"
            columns={BREAKDOWN_COLUMNS}
            rows={breakdown.map((s) => ({ key: s.key, cell: viewCell(s.cells[0]!, metric.unit) }))}
            rowKey={(r) => `${r.key.programme?.slug}-${r.key.basis}`}
          />
        </section>
      )}
      <DetailBody detail={data.detail} filters={{ ...view.filters, metrics: [slug] }} title={metric.name} />
    </>
  );
}
