import { count, eq, sql, sum } from 'drizzle-orm';
import { figureConditions, type FigureFilters } from './figure-filters';
import type { AppDatabase } from '../client';
import { boards, metrics, observations, programmes } from '../schema';
import { aggregate, type AggregateOptions, type FigureGroup, type Series } from '../../lib/aggregation';

export type { FigureFilters };

/**
 * Figures matching the filters, pre-summed by SQL over everything that aggregation treats alike
 * (programme, metric, basis, qualifier and exact period), so the grouping work happens in the
 * database with the (metric, period_end) and (programme, period_end) indexes. Plain SQL, no
 * date functions: it runs unchanged on PostgreSQL.
 *
 * Running totals before `from` are included: a snapshot taken earlier still stands at `from`.
 */
export function listFigureGroups(db: AppDatabase, filters: FigureFilters = {}): FigureGroup[] {
  const rows = db
    .select({
      programmeSlug: programmes.slug,
      programmeName: programmes.name,
      boardSlug: boards.slug,
      boardName: boards.name,
      metricSlug: metrics.slug,
      metricName: metrics.name,
      unit: metrics.unit,
      additivity: metrics.additivity,
      basis: observations.basis,
      qualifier: observations.qualifier,
      periodStart: observations.periodStart,
      periodEnd: observations.periodEnd,
      // The least precise date among the grouped figures ('day' < 'month' < 'year', also as text).
      datePrecision: sql<'day' | 'month' | 'year'>`max(${observations.datePrecision})`,
      value: sum(observations.value).mapWith(Number),
      count: count(),
    })
    .from(observations)
    .innerJoin(programmes, eq(programmes.id, observations.programmeId))
    .innerJoin(boards, eq(boards.id, programmes.boardId))
    .innerJoin(metrics, eq(metrics.id, observations.metricId))
    .where(figureConditions(filters, { keepEarlierRunningTotals: true }))
    .groupBy(
      observations.programmeId,
      observations.metricId,
      observations.basis,
      observations.qualifier,
      observations.periodStart,
      observations.periodEnd,
    )
    .all();
  return rows.map((r) => ({
    programme: { slug: r.programmeSlug, name: r.programmeName },
    board: { slug: r.boardSlug, name: r.boardName },
    metric: { slug: r.metricSlug, name: r.metricName, unit: r.unit, additivity: r.additivity },
    basis: r.basis,
    qualifier: r.qualifier,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    datePrecision: r.datePrecision,
    value: r.value,
    count: r.count,
  }));
}

/** Series for a chart or table: the figures matching the filters, aggregated into buckets. */
export function listSeries(
  db: AppDatabase,
  filters: FigureFilters,
  options: Omit<AggregateOptions, 'from' | 'to'>,
): Series[] {
  return aggregate(listFigureGroups(db, filters), { ...options, from: filters.from, to: filters.to });
}
