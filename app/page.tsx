import Link from 'next/link';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import type { ObservationRow } from '@/db/queries/observations';
import type { ActivityRow, FiguresPerQuarter as QuarterCounts } from '@/db/queries/overview';
import type { Headline } from '@/lib/headlines';
import { filtersToQuery, type SearchParams } from '@/lib/filters';
import { ChartBoardBars, ChartQuarterBars } from './_components/charts/lazy';
import { FilterBar } from './_components/filter-bar';
import { FilterErrors } from './_components/filter-errors';
import { HeadlineCard } from './_components/headline-card';
import { DownloadLink } from './_components/download-link';
import { ObservationsTable } from './_components/tables/observations-table';
import type { View } from './_data/view';
import { LATEST_ROWS, loadOverview } from './_data/page-data';

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Figures change while the app runs: always read them at request time.
  await connection();
  const data = loadOverview(getDb(), await searchParams);
  const { view, totals } = data;
  return (
    <>
      <h1 className="text-3xl font-bold">Sector-support impact</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        {/* Sources are board reports and the files officers upload: an upload is not a board report. */}
        {totals.observations.toLocaleString('en-GB')} figures from {totals.sources.toLocaleString('en-GB')} sources, across {totals.programmes}{' '}
        programmes and {totals.boards} boards.
        {view.range && (
          <>
            {' '}
            Showing <strong>{view.range.label}</strong> ({view.range.start} to {view.range.end}).
          </>
        )}
      </p>
      <FilterErrors errors={view.errors} />
      <FilterBar {...view.bar} />
      {!view.range ? (
        <p className="mt-6 rounded bg-slate-100 p-4">No figures have been recorded yet.</p>
      ) : (
        <>
          <section className="mt-6" aria-labelledby="headlines">
            <SectionHeading id="headlines" title={`Headline figures, ${view.range.label}`} href={exportHref('headlines', view)} />
              <Headlines headlines={data.headlines} />
          </section>
          <div className="mt-8 grid gap-8 lg:grid-cols-2">
            <section aria-labelledby="by-board">
              <SectionHeading id="by-board" title={`Figures reported by board, ${view.range.label}`} href={exportHref('board-activity', view)} />
                <BoardActivity rows={data.boardActivity} />
            </section>
            <section aria-labelledby="top-programmes">
              <SectionHeading id="top-programmes" title={`Most active programmes, ${view.range.label}`} href={exportHref('top-programmes', view)} />
                <TopProgrammes rows={data.topProgrammes} />
            </section>
          </div>
        </>
      )}
      <section className="mt-8" aria-labelledby="per-quarter">
        <SectionHeading id="per-quarter" title="Figures reported per financial quarter" href={exportHref('figures-per-quarter', view)} />
          <FiguresPerQuarter data={data.perQuarter} />
      </section>
      <section className="mt-8" aria-labelledby="latest">
        <h2 id="latest" className="sr-only">
          Latest figures
        </h2>
          <LatestFigures view={view} rows={data.latest} total={data.latestTotal} />
      </section>
    </>
  );
}

function exportHref(table: string, view: View): string {
  return `/api/export/table/${table}${filtersToQuery(view.filters)}`;
}

function SectionHeading({ id, title, href }: { id: string; title: string; href: string }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <DownloadLink href={href} what={title} />
    </div>
  );
}

function Headlines({ headlines }: { headlines: Headline[] }) {
  if (!headlines.length) return <p className="mt-3 rounded bg-slate-100 p-4">No figures reported for these filters.</p>;
  return (
    <ul className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {headlines.map((h) => (
        <HeadlineCard key={h.metric.slug} h={h} />
      ))}
    </ul>
  );
}

function BoardActivity({ rows }: { rows: ActivityRow[] }) {
  if (!rows.length) return <p className="mt-3 rounded bg-slate-100 p-4">No figures reported in this period.</p>;
  return (
    <>
      <p className="sr-only">
        {rows.map((r) => `${r.name}: ${r.figures} figures`).join('; ')}.
      </p>
      <ChartBoardBars data={rows.map((r) => ({ name: r.name, figures: r.figures }))} />
      <details className="mt-1 text-sm">
        <summary className="cursor-pointer">Show as a table</summary>
        <table className="tabular mt-2 w-full">
          <thead>
            <tr className="text-left">
              <th scope="col">Board</th>
              <th scope="col" className="text-right">Figures</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.slug}>
                <th scope="row" className="text-left font-normal">
                  <Link href={`/boards/${r.slug}`} className="underline">{r.name}</Link>
                </th>
                <td className="text-right">{r.figures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

function TopProgrammes({ rows }: { rows: ActivityRow[] }) {
  if (!rows.length) return <p className="mt-3 rounded bg-slate-100 p-4">No figures reported in this period.</p>;
  return (
    <table className="stack-on-phone mt-3 w-full text-sm">
      <caption className="sr-only">Programmes by number of figures reported in the period</caption>
      <thead>
        <tr className="border-b-2 border-slate-800 text-left">
          <th scope="col" className="py-1 pr-2">Programme</th>
          <th scope="col" className="py-1 pr-2">What it reported</th>
          <th scope="col" className="py-1 text-right">Figures</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.slug} className="border-b border-slate-200 align-top">
            <td data-label="Programme" className="py-1 pr-2">
              <Link href={`/programmes/${r.slug}`} className="underline">{r.name}</Link>
              <span className="block text-xs text-slate-600">{r.board?.name}</span>
            </td>
            <td data-label="What it reported" className="py-1 pr-2 text-xs">{r.metrics.join(', ')}</td>
            <td data-label="Figures" className="tabular py-1 text-right">{r.figures}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FiguresPerQuarter({ data }: { data: QuarterCounts[] }) {
  if (!data.length) return <p className="rounded bg-slate-100 p-4">No figures reported yet.</p>;
  const total = data.reduce((n, q) => n + q.period + q.cumulative + q.planned, 0);
  const busiest = data.reduce((a, b) => (b.period + b.cumulative + b.planned > a.period + a.cumulative + a.planned ? b : a));
  return (
    <>
      <p className="sr-only">
        {total} figures across {data.length} financial quarters from {data[0]!.label} to {data[data.length - 1]!.label}; the
        most in {busiest.label} ({busiest.period + busiest.cumulative + busiest.planned}).
      </p>
      <ChartQuarterBars data={data} />
      <details className="mt-2">
        <summary className="cursor-pointer">Show the chart as a table</summary>
        <table className="tabular mt-2 text-sm">
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left">Quarter</th>
              <th scope="col" className="pr-4 text-right">In period</th>
              <th scope="col" className="pr-4 text-right">Running totals</th>
              <th scope="col" className="text-right">Planned</th>
            </tr>
          </thead>
          <tbody>
            {data.map((q) => (
              <tr key={q.token}>
                <th scope="row" className="pr-4 text-left font-normal">{q.label}</th>
                <td className="pr-4 text-right">{q.period}</td>
                <td className="pr-4 text-right">{q.cumulative}</td>
                <td className="text-right">{q.planned}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

function LatestFigures({ view, rows, total }: { view: View; rows: ObservationRow[]; total: number }) {
  const q = filtersToQuery(view.filters);
  const period = view.range ? ` for ${view.range.label}` : '';
  return (
    <>
      <ObservationsTable
        rows={rows}
        caption={
          total > rows.length
            ? `The ${rows.length} most recently reported of ${total.toLocaleString('en-GB')} figures${period}`
            : `Figures${period}, most recently reported first`
        }
        downloadHref={`/api/export/observations${q || '?'}${q ? '&' : ''}order=reported&limit=${LATEST_ROWS}`}
      />
      {total > rows.length && (
        <p className="mt-2 text-sm">
          <Link href={`/observations${q}`} className="underline">
            See all {total.toLocaleString('en-GB')} figures{period}
          </Link>{' '}
          on the figures page, where they can be searched and sorted.
        </p>
      )}
    </>
  );
}
