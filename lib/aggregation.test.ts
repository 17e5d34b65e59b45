import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, alphabeticalRanks, atomsOf, figureGroupOf, type FigureGroup, type SeriesCell } from './aggregation';
import { bucketsBetween } from './fiscal-periods';
import type { Additivity, Basis, Qualifier } from './vocabulary';

type FigureOverrides = Omit<Partial<FigureGroup>, 'programme' | 'metric' | 'total' | 'count'> & {
  programme?: string;
  metric?: string;
  additivity?: Additivity;
  value?: number;
  qualifier?: Qualifier;
};

/** One figure, as a group of one. */
function fig(overrides: FigureOverrides = {}): FigureGroup & { value: number } {
  const { programme = 'Programme A', metric = 'Attendees', additivity = 'additive', value = 10, qualifier = 'exact', ...rest } = overrides;
  const group = figureGroupOf({
    programme: { slug: programme.toLowerCase().replace(/\W+/g, '-'), name: programme },
    board: { slug: 'improvement-and-innovation-board', name: 'Improvement and Innovation Board' },
    metric: { slug: metric.toLowerCase().replace(/\W+/g, '-'), name: metric, unit: 'count', additivity },
    basis: 'period' as Basis,
    periodStart: null,
    periodEnd: '2020-06-30',
    datePrecision: 'day',
    value,
    qualifier,
    ...rest,
  });
  // The value as given, for the laws below to add up.
  return { ...group, value };
}

const cellAt = (cells: SeriesCell[], token: string) => cells.find((c) => c.bucket.token === token)!;
const total = (c: SeriesCell) => (c.status === 'value' ? c.total : undefined);

describe('in-period figures', () => {
  it('sum into the bucket holding their period end, across the 31 March / 1 April boundary', () => {
    const [series] = aggregate(
      [fig({ periodEnd: '2021-03-31', value: 5 }), fig({ periodEnd: '2021-04-01', value: 7 }), fig({ periodEnd: '2021-01-15', value: 1 })],
      { granularity: 'quarter' },
    );
    expect(total(cellAt(series!.cells, '2020-21-Q4'))?.value).toBe(6);
    expect(total(cellAt(series!.cells, '2021-22-Q1'))?.value).toBe(7);
  });

  it('say "no figures" for an empty bucket, never zero', () => {
    const [series] = aggregate([fig({ periodEnd: '2020-04-10' }), fig({ periodEnd: '2020-12-10' })], { granularity: 'quarter' });
    expect(cellAt(series!.cells, '2020-21-Q2').status).toBe('no_figures');
  });

  it('show a figure whose span is longer than the bucket with its span, not in the sum', () => {
    const long = fig({ periodStart: '2020-04-01', periodEnd: '2021-02-28', value: 150 });
    const short = fig({ periodStart: '2021-01-01', periodEnd: '2021-01-31', value: 20 });
    const [byQuarter] = aggregate([long, short], { granularity: 'quarter' });
    const q4 = cellAt(byQuarter!.cells, '2020-21-Q4');
    expect(total(q4)?.value).toBe(20);
    expect(q4.spanning).toEqual([expect.objectContaining({ periodStart: '2020-04-01', periodEnd: '2021-02-28', value: expect.objectContaining({ value: 150 }) })]);
    const [byYear] = aggregate([long, short], { granularity: 'year' });
    expect(total(cellAt(byYear!.cells, '2020-21'))?.value).toBe(170);
  });

  it('carry qualifiers through the sum', () => {
    const [series] = aggregate([fig({ value: 600, qualifier: 'at_least' }), fig({ value: 20 })], { granularity: 'quarter' });
    expect(total(series!.cells[0]!)).toEqual({ value: 620, bound: 'lower', approximate: false });
  });

  it('keep planned figures in their own series, never added to actuals', () => {
    const series = aggregate([fig({ value: 10 }), fig({ value: 16, basis: 'planned' })], { granularity: 'quarter' });
    expect(series.map((s) => [s.key.basis, total(s.cells[0]!)?.value])).toEqual([
      ['period', 10],
      ['planned', 16],
    ]);
  });

  it('never mix units: one series per metric', () => {
    const series = aggregate([fig({ metric: 'Attendees', value: 10 }), fig({ metric: 'Coaching hours', value: 465 })], {
      granularity: 'year',
    });
    expect(series.map((s) => s.key.metric.name)).toEqual(['Attendees', 'Coaching hours']);
  });

  it('refuse to add councils supported across programmes, and give the largest programme', () => {
    const councils = (programme: string, value: number) => fig({ programme, metric: 'Councils supported', additivity: 'within_programme', value });
    const [overall] = aggregate([councils('Programme A', 39), councils('Programme B', 17)], { granularity: 'quarter' });
    const cell = overall!.cells[0]!;
    expect(cell.status).toBe('not_summable');
    if (cell.status !== 'not_summable') return;
    expect(cell.reason).toMatch(/may be counted by more than one programme/);
    expect(cell.largest).toEqual({ programme: 'Programme A', value: expect.objectContaining({ value: 39 }) });
    // A tie goes to the name first alphabetically, whichever figure came first (found by the atoms property test).
    for (const order of [[councils('Programme B', 39), councils('Programme A', 39)], [councils('Programme A', 39), councils('Programme B', 39)]]) {
      const tied = aggregate(order, { granularity: 'quarter' })[0]!.cells[0]!;
      expect(tied.status === 'not_summable' && tied.largest?.programme).toBe('Programme A');
    }
    const byProgramme = aggregate([councils('Programme A', 39), councils('Programme B', 17)], { granularity: 'quarter', by: ['programme'] });
    expect(byProgramme.map((s) => total(s.cells[0]!)?.value)).toEqual([39, 17]);
  });

  it('never add averages, rates or percentages', () => {
    const pct = (value: number) => fig({ metric: 'Percentage', additivity: 'non_additive', value });
    const [one] = aggregate([pct(91)], { granularity: 'quarter' });
    expect(total(one!.cells[0]!)?.value).toBe(91);
    const [two] = aggregate([pct(91), pct(60)], { granularity: 'quarter' });
    expect(two!.cells[0]!.status).toBe('not_summable');
  });
});

describe('running totals', () => {
  const snapshot = (periodEnd: string, value: number, qualifier: Qualifier = 'exact', programme = 'Programme A') =>
    fig({ basis: 'cumulative', metric: 'Coaching hours', periodEnd, value, qualifier, programme });

  it('give the latest snapshot at or before the bucket end, carried forward and marked', () => {
    const [series] = aggregate([snapshot('2020-10-31', 310), snapshot('2021-01-31', 465)], {
      granularity: 'quarter',
      from: '2020-07-01',
      to: '2021-06-30',
    });
    expect(cellAt(series!.cells, '2020-21-Q2').status).toBe('no_figures');
    expect(total(cellAt(series!.cells, '2020-21-Q3'))?.value).toBe(310);
    expect(total(cellAt(series!.cells, '2020-21-Q4'))?.value).toBe(465);
    const q1 = cellAt(series!.cells, '2021-22-Q1');
    expect(q1).toMatchObject({ status: 'value', carriedForward: true, asOf: { from: '2021-01-31', to: '2021-01-31' } });
  });

  it('say the oldest and newest as-of dates of the snapshots they add up', () => {
    const [series] = aggregate(
      [snapshot('2021-02-28', 76, 'exact', 'Programme B'), snapshot('2020-11-30', 310), snapshot('2021-03-15', 12, 'exact', 'Programme C')],
      { granularity: 'year' },
    );
    expect(series!.cells[0]).toMatchObject({ status: 'value', total: { value: 398 }, observations: 3, asOf: { from: '2020-11-30', to: '2021-03-15' }, carriedForward: false });
  });

  it('are never summed over time, only across programmes where the metric allows', () => {
    const [series] = aggregate(
      [snapshot('2020-10-31', 310), snapshot('2021-01-31', 465), snapshot('2021-02-28', 76, 'exact', 'Top team coaching')],
      { granularity: 'year' },
    );
    expect(total(series!.cells[0]!)?.value).toBe(541);
  });
});

describe('laws (property-based)', () => {
  const periodFigure = fc
    .record({
      day: fc.integer({ min: 0, max: 3 * 365 }),
      value: fc.integer({ min: 0, max: 10_000 }),
      qualifier: fc.constantFrom<Qualifier>('exact', 'at_least', 'approx'),
    })
    .map(({ day, value, qualifier }) => {
      const d = new Date(Date.UTC(2019, 3, 1 + day)).toISOString().slice(0, 10);
      return fig({ periodEnd: d, value, qualifier });
    });

  it('the months of a quarter and the quarters of a year add up to the quarter and the year', () => {
    fc.assert(
      fc.property(fc.array(periodFigure, { minLength: 1, maxLength: 40 }), (figures) => {
        const range = { from: '2019-04-01', to: '2022-03-31' };
        const [months] = aggregate(figures, { granularity: 'month', ...range });
        const [quarters] = aggregate(figures, { granularity: 'quarter', ...range });
        const [years] = aggregate(figures, { granularity: 'year', ...range });
        const value = (c: SeriesCell) => (c.status === 'value' ? c.total.value : 0);
        for (const q of quarters!.cells) {
          const inQuarter = months!.cells.filter((m) => m.bucket.start >= q.bucket.start && m.bucket.end <= q.bucket.end);
          expect(inQuarter.reduce((n, m) => n + value(m), 0)).toBe(value(q));
        }
        for (const y of years!.cells) {
          const inYear = quarters!.cells.filter((q) => q.bucket.fiscalYear === y.bucket.fiscalYear);
          expect(inYear.reduce((n, q) => n + value(q), 0)).toBe(value(y));
        }
        expect(years!.cells.reduce((n, y) => n + value(y), 0)).toBe(figures.reduce((n, f) => n + f.value, 0));
      }),
    );
  });

  it("a running total's bucket value is the latest snapshot at or before the bucket end", () => {
    const snapshots = fc.uniqueArray(fc.integer({ min: 0, max: 3 * 365 }), { minLength: 1, maxLength: 12 }).chain((days) =>
      fc.tuple(...days.map((day) => fc.integer({ min: 0, max: 100_000 }).map((value) => ({ day, value })))),
    );
    fc.assert(
      fc.property(snapshots, (points) => {
        const figures = points.map(({ day, value }) =>
          fig({ basis: 'cumulative', periodEnd: new Date(Date.UTC(2019, 3, 1 + day)).toISOString().slice(0, 10), value }),
        );
        const [series] = aggregate(figures, { granularity: 'month', from: '2019-04-01', to: '2022-03-31' });
        for (const bucket of bucketsBetween('2019-04-01', '2022-03-31', 'month')) {
          const latest = figures.filter((f) => f.periodEnd <= bucket.end).sort((a, b) => a.periodEnd.localeCompare(b.periodEnd)).pop();
          const cell = cellAt(series!.cells, bucket.token);
          if (!latest) expect(cell.status).toBe('no_figures');
          else expect(total(cell)?.value).toBe(latest.value);
        }
      }),
    );
  });
});

describe('atoms of buckets', () => {
  it('cut the span at every bucket boundary, across a leap day and a year end', () => {
    const q4 = bucketsBetween('2020-01-01', '2020-03-31', 'quarter');
    const february = bucketsBetween('2020-02-01', '2020-02-29', 'month');
    const december = bucketsBetween('2019-12-01', '2019-12-31', 'month');
    expect(atomsOf([...december, ...q4, ...february])).toEqual([
      { start: '2019-12-01', end: '2019-12-31' },
      { start: '2020-01-01', end: '2020-01-31' },
      { start: '2020-02-01', end: '2020-02-29' },
      { start: '2020-03-01', end: '2020-03-31' },
    ]);
  });
});

describe('alphabetical ranks of names', () => {
  it('order names as the collator does, whenever each was first seen', () => {
    const first = alphabeticalRanks(['Programme B', 'programme a', 'Zeta']);
    expect(first.get('programme a')! < first.get('Programme B')!).toBe(true);
    // Names seen later fall into place among the earlier ones.
    const later = alphabeticalRanks(['Zeta', 'Middle', 'Programme B', 'Ábaco']);
    const order = ['Ábaco', 'Middle', 'Programme B', 'Zeta'].map((n) => later.get(n)!);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(order).size).toBe(4);
    const names = ['Zeta', 'Middle', 'Programme B', 'Ábaco', 'programme a'];
    expect([...names].sort((a, b) => later.get(a)! - later.get(b)!)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
