import type { AppDatabase } from '../client';
import { compare, type CompareParams, type Comparison } from '../../lib/compare';
import { listFigureGroups } from './series';

/** The comparison of two periods under the filters (running totals before A are included). */
export function getComparison(db: AppDatabase, p: CompareParams): Comparison {
  const from = p.a.start < p.b.start ? p.a.start : p.b.start;
  const to = p.a.end > p.b.end ? p.a.end : p.b.end;
  const groups = listFigureGroups(db, { boards: p.boards, programmes: p.programmes, metrics: p.metrics, from, to }, [p.a, p.b]);
  return compare(groups, p.a, p.b);
}
