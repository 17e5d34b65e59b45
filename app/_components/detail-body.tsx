import Link from 'next/link';
import { filtersToQuery, type ViewFilters } from '@/lib/filters';
import { MetricPanel } from './metric-panel';
import { ObservationsTable } from './tables/observations-table';
import { TABLE_ROWS, type DetailData } from '../_data/page-data';

/**
 * The charts (one per metric) and the figures table of a board, programme or metric page.
 * `filters` is the view as URL filters (with the page's own board, programme or metric), from
 * which the download links are made.
 */
export function DetailBody({ detail, filters, title }: { detail: DetailData; filters: ViewFilters; title: string }) {
  const { metrics, span, observations, total } = detail;
  const link = (path: string, overrides: Partial<ViewFilters> = {}, extra = '') => {
    const q = filtersToQuery(filters, overrides);
    return `${path}${q || '?'}${q && extra ? '&' : ''}${extra}`;
  };
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
        {metrics.length > 0 && (
          // Each chart is fetched by script; without it, the same figures are a link away.
          <noscript>
            <p className="mt-2 text-sm">
              The charts need JavaScript:{' '}
              <a href={link('/observations', { by: 'quarter' }, 'order=period')} className="underline">
                see these figures on the figures page
              </a>
              , or download each chart&rsquo;s figures beside it.
            </p>
          </noscript>
        )}
        {metrics.length ? (
          metrics.map((metric) => (
            <MetricPanel
              key={metric.slug}
              metric={metric}
              // The page's periods, so that every panel and its file span the same periods.
              query={link('', { metrics: [metric.slug], ...span }).slice(1)}
              downloadHref={link('/api/export/series', { metrics: [metric.slug], ...span })}
              figuresHref={link('/observations', { metrics: [metric.slug], by: 'quarter' })}
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
            total > observations.length
              ? `${title}: the latest ${observations.length} of ${total.toLocaleString('en-GB')} figures, latest period first`
              : `${title}: every figure, latest period first`
          }
          downloadHref={link('/api/export/observations', {}, `order=period&limit=${TABLE_ROWS}`)}
        />
        {total > observations.length && (
          <p className="mt-2 text-sm">
            <Link href={link('/observations', { by: 'quarter' }, 'order=period')} className="underline">
              See all {total.toLocaleString('en-GB')} figures on the figures page
            </Link>
            , a page at a time, with search.
          </p>
        )}
      </section>
    </>
  );
}
