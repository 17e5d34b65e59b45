import Link from 'next/link';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { breakdownOf, breakdownSize, COMPARABILITY_LABELS, compareQuery, quickChoices, summarise, type CompareRow } from '@/lib/compare';
import type { SearchParams } from '@/lib/filters';
import { UNIT_LABELS } from '@/app/_data/metric-panels';
import { BASIS_LABELS } from '@/lib/qualifiers';
import { ChartCompareBars } from '../_components/charts/lazy';
import { CompareForm } from './compare-form';
import { FilterErrors } from '../_components/filter-errors';
import { loadComparePage } from '../_data/page-data';

export const metadata: Metadata = { title: 'Compare two periods' };

/**
 * Programmes listed under each metric, largest change first; the CSV download has every one.
 * With hundreds of programmes a page listing them all under every metric runs to megabytes.
 */
const BREAKDOWN_PROGRAMMES = 12;
/**
 * Up to this many metrics, each shows its breakdown by board and programme in place; beyond it,
 * each links to the comparison of that metric alone, where the breakdown is shown. Every row's
 * breakdown inline made the unfiltered page megabytes at scale (`npm run bench`).
 */
const INLINE_BREAKDOWNS = 8;


/** A cell's value, with a running total's date beneath it ("241" / "as of February 2021"). */
function Shown({ text }: { text: string }) {
  const [value, asOf] = text.split(' as of ');
  return (
    <>
      {value}
      {asOf && <span className="block text-xs text-slate-600">as of {asOf}</span>}
    </>
  );
}

function RowCells({ r, label, periods }: { r: CompareRow; label: string; periods: { a: string; b: string } }) {
  return (
    <>
      <th scope="row" className="py-1 pr-3 text-left font-normal">
        {label}
        <span className="block text-xs text-slate-600">{BASIS_LABELS[r.key.basis]}</span>
      </th>
      <td data-label={`A: ${periods.a}`} className="tabular py-1 pr-3 text-right"><Shown text={r.a} /></td>
      <td data-label={`B: ${periods.b}`} className="tabular py-1 pr-3 text-right"><Shown text={r.b} /></td>
      <td data-label="Change" className="tabular py-1 pr-3 text-right font-semibold">{r.change}</td>
      <td data-label="% change" className="tabular py-1 pr-3 text-right">{r.percent ?? '—'}</td>
      <td data-label="Comparability" className="py-1 text-xs">
        <span className={r.status === 'comparable' ? '' : 'font-semibold'}>{COMPARABILITY_LABELS[r.status]}</span>
        {r.note ? `: ${r.note}` : ''}
      </td>
    </>
  );
}

const HEAD = (
  <tr className="border-b-2 border-slate-800 text-left">
    <th scope="col" className="py-1 pr-3">What</th>
    <th scope="col" className="py-1 pr-3 text-right">A</th>
    <th scope="col" className="py-1 pr-3 text-right">B</th>
    <th scope="col" className="py-1 pr-3 text-right">Change</th>
    <th scope="col" className="py-1 pr-3 text-right">% change</th>
    <th scope="col" className="py-1">Comparability</th>
  </tr>
);

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const data = loadComparePage(getDb(), await searchParams);
  if (!data)
    return (
      <>
        <h1 className="text-3xl font-bold">Compare two periods</h1>
        <p className="mt-4 rounded bg-slate-100 p-4">No figures have been recorded yet.</p>
      </>
    );
  const { p, comparison, periods } = data;
  const periodOptions = [
    ...periods.map((b) => ({ value: b.token, label: b.label })),
    ...periods.filter((b) => b.granularity === 'quarter').map((b) => ({ value: `ytd:${b.token}`, label: `Year to date, to the end of ${b.label}` })),
  ];
  const chartRow = p.metrics.length
    ? comparison.rows.find((r) => r.key.metric.slug === p.metrics[0])
    : comparison.rows.find((r) => r.status === 'comparable') ?? comparison.rows[0];
  const chartData = chartRow
    ? breakdownOf(comparison, chartRow)
        .byProgramme.filter((r) => r.key.basis === chartRow.key.basis)
        .slice(0, 12)
        .map((r) => ({ name: r.key.programme!.name, a: r.aValue, b: r.bValue, aText: r.a, bText: r.b, change: r.change, note: r.note }))
    : [];
  const labels = { a: comparison.a.label, b: comparison.b.label };
  // The like-for-like months most rows offer, and which period is covered in part.
  const offers = comparison.rows.filter((r) => r.status === 'partly_covered' && r.likeForLike);
  const offer = offers[0]?.likeForLike;
  const likeForLike = offer
    ? {
        ...offer,
        short: [
          offers.some((r) => r.coverage!.a.covered < r.coverage!.a.months) ? labels.a : '',
          offers.some((r) => r.coverage!.b.covered < r.coverage!.b.months) ? labels.b : '',
        ]
          .filter(Boolean)
          .join(' and '),
      }
    : null;
  const query = compareQuery(p, comparison.a, comparison.b);
  return (
    <>
      <h1 className="text-3xl font-bold">Compare two periods</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        A is <strong>{labels.a}</strong> ({comparison.a.start} to {comparison.a.end}); B is <strong>{labels.b}</strong> (
        {comparison.b.start} to {comparison.b.end}). Changes are B − A.
      </p>
      <FilterErrors errors={p.errors} />
      <CompareForm
        periods={periodOptions}
        boards={data.boards.map((b) => ({ value: b.slug, label: b.name }))}
        programmes={data.programmes.map((x) => ({ value: x.slug, label: x.name }))}
        metrics={data.metrics.map((m) => ({ value: m.slug, label: m.name }))}
        values={{ a: comparison.a.token, b: comparison.b.token, board: p.boards[0], programme: p.programmes[0], metric: p.metrics[0] }}
        quick={quickChoices(comparison.b).map((c) => ({
          label: c.label,
          href: `/compare${compareQuery(p, c.a, c.b)}`,
          current: c.a.token === comparison.a.token && c.b.token === comparison.b.token,
        }))}
      />
      {likeForLike && (
        <div role="note" className="mt-4 rounded border-l-4 border-oi-orange bg-orange-50 p-3 text-sm" data-testid="coverage-notice">
          <p>
            <strong>The reports cover only part of {likeForLike.short}.</strong> Sums over a period covered in part are not compared:
            those rows say “partly covered” and give no change.
          </p>
          <p className="mt-1">
            <Link href={`/compare${compareQuery(p, likeForLike.a, likeForLike.b)}`} className="underline">
              Compare {likeForLike.a.label} with {likeForLike.b.label} instead
            </Link>{' '}
            — the months covered in both.
          </p>
        </div>
      )}
      <section aria-labelledby="summary" className="mt-6">
        <h2 id="summary" className="text-xl font-semibold">In brief</h2>
        <p className="mt-2 max-w-3xl rounded border-l-4 border-oi-blue bg-slate-50 p-3" data-testid="compare-summary">
          {summarise(comparison)}
        </p>
      </section>
      {chartRow && chartData.length > 0 && (
        <section aria-labelledby="chart" className="mt-6">
          <h2 id="chart" className="text-xl font-semibold">
            {chartRow.key.metric.name} ({BASIS_LABELS[chartRow.key.basis]}) by programme
          </h2>
          <p className="sr-only">
            {chartData.map((d) => `${d.name}: ${d.aText} in A, ${d.bText} in B, change ${d.change}`).join('. ')}.
          </p>
          <ChartCompareBars data={chartData} labels={labels} unitLabel={UNIT_LABELS[chartRow.key.metric.unit]} />
          <p className="mt-1 text-xs text-slate-600">Choose a metric above to chart another. Bars are drawn only where a figure can be given as a number.</p>
        </section>
      )}
      <section aria-labelledby="table" className="mt-6">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="table" className="text-xl font-semibold">Every metric, largest change first</h2>
          <a href={`/api/export/compare${query}`} className="no-print rounded border border-slate-600 px-3 py-1 text-sm underline" download>
            Download CSV
          </a>
        </div>
        {comparison.rows.length ? (
          <div className="overflow-x-auto">
            <table className="stack-on-phone mt-2 w-full border-collapse text-sm">
              <caption className="sr-only">
                Comparison of {labels.a} (A) with {labels.b} (B)
              </caption>
              <thead>{HEAD}</thead>
              {comparison.rows.map((r) => {
                const size = breakdownSize(comparison, r);
                const inline = comparison.rows.length <= INLINE_BREAKDOWNS;
                // Built only where shown: at scale every metric's breakdown is thousands of rows.
                const d = inline ? breakdownOf(comparison, r) : null;
                return (
                  <tbody key={`${r.key.metric.slug}-${r.key.basis}`} className="border-b border-slate-300 align-top">
                    <tr>
                      <RowCells r={r} label={r.key.metric.name} periods={labels} />
                    </tr>
                    {(size.boards > 1 || size.programmes > 1) && !inline && (
                      <tr>
                        <td colSpan={6} className="pb-2 text-xs">
                          <Link href={`/compare${compareQuery({ ...p, metrics: [r.key.metric.slug] }, comparison.a, comparison.b)}`} className="underline">
                            {r.key.metric.name} by board ({size.boards}) and programme ({size.programmes})
                          </Link>
                        </td>
                      </tr>
                    )}
                    {d && (d.byBoard.length > 1 || d.byProgramme.length > 1) && (
                      <tr>
                        <td colSpan={6} className="pb-2">
                          <details>
                            <summary className="cursor-pointer text-xs">
                              By board ({d.byBoard.length}) and programme ({d.byProgramme.length})
                            </summary>
                            <table className="stack-on-phone mt-1 w-full text-xs">
                              <tbody>
                                {d.byBoard.map((x) => (
                                  <tr key={`b-${x.key.board?.slug}`}>
                                    <RowCells r={x} label={`Board: ${x.key.board?.name}`} periods={labels} />
                                  </tr>
                                ))}
                                {d.byProgramme.slice(0, BREAKDOWN_PROGRAMMES).map((x) => (
                                  <tr key={`p-${x.key.programme?.slug}`}>
                                    <RowCells r={x} label={`Programme: ${x.key.programme?.name}`} periods={labels} />
                                  </tr>
                                ))}
                                {d.byProgramme.length > BREAKDOWN_PROGRAMMES && (
                                  <tr>
                                    <td colSpan={6} className="py-1">
                                      And {d.byProgramme.length - BREAKDOWN_PROGRAMMES} more programmes, in the{' '}
                                      <a href={`/api/export/compare${query}`} className="underline" download>
                                        CSV download
                                      </a>
                                      .
                                    </td>
                                  </tr>
                                )}
                              </tbody>
                            </table>
                          </details>
                        </td>
                      </tr>
                    )}
                  </tbody>
                );
              })}
            </table>
          </div>
        ) : (
          <p className="mt-2 rounded bg-slate-100 p-4">No figures reported in either period for these filters.</p>
        )}
        <p className="mt-2 text-xs text-slate-600">
          Running totals compare the latest figure at the end of each period; figures for a period compare sums; plans compare
          only with plans. See <Link href="/metrics" className="underline">metrics</Link> for what may be added up.
        </p>
      </section>
    </>
  );
}
