import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { EditLink } from '@/app/_components/add-link';
import { followRename } from '@/app/_server/renamed';
import { databaseAsSeen } from '@/app/_data/as-seen';
import { SeenBanner } from '@/app/_components/seen-banner';
import { getBoard } from '@/db/queries/reference';
import { filtersToQuery, type SearchParams } from '@/lib/filters';
import { formatPeriod } from '@/lib/period-label';
import { DetailBody } from '../../_components/detail-body';
import { DataTable, type DataTableColumn } from '../../_components/tables/data-table';
import { FilterBar } from '../../_components/filter-bar';
import { FilterErrors } from '../../_components/filter-errors';
import { loadBoardPage } from '../../_data/page-data';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const board = getBoard(getDb(), (await params).slug);
  return { title: board?.name ?? 'Board not found' };
}

const PROGRAMME_COLUMNS: DataTableColumn<NonNullable<ReturnType<typeof loadBoardPage>>['programmes'][number]>[] = [
  { header: 'Programme', cell: (p) => <Link href={`/programmes/${p.slug}`} className="underline">{p.name}</Link> },
  { header: 'Theme', cell: (p) => p.theme ?? '—' },
  { header: 'Figures', align: 'right', className: 'tabular', cell: (p) => p.figures },
  { header: 'Latest period', cell: (p) => (p.latest ? formatPeriod(null, p.latest, 'month') : 'no figures reported') },
];

export default async function BoardPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const query = await searchParams;
  followRename('board', slug, query);
  // `?seen=`: the figures as the board saw them on a day (app/_data/as-seen.ts).
  const { db, seen } = databaseAsSeen(getDb(), query);
  const data = loadBoardPage(db, slug, query);
  if (!data) notFound();
  const { board, view, programmes } = data;
  return (
    <>
      <p className="text-sm">
        <Link href="/boards" className="underline">Boards</Link>
      </p>
      <h1 className="text-3xl font-bold">{board.name}</h1>
      <EditLink kind="board" slug={board.slug} label="Edit this board" />
      {board.description && <p className="mt-2 max-w-3xl text-slate-700">{board.description}</p>}
      {seen && <SeenBanner seen={seen} today={`/boards/${slug}${filtersToQuery(view.filters, { seen: undefined })}`} />}
      <FilterErrors errors={view.errors} />
      <FilterBar {...view.bar} />
      <section aria-labelledby="programmes" className="mt-6">
        <h2 id="programmes" className="text-xl font-semibold">Its programmes</h2>
        <DataTable compact className="mt-2" columns={PROGRAMME_COLUMNS} rows={programmes} rowKey={(p) => p.slug} />
      </section>
      <DetailBody detail={data.detail} filters={{ ...view.filters, boards: [slug] }} title={board.name} />
    </>
  );
}
