import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { EditLink } from '@/app/_components/add-link';
import { followRename } from '@/app/_server/renamed';
import { databaseAsSeen } from '@/app/_data/as-seen';
import { SeenBanner } from '@/app/_components/seen-banner';
import { getProgramme } from '@/db/queries/reference';
import { filtersToQuery, type SearchParams } from '@/lib/filters';
import { DetailBody } from '../../_components/detail-body';
import { FilterBar } from '../../_components/filter-bar';
import { FilterErrors } from '../../_components/filter-errors';
import { loadProgrammePage } from '../../_data/page-data';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const programme = getProgramme(getDb(), (await params).slug);
  return { title: programme?.name ?? 'Programme not found' };
}

export default async function ProgrammePage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const query = await searchParams;
  followRename('programme', slug, query);
  // `?seen=`: the figures as the board saw them on a day (app/_data/as-seen.ts).
  const { db, seen } = databaseAsSeen(getDb(), query);
  const data = loadProgrammePage(db, slug, query);
  if (!data) notFound();
  const { programme, view } = data;
  return (
    <>
      <p className="text-sm">
        <Link href="/programmes" className="underline">Programmes</Link>
      </p>
      <h1 className="text-3xl font-bold">{programme.name}</h1>
      <EditLink kind="programme" slug={programme.slug} label="Edit this programme" />
      <p className="mt-2 text-slate-700">
        Led by the <Link href={`/boards/${programme.board.slug}`} className="underline">{programme.board.name}</Link>
        {programme.theme ? `; theme: ${programme.theme}` : ''}. {programme.figures} figures.
      </p>
      {seen && <SeenBanner seen={seen} today={`/programmes/${slug}${filtersToQuery(view.filters, { seen: undefined })}`} />}
      <FilterErrors errors={view.errors} />
      <FilterBar {...view.bar} />
      <DetailBody detail={data.detail} filters={{ ...view.filters, programmes: [slug] }} title={programme.name} />
    </>
  );
}
