import Link from 'next/link';
import { PageLinks } from '../_components/page-links';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { databaseAsSeen } from '@/app/_data/as-seen';
import { SeenBanner } from '@/app/_components/seen-banner';
import { FIGURE_ORDERS, FIGURES_PER_PAGE, figureSearchQuery } from '@/lib/figure-search';
import type { SearchParams } from '@/lib/filters';
import { FilterErrors } from '../_components/filter-errors';
import { ObservationsTable } from '../_components/tables/observations-table';
import { loadFiguresPage } from '../_data/page-data';
import { FigureSearchForm } from './figure-search-form';

export const metadata: Metadata = { title: 'Figures' };

export default async function FiguresPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const params = await searchParams;
  // `?seen=`: the figures as the board saw them on a day (app/_data/as-seen.ts).
  const { db, seen } = databaseAsSeen(getDb(), params);
  const data = loadFiguresPage(db, params);
  const { view, search, total, page, pages, rows } = data;
  const first = total ? (page - 1) * FIGURES_PER_PAGE + 1 : 0;
  const last = (page - 1) * FIGURES_PER_PAGE + rows.length;
  const query = figureSearchQuery(search);
  const pageHref = (n: number) => `/observations${figureSearchQuery(search, { page: n })}`;
  // The download has exactly the rows shown: the same search, order, and this page's figures.
  const exportParams = new URLSearchParams(figureSearchQuery(search, { page: 1 }).slice(1));
  exportParams.set('limit', String(FIGURES_PER_PAGE));
  if (page > 1) exportParams.set('offset', String((page - 1) * FIGURES_PER_PAGE));
  if (!exportParams.has('sort')) exportParams.set('sort', 'reported');
  const shownCount = total === 1 ? '1 figure' : `${total.toLocaleString('en-GB')} figures`;
  return (
    <>
      <h1 className="text-3xl font-bold">Figures</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Every figure the dashboard holds, with its qualifier, period and the sentence it came from. Search them, filter them and
        sort them; each links to its page and history.
      </p>
      {seen && <SeenBanner seen={seen} today={`/observations${figureSearchQuery({ ...search, filters: { ...search.filters, seen: undefined } })}`} />}
      <FilterErrors errors={data.errors} />
      <FigureSearchForm
        boards={view.bar.boards ?? []}
        programmes={view.bar.programmes ?? []}
        metrics={view.bar.metrics ?? []}
        periods={view.bar.periods}
        seen={seen?.date}
        orders={Object.entries(FIGURE_ORDERS).map(([value, label]) => ({ value, label }))}
        values={{
          q: search.q,
          board: view.bar.values.board,
          programme: view.bar.values.programme,
          metric: view.bar.values.metric,
          from: view.bar.values.from,
          to: view.bar.values.to,
          basis: search.bases[0],
          sort: search.order,
        }}
      />
      <p className="mt-4" role="status" data-testid="figures-count">
        {total ? (
          <>
            Showing {first.toLocaleString('en-GB')}–{last.toLocaleString('en-GB')} of {shownCount}
            {search.q ? ` matching “${search.q}”` : ''}, {FIGURE_ORDERS[search.order].toLowerCase()}.
          </>
        ) : (
          <>No figures match{search.q ? ` “${search.q}”` : ''} with these filters.{query ? ' ' : ''}</>
        )}
        {!total && query && (
          <Link href="/observations" className="underline">
            Clear the search
          </Link>
        )}
      </p>
      {total > 0 && (
        <div className="mt-2">
          <ObservationsTable rows={rows} caption={`Figures ${first}–${last} of ${total}`} downloadHref={`/api/export/observations?${exportParams.toString()}`} />
        </div>
      )}
      <PageLinks page={page} pages={pages} href={pageHref} label="Pages of figures" />
    </>
  );
}
