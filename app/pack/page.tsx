import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import type { SearchParams } from '@/lib/filters';
import { formatPeriod } from '@/lib/period-label';
import { loadPack } from '../_data/pack';
import { PACK_HEADLINE_HEADERS, packHeadlineRows } from '../_data/pack-rows';
import { Alert } from '../_components/alert';
import { PackChart } from './pack-chart';

export const metadata: Metadata = { title: 'Board pack' };

export default async function PackPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const params = await searchParams;
  const { errors, pack } = loadPack(getDb(), params);
  if (!pack)
    return (
      <>
        <h1 className="text-3xl font-bold">Board pack</h1>
        <Alert tone="error" className="mt-4">{errors.join(' ')}</Alert>
        <p className="mt-3">Try <Link href="/pack" className="underline">the latest quarter’s pack</Link>.</p>
      </>
    );
  const query = `?period=${encodeURIComponent(pack.period.token)}${pack.board ? `&board=${encodeURIComponent(pack.board.slug)}` : ''}`;
  const rows = packHeadlineRows(pack);
  return (
    <article className="pack">
      <header className="border-b-2 border-slate-900 pb-4">
        <p className="text-sm uppercase tracking-wide text-slate-700">Sector-support impact · board pack</p>
        <h1 className="text-3xl font-bold">
          {pack.period.label}
          {pack.board ? `: ${pack.board.name}` : ': every board'}
        </h1>
        <dl className="mt-3 grid max-w-2xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-semibold">Period</dt>
          <dd>{formatPeriod(pack.period.start, pack.period.end, 'day')}, compared with {pack.previous.label}</dd>
          {pack.status && (
            <>
              <dt className="font-semibold">Status</dt>
              <dd>{pack.status.label} is {pack.status.status}{pack.status.status === 'provisional' ? ': its figures may still change' : ''}</dd>
            </>
          )}
          <dt className="font-semibold">Last meeting</dt>
          <dd>{pack.lastMeeting ? pack.lastMeeting.title : 'none on record'}</dd>
          <dt className="font-semibold">Coverage</dt>
          <dd>{pack.coverage.length ? pack.coverage.join(' ') : 'The reports cover the whole period for every headline figure.'}</dd>
          <dt className="font-semibold">Prepared</dt>
          <dd>{new Date().toISOString().slice(0, 10)}, from the dashboard</dd>
        </dl>
        <p className="no-print mt-3 flex flex-wrap gap-4 text-sm">
          <a href={`/api/pack/docx${query}`} className="underline">Download as a Word document (.docx)</a>
          <span>Print this page for an A4 paper.</span>
          <Link href={`/compare${pack.board ? `?board=${encodeURIComponent(pack.board.slug)}` : ''}`} className="underline">Compare other periods</Link>
        </p>
      </header>

      <section aria-labelledby="pack-headlines" className="mt-6 break-inside-avoid">
        <h2 id="pack-headlines" className="text-xl font-semibold">Headline figures</h2>
        <table className="stack-on-phone mt-2 w-full border-collapse text-sm" data-testid="pack-headlines">
          <thead>
            <tr className="border-b-2 border-slate-900 text-left">{PACK_HEADLINE_HEADERS.map((h) => <th key={h} scope="col" className="py-1 pr-3">{h}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r[0]} className="border-b border-slate-300 align-top">
                {r.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="py-1 pr-3 text-left font-semibold">{cell}</th>
                  ) : (
                    <td key={i} data-label={PACK_HEADLINE_HEADERS[i]} className={`py-1 pr-3 ${i === 1 ? 'tabular font-semibold' : ''}`}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="pack-charts" className="mt-6 break-inside-avoid">
        <h2 id="pack-charts" className="text-xl font-semibold">Key metrics by quarter</h2>
        <div className="mt-2 grid grid-cols-2 gap-4 sm:grid-cols-3" data-testid="pack-charts">
          {pack.headlines
            .filter((h) => h.trend.some((p) => p.value !== null))
            .map((h) => {
              const notes = pack.notes.get(h.metric.slug) ?? [];
              return (
                <figure key={h.metric.slug} className="break-inside-avoid">
                  <figcaption className="text-sm font-semibold">{h.metric.name} ({h.basisLabel})</figcaption>
                  <PackChart name={h.metric.name} points={h.trend} notes={notes} />
                  {notes.map((n) => (
                    <p key={n.number} className="text-xs">
                      {n.number} {n.date}: {n.text}
                    </p>
                  ))}
                </figure>
              );
            })}
        </div>
      </section>

      <section aria-labelledby="pack-summary" className="mt-6 break-inside-avoid">
        <h2 id="pack-summary" className="text-xl font-semibold">In brief</h2>
        <p className="mt-2 max-w-3xl" data-testid="pack-summary">{pack.summary}</p>
      </section>

      <section aria-labelledby="pack-changed" className="mt-6 break-inside-avoid">
        <h2 id="pack-changed" className="text-xl font-semibold">What changed since the last meeting</h2>
        {!pack.lastMeeting ? (
          <p className="mt-2">No meeting is on record before the end of {pack.period.label}.</p>
        ) : pack.lastMeeting.restated.length ? (
          <ul className="mt-2 list-disc pl-5">
            {pack.lastMeeting.restated.map((f) => (
              <li key={f.id}>
                {f.programme}, {f.metric.toLowerCase()}: reported to {pack.lastMeeting!.title} as {f.reported}, now {f.current}
                {f.restatements.at(-1)?.reason ? ` (“${f.restatements.at(-1)!.reason}”)` : ''}.
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">None of the figures shown to {pack.lastMeeting.title} has been restated since.</p>
        )}
      </section>

      <section aria-labelledby="pack-flags" className="mt-6 break-inside-avoid">
        <h2 id="pack-flags" className="text-xl font-semibold">Data-quality flags to look at</h2>
        {pack.flags.length ? (
          <ul className="mt-2 list-disc pl-5" data-testid="pack-flags">
            {pack.flags.map((f, i) => <li key={i}><strong>{f.kind}.</strong> {f.text}</li>)}
          </ul>
        ) : (
          <p className="mt-2">None on the period’s figures.</p>
        )}
      </section>

      <section aria-labelledby="pack-sources" className="mt-6 break-inside-avoid">
        <h2 id="pack-sources" className="text-xl font-semibold">Sources</h2>
        {pack.sources.length ? (
          <ul className="mt-2 list-disc pl-5" data-testid="pack-sources">
            {pack.sources.map((s) => (
              <li key={s.id}>
                <Link href={`/sources/${s.id}`}>{s.title}</Link> ({s.date}): {s.figures} figure{s.figures === 1 ? '' : 's'} for the period
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2">No figures for the period cite a source.</p>
        )}
      </section>
    </article>
  );
}
