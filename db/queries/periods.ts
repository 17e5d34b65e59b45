import { isNull, max, min } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { observations } from '../schema';
import { keptQuery } from '../statements';

/** The first and last period end of any figure (plans included), or null with no figures. */
export function getFigureDateRange(db: AppDatabase): { first: string; last: string } | null {
  // Two queries, not one: SQLite answers a lone min() or max() from the live period-end index in
  // one seek, but scans every figure for both together.
  const first = keptQuery(db, 'firstFigureDate', () => db.select({ d: min(observations.periodEnd) }).from(observations).where(isNull(observations.deletedAt)).prepare()).get()?.d;
  const last = keptQuery(db, 'lastFigureDate', () => db.select({ d: max(observations.periodEnd) }).from(observations).where(isNull(observations.deletedAt)).prepare()).get()?.d;
  return first && last ? { first, last } : null;
}
