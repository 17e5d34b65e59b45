import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { getBoard } from '@/db/queries/reference';
import type { SearchParams } from '@/lib/filters';
import { formatPeriod } from '@/lib/period-label';
import { DetailBody } from '../../_components/detail-body';
import { FilterBar } from '../../_components/filter-bar';
import { FilterErrors } from '../../_components/filter-errors';
import { loadBoardPage } from '../../_data/page-data';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const board = getBoard(getDb(), (await params).slug);
  return { title: board?.name ?? 'Board not found' };
}

export default async function BoardPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const data = loadBoardPage(getDb(), slug, await searchParams);
  if (!data) notFound();
  const { board, view, programmes } = data;
  return (
    <>
      <p className="text-sm">
        <Link href="/boards" className="underline">Boards</Link>
      </p>
      <h1 className="text-3xl font-bold">{board.name}</h1>
      {board.description && <p className="mt-2 max-w-3xl text-slate-700">{board.description}</p>}
      <FilterErrors errors={view.errors} />
      <FilterBar {...view.bar} />
      <section aria-labelledby="programmes" className="mt-6">
        <h2 id="programmes" className="text-xl font-semibold">Its programmes</h2>
        <div className="overflow-x-auto">
        <table className="stack-on-phone mt-2 w-full text-left text-sm">
          <thead>
            <tr className="border-b-2 border-slate-800">
              <th scope="col" className="py-1 pr-3">Programme</th>
              <th scope="col" className="py-1 pr-3">Theme</th>
              <th scope="col" className="py-1 pr-3 text-right">Figures</th>
              <th scope="col" className="py-1">Latest period</th>
            </tr>
          </thead>
          <tbody>
            {programmes.map((p) => (
              <tr key={p.slug} className="border-b border-slate-200">
                <td data-label="Programme" className="py-1 pr-3"><Link href={`/programmes/${p.slug}`} className="underline">{p.name}</Link></td>
                <td data-label="Theme" className="py-1 pr-3">{p.theme ?? '—'}</td>
                <td data-label="Figures" className="tabular py-1 pr-3 text-right">{p.figures}</td>
                <td data-label="Latest period" className="py-1">{p.latest ? formatPeriod(null, p.latest, 'month') : 'no figures reported'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </section>
      <DetailBody detail={data.detail} filters={{ ...view.filters, boards: [slug] }} title={board.name} />
    </>
  );
}
