import { and, count, desc, eq, gte, inArray, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { boards, metrics, observations, programmes } from '../schema';
import type { FigureFilters } from './series';
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
  const conditions: (SQL | undefined)[] = [isNull(observations.deletedAt)];
  if (filters.boards?.length) conditions.push(inArray(boards.slug, filters.boards));
  if (filters.programmes?.length) conditions.push(inArray(programmes.slug, filters.programmes));
  const rows = db
    .select({ periodEnd: observations.periodEnd, basis: observations.basis, n: count() })
    .from(observations)
    .innerJoin(programmes, eq(programmes.id, observations.programmeId))
    .innerJoin(boards, eq(boards.id, programmes.boardId))
    .where(and(...conditions))
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

function activityConditions(filters: FigureFilters) {
  const conditions: (SQL | undefined)[] = [isNull(observations.deletedAt), ne(observations.basis, 'planned')];
  if (filters.boards?.length) conditions.push(inArray(boards.slug, filters.boards));
  if (filters.programmes?.length) conditions.push(inArray(programmes.slug, filters.programmes));
  if (filters.metrics?.length) conditions.push(inArray(metrics.slug, filters.metrics));
  if (filters.from) conditions.push(gte(observations.periodEnd, filters.from));
  if (filters.to) conditions.push(lte(observations.periodEnd, filters.to));
  return and(...conditions);
}

/** How many figures (plans aside) each board reported in the period. */
export function listActivityByBoard(db: AppDatabase, filters: FigureFilters): ActivityRow[] {
  return db
    .select({
      slug: boards.slug,
      name: boards.name,
      figures: count(observations.id),
      metrics: sql<string>`group_concat(DISTINCT ${metrics.name})`,
    })
    .from(observations)
    .innerJoin(programmes, eq(programmes.id, observations.programmeId))
    .innerJoin(boards, eq(boards.id, programmes.boardId))
    .innerJoin(metrics, eq(metrics.id, observations.metricId))
    .where(activityConditions(filters))
    .groupBy(boards.id)
    .orderBy(desc(count(observations.id)), boards.name)
    .all()
    .map((r) => ({ ...r, metrics: r.metrics ? r.metrics.split(',').sort() : [] }));
}

/** How many programmes the overview lists as the most active. */
export const TOP_PROGRAMMES = 8;

/** The programmes that reported the most figures (plans aside) in the period. */
export function listActivityByProgramme(db: AppDatabase, filters: FigureFilters, limit = TOP_PROGRAMMES): ActivityRow[] {
  return db
    .select({
      slug: programmes.slug,
      name: programmes.name,
      boardSlug: boards.slug,
      boardName: boards.name,
      figures: count(observations.id),
      metrics: sql<string>`group_concat(DISTINCT ${metrics.name})`,
    })
    .from(observations)
    .innerJoin(programmes, eq(programmes.id, observations.programmeId))
    .innerJoin(boards, eq(boards.id, programmes.boardId))
    .innerJoin(metrics, eq(metrics.id, observations.metricId))
    .where(activityConditions(filters))
    .groupBy(programmes.id)
    .orderBy(desc(count(observations.id)), programmes.name)
    .limit(limit)
    .all()
    .map(({ boardSlug, boardName, ...r }) => ({
      ...r,
      board: { slug: boardSlug, name: boardName },
      metrics: r.metrics ? r.metrics.split(',').sort() : [],
    }));
}
