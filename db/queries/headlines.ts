import type { AppDatabase } from '../client';
import { bucketOf, bucketsBetween, previousBucket, previousPeriod, type Bucket } from '../../lib/fiscal-periods';
import { buildHeadlines, LEADING_METRICS, type Headline } from '../../lib/headlines';
import { getCoverage } from './coverage';
import { listFigureGroups, type FigureFilters } from './series';

/** How many quarters a headline card's trend line shows. */
export const TREND_QUARTERS = 8;

/** The overview's headline cards for a period, under the filters (board, programme). */
export function getHeadlines(db: AppDatabase, filters: FigureFilters, range: Bucket): Headline[] {
  const lastQuarter = bucketOf(range.end, 'quarter');
  let first = lastQuarter;
  for (let i = 1; i < TREND_QUARTERS; i++) first = previousBucket(first);
  const previous = previousPeriod(range);
  const earliest = [previous.start, first.start].sort()[0];
  const trend = bucketsBetween(first.start, lastQuarter.end, 'quarter');
  const metrics = filters.metrics?.length ? filters.metrics.filter((m) => (LEADING_METRICS as readonly string[]).includes(m)) : [...LEADING_METRICS];
  const groups = listFigureGroups(db, { ...filters, metrics, from: earliest, to: range.end }, [previous, range, ...trend]);
  // Coverage matters for the period and the one before it, which the cards compare.
  return buildHeadlines(groups, range, trend, getCoverage(db, { ...filters, metrics }, previous.start, range.end));
}
