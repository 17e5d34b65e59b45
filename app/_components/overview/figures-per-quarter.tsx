// How many figures were reported in each financial quarter, by basis: a chart, a sentence for
// screen readers, and the same numbers as a table.
import type { FiguresPerQuarter as QuarterCounts } from '@/db/queries/overview';
import type { ViewFilters } from '@/lib/filters';
import { ChartQuarterBars } from '../charts/lazy';
import { exportHref, SectionHeading } from './section-heading';

export function FiguresPerQuarter({ data, filters }: { data: QuarterCounts[]; filters: ViewFilters }) {
  return (
    <section className="mt-8" aria-labelledby="per-quarter">
      <SectionHeading id="per-quarter" title="Figures reported per financial quarter" href={exportHref('figures-per-quarter', filters)} />
      {data.length ? <QuarterBars data={data} /> : <p className="rounded bg-slate-100 p-4">No figures reported yet.</p>}
    </section>
  );
}

function QuarterBars({ data }: { data: QuarterCounts[] }) {
  const total = data.reduce((n, q) => n + q.period + q.cumulative + q.planned, 0);
  const busiest = data.reduce((a, b) => (b.period + b.cumulative + b.planned > a.period + a.cumulative + a.planned ? b : a));
  return (
    <>
      <p className="sr-only">
        {total} figures across {data.length} financial quarters from {data[0]!.label} to {data[data.length - 1]!.label}; the
        most in {busiest.label} ({busiest.period + busiest.cumulative + busiest.planned}).
      </p>
      <ChartQuarterBars data={data} />
      <details className="mt-2">
        <summary className="cursor-pointer">Show the chart as a table</summary>
        {/* Plain, like the chart it stands for: not the ruled DataTable. */}
        <table className="tabular mt-2 text-sm">
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left">Quarter</th>
              <th scope="col" className="pr-4 text-right">In period</th>
              <th scope="col" className="pr-4 text-right">Running totals</th>
              <th scope="col" className="text-right">Planned</th>
            </tr>
          </thead>
          <tbody>
            {data.map((q) => (
              <tr key={q.token}>
                <th scope="row" className="pr-4 text-left font-normal">{q.label}</th>
                <td className="pr-4 text-right">{q.period}</td>
                <td className="pr-4 text-right">{q.cumulative}</td>
                <td className="text-right">{q.planned}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
