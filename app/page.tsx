import Link from 'next/link';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { databaseAsSeen } from '@/app/_data/as-seen';
import { SeenBanner } from '@/app/_components/seen-banner';
import { filtersToQuery, type SearchParams } from '@/lib/filters';
import { FilterBar } from './_components/filter-bar';
import { FilterErrors } from './_components/filter-errors';
import { BoardActivity } from './_components/overview/board-activity';
import { DatasetSummary } from './_components/overview/dataset-summary';
import { FiguresPerQuarter } from './_components/overview/figures-per-quarter';
import { HeadlineFigures } from './_components/overview/headline-figures';
import { LatestFigures } from './_components/overview/latest-figures';
import { TopProgrammes } from './_components/overview/top-programmes';
import { loadOverview } from './_data/page-data';

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Figures change while the app runs: always read them at request time.
  await connection();
  const query = await searchParams;
  // `?seen=`: the figures as the board saw them on a day (app/_data/as-seen.ts).
  const { db, seen } = databaseAsSeen(getDb(), query);
  const data = loadOverview(db, query);
  const { view } = data;
  const { range, filters } = view;
  return (
    <>
      <h1 className="text-3xl font-bold">Sector-support impact</h1>
      <DatasetSummary totals={data.totals} range={range} />
      {seen && <SeenBanner seen={seen} today={`/${filtersToQuery(view.filters, { seen: undefined })}`} />}
      <FilterErrors errors={view.errors} />
      <FilterBar {...view.bar} />
      {!range ? (
        <p className="mt-6 rounded bg-slate-100 p-4">No figures have been recorded yet.</p>
      ) : (
        <>
          <HeadlineFigures headlines={data.headlines} targets={data.targets} period={range.label} status={data.quarter?.status} filters={filters} />
          {!seen && (range.granularity === 'quarter' || range.granularity === 'year') && (
            <p className="no-print mt-3 text-sm">
              <Link href={`/pack?period=${encodeURIComponent(range.token)}${filters.boards.length === 1 ? `&board=${encodeURIComponent(filters.boards[0]!)}` : ''}`} className="underline">
                Board pack for {range.label}
              </Link>{' '}
              — headline figures, targets, the summary, what changed since the last meeting and the sources, to print or to download as Word.
            </p>
          )}
          <div className="mt-8 grid gap-8 lg:grid-cols-2">
            <BoardActivity rows={data.boardActivity} period={range.label} filters={filters} />
            <TopProgrammes rows={data.topProgrammes} period={range.label} filters={filters} />
          </div>
        </>
      )}
      <FiguresPerQuarter data={data.perQuarter} filters={filters} />
      <LatestFigures rows={data.latest} total={data.latestTotal} period={range?.label} filters={filters} />
    </>
  );
}
