// The months the figures cover (docs/decisions/0006), from the coverage_months rollup.
import type { AppDatabase } from '../client';
import { rawStatement } from '../statements';
import { pairsSql } from './figure-pairs';
import { type FigureFilters } from '../../lib/filters';

/** Per metric slug, the months ('YYYY-MM') its figures under the filters cover, between two dates. */
export type CoverageByMetric = Map<string, Set<string>>;

/**
 * Which months from `from` to `to` (ISO dates) the figures of each metric cover, over the
 * programmes the board, programme and metric filters choose: a month is covered when any of
 * those programmes' figures of the metric, or a report they cite, covers it.
 */
export function getCoverage(db: AppDatabase, filters: Pick<FigureFilters, 'boards' | 'programmes' | 'metrics'>, from: string, to: string): CoverageByMetric {
  const params: unknown[] = [];
  const pairs = pairsSql(filters, params);
  params.push(from.slice(0, 7), to.slice(0, 7));
  const rows = rawStatement(
    db.$client,
    `WITH pairs AS (${pairs})
     SELECT m.slug, c.month FROM pairs JOIN coverage_months c ON c.programme_id = pairs.programme_id AND c.metric_id = pairs.metric_id
       AND c.month BETWEEN ? AND ?
     JOIN metrics m ON m.id = c.metric_id
     GROUP BY c.metric_id, m.id, c.month`,
  ).all(...params) as [string, string][];
  const out: CoverageByMetric = new Map();
  for (const [metric, month] of rows) {
    let months = out.get(metric);
    if (!months) out.set(metric, (months = new Set()));
    months.add(month);
  }
  return out;
}
