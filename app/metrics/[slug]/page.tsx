import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { getMetric } from '@/db/queries/reference';
import type { SearchParams } from '@/lib/filters';
import { ADDITIVITY_LABELS } from '@/app/_data/metric-panels';
import { viewCell } from '@/lib/series-view';
import { DetailBody } from '../../_components/detail-body';
import { FilterBar } from '../../_components/filter-bar';
import { FilterErrors } from '../../_components/filter-errors';
import { loadMetricPage } from '../../_data/page-data';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const metric = getMetric(getDb(), (await params).slug);
  return { title: metric?.name ?? 'Metric not found' };
}

export default async function MetricPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const data = loadMetricPage(getDb(), slug, await searchParams);
  if (!data) notFound();
  const { metric, view, range, breakdown } = data;
  return (
    <>
      <p className="text-sm">
        <Link href="/metrics" className="underline">Metrics</Link>
      </p>
      <h1 className="text-3xl font-bold">{metric.name}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        {metric.definition} Unit: {metric.unit}. {ADDITIVITY_LABELS[metric.additivity]}.
      </p>
      <FilterErrors errors={view.errors} />
      <FilterBar {...view.bar} />
      {range && (
        <section aria-labelledby="breakdown" className="mt-6">
          <h2 id="breakdown" className="text-xl font-semibold">By programme, {range.label}</h2>
          <table className="stack-on-phone mt-2 w-full text-left text-sm">
            <thead>
              <tr className="border-b-2 border-slate-800">
                <th scope="col" className="py-1 pr-3">Programme</th>
                <th scope="col" className="py-1 pr-3">Basis</th>
                <th scope="col" className="py-1 pr-3 text-right">Figure</th>
                <th scope="col" className="py-1">Notes</th>
              </tr>
            </thead>
            <tbody>
              {breakdown.map((s) => {
                const cell = viewCell(s.cells[0]!, metric.unit);
                return (
                  <tr key={`${s.key.programme?.slug}-${s.key.basis}`} className="border-b border-slate-200 align-top">
                    <td data-label="Programme" className="py-1 pr-3">
                      <Link href={`/programmes/${s.key.programme?.slug}`} className="underline">{s.key.programme?.name}</Link>
                    </td>
                    <td data-label="Basis" className="py-1 pr-3">{s.key.basis === 'cumulative' ? 'running total' : s.key.basis === 'planned' ? 'planned' : 'in period'}</td>
                    <td data-label="Figure" className="tabular py-1 pr-3 text-right">{cell.text}</td>
                    <td data-label="Notes" className="py-1 text-xs">{cell.notes.join(' · ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      <DetailBody detail={data.detail} filters={{ ...view.filters, metrics: [slug] }} title={metric.name} />
    </>
  );
}
