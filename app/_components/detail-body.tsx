import { getDb } from '@/db/client';
import { listObservations } from '@/db/queries/observations';
import { listSeries, type FigureFilters } from '@/db/queries/series';
import type { Granularity } from '@/lib/fiscal-periods';
import { buildMetricPanels } from '@/lib/metric-panels';
import { MetricPanel } from './metric-panel';
import { ObservationsTable } from './tables/observations-table';

/** The charts (one per metric) and the figures table of a board, programme or metric page. */
export async function DetailBody({ query, by, title }: { query: FigureFilters; by: Granularity; title: string }) {
  const db = getDb();
  const series = listSeries(db, query, { granularity: by });
  const observations = listObservations(db, query, { order: 'period', limit: 500 });
  const panels = buildMetricPanels(series, observations);
  return (
    <>
      <section aria-labelledby="over-time" className="mt-8">
        <h2 id="over-time" className="text-xl font-semibold">
          {title} over time
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          Bars are figures for a period, the line is a running total, hatched bars are plans. Dashed outlines mark values
          that are approximate or a bound (“600+”, “up to 40”).
        </p>
        {panels.length ? (
          panels.map((p) => <MetricPanel key={p.metric.slug} panel={p} />)
        ) : (
          <p className="mt-3 rounded bg-slate-100 p-4">No figures reported for these filters.</p>
        )}
      </section>
      <section aria-labelledby="figures" className="mt-8">
        <h2 id="figures" className="sr-only">
          Figures
        </h2>
        <ObservationsTable rows={observations} caption={`${title}: every figure, latest period first`} />
      </section>
    </>
  );
}
