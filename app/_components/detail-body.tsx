import { filtersToQuery, type ViewFilters } from '@/lib/filters';
import { parsePeriodToken } from '@/lib/fiscal-periods';
import { buildMetricPanels } from '@/app/_data/metric-panels';
import { MetricPanel } from './metric-panel';
import { ObservationsTable } from './tables/observations-table';
import { TABLE_ROWS, type DetailData } from '../_data/page-data';

/**
 * The charts (one per metric) and the figures table of a board, programme or metric page.
 * `filters` is the view as URL filters (with the page's own board, programme or metric), from
 * which the download links are made.
 */
export function DetailBody({ detail, filters, title }: { detail: DetailData; filters: ViewFilters; title: string }) {
  const { series, observations, coverage } = detail;
  const link = (path: string, overrides: Partial<ViewFilters> = {}, extra = '') => {
    const q = filtersToQuery(filters, overrides);
    return `${path}${q || '?'}${q && extra ? '&' : ''}${extra}`;
  };
  const panels = buildMetricPanels(series, observations, coverage);
  return (
    <>
      <section aria-labelledby="over-time" className="mt-8">
        <h2 id="over-time" className="text-xl font-semibold">
          {title} over time
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          Bars are figures for a period, the line is a running total, hatched bars are plans. Dashed outlines mark values
          that are approximate, a bound or a range (“600+”, “up to 40”, “20–30”).
        </p>
        {panels.length ? (
          panels.map((p) => (
            <MetricPanel
              key={p.metric.slug}
              panel={p}
              // The panel's own first and last periods, so the file has exactly the panel's rows.
              downloadHref={link('/api/export/series', {
                metrics: [p.metric.slug],
                from: parsePeriodToken(p.rows[0]!.token),
                to: parsePeriodToken(p.rows[p.rows.length - 1]!.token),
              })}
              figuresHref={link('/observations', { metrics: [p.metric.slug], by: 'quarter' })}
            />
          ))
        ) : (
          <p className="mt-3 rounded bg-slate-100 p-4">No figures reported for these filters.</p>
        )}
      </section>
      <section aria-labelledby="figures" className="mt-8">
        <h2 id="figures" className="sr-only">
          Figures
        </h2>
        <ObservationsTable
          rows={observations}
          caption={
            observations.length === TABLE_ROWS
              ? `${title}: the latest ${TABLE_ROWS} figures, latest period first`
              : `${title}: every figure, latest period first`
          }
          downloadHref={link('/api/export/observations', {}, `order=period&limit=${TABLE_ROWS}`)}
        />
      </section>
    </>
  );
}
