import type { AppDatabase } from '../client';
import { compare, type CompareParams, type Comparison } from '../../lib/compare';
import { withoutUnknown } from '../../lib/filters';
import { findUnknownSlugs } from './reference';
import { getCoverage } from './coverage';
import { listFigureGroups } from './series';

/** The comparison's parameters less any board, programme or metric that does not exist, each said in words. */
export function withKnownSlugs(db: AppDatabase, p: CompareParams): CompareParams {
  const known = withoutUnknown(p, findUnknownSlugs(db, p));
  return { ...known.filters, errors: [...p.errors, ...known.errors] };
}

/** The comparison of two periods under the filters (running totals before A are included). */
export function getComparison(db: AppDatabase, p: CompareParams): Comparison {
  const from = p.a.start < p.b.start ? p.a.start : p.b.start;
  const to = p.a.end > p.b.end ? p.a.end : p.b.end;
  const groups = listFigureGroups(db, { boards: p.boards, programmes: p.programmes, metrics: p.metrics, from, to }, [p.a, p.b]);
  return compare(groups, p.a, p.b, getCoverage(db, p, from, to));
}
