import { count, desc, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { boards, metrics, observations, programmes } from '../schema';
import { figureConditions, type FigureFilters } from './figure-filters';
import type { Basis } from '../schema';
import { bucketOf, bucketsBetween } from '../../lib/fiscal-periods';

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
  // Every quarter with figures, whatever period is chosen: only board and programme apply.
  const conditions = figureConditions({ boards: filters.boards, programmes: filters.programmes });
  const rows = db
    .select({ periodEnd: observations.periodEnd, basis: observations.basis, n: count() })
    .from(observations)
    .innerJoin(programmes, eq(programmes.id, observations.programmeId))
    .innerJoin(boards, eq(boards.id, programmes.boardId))
    .where(conditions)
    .groupBy(observations.periodEnd, observations.basis)
    .all();
  if (!rows.length) return [];
  const ends = rows.map((r) => r.periodEnd).sort();
  const quarters = bucketsBetween(ends[0]!, ends[ends.length - 1]!, 'quarter').map((b) => ({
    token: b.token,
    label: b.label,
    period: 0,
    cumulative: 0,
    planned: 0,
  }));
  const byToken = new Map(quarters.map((q) => [q.token, q]));
  for (const r of rows) {
    const q = byToken.get(bucketOf(r.periodEnd, 'quarter').token)!;
    q[r.basis as Basis] += r.n;
  }
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
 * How many figures (plans aside) each board or programme reported in the period, most first:
 * the overview's board chart and its most active programmes.
 */
export function listActivity(db: AppDatabase, filters: FigureFilters, by: 'board' | 'programme', limit?: number): ActivityRow[] {
  const group = by === 'board' ? boards : programmes;
  const rows = db
    .select({
      slug: group.slug,
      name: group.name,
      boardSlug: boards.slug,
      boardName: boards.name,
      figures: count(observations.id),
      metrics: sql<string>`group_concat(DISTINCT ${metrics.name})`,
    })
    .from(observations)
    .innerJoin(programmes, eq(programmes.id, observations.programmeId))
    .innerJoin(boards, eq(boards.id, programmes.boardId))
    .innerJoin(metrics, eq(metrics.id, observations.metricId))
    .where(figureConditions(filters, { actualsOnly: true }))
    .groupBy(group.id)
    .orderBy(desc(count(observations.id)), group.name)
    .limit(limit ?? -1)
    .all();
  return rows.map(({ boardSlug, boardName, ...r }) => ({
    ...r,
    board: by === 'programme' ? { slug: boardSlug, name: boardName } : undefined,
    metrics: r.metrics ? r.metrics.split(',').sort() : [],
  }));
}
