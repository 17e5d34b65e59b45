import { isNull, max, min } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { observations } from '../schema';

/** The first and last period end of any figure (plans included), or null with no figures. */
export function getFigureDateRange(db: AppDatabase): { first: string; last: string } | null {
  const row = db
    .select({ first: min(observations.periodEnd), last: max(observations.periodEnd) })
    .from(observations)
    .where(isNull(observations.deletedAt))
    .get();
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}
