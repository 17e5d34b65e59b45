import type { AppDatabase } from '../client';
import { pairsSql, slugConditions } from './figure-pairs';
import { type FigureFilters } from '../../lib/filters';
import { rawStatement } from '../statements';
import type { Basis } from '../../lib/vocabulary';
import { bucketsBetween, FIRST_DAY, LAST_DAY } from '../../lib/fiscal-periods';

export interface FiguresPerQuarter {
  token: string;
  label: string;
  period: number;
  cumulative: number;
  planned: number;
}

/**
 * How many figures were reported for each financial quarter (by the quarter holding the
 * figure's period end), split by basis. A count of figures, not a sum of their values: values
 * of different metrics and units are never added together.
 */
export function listFiguresPerQuarter(db: AppDatabase, filters: FigureFilters = {}): FiguresPerQuarter[] {
  // Every quarter with figures, whatever period is chosen: only board and programme apply. Read
  // from the per-quarter rollup (db/schema.ts), not by counting every figure.
  const params: unknown[] = [];
  const conditions = slugConditions({ boards: filters.boards, programmes: filters.programmes }, params);
  const sql = conditions.length
    ? `SELECT q.quarter, q.basis, sum(q.figures) FROM figure_counts_by_quarter q
        JOIN programmes p ON p.id = q.programme_id JOIN boards b ON b.id = p.board_id
        WHERE ${conditions.join(' AND ')} GROUP BY q.quarter, q.basis ORDER BY q.quarter`
    : // Every programme: the (quarter, basis, figures) index in order, no join and no sort.
      'SELECT quarter, basis, sum(figures) FROM figure_counts_by_quarter GROUP BY quarter, basis ORDER BY quarter';
  // Only the days the dashboard holds (lib/fiscal-periods.ts): a figure stored with an absurd date
  // would otherwise stretch the chart over centuries.
  const rows = (rawStatement(db.$client, sql).all(...params) as [quarter: string, basis: Basis, figures: number][]).filter(
    ([quarter]) => `${quarter}-01` >= FIRST_DAY && `${quarter}-01` <= LAST_DAY,
  );
  if (!rows.length) return [];
  const firstDay = (quarter: string) => `${quarter}-01`;
  const buckets = bucketsBetween(firstDay(rows[0]![0]), firstDay(rows[rows.length - 1]![0]), 'quarter');
  const quarters: FiguresPerQuarter[] = buckets.map((b) => ({ token: b.token, label: b.label, period: 0, cumulative: 0, planned: 0 }));
  // A rollup quarter is named by its first month, so its first day is its bucket's start.
  const byFirstDay = new Map(buckets.map((b, i) => [b.start, quarters[i]!]));
  for (const [quarter, basis, figures] of rows) byFirstDay.get(firstDay(quarter))![basis] += figures;
  return quarters;
}

export interface ActivityRow {
  slug: string;
  name: string;
  board?: { slug: string; name: string };
  figures: number;
  metrics: string[];
}

/** How many programmes the overview lists as the most active. */
export const TOP_PROGRAMMES = 8;

/**
 * How many figures (plans and breakdowns aside: a part is in its total) each board or programme
 * reported in the period, most first:
 * the overview's board chart and its most active programmes. Counted per (programme, metric)
 * pair from the figure sums (db/schema.ts; one seek each), then named and summed by board or
 * programme.
 */
export function listActivity(db: AppDatabase, filters: FigureFilters, by: 'board' | 'programme', limit?: number): ActivityRow[] {
  const params: unknown[] = [];
  const pairs = pairsSql(filters, params);
  const range = [filters.from ? 'AND s.period_end >= ?' : '', filters.to ? 'AND s.period_end <= ?' : ''].join(' ');
  if (filters.from) params.push(filters.from);
  if (filters.to) params.push(filters.to);
  if (limit !== undefined) params.push(limit);
  const group = by === 'board' ? 'b' : 'p';
  const rows = rawStatement(
      db.$client,
      `WITH pairs AS (${pairs}),
      counts AS (
        SELECT pairs.programme_id, pairs.metric_id, sum(s.figures) AS figures FROM pairs
        JOIN figure_sums_by_period s ON s.programme_id = pairs.programme_id AND s.metric_id = pairs.metric_id
         AND s.basis IN ('period', 'cumulative') ${range}
        GROUP BY pairs.programme_id, pairs.metric_id
      )
      SELECT ${group}.slug, ${group}.name, b.slug, b.name, sum(counts.figures) AS figures, group_concat(DISTINCT m.name)
      FROM counts JOIN programmes p ON p.id = counts.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = counts.metric_id
      GROUP BY ${group}.id, b.id ORDER BY figures DESC, ${group}.name${limit === undefined ? '' : ' LIMIT ?'}`,
    ).all(...params) as [string, string, string, string, number, string | null][];
  return rows.map(([slug, name, boardSlug, boardName, figures, metricNames]) => ({
    slug,
    name,
    board: by === 'programme' ? { slug: boardSlug, name: boardName } : undefined,
    figures,
    metrics: metricNames ? metricNames.split(',').sort() : [],
  }));
}
