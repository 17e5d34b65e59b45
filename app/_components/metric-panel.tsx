import type { MetricPanel as Panel } from '@/app/_data/metric-panels';
import { UNIT_LABELS } from '@/app/_data/metric-panels';
import { DownloadLink } from './download-link';
import { MetricPanelBody } from './metric-panel-body';

/**
 * One metric over time: its heading and download link, sent with the page; the chart, a sentence
 * for screen readers and the same figures as a table are fetched as the panel comes into view.
 * `query` is the page's filters with this metric, as a URL query without "?".
 */
export function MetricPanel({ metric, query, downloadHref, figuresHref }: { metric: Panel['metric']; query: string; downloadHref: string; figuresHref: string }) {
  return (
    <section className="mt-6 break-inside-avoid" aria-labelledby={`panel-${metric.slug}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`panel-${metric.slug}`} className="text-lg font-semibold">
          {metric.name}
        </h3>
        <DownloadLink href={downloadHref} what={`${metric.name} by period`} />
      </div>
      {/* Keyed by the query: new filters (a client-side navigation keeps this component) fetch afresh. */}
      <MetricPanelBody key={query} slug={metric.slug} name={metric.name} unitLabel={UNIT_LABELS[metric.unit]} query={query} figuresHref={figuresHref} />
    </section>
  );
}
