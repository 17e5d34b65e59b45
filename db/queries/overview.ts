import { and, count, isNull } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { observations } from '../schema';
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
export function listFiguresPerQuarter(db: AppDatabase): FiguresPerQuarter[] {
  const rows = db
    .select({ periodEnd: observations.periodEnd, basis: observations.basis, n: count() })
    .from(observations)
    .where(and(isNull(observations.deletedAt)))
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
