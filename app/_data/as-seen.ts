// `?seen=YYYY-MM-DD` (lib/filters.ts): a page, its panels and its downloads read the figures as
// the board saw them on that day (db/as-seen.ts) instead of today's. Server-only.
import type { AppDatabase } from '@/db/client';
import { seenDatabase } from '@/db/as-seen';
import { parseSeen, type SearchParams } from '@/lib/filters';
import { searchParamsToObject } from '@/lib/export-params';

export interface SeenView {
  date: string;
  figures: number;
  papers: number;
}

/**
 * The database a page or route reads: the live one, or the figures as seen on `?seen=`. A date
 * that cannot be used leaves the live one; the page's filters say why (parseFilters).
 */
export function databaseAsSeen(live: AppDatabase, params: SearchParams): { db: AppDatabase; seen: SeenView | null } {
  const { seen: day } = parseSeen(params);
  if (!day) return { db: live, seen: null };
  const { db, date, figures, papers } = seenDatabase(live, day);
  return { db, seen: { date, figures, papers } };
}

/** For a route (a panel, a download): the database its URL's `?seen=` asks for, and what its file name adds. */
export function databaseForRequest(live: AppDatabase, request: Request): { db: AppDatabase; seen: SeenView | null; nameParts: string[] } {
  const { db, seen } = databaseAsSeen(live, searchParamsToObject(new URL(request.url).searchParams));
  return { db, seen, nameParts: seen ? ['as-seen', seen.date] : [] };
}
