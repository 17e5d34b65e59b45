// The overview's headline cards: each metric's figure for the period shown.
import Link from 'next/link';
import type { Headline } from '@/lib/headlines';
import type { TargetRow } from '@/db/queries/targets';
import type { ViewFilters } from '@/lib/filters';
import { HeadlineCard } from '../headline-card';
import { exportHref, SectionHeading } from './section-heading';

export function HeadlineFigures({ headlines, targets, period, status, filters }: { headlines: Headline[]; targets: Map<string, TargetRow>; period: string; status?: 'provisional' | 'final'; filters: ViewFilters }) {
  return (
    <section className="mt-6" aria-labelledby="headlines">
      <SectionHeading id="headlines" title={`Headline figures, ${period}`} href={exportHref('headlines', filters)} />
      {status && (
        <p className="mt-1 text-sm" data-testid="quarter-status">
          {period} is <Link href="/quarters" className="underline">{status}</Link>
          {status === 'provisional' ? ': its figures may still change.' : ': the board has seen its figures; any change since is a restatement.'}
        </p>
      )}
      {headlines.length ? (
        <ul className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {headlines.map((h) => (
            <HeadlineCard key={h.metric.slug} h={h} target={targets.get(`${h.metric.slug}|${h.basis}`)} />
          ))}
        </ul>
      ) : (
        <p className="mt-3 rounded bg-slate-100 p-4">No figures reported for these filters.</p>
      )}
    </section>
  );
}
