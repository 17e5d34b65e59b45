import Link from 'next/link';
import type { MetricPanel as Panel } from '@/app/_data/metric-panels';
import { UNIT_LABELS } from '@/app/_data/metric-panels';
import { ChartMetricSeries } from './charts/lazy';
import { DownloadLink } from './download-link';
import { DataTable, type DataTableColumn } from './tables/data-table';

const PERIOD_COLUMNS: DataTableColumn<Panel['rows'][number]>[] = [
  { header: 'Period', rowHeader: true, cell: (r) => r.label },
  { header: 'In period', align: 'right', cell: (r) => r.text.period ?? '—' },
  { header: 'Running total', align: 'right', cell: (r) => r.text.cumulative ?? '—' },
  { header: 'Planned', align: 'right', cell: (r) => r.text.planned ?? '—' },
  { header: 'Notes', className: 'text-xs', cell: (r) => r.notes.join(' · ') },
];

/** One metric over time: chart, a sentence for screen readers, and the same figures as a table. */
export function MetricPanel({ panel, downloadHref, figuresHref }: { panel: Panel; downloadHref?: string; figuresHref?: string }) {
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
      {panel.drawable ? (
        <ChartMetricSeries
          id={panel.metric.slug}
          rows={panel.rows}
          unitLabel={UNIT_LABELS[panel.metric.unit]}
          figuresByBucket={panel.figuresByBucket}
        />
      ) : (
        <p className="mt-2 rounded bg-slate-100 p-3 text-sm" data-testid={`no-chart-${panel.metric.slug}`}>
          Nothing to draw by period:{' '}
          {panel.leftOut.figures === 1
            ? 'its one figure covers a span longer than one period, shown below.'
            : panel.leftOut.figures
              ? `each of its ${panel.leftOut.figures} figures covers a span longer than one period, listed below.`
              : 'no figures reported in these periods.'}
        </p>
      )}
      {panel.leftOut.figures > 0 && (
        <details className="mt-2 text-sm" data-testid={`left-out-${panel.metric.slug}`}>
          <summary className="cursor-pointer">
            {panel.leftOut.figures} {panel.leftOut.figures === 1 ? 'figure covers' : 'figures cover'} a span longer than one period and{' '}
            {panel.drawable ? (panel.leftOut.figures === 1 ? 'is not drawn' : 'are not drawn') : (panel.leftOut.figures === 1 ? 'is shown here' : 'are shown here')}
          </summary>
          <ul className="mt-1 list-disc pl-5 text-xs">
            {panel.leftOut.described.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
          {figuresHref && (
            <Link href={figuresHref} className="text-xs underline">
              See these figures with their sources
            </Link>
          )}
        </details>
      )}
      {panel.partlyCovered.length > 0 && (
        <p className="mt-1 text-xs text-slate-700">Covered in part by the reports, so the in-period sum is not the whole: {panel.partlyCovered.join('; ')}.</p>
      )}
      <details className="mt-2">
        <summary className="cursor-pointer text-sm">Show {panel.metric.name.toLowerCase()} as a table</summary>
        <DataTable
          caption={`${panel.metric.name} by period`}
          captionHidden
          compact
          className="tabular mt-2"
          columns={PERIOD_COLUMNS}
          rows={withFigures}
          rowKey={(r) => r.token}
        />
        {withFigures.length < panel.rows.length && <p className="mt-1 text-xs text-slate-600">Periods not listed: no figures reported.</p>}
      </details>
    </section>
  );
}
