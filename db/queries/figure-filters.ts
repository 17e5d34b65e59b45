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

// The (programme, metric) pairs as plain SQL live apart, in figure-pairs.ts, for the export's
// worker threads, which load no drizzle.
export { pairsSql, slugConditions } from './figure-pairs';
