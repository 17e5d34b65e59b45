// A metric's entry in the catalogue, at the top of its page: what it counts, in what unit and
// category, whether figures may be added across programmes, which programmes report it, and the
// quarters its figures cover.
import Link from 'next/link';
import type { MetricCatalogueEntry, MetricSummary } from '@/db/queries/reference';
import { ADDITIVITY_LABELS } from '@/app/_data/metric-panels';

const UNIT_WORDS: Record<MetricSummary['unit'], string> = { count: 'a count', hours: 'hours', GBP: 'pounds (£)', percent: 'a percentage' };

export function MetricCatalogue({ metric, entry }: { metric: MetricSummary; entry: MetricCatalogueEntry }) {
  const { programmes, quarters } = entry;
  return (
    <section aria-label="About this metric" className="mt-2 max-w-4xl">
      <p className="text-slate-700">{metric.definition}</p>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold">Unit</dt>
        <dd>{UNIT_WORDS[metric.unit]}</dd>
        <dt className="font-semibold">Category</dt>
        <dd>{metric.category}</dd>
        <dt className="font-semibold">Adding up</dt>
        <dd>{ADDITIVITY_LABELS[metric.additivity]}</dd>
        <dt className="font-semibold">Coverage</dt>
        <dd data-testid="metric-coverage">
          {!quarters
            ? 'no figures yet'
            : quarters.span === 1
              ? `${quarters.first} only`
              : `${quarters.first} to ${quarters.last}: figures in ${quarters.withFigures} of those ${quarters.span} quarters`}
        </dd>
        <dt className="font-semibold">Reported by</dt>
        <dd data-testid="metric-programmes">
          {programmes.length ? (
            <details>
              <summary className="cursor-pointer">
                {programmes.length} {programmes.length === 1 ? 'programme' : 'programmes'}
              </summary>
              <ul className="mt-1 space-y-0.5">
                {programmes.map((p) => (
                  <li key={p.slug}>
                    <Link href={`/programmes/${p.slug}`} className="underline">{p.name}</Link> ({p.board}): {p.figures.toLocaleString('en-GB')} {p.figures === 1 ? 'figure' : 'figures'}
                  </li>
                ))}
              </ul>
            </details>
          ) : (
            'no programme yet'
          )}
        </dd>
      </dl>
    </section>
  );
}
