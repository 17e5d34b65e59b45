// One metric's A and B by programme as bars: the chosen metric, or else the first comparable one.
import { breakdownOf } from '@/lib/compare';
import { BASIS_LABELS } from '@/lib/qualifiers';
import { UNIT_LABELS } from '../_data/metric-panels';
import type { ComparePageData } from '../_data/page-data';
import { ChartCompareBars } from '../_components/charts/lazy';

/** The most programmes the chart draws. */
const CHART_PROGRAMMES = 12;

export function CompareChart({ p, comparison }: Pick<ComparePageData, 'p' | 'comparison'>) {
  const chartRow = p.metrics.length
    ? comparison.rows.find((r) => r.key.metric.slug === p.metrics[0])
    : comparison.rows.find((r) => r.status === 'comparable') ?? comparison.rows[0];
  if (!chartRow) return null;
  const chartData = breakdownOf(comparison, chartRow)
    .byProgramme.filter((r) => r.key.basis === chartRow.key.basis)
    .slice(0, CHART_PROGRAMMES)
    .map((r) => ({ name: r.key.programme!.name, a: r.aValue, b: r.bValue, aText: r.a, bText: r.b, change: r.change, note: r.note }));
  if (!chartData.length) return null;
  return (
    <section aria-labelledby="chart" className="mt-6">
      <h2 id="chart" className="text-xl font-semibold">
        {chartRow.key.metric.name} ({BASIS_LABELS[chartRow.key.basis]}) by programme
      </h2>
      <p className="sr-only">
        {chartData.map((d) => `${d.name}: ${d.aText} in A, ${d.bText} in B, change ${d.change}`).join('. ')}.
      </p>
      <ChartCompareBars data={chartData} labels={{ a: comparison.a.label, b: comparison.b.label }} unitLabel={UNIT_LABELS[chartRow.key.metric.unit]} />
      <p className="mt-1 text-xs text-slate-600">Choose a metric above to chart another. Bars are drawn only where a figure can be given as a number.</p>
    </section>
  );
}
