import { Suspense } from 'react';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { getDatasetTotals, listLatestObservations } from '@/db/queries/observations';
import { listFiguresPerQuarter } from '@/db/queries/overview';
import { ChartQuarterBars } from './_components/charts/chart-quarter-bars';
import { ObservationsTable } from './_components/tables/observations-table';
import { Skeleton } from './_components/skeleton';

export default async function OverviewPage() {
  // Figures change while the app runs: always read them at request time.
  await connection();
  const totals = getDatasetTotals(getDb());
  return (
    <>
      <h1 className="text-3xl font-bold">Sector-support impact</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        {totals.observations.toLocaleString('en-GB')} figures from {totals.sources} board reports, across{' '}
        {totals.programmes} programmes and {totals.boards} boards.
      </p>
      <section className="mt-6" aria-labelledby="per-quarter">
        <h2 id="per-quarter" className="text-xl font-semibold">
          Figures reported per financial quarter
        </h2>
        <Suspense fallback={<Skeleton className="h-72 w-full" />}>
          <FiguresPerQuarter />
        </Suspense>
      </section>
      <section className="mt-8" aria-labelledby="latest">
        <h2 id="latest" className="sr-only">
          Latest figures
        </h2>
        <Suspense fallback={<Skeleton className="h-96 w-full" />}>
          <LatestFigures />
        </Suspense>
      </section>
    </>
  );
}

async function FiguresPerQuarter() {
  const data = listFiguresPerQuarter(getDb());
  if (!data.length) return <p className="rounded bg-slate-100 p-4">No figures reported yet.</p>;
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

async function LatestFigures() {
  const rows = listLatestObservations(getDb(), 25);
  return <ObservationsTable rows={rows} caption="Latest figures (by the end of the period they cover)" />;
}
