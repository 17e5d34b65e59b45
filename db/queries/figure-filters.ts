// The filters every figure query takes (board, programme, metric, period), turned into SQL in
// one place so that the pages, charts, comparisons and exports always select the same figures.
import { and, eq, gte, inArray, isNull, lte, ne, or, type SQL } from 'drizzle-orm';
import { boards, metrics, observations, programmes } from '../schema';

export interface FigureFilters {
  boards?: string[];
  programmes?: string[];
  metrics?: string[];
  /** ISO dates: the first and last day shown (a figure is in a period when its period end is). */
  from?: string;
  to?: string;
}

/**
 * Conditions for live figures matching the filters. Queries join programmes, boards and metrics.
 * `keepEarlierRunningTotals`: a running total reported before `from` still stands at `from`.
 * `actualsOnly`: leave plans out.
 */
export function figureConditions(
  filters: FigureFilters,
  options: { keepEarlierRunningTotals?: boolean; actualsOnly?: boolean } = {},
): SQL | undefined {
  const conditions: (SQL | undefined)[] = [isNull(observations.deletedAt)];
  if (options.actualsOnly) conditions.push(ne(observations.basis, 'planned'));
  if (filters.boards?.length) conditions.push(inArray(boards.slug, filters.boards));
  if (filters.programmes?.length) conditions.push(inArray(programmes.slug, filters.programmes));
  if (filters.metrics?.length) conditions.push(inArray(metrics.slug, filters.metrics));
  if (filters.to) conditions.push(lte(observations.periodEnd, filters.to));
  if (filters.from)
    conditions.push(
      options.keepEarlierRunningTotals
        ? or(gte(observations.periodEnd, filters.from), eq(observations.basis, 'cumulative'))
        : gte(observations.periodEnd, filters.from),
    );
  return and(...conditions);
}

/**
 * The (programme, metric) pairs that have live figures and match the board, programme and
 * metric filters, as a `pairs` CTE body (from the figure-count rollup: a few thousand rows at
 * most). Queries then seek the series index once per pair instead of scanning figures.
 * Pushes its parameters onto `params`, in order.
 */
export function pairsSql(filters: FigureFilters, params: unknown[]): string {
  const conditions = slugConditions(filters, params);
  return `SELECT c.programme_id, c.metric_id FROM figure_counts_by_metric c
      JOIN programmes p ON p.id = c.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = c.metric_id
      ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`;
}

/**
 * The board, programme and metric filters as SQL conditions on boards b, programmes p and
 * metrics m (only those filters given), pushing their values onto `params` in order.
 */
export function slugConditions(filters: Pick<FigureFilters, 'boards' | 'programmes' | 'metrics'>, params: unknown[]): string[] {
  const list = (values: string[]) => {
    params.push(...values);
    return values.map(() => '?').join(', ');
  };
  return [
    filters.boards?.length ? `b.slug IN (${list(filters.boards)})` : '',
    filters.programmes?.length ? `p.slug IN (${list(filters.programmes)})` : '',
    filters.metrics?.length ? `m.slug IN (${list(filters.metrics)})` : '',
  ].filter(Boolean);
}
