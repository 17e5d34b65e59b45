import Link from 'next/link';
import type { Headline } from '@/lib/headlines';
import type { TargetRow } from '@/db/queries/targets';
import { RagBadge } from './rag-badge';
import { NO_FIGURES } from '@/lib/series-view';
import { ChartSparkline } from './charts/lazy';

export function HeadlineCard({ h, target }: { h: Headline; target?: TargetRow }) {
  const empty = h.current.text === NO_FIGURES;
  const refused = h.current.value === null && !empty;
  return (
    <li className="flex flex-col rounded border border-slate-300 p-3" data-testid={`headline-${h.metric.slug}`}>
      <h3 className="text-sm font-semibold">
        <Link href={`/metrics/${h.metric.slug}`} className="underline-offset-2 hover:underline">
          {h.metric.name}
        </Link>{' '}
        <span className="font-normal text-slate-600">({h.basisLabel})</span>
      </h3>
      {refused ? (
        // A figure that may not be added up: a short label, the reason a click away.
        <details className="mt-1 text-base text-slate-700">
          <summary className="cursor-pointer">not added up</summary>
          <p className="mt-1 text-sm">{h.current.text}</p>
        </details>
      ) : (
        <p className={`tabular mt-1 ${empty ? 'text-base text-slate-700' : 'text-3xl font-bold'}`}>{h.current.text}</p>
      )}
      {h.current.notes.map((n) => (
        <p key={n} className="text-xs text-slate-700">
          {n}
        </p>
      ))}
      {h.alongside && (
        <p className="tabular mt-1 text-sm">
          {h.alongside.basisLabel[0]!.toUpperCase() + h.alongside.basisLabel.slice(1)}: {h.alongside.text}
        </p>
      )}
      {h.change && (
        <p className="tabular mt-1 text-sm">
          Change on {h.previousLabel}: {h.change.text}
          {h.change.percent ? ` (${h.change.percent})` : ''}
        </p>
      )}
      {h.noChange && (
        <details className="mt-1 text-sm">
          <summary className="cursor-pointer">
            Change on {h.previousLabel}: <span className="font-semibold">{h.noChange.label}</span>
            <span className="sr-only"> — why</span>
          </summary>
          <p className="mt-1 text-xs text-slate-700">{h.noChange.reason}</p>
        </details>
      )}
      {target && (
        <div className="mt-2 text-sm" data-testid="headline-target">
          <p className="tabular">
            Target {target.valueText}
            {target.rag.progress ? `: ${target.rag.progress}` : ''}
          </p>
          <RagBadge rag={target.rag} className="mt-1" />
        </div>
      )}
      <div className="mt-auto pt-2">
        <ChartSparkline points={h.trend} label={`${h.metric.name} by quarter`} />
      </div>
    </li>
  );
}
