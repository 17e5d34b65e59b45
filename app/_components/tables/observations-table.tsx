import Link from 'next/link';
import type { ObservationRow } from '@/db/queries/observations';
import { describeKind, formatQualified } from '@/lib/qualifiers';
import { describePeriod } from '@/lib/period-label';
import { plainEvidence } from '@/lib/evidence';
import { DownloadLink } from '../download-link';

/** Figures with their qualifier, period and the sentence each came from. */
export function ObservationsTable({ rows, caption, downloadHref }: { rows: ObservationRow[]; caption: string; downloadHref?: string }) {
  if (!rows.length) return <p className="rounded bg-slate-100 p-4">No figures reported for these filters.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="stack-on-phone w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-base font-semibold">
          {caption}
          {downloadHref && (
            <>
              {' '}
              <DownloadLink href={downloadHref} what={caption} />
            </>
          )}
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-800">
            <th scope="col" className="py-2 pr-3">Programme</th>
            <th scope="col" className="py-2 pr-3">Board</th>
            <th scope="col" className="py-2 pr-3">Metric</th>
            <th scope="col" className="py-2 pr-3 text-right">Value</th>
            <th scope="col" className="py-2 pr-3">Period</th>
            <th scope="col" className="py-2">Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id} className="border-b border-slate-200 align-top">
              <td data-label="Programme" className="py-2 pr-3">{o.programme.name}</td>
              <td data-label="Board" className="py-2 pr-3">{o.board.name}</td>
              <td data-label="Metric" className="py-2 pr-3">{o.metric.name}</td>
              <td data-label="Value" className="tabular py-2 pr-3 text-right whitespace-nowrap">
                <Link href={`/observations/${o.id}`} className="font-semibold underline-offset-2 hover:underline">
                  {formatQualified(o.value, o.qualifier, o.metric.unit, o.upper)}
                </Link>
                <span className="block text-xs text-slate-600">
                  {describeKind(o.qualifier, o.basis, o.upper)}
                </span>
                {o.partOf !== null && (
                  <Link href={`/observations/${o.partOf}`} className="block text-xs underline">
                    part of figure {o.partOf}
                  </Link>
                )}
              </td>
              <td data-label="Period" className="py-2 pr-3">{describePeriod(o.periodStart, o.periodEnd, o.datePrecision, o.basis)}</td>
              <td data-label="Source" className="py-2">
                {o.sources.map((s) => (
                  <details key={`${s.sourceId}-${s.line}`} className="mb-1">
                    <summary className="cursor-pointer">
                      {s.title}
                      {s.line ? `, line ${s.line}` : ''}
                    </summary>
                    <blockquote className="mt-1 border-l-4 border-slate-300 pl-2 text-slate-700">“{plainEvidence(s.evidence)}”</blockquote>
                  </details>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
