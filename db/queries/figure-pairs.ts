// The board, programme and metric filters as plain SQL over the figure-count rollup, with no
// drizzle: used by the page queries (through figure-filters.ts) and by the export's worker
// threads (db/export/worker.ts), which stay small by loading only what they run.
import type { FigureFilters } from '../../lib/filters';

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
