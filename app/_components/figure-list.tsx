import Link from 'next/link';
import type { FigureRef } from '@/lib/metric-panels';

export type { FigureRef };

export function FigureList({ figures }: { figures: FigureRef[] }) {
  if (!figures.length)
    return <p className="text-sm">No figure ends in this period; any value shown is a running total carried forward from an earlier report.</p>;
  return (
    <ul className="mt-1 space-y-2 text-sm">
      {figures.map((f) => (
        <li key={f.id} id={`figure-${f.id}`}>
          <span className="tabular font-semibold">{f.valueText}</span> <span className="text-slate-700">({f.basisText})</span> —{' '}
          <Link href={`/programmes/${f.programmeSlug}`} className="underline">
            {f.programme}
          </Link>
          , {f.periodText}
          {f.sources.map((s) => (
            <blockquote key={`${s.sourceId}-${s.line}`} className="mt-1 border-l-4 border-slate-300 pl-2 text-slate-800">
              “{s.evidence}”{' '}
              <Link href={`/sources/${s.sourceId}#line-${s.line ?? 1}`} className="text-xs underline">
                {s.title}
                {s.line ? `, paragraph ${s.line}` : ''}
              </Link>
            </blockquote>
          ))}
        </li>
      ))}
    </ul>
  );
}
