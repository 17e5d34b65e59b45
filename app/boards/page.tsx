import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listBoards, type BoardSummary } from '@/db/queries/reference';
import { formatPeriod } from '@/lib/period-label';
import type { SearchParams } from '@/lib/filters';
import { AddLink } from '../_components/add-link';
import { SortableTable, withRenders } from '../_components/tables/sortable-table';
import { BOARD_COLUMNS } from '@/app/_data/index-tables';

export const metadata: Metadata = { title: 'Boards' };

export default async function BoardsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const boards = listBoards(getDb());
  return (
    <>
      <h1 className="text-3xl font-bold">Boards</h1>
      <p className="mt-2 max-w-3xl text-slate-700">The LGA boards whose programmes reported figures to the Improvement and Innovation Board.</p>
      <AddLink kind="board" label="Add a board" />
      <div className="mt-6">
        <SortableTable<BoardSummary>
          caption="Boards, with their programmes and figures"
          basePath="/boards"
          params={await searchParams}
          rows={boards}
          rowKey={(b) => b.slug}
          downloadHref="/api/export/table/boards"
          columns={withRenders(BOARD_COLUMNS, {
              name: (b) => <Link href={`/boards/${b.slug}`} className="underline">{b.name}</Link>,
              latest: (b) => (b.latest ? formatPeriod(null, b.latest, 'month') : 'no figures reported'),
            })}
        />
      </div>
    </>
  );
}
