import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listMetrics, type MetricSummary } from '@/db/queries/reference';
import type { SearchParams } from '@/lib/filters';
import { AddLink } from '../_components/add-link';
import { SortableTable, withRenders } from '../_components/tables/sortable-table';
import { METRIC_COLUMNS } from '@/app/_data/index-tables';

export const metadata: Metadata = { title: 'Metrics' };

export default async function MetricsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const metrics = listMetrics(getDb());
  return (
    <>
      <h1 className="text-3xl font-bold">Metrics</h1>
      <p className="mt-2 max-w-3xl text-slate-700">What is counted, in what unit, and whether figures may be added up.</p>
      <AddLink kind="metric" label="Add a metric" />
      <div className="mt-6">
        <SortableTable<MetricSummary>
          caption={`${metrics.length} metrics`}
          basePath="/metrics"
          params={await searchParams}
          rows={metrics}
          rowKey={(m) => m.slug}
          downloadHref="/api/export/table/metrics"
          columns={withRenders(METRIC_COLUMNS, {
              name: (m) => <Link href={`/metrics/${m.slug}`} className="underline">{m.name}</Link>,
            })}
        />
      </div>
    </>
  );
}
