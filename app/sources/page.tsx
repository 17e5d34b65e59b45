import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listSources, type SourceSummary } from '@/db/queries/reference';
import type { SearchParams } from '@/lib/filters';
import { formatPeriod } from '@/lib/period-label';
import { AddLink } from '../_components/add-link';
import { SortableTable, withRenders } from '../_components/tables/sortable-table';
import { SOURCE_COLUMNS } from '@/app/_data/index-tables';

export const metadata: Metadata = { title: 'Sources' };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const sources = listSources(getDb());
  return (
    <>
      <h1 className="text-3xl font-bold">Sources</h1>
      <p className="mt-2 max-w-3xl text-slate-700">The board reports the figures come from. Open one to see each figure marked in its text.</p>
      <AddLink kind="source" label="Add a source" />
      <div className="mt-6">
        <SortableTable<SourceSummary>
          caption={`${sources.length} sources`}
          basePath="/sources"
          params={await searchParams}
          rows={sources}
          rowKey={(s) => String(s.id)}
          downloadHref="/api/export/table/sources"
          columns={withRenders(SOURCE_COLUMNS, {
              date: (s) => formatPeriod(null, s.documentDate, s.datePrecision),
              title: (s) => <Link href={`/sources/${s.id}`} className="underline">{s.title}</Link>,
            })}
        />
      </div>
    </>
  );
}
