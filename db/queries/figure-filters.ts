// The filters every figure query takes (board, programme, metric, period), turned into SQL in
// one place so that the pages, charts, comparisons and exports always select the same figures.
import { and, asc, desc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { boards, metrics, observations, programmes } from '../schema';
import type { FigureFilters, FigureSearch } from '../../lib/filters';
import { ftsPrefix, searchWords, type FigureOrder } from '../../lib/figure-search';

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

/** Conditions for a search's words and bases (queries join programmes, boards and metrics). */
export function searchConditions(f: FigureSearch): SQL[] {
  const conditions: SQL[] = [];
  if (f.bases?.length) conditions.push(inArray(observations.basis, f.bases));
  // One full-text query for every word: the index holds each figure's evidence, note and names.
  const words = searchWords(f.search ?? '');
  if (words.length) conditions.push(sql`${observations.id} IN (SELECT rowid FROM figure_text WHERE figure_text MATCH ${words.map(ftsPrefix).join(' ')})`);
  return conditions;
}

/**
 * A list of figures in one of the orders people choose (lib/figure-search.ts), ties by id.
 * `nullsAsSqlite`: a figure with no date reported (no source) where SQLite puts it, last, spelled
 * out for PostgreSQL, which puts NULL first in a descending order (the export, whose rows must
 * come in one order on both engines). SQLite reads the spelled-out order as its own; PostgreSQL
 * then sorts instead of walking its index backwards, which is why the pages do not ask for it.
 */
export function figureOrderBy(order: FigureOrder | 'recorded', { nullsAsSqlite = false }: { nullsAsSqlite?: boolean } = {}): SQL[] {
  switch (order) {
    case 'reported':
      return [nullsAsSqlite ? sql`${observations.reportedOn} desc nulls last` : desc(observations.reportedOn), desc(observations.periodEnd), desc(observations.id)];
    case 'period':
      return [desc(observations.periodEnd), desc(observations.id)];
    case 'earliest':
      return [asc(observations.periodEnd), asc(observations.id)];
    case 'value':
      return [desc(observations.value), desc(observations.id)];
    case 'programme':
      return [asc(programmes.name), desc(observations.periodEnd), desc(observations.id)];
    case 'recorded':
      return [asc(observations.id)];
  }
}
