// How many figures each board reported in the period: a bar chart, a sentence for screen readers,
// and the same numbers as a table.
import Link from 'next/link';
import type { ActivityRow } from '@/db/queries/overview';
import type { ViewFilters } from '@/lib/filters';
import { ChartBoardBars } from '../charts/lazy';
import { exportHref, SectionHeading } from './section-heading';

export function BoardActivity({ rows, period, filters }: { rows: ActivityRow[]; period: string; filters: ViewFilters }) {
  return (
    <section aria-labelledby="by-board">
      <SectionHeading id="by-board" title={`Figures reported by board, ${period}`} href={exportHref('board-activity', filters)} />
      {rows.length ? <BoardBars rows={rows} /> : <p className="mt-3 rounded bg-slate-100 p-4">No figures reported in this period.</p>}
    </section>
  );
}

function BoardBars({ rows }: { rows: ActivityRow[] }) {
  return (
    <>
      <p className="sr-only">
        {rows.map((r) => `${r.name}: ${r.figures} figures`).join('; ')}.
      </p>
      <ChartBoardBars data={rows.map((r) => ({ name: r.name, figures: r.figures }))} />
      <details className="mt-1 text-sm">
        <summary className="cursor-pointer">Show as a table</summary>
        {/* Plain, like the chart it stands for: not the ruled DataTable. */}
        <table className="tabular mt-2 w-full">
          <thead>
            <tr className="text-left">
              <th scope="col">Board</th>
              <th scope="col" className="text-right">Figures</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.slug}>
                <th scope="row" className="text-left font-normal">
                  <Link href={`/boards/${r.slug}`} className="underline">{r.name}</Link>
                </th>
                <td className="text-right">{r.figures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
