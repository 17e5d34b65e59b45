import Link from 'next/link';
import type { FigureRef } from '@/app/_data/metric-panels';

export type { FigureRef };

/** `showMetric`: say what each figure counts (a source's figures are of many metrics; a chart's of one). */
export function FigureList({ figures, showMetric = false }: { figures: FigureRef[]; showMetric?: boolean }) {
  if (!figures.length)
    return <p className="text-sm">No figure ends in this period; any value shown is a running total carried forward from an earlier report.</p>;
  return (
    <ul className="mt-1 space-y-2 text-sm">
      {figures.map((f) => (
        <li key={f.id} id={`figure-${f.id}`}>
          <span className="tabular font-semibold">{f.valueText}</span>
          {showMetric && <span className="font-semibold"> {f.metric.toLowerCase()}</span>} <span className="text-slate-700">({f.basisText})</span> —{' '}
          <Link href={`/programmes/${f.programmeSlug}`} className="underline">
            {f.programme}
          </Link>
          , {f.periodText}
          {f.sources.map((s) => (
            <blockquote key={`${s.sourceId}-${s.line}`} className="mt-1 border-l-4 border-slate-300 pl-2 text-slate-800">
              “{s.evidence}”{' '}
              <Link href={`/sources/${s.sourceId}#line-${s.line ?? 1}`} className="text-xs underline">
                {s.title}
                {s.line ? `, line ${s.line}` : ''}
              </Link>
            </blockquote>
          ))}
        </li>
      ))}
    </ul>
  );
}
