import { and, between, isNull, max, min } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { observations } from '../schema';
import { keptQuery } from '../statements';
import { FIRST_DAY, LAST_DAY } from '../../lib/fiscal-periods';

// Only days the dashboard holds (lib/fiscal-periods.ts): a figure stored with an absurd date
// before dates were checked must not stretch every page's periods over centuries.
const held = and(isNull(observations.deletedAt), between(observations.periodEnd, FIRST_DAY, LAST_DAY));

/** The first and last period end of any figure (plans included), or null with no figures. */
export function getFigureDateRange(db: AppDatabase): { first: string; last: string } | null {
  // Two queries, not one: SQLite answers a lone min() or max() from the live period-end index in
  // one seek, but scans every figure for both together.
  const first = keptQuery(db, 'firstFigureDate', () => db.select({ d: min(observations.periodEnd) }).from(observations).where(held).prepare()).get()?.d;
  const last = keptQuery(db, 'lastFigureDate', () => db.select({ d: max(observations.periodEnd) }).from(observations).where(held).prepare()).get()?.d;
  return first && last ? { first, last } : null;
}
