import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listProgrammes, type ProgrammeSummary } from '@/db/queries/reference';
import { formatPeriod } from '@/lib/period-label';
import type { SearchParams } from '@/lib/filters';
import { AddLink } from '../_components/add-link';
import { SortableTable, withRenders } from '../_components/tables/sortable-table';
import { PROGRAMME_COLUMNS } from '@/app/_data/index-tables';

export const metadata: Metadata = { title: 'Programmes' };

export default async function ProgrammesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const programmes = listProgrammes(getDb());
  return (
    <>
      <h1 className="text-3xl font-bold">Programmes</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Programmes and offers of sector support, each with its lead board and, where the February 2021 highlights report gives
        one, its theme.
      </p>
      <AddLink kind="programme" label="Add a programme" />
      <div className="mt-6">
        <SortableTable<ProgrammeSummary>
          caption={`${programmes.length} programmes`}
          basePath="/programmes"
          params={await searchParams}
          rows={programmes}
          rowKey={(p) => p.slug}
          downloadHref="/api/export/table/programmes"
          columns={withRenders(PROGRAMME_COLUMNS, {
              name: (p) => <Link href={`/programmes/${p.slug}`} className="underline">{p.name}</Link>,
              board: (p) => <Link href={`/boards/${p.board.slug}`} className="underline">{p.board.name}</Link>,
              latest: (p) => (p.latest ? formatPeriod(null, p.latest, 'month') : 'no figures reported'),
            })}
        />
      </div>
    </>
  );
}
