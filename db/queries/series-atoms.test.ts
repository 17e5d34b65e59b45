// listFigureGroups sums figures per atom of the caller's buckets when told them (the fast path)
// and per exact period otherwise; when every atom is one financial quarter it reads them from
// figure_sums_by_quarter (the random views by quarter and the seeded series by quarter do). Aggregating either must give the same series, cell for cell:
// random figures (spanning periods, running totals sharing an as-of date, plans, qualifiers,
// deleted figures) and random buckets, filters and groupings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOnePairDatabase, createTestDatabase } from '../testing';
import { and, eq, isNull } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { boards, metrics, observations, programmes } from '../schema';
import { figureConditions } from './figure-filters';
import { type FigureFilters } from '../../lib/filters';
import { listFigureGroups } from './series';
import { aggregateInto, figureGroupOf, type FigureGroup, type Series } from '../../lib/aggregation';
import { addQualified } from '../../lib/qualifiers';
import { bucketOf, bucketsBetween, spanBuckets, type Bucket, type Granularity } from '../../lib/fiscal-periods';
import { loadSeed } from '../seed';
import { compare, comparisonAsData } from '../../lib/compare';

const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => new Date(Date.UTC(2019, 3, 1 + n)).toISOString().slice(0, 10));
// Few distinct period ends and spans, so that figures often share a period or end together.
const end = fc.integer({ min: 0, max: 23 }).map((n) => new Date(Date.UTC(2019, 3 + Math.floor(n * 1.5), n % 2 ? 15 : 0)).toISOString().slice(0, 10));
const figure = fc.record({
  programme: fc.integer({ min: 1, max: 4 }),
  metric: fc.integer({ min: 1, max: 3 }),
  basis: fc.constantFrom('period', 'period', 'cumulative', 'planned'),
  qualifier: fc.constantFrom('exact', 'exact', 'at_least', 'approx', 'at_most'),
  end,
  span: fc.option(fc.constantFrom(0, 20, 45, 95, 200), { nil: null }),
  value: fc.integer({ min: 0, max: 1000 }).map((v) => v / 2),
  precision: fc.constantFrom('day', 'month', 'year'),
  // One in four deleted, chosen by fast-check (so a failure replays): deleted figures must count
  // nowhere, not even as the latest running total of an atom.
  deleted: fc.constantFrom(false, false, false, true),
  // Ranges ("20-30") where the qualifier allows one; and parts of another figure ("32 of which
  // …"), which are never added to anything.
  width: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
  part: fc.constantFrom(false, false, false, false, true),
});
const view = fc.record({
  granularity: fc.constantFrom<Granularity>('month', 'quarter', 'year'),
  from: day,
  length: fc.integer({ min: 0, max: 500 }),
  programmes: fc.subarray(['p1', 'p2', 'p3', 'p4']),
  boards: fc.subarray(['b1', 'b2']),
  metrics: fc.subarray(['m1', 'm2', 'm3']),
  by: fc.constantFrom<('board' | 'programme')[]>([], ['programme'], ['board']),
});

/**
 * The reference: every live figure matching the filters read one by one (every earlier running
 * total included), then added up in JavaScript only where aggregation treats figures alike —
 * programme, metric, basis and exact period — with lib/qualifiers.ts arithmetic. Neither the
 * figure sums rollup nor SQL's sums are involved.
 */
function exactFigureGroups(db: AppDatabase, filters: FigureFilters): FigureGroup[] {
  const rows = db
    .select({
      programmeSlug: programmes.slug,
      programmeName: programmes.name,
      boardSlug: boards.slug,
      boardName: boards.name,
      metricSlug: metrics.slug,
      metricName: metrics.name,
      unit: metrics.unit,
      additivity: metrics.additivity,
      basis: observations.basis,
      qualifier: observations.qualifier,
      periodStart: observations.periodStart,
      periodEnd: observations.periodEnd,
      datePrecision: observations.datePrecision,
      value: observations.value,
      upperValue: observations.upperValue,
    })
    .from(observations)
    .innerJoin(programmes, eq(programmes.id, observations.programmeId))
    .innerJoin(boards, eq(boards.id, programmes.boardId))
    .innerJoin(metrics, eq(metrics.id, observations.metricId))
    .where(and(figureConditions(filters, { keepEarlierRunningTotals: true }), isNull(observations.partOfId)))
    .all();
  const groups = new Map<string, FigureGroup>();
  for (const r of rows) {
    const id = [r.programmeSlug, r.metricSlug, r.basis, r.periodStart, r.periodEnd].join('|');
    const one = figureGroupOf({
      programme: { slug: r.programmeSlug, name: r.programmeName },
      board: { slug: r.boardSlug, name: r.boardName },
      metric: { slug: r.metricSlug, name: r.metricName, unit: r.unit, additivity: r.additivity },
      basis: r.basis,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      datePrecision: r.datePrecision,
      value: r.value,
      qualifier: r.qualifier,
      upper: r.upperValue,
    });
    const seen = groups.get(id);
    groups.set(
      id,
      seen
        ? { ...seen, total: addQualified(seen.total, one.total), count: seen.count + 1, datePrecision: seen.datePrecision > one.datePrecision ? seen.datePrecision : one.datePrecision }
        : one,
    );
  }
  return [...groups.values()];
}

// Spanning figures are listed in the order the groups arrive; compare them as sets.
const normal = (series: Series[] | ReturnType<typeof comparisonAsData>) =>
  JSON.parse(JSON.stringify(series), (key, value) => (key === 'spanning' && Array.isArray(value) ? value.map((v) => JSON.stringify(v)).sort() : value));

describe('figure groups per atom', () => {
  // 200 random databases with several views each take about 4 s alone, near vitest's default
  // 5 s limit when other suites share the two cores: hence a longer limit (not a speed check).
  it('aggregate exactly as figure groups per exact period do', () => {
    const db = createTestDatabase();
    const sqlite = db.$client;
    sqlite.exec(`INSERT INTO boards (slug, name) VALUES ('b1', 'B1'), ('b2', 'B2');
      INSERT INTO programmes (slug, name, board_id) VALUES ('p1', 'P1', 1), ('p2', 'P2', 1), ('p3', 'P3', 2), ('p4', 'P4', 2);
      INSERT INTO metrics (slug, name, unit, category, definition, additivity) VALUES
        ('m1', 'M1', 'count', 'other', 'd', 'additive'), ('m2', 'M2', 'count', 'other', 'd', 'within_programme'), ('m3', 'M3', 'percent', 'other', 'd', 'non_additive');`);
    const insert = sqlite.prepare(
      'INSERT INTO observations (programme_id, metric_id, value, qualifier, upper_value, basis, period_start, period_end, date_precision, deleted_at, part_of_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT min(id) FROM observations WHERE ?))',
    );
    fc.assert(
      fc.property(fc.array(figure, { maxLength: 60, size: 'max' }), fc.array(view, { minLength: 1, maxLength: 4 }), (figures, views) => {
        sqlite.exec('DELETE FROM observations');
        for (const f of figures) {
          const start = f.basis === 'cumulative' || f.span === null ? null : new Date(Date.parse(f.end) - f.span * 86_400_000).toISOString().slice(0, 10);
          const upper = f.width !== null && (f.qualifier === 'exact' || f.qualifier === 'approx') ? f.value + f.width : null;
          insert.run(f.programme, f.metric, f.value, f.qualifier, upper, f.basis, start, f.end, f.precision, f.deleted ? '2024-01-01T00:00:00Z' : null, f.part ? 1 : 0);
        }
        for (const v of views) {
          const to = new Date(Date.parse(v.from) + v.length * 86_400_000).toISOString().slice(0, 10);
          const buckets = bucketsBetween(v.from, to, v.granularity);
          const filters = { programmes: v.programmes, boards: v.boards, metrics: v.metrics, from: buckets[0]!.start, to: buckets[buckets.length - 1]!.end };
          const exact = exactFigureGroups(db, filters);
          const byAtom = listFigureGroups(db, filters, buckets);
          expect(normal(aggregateInto(byAtom, buckets, v.by))).toEqual(normal(aggregateInto(exact, buckets, v.by)));
          // Overlapping periods, as compare and the headline cards use them: one bucket spanning
          // the range, and the quarter that ends it.
          const whole = spanBuckets(buckets[0]!, buckets[buckets.length - 1]!);
          const lastQuarter = bucketOf(whole.end, 'quarter');
          const both: Bucket[] = [whole, lastQuarter];
          const groups = listFigureGroups(db, filters, both);
          expect(normal(comparisonAsData(compare(groups, whole, lastQuarter)))).toEqual(normal(comparisonAsData(compare(exact, whole, lastQuarter))));
        }
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('keep figures that span their atom apart, each with its own start', () => {
    const db = createOnePairDatabase(`INSERT INTO observations (programme_id, metric_id, value, basis, period_start, period_end) VALUES
        (1, 1, 5, 'period', '2019-01-01', '2019-04-15'), (1, 1, 7, 'period', '2019-02-01', '2019-04-15'),
        (1, 1, 11, 'period', '2019-01-01', '2019-04-20'),
        (1, 1, 2, 'period', '2019-04-02', '2019-04-10'), (1, 1, 3, 'period', NULL, '2019-04-20'),
        (1, 1, 100, 'cumulative', NULL, '2018-06-30'), (1, 1, 150, 'cumulative', NULL, '2018-12-31');`);
    const buckets = bucketsBetween('2019-04-01', '2019-04-30', 'month');
    const groups = listFigureGroups(db, { from: '2019-04-01', to: '2019-04-30' }, buckets);
    const shown = groups.map((g) => [g.basis, g.periodStart, g.periodEnd, g.total.value, g.count]).sort();
    expect(shown).toEqual([
      // Only the latest running total before the range stands at its start.
      ['cumulative', null, '2018-12-31', 150, 1],
      // The two figures contained in April, summed; the three spanning it, apart (two share a start).
      ['period', '2019-01-01', '2019-04-15', 5, 1],
      ['period', '2019-01-01', '2019-04-20', 11, 1],
      ['period', '2019-02-01', '2019-04-15', 7, 1],
      ['period', '2019-04-02', '2019-04-20', 5, 2],
    ]);
  });

  it('take the latest live running total of an atom, never a deleted later one', () => {
    // The random cases above reach this only in about one run in a thousand.
    const db = createOnePairDatabase(`INSERT INTO observations (programme_id, metric_id, value, basis, period_end, deleted_at) VALUES
        (1, 1, 100, 'cumulative', '2019-06-30', NULL), (1, 1, 200, 'cumulative', '2019-09-30', '2024-01-01T00:00:00Z'),
        (1, 1, 50, 'cumulative', '2018-12-31', NULL), (1, 1, 80, 'cumulative', '2019-03-31', '2024-01-01T00:00:00Z');`);
    const buckets = bucketsBetween('2019-04-01', '2020-03-31', 'year');
    const groups = listFigureGroups(db, { from: '2019-04-01', to: '2020-03-31' }, buckets);
    expect(groups.map((g) => [g.periodEnd, g.total.value]).sort()).toEqual([
      ['2018-12-31', 50], // the latest live one before the range, not the deleted one of March 2019
      ['2019-06-30', 100], // the latest live one in the year, not the deleted one of September
    ]);
  });

  it('give the seeded dataset the same series by quarter and by year', () => {
    const db = createTestDatabase();
    loadSeed(db);
    for (const granularity of ['quarter', 'year'] as const) {
      const buckets = bucketsBetween('2015-04-01', '2022-03-31', granularity);
      const filters = { from: '2015-04-01', to: '2022-03-31' };
      expect(normal(aggregateInto(listFigureGroups(db, filters, buckets), buckets, ['programme']))).toEqual(
        normal(aggregateInto(exactFigureGroups(db, filters), buckets, ['programme'])),
      );
    }
  });
});
