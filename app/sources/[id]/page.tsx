import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { listObservations, listOccurrencesInSource } from '@/db/queries/observations';
import { getSource } from '@/db/queries/reference';
import { highlightLine } from '@/lib/highlight';
import { toFigureRef } from '@/app/_data/metric-panels';
import { formatPeriod } from '@/lib/period-label';
import { FigureList } from '../../_components/figure-list';
import { PageLinks } from '../../_components/page-links';
import { pageNumber } from '@/lib/sort-rows';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string | string[] }> };

/** How many of a source's figures the list beside its text shows a page. */
const FIGURES_PER_PAGE = 100;

const sourceId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = sourceId((await params).id);
  const source = id === null ? undefined : getSource(getDb(), id);
  return { title: source?.title ?? 'Source not found' };
}

export default async function SourcePage({ params, searchParams }: Props) {
  await connection();
  const db = getDb();
  const id = sourceId((await params).id);
  const source = id === null ? undefined : getSource(db, id);
  if (!source) notFound();
  const pages = Math.max(1, Math.ceil(source.figures / FIGURES_PER_PAGE));
  const page = pageNumber((await searchParams).page, pages);
  const figures = listObservations(db, { sourceId: source.id }, { order: 'document', limit: FIGURES_PER_PAGE, offset: (page - 1) * FIGURES_PER_PAGE });
  const occurrences = listOccurrencesInSource(db, source.id);
  const byLine = new Map<number, { observationId: number; evidence: string }[]>();
  for (const o of occurrences) if (o.line) byLine.set(o.line, [...(byLine.get(o.line) ?? []), o]);
  const lines = source.text?.split('\n') ?? [];
  return (
    <>
      <p className="text-sm">
        <Link href="/sources" className="underline">Sources</Link>
      </p>
      <h1 className="text-3xl font-bold">{source.title}</h1>
      <p className="mt-2 text-slate-700">
        {formatPeriod(null, source.documentDate, source.datePrecision)}
        {source.meetingBoard ? ` · ${source.meetingBoard}` : ''}
        {source.meetingDate ? ` meeting of ${formatPeriod(null, source.meetingDate, 'day')}` : ''} · {source.figures} figures
        {source.fileName ? ` · file ${source.fileName}` : ''}
      </p>
      <p className="mt-1 text-sm text-slate-700" data-testid="source-covers">
        {source.covers
          ? `It gives an account of ${formatPeriod(source.covers.from, source.covers.to, 'month')}: its figures cover those months.`
          : 'It does not say which months it covers: its figures cover only their own periods.'}
      </p>
      <div className="mt-6 grid grid-cols-1 gap-8 [overflow-wrap:anywhere] lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="text">
          <h2 id="text" className="text-xl font-semibold">The report, with its figures marked</h2>
          {lines.length ? (
            <div className="mt-2 space-y-2 text-sm leading-relaxed">
              {lines.map((line, i) =>
                line.trim() ? (
                  <p key={i} id={`line-${i + 1}`} className="scroll-mt-4 target:bg-yellow-100">
                    <span className="mr-2 select-none text-xs text-slate-500" aria-hidden="true">{i + 1}</span>
                    {highlightLine(line, byLine.get(i + 1) ?? []).map((s, j) =>
                      s.observationIds.length ? (
                        <a key={j} href={`#figure-${s.observationIds[0]}`} className="bg-yellow-200 text-inherit no-underline outline-offset-2 hover:underline">
                          <mark className="bg-transparent">{s.text}</mark>
                        </a>
                      ) : (
                        <span key={j}>{s.text}</span>
                      ),
                    )}
                  </p>
                ) : null,
              )}
            </div>
          ) : (
            <p className="mt-2 rounded bg-slate-100 p-4 text-sm">
              The full text of this report is not stored here, so only the sentences each figure came from are shown.
            </p>
          )}
        </section>
        <section aria-labelledby="its-figures">
          <h2 id="its-figures" className="text-xl font-semibold">Its figures, in the order they appear</h2>
          {pages > 1 && (
            <p className="mt-1 text-sm text-slate-700">
              Figures {((page - 1) * FIGURES_PER_PAGE + 1).toLocaleString('en-GB')}–{((page - 1) * FIGURES_PER_PAGE + figures.length).toLocaleString('en-GB')} of{' '}
              {source.figures.toLocaleString('en-GB')}.
            </p>
          )}
          <FigureList figures={figures.map(toFigureRef)} showMetric />
          <PageLinks page={page} pages={pages} href={(p) => `/sources/${source.id}?page=${p}`} label="Pages of its figures" />
        </section>
      </div>
    </>
  );
}
