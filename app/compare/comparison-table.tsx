// Every metric's A, B and change, largest change first, each with its breakdown by board and
// programme; the CSV download has every row.
import Link from 'next/link';
import { breakdownOf, breakdownSize, COMPARABILITY_LABELS, compareQuery, type CompareRow } from '@/lib/compare';
import { BASIS_LABELS } from '@/lib/qualifiers';
import { TableFrame, TableHead } from '../_components/tables/data-table';
import type { ComparePageData } from '../_data/page-data';

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

/**
 * Each metric is a tbody of its own (its row, then its breakdown), and a cell's phone label names
 * the period ("A: Q4 2019/20") rather than repeating the heading, so the body is written here and
 * only the frame and the heading row are DataTable's.
 */
const HEADINGS = [
  { header: 'What' },
  { header: 'A', align: 'right' },
  { header: 'B', align: 'right' },
  { header: 'Change', align: 'right' },
  { header: '% change', align: 'right' },
  { header: 'Comparability' },
] as const;

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

export function ComparisonTable({ p, comparison }: Pick<ComparePageData, 'p' | 'comparison'>) {
  const labels = { a: comparison.a.label, b: comparison.b.label };
  const query = compareQuery(p, comparison.a, comparison.b);
  return (
    <section aria-labelledby="table" className="mt-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="table" className="text-xl font-semibold">Every metric, largest change first</h2>
        <a href={`/api/export/compare${query}`} className="no-print rounded border border-slate-600 px-3 py-1 text-sm underline" download>
          Download CSV
        </a>
      </div>
      {comparison.rows.length ? (
        <TableFrame caption={`Comparison of ${labels.a} (A) with ${labels.b} (B)`} captionHidden className="mt-2">
          <TableHead columns={HEADINGS} compact />
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
        </TableFrame>
      ) : (
        <p className="mt-2 rounded bg-slate-100 p-4">No figures reported in either period for these filters.</p>
      )}
      <p className="mt-2 text-xs text-slate-600">
        Running totals compare the latest figure at the end of each period; figures for a period compare sums; plans compare
        only with plans. See <Link href="/metrics" className="underline">metrics</Link> for what may be added up.
      </p>
    </section>
  );
}
