import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listMetrics, type MetricSummary } from '@/db/queries/reference';
import type { SearchParams } from '@/lib/filters';
import { ADDITIVITY_LABELS } from '@/lib/metric-panels';
import { SortableTable } from '../_components/tables/sortable-table';

export const metadata: Metadata = { title: 'Metrics' };

export default async function MetricsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const metrics = listMetrics(getDb());
  return (
    <>
      <h1 className="text-3xl font-bold">Metrics</h1>
      <p className="mt-2 max-w-3xl text-slate-700">What is counted, in what unit, and whether figures may be added up.</p>
      <div className="mt-6">
        <SortableTable<MetricSummary>
          caption={`${metrics.length} metrics`}
          basePath="/metrics"
          params={await searchParams}
          rows={metrics}
          rowKey={(m) => m.slug}
          columns={[
            { key: 'name', label: 'Metric', value: (m) => m.name, render: (m) => <Link href={`/metrics/${m.slug}`} className="underline">{m.name}</Link> },
            { key: 'definition', label: 'What it counts', value: (m) => m.definition },
            { key: 'unit', label: 'Unit', value: (m) => m.unit },
            { key: 'additivity', label: 'Adding up', value: (m) => ADDITIVITY_LABELS[m.additivity] },
            { key: 'figures', label: 'Figures', numeric: true, value: (m) => m.figures },
            { key: 'programmes', label: 'Programmes', numeric: true, value: (m) => m.programmes },
          ]}
        />
      </div>
    </>
  );
}
