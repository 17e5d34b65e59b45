import type { MetricPanel as Panel } from '@/lib/metric-panels';
import { UNIT_LABELS } from '@/lib/metric-panels';
import { ChartMetricSeries } from './charts/lazy';
import { DownloadLink } from './download-link';

/** One metric over time: chart, a sentence for screen readers, and the same figures as a table. */
export function MetricPanel({ panel, downloadHref }: { panel: Panel; downloadHref?: string }) {
  const withFigures = panel.rows.filter((r) => r.text.period || r.text.cumulative || r.text.planned || r.notes.length);
  return (
    <section className="mt-6 break-inside-avoid" aria-labelledby={`panel-${panel.metric.slug}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`panel-${panel.metric.slug}`} className="text-lg font-semibold">
          {panel.metric.name}
        </h3>
        {downloadHref && <DownloadLink href={downloadHref} what={`${panel.metric.name} by period`} />}
      </div>
      <p className="sr-only">{panel.summary}</p>
      <ChartMetricSeries
        id={panel.metric.slug}
        rows={panel.rows}
        unitLabel={UNIT_LABELS[panel.metric.unit]}
        figuresByBucket={panel.figuresByBucket}
      />
      <details className="mt-2">
        <summary className="cursor-pointer text-sm">Show {panel.metric.name.toLowerCase()} as a table</summary>
        <div className="overflow-x-auto">
          <table className="tabular mt-2 w-full text-sm">
            <caption className="sr-only">{panel.metric.name} by period</caption>
            <thead>
              <tr className="border-b border-slate-800 text-left">
                <th scope="col" className="py-1 pr-3">Period</th>
                <th scope="col" className="py-1 pr-3 text-right">In period</th>
                <th scope="col" className="py-1 pr-3 text-right">Running total</th>
                <th scope="col" className="py-1 pr-3 text-right">Planned</th>
                <th scope="col" className="py-1">Notes</th>
              </tr>
            </thead>
            <tbody>
              {withFigures.map((r) => (
                <tr key={r.token} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">{r.label}</th>
                  <td className="py-1 pr-3 text-right">{r.text.period ?? '—'}</td>
                  <td className="py-1 pr-3 text-right">{r.text.cumulative ?? '—'}</td>
                  <td className="py-1 pr-3 text-right">{r.text.planned ?? '—'}</td>
                  <td className="py-1 text-xs">{r.notes.join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {withFigures.length < panel.rows.length && (
            <p className="mt-1 text-xs text-slate-600">Periods not listed: no figures reported.</p>
          )}
        </div>
      </details>
    </section>
  );
}
