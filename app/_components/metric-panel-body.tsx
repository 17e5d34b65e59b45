'use client';
// One metric's chart panel, fetched from /api/panels when it comes near the screen, so that a
// page with forty charts sends forty headings, not forty charts, tables and figure lists
// (`npm run bench` measures the pages' size). Choosing a period fetches its figures, with the
// sentences they came from, from /api/panels/figures. Loading, failure (with a way to try again)
// and an empty period are all said in words; the chart's table is the same rows.
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MetricPanel } from '@/app/_data/metric-panels';
import { Alert } from './alert';
import { ChartMetricSeries } from './charts/lazy';
import { FigureList, type FigureRef } from './figure-list';
import { DataTable, type DataTableColumn } from './tables/data-table';

const PERIOD_COLUMNS: DataTableColumn<MetricPanel['rows'][number]>[] = [
  { header: 'Period', rowHeader: true, cell: (r) => r.label },
  { header: 'In period', align: 'right', cell: (r) => r.text.period ?? '—' },
  { header: 'Running total', align: 'right', cell: (r) => r.text.cumulative ?? '—' },
  { header: 'Planned', align: 'right', cell: (r) => r.text.planned ?? '—' },
  { header: 'Notes', className: 'text-xs', cell: (r) => r.notes.join(' · ') },
];

/** How far below the screen a panel starts loading, so that it is usually drawn before it is seen. */
const LOAD_AHEAD = '800px';

type Load<T> = { state: 'waiting' } | { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; value: T };

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error((await response.text()).trim() || `The server answered ${response.status}.`);
  return (await response.json()) as T;
}

/**
 * `query` is the page's filters with this metric (a URL query, without "?"); `figuresHref` the
 * figures page with the same filters.
 */
export function MetricPanelBody({ slug, name, unitLabel, query, figuresHref }: { slug: string; name: string; unitLabel: string; query: string; figuresHref: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [panel, setPanel] = useState<Load<MetricPanel>>({ state: 'waiting' });

  const load = useCallback(() => {
    setPanel({ state: 'loading' });
    fetchJson<MetricPanel>(`/api/panels?${query}`).then(
      (value) => setPanel({ state: 'loaded', value }),
      (error: Error) => setPanel({ state: 'failed', message: error.message }),
    );
  }, [query]);

  useEffect(() => {
    if (panel.state !== 'waiting') return;
    const element = box.current;
    if (!element || typeof IntersectionObserver === 'undefined') return load();
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), { rootMargin: `${LOAD_AHEAD} 0px` });
    observer.observe(element);
    // Printing shows every panel: load those not yet seen when the print dialog opens.
    window.addEventListener('beforeprint', load);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', load);
    };
  }, [panel.state, load]);

  return (
    <div ref={box} data-testid={`panel-body-${slug}`} aria-busy={panel.state === 'loading' || panel.state === 'waiting'}>
      {panel.state === 'loaded' ? (
        <LoadedPanel panel={panel.value} name={name} unitLabel={unitLabel} query={query} figuresHref={figuresHref} />
      ) : panel.state === 'failed' ? (
        <Alert tone="error" className="mt-2">
          The chart of {name.toLowerCase()} could not be loaded: {panel.message}{' '}
          <button type="button" className="underline" onClick={load}>
            Try again
          </button>
        </Alert>
      ) : (
        <p className="mt-2 flex h-64 items-center justify-center rounded bg-slate-50 text-sm text-slate-600">Loading the chart of {name.toLowerCase()}…</p>
      )}
    </div>
  );
}

function LoadedPanel({ panel, name, unitLabel, query, figuresHref }: { panel: MetricPanel; name: string; unitLabel: string; query: string; figuresHref: string }) {
  const slug = panel.metric.slug;
  const [selected, setSelected] = useState<string | null>(null);
  const [figures, setFigures] = useState<Load<{ figures: FigureRef[]; total: number }>>({ state: 'waiting' });
  const withFigures = panel.rows.filter((r) => r.text.period || r.text.cumulative || r.text.planned || r.notes.length);
  const selectedRow = panel.rows.find((r) => r.token === selected);
  const periodQuery = (token: string) => {
    const q = new URLSearchParams(query);
    q.set('from', token);
    q.set('to', token);
    return q.toString();
  };

  const choose = (token: string | null) => {
    setSelected(token);
    if (!token) return setFigures({ state: 'waiting' });
    setFigures({ state: 'loading' });
    fetchJson<{ figures: FigureRef[]; total: number }>(`/api/panels/figures?${periodQuery(token)}`).then(
      (value) => setFigures({ state: 'loaded', value }),
      (error: Error) => setFigures({ state: 'failed', message: error.message }),
    );
  };

  return (
    <>
      <p className="sr-only">{panel.summary}</p>
      {panel.drawable ? (
        <ChartMetricSeries id={slug} rows={panel.rows} unitLabel={unitLabel} onSelect={choose} markers={panel.annotations} targets={panel.targets} />
      ) : (
        <p className="mt-2 rounded bg-slate-100 p-3 text-sm" data-testid={`no-chart-${slug}`}>
          Nothing to draw by period:{' '}
          {panel.leftOut.figures === 1
            ? 'its one figure covers a span longer than one period, shown below.'
            : panel.leftOut.figures
              ? `each of its ${panel.leftOut.figures} figures covers a span longer than one period, listed below.`
              : 'no figures reported in these periods.'}
        </p>
      )}
      {withFigures.length > 0 && (
        <label className="no-print mt-2 flex flex-wrap items-center gap-2 text-sm">
          <span>Figures for</span>
          <select className="rounded border border-slate-500 px-2 py-1" value={selected ?? ''} onChange={(e) => choose(e.target.value || null)}>
            <option value="">Choose a period…</option>
            {withFigures.map((r) => (
              <option key={r.token} value={r.token}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {selectedRow && (
        <div className="mt-2 rounded border border-slate-300 p-3" aria-live="polite">
          <h4 className="font-semibold">Figures ending in {selectedRow.label}</h4>
          {figures.state === 'loaded' ? (
            <>
              <FigureList figures={figures.value.figures} />
              {figures.value.total > figures.value.figures.length && (
                <p className="mt-2 text-sm">
                  The latest {figures.value.figures.length} of {figures.value.total.toLocaleString('en-GB')}.{' '}
                  <Link href={`/observations?${periodQuery(selectedRow.token)}`} className="underline">
                    See all {figures.value.total.toLocaleString('en-GB')} on the figures page
                  </Link>
                </p>
              )}
            </>
          ) : figures.state === 'failed' ? (
            <Alert tone="error" className="mt-1">
              The figures could not be loaded: {figures.message}{' '}
              <button type="button" className="underline" onClick={() => choose(selectedRow.token)}>
                Try again
              </button>
            </Alert>
          ) : (
            <p className="text-sm text-slate-600">Loading the figures…</p>
          )}
        </div>
      )}
      {panel.leftOut.figures > 0 && (
        <details className="mt-2 text-sm" data-testid={`left-out-${slug}`}>
          <summary className="cursor-pointer">
            {panel.leftOut.figures} {panel.leftOut.figures === 1 ? 'figure covers' : 'figures cover'} a span longer than one period and{' '}
            {panel.drawable ? (panel.leftOut.figures === 1 ? 'is not drawn' : 'are not drawn') : panel.leftOut.figures === 1 ? 'is shown here' : 'are shown here'}
          </summary>
          <ul className="mt-1 list-disc pl-5 text-xs">
            {panel.leftOut.described.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
          <Link href={figuresHref} className="text-xs underline">
            See these figures with their sources
          </Link>
        </details>
      )}
      {panel.targets && panel.targets.length > 0 && (
        <ul className="mt-1 text-xs text-slate-800" aria-label="Targets on this chart" data-testid={`targets-${slug}`}>
          {panel.targets.map((t) => (
            <li key={`${t.token}-${t.basis}`}>
              {panel.rows.find((r) => r.token === t.token)?.label}: {t.text}
            </li>
          ))}
        </ul>
      )}
      {panel.annotations && panel.annotations.length > 0 && (
        <ol className="mt-1 text-xs text-slate-800" aria-label="Notes on this chart" data-testid={`notes-${slug}`}>
          {panel.annotations.map((n) => (
            <li key={n.number}>
              <span className="font-semibold">{n.number}</span> {n.date}: {n.text} <span className="text-slate-600">({n.about === 'everything' ? 'a note on everything' : `a note on ${n.about}`})</span>
            </li>
          ))}
        </ol>
      )}
      {panel.partlyCovered.length > 0 && (
        <p className="mt-1 text-xs text-slate-700">Covered in part by the reports, so the in-period sum is not the whole: {panel.partlyCovered.join('; ')}.</p>
      )}
      <details className="mt-2">
        <summary className="cursor-pointer text-sm">Show {name.toLowerCase()} as a table</summary>
        <DataTable caption={`${name} by period`} captionHidden compact className="tabular mt-2" columns={PERIOD_COLUMNS} rows={withFigures} rowKey={(r) => r.token} />
        {withFigures.length < panel.rows.length && <p className="mt-1 text-xs text-slate-600">Periods not listed: no figures reported.</p>}
      </details>
    </>
  );
}
