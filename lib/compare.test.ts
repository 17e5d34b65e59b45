import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Additivity, Basis, Qualifier, Unit } from './vocabulary';
import { aggregateInto, figureGroupOf, type Dimension, type FigureGroup, type SeriesCell, type SeriesKey } from './aggregation';
import { applyComposition, breakdownOf, compare, compareCells, comparisonAsData, rowId, sortRows, standingOfRow, type CompareRow, defaultComparison, parseComparePeriod, quickChoices, summarise, yearEarlier } from './compare';
import { parsePeriodToken, type Bucket } from './fiscal-periods';

interface Fig {
  value: number;
  end: string;
  start?: string;
  qualifier?: Qualifier;
  basis?: Basis;
  metric?: string;
  unit?: Unit;
  additivity?: Additivity;
  programme?: string;
  board?: string;
}
const fig = ({ value, end, start, qualifier = 'exact', basis = 'period', metric = 'Attendees', unit = 'count', additivity = 'additive', programme = 'Programme A', board = 'Resources Board' }: Fig): FigureGroup =>
  figureGroupOf({
    programme: { slug: programme.toLowerCase().replace(/\W+/g, '-'), name: programme },
    board: { slug: board.toLowerCase().replace(/\W+/g, '-'), name: board },
    metric: { slug: metric.toLowerCase().replace(/\W+/g, '-'), name: metric, unit, additivity },
    basis,
    qualifier,
    periodStart: start ?? null,
    periodEnd: end,
    datePrecision: 'day',
    value,
  });
const Q3 = parsePeriodToken('2020-21-Q3')!;
const Q4 = parsePeriodToken('2020-21-Q4')!;
const row = (groups: FigureGroup[], metric = 'attendees', basis: Basis = 'period') =>
  compare(groups, Q3, Q4).rows.find((r) => r.key.metric.slug === metric && r.key.basis === basis)!;

describe('like for like and coverage', () => {
  it('gives the change over the programmes in both periods, and lists the others apart', () => {
    const r = row([fig({ value: 10, end: '2020-11-15' }), fig({ value: 15, end: '2021-02-01' }), fig({ value: 100, end: '2021-02-01', programme: 'Programme B' })]);
    expect(r).toMatchObject({ a: '10', b: '115', change: '+5', percent: '+50%', status: 'comparable' });
    expect(r.composition).toEqual({ inBoth: 1, newInB: [{ programme: 'Programme B', text: '100' }], absentFromB: [] });
    expect(r.note).toBe('like for like, over the 1 programme that reported in both (10 to 15); new in Q4 2020/21: Programme B (100)');
    expect(summarise(compare([fig({ value: 10, end: '2020-11-15' }), fig({ value: 15, end: '2021-02-01' }), fig({ value: 100, end: '2021-02-01', programme: 'Programme B' })], Q3, Q4))).toMatch(
      /^Attendees rose like for like, over the 1 programme that reported in both \(\+5, \+50%\) \(1 programme first reported in Q4 2020\/21 set apart\)\./,
    );
  });

  it('gives no change where no programme reported in both', () => {
    const r = row([fig({ value: 10, end: '2020-11-15' }), fig({ value: 100, end: '2021-02-01', programme: 'Programme B' })]);
    expect(r).toMatchObject({ status: 'not_comparable', change: '—', percent: null });
    expect(r.note).toMatch(/^no programme reported in both Q3 2020\/21 and Q4 2020\/21; new in Q4 2020\/21: Programme B \(100\); none in Q4 2020\/21 from Programme A \(10 in Q3 2020\/21\)/);
  });

  it('gives no change over a period the figures cover in part, and offers the months covered in both', () => {
    const covered = new Map([['attendees', new Set(['2020-10', '2020-11', '2020-12', '2021-01', '2021-02'])]]);
    const c = compare([fig({ value: 10, end: '2020-11-15' }), fig({ value: 15, end: '2021-02-01' })], Q3, Q4, covered);
    expect(c.rows[0]).toMatchObject({ status: 'partly_covered', change: '—', percent: null, likeForLike: { a: { token: '2020-10..2020-11' }, b: { token: '2021-01..2021-02' } } });
    expect(c.rows[0]!.note).toMatch(/^Q4 2020\/21 has figures for 2 of its 3 months \(January and February 2021\); compare October 2020 to November 2020 with January 2021 to February 2021 instead/);
    // Fully covered: the change stands.
    const all = new Map([['attendees', new Set(['2020-10', '2020-11', '2020-12', '2021-01', '2021-02', '2021-03'])]]);
    expect(compare([fig({ value: 10, end: '2020-11-15' }), fig({ value: 15, end: '2021-02-01' })], Q3, Q4, all).rows[0]).toMatchObject({ status: 'comparable', percent: '+50%' });
  });

  it('reads a run of months as a period to compare', () => {
    expect(parseComparePeriod('2019-10..2020-02')).toMatchObject({ start: '2019-10-01', end: '2020-02-29', label: 'October 2019 to February 2020' });
    expect(parseComparePeriod('2020-02..2019-10')).toBeNull();
  });
});

describe('comparison rules', () => {
  it('compares sums of in-period figures', () => {
    const r = row([fig({ value: 10, end: '2020-10-15' }), fig({ value: 20, end: '2020-12-01' }), fig({ value: 45, end: '2021-02-01' })]);
    expect(r).toMatchObject({ a: '30', b: '45', change: '+15', percent: '+50%', status: 'comparable' });
  });

  it('compares snapshots of running totals, never their sums', () => {
    const hours = (value: number, end: string) => fig({ value, end, basis: 'cumulative', metric: 'Coaching hours', unit: 'hours' });
    const r = row([hours(100, '2020-07-31'), hours(310, '2020-10-31'), hours(465, '2021-01-31')], 'coaching-hours', 'cumulative');
    expect(r).toMatchObject({ a: '310 hours as of October 2020', b: '465 hours as of January 2021', change: '+155 hours', percent: '+50%' });
  });

  it('compares planned figures only with planned ones', () => {
    const rows = compare([fig({ value: 10, end: '2020-11-30' }), fig({ value: 16, end: '2021-03-31', basis: 'planned' })], Q3, Q4).rows;
    expect(rows.map((r) => [r.key.basis, r.status])).toEqual([
      ['planned', 'new_in_b'],
      ['period', 'absent_from_b'],
    ]);
  });

  it('carries a lower bound into the change', () => {
    const r = row([fig({ value: 880, end: '2020-11-30' }), fig({ value: 1000, end: '2021-02-28', qualifier: 'at_least' })]);
    expect(r).toMatchObject({ change: 'at least +120', percent: 'at least +14%' });
  });

  it('carries approximation into the change', () => {
    const r = row([fig({ value: 400, end: '2020-11-30', qualifier: 'approx' }), fig({ value: 460, end: '2021-02-28' })]);
    expect(r).toMatchObject({ change: '≈ +60', percent: '≈ +15%' });
  });

  it('gives a one-sided change from a lower bound to an upper bound (over 275 → up to 40 is at most −235)', () => {
    const r = row([fig({ value: 275, end: '2020-11-30', qualifier: 'at_least' }), fig({ value: 40, end: '2021-02-28', qualifier: 'at_most' })]);
    expect(r).toMatchObject({ status: 'comparable', change: 'at most −235', percent: null });
  });

  it('says why two lower bounds give no change', () => {
    const r = row([fig({ value: 890, end: '2020-11-30', qualifier: 'at_least' }), fig({ value: 1000, end: '2021-02-28', qualifier: 'at_least' })]);
    expect(r.status).toBe('not_comparable');
    expect(r.change).toBe('—');
    expect(r.note).toBe('both figures are lower bounds, so the change could be anything');
  });

  it('calls out rows with no figures in A, or none in B', () => {
    const rows = compare([fig({ value: 5, end: '2021-01-10' }), fig({ value: 7, end: '2020-10-10', metric: 'Downloads' })], Q3, Q4).rows;
    expect(rows.find((r) => r.key.metric.slug === 'attendees')).toMatchObject({ status: 'new_in_b', note: 'no figures reported in Q3 2020/21' });
    expect(rows.find((r) => r.key.metric.slug === 'downloads')).toMatchObject({ status: 'absent_from_b', note: 'no figures reported in Q4 2020/21' });
  });

  it('never puts different units in one row', () => {
    const rows = compare(
      [fig({ value: 5, end: '2021-01-10' }), fig({ value: 9, end: '2021-01-10', metric: 'Coaching hours', unit: 'hours' })],
      Q3,
      Q4,
    ).rows;
    expect(rows.map((r) => r.key.metric.unit).sort()).toEqual(['count', 'hours']);
  });

  it('does not add councils supported across programmes, and says so', () => {
    const councils = (value: number, end: string, programme: string) => fig({ value, end, metric: 'Councils supported', additivity: 'within_programme', programme });
    const c = compare([councils(10, '2020-11-01', 'A'), councils(5, '2020-12-01', 'B'), councils(12, '2021-02-01', 'A')], Q3, Q4);
    const r = c.rows[0]!;
    expect(r.status).toBe('not_comparable');
    expect(r.note).toMatch(/may be counted by more than one programme/);
    // Per programme, the change is honest.
    expect(breakdownOf(c, r).byProgramme.find((p) => p.key.programme?.name === 'A')).toMatchObject({ change: '+2' });
  });

  it('says when a running total has no new figure in B', () => {
    const r = row([fig({ value: 50, end: '2020-09-30', basis: 'cumulative' })], 'attendees', 'cumulative');
    expect(r.status).toBe('not_comparable');
    expect(r.note).toMatch(/no new running total in Q4 2020\/21/);
  });

  it('sorts by the largest change, then new, absent and not comparable rows', () => {
    const rows = compare(
      [
        fig({ value: 10, end: '2020-11-01' }),
        fig({ value: 12, end: '2021-02-01' }),
        fig({ value: 100, end: '2020-11-01', metric: 'Downloads' }),
        fig({ value: 300, end: '2021-02-01', metric: 'Downloads' }),
        fig({ value: 3, end: '2021-02-01', metric: 'Page views' }),
      ],
      Q3,
      Q4,
    ).rows;
    expect(rows.map((r) => r.key.metric.slug)).toEqual(['downloads', 'attendees', 'page-views']);
  });

  it('summarises in plain English, leading with the largest change', () => {
    const c = compare(
      [
        fig({ value: 100, end: '2020-11-01', metric: 'Downloads' }),
        fig({ value: 300, end: '2021-02-01', metric: 'Downloads' }),
        fig({ value: 4, end: '2021-02-01', programme: 'New programme' }),
      ],
      Q3,
      Q4,
    );
    expect(summarise(c)).toBe(
      'Downloads rose from 100 in Q3 2020/21 to 300 in Q4 2020/21 (+200, +200%). 1 programme reported figures only in Q4 2020/21.',
    );
  });
});

describe('periods to compare', () => {
  it('reads a year to date and its same months a year earlier', () => {
    const ytd = parseComparePeriod('ytd:2020-21-Q3')!;
    expect([ytd.start, ytd.end, ytd.label]).toEqual(['2020-04-01', '2020-12-31', '2020/21 to the end of Q3 2020/21']);
    const before = yearEarlier(ytd);
    expect([before.token, before.start, before.end]).toEqual(['ytd:2019-20-Q3', '2019-04-01', '2019-12-31']);
    expect(parseComparePeriod('ytd:2020-21')).toBeNull();
    expect(parseComparePeriod('ytd:nonsense')).toBeNull();
  });

  it('defaults to the latest quarter with figures against the quarter before', () => {
    const { a, b } = defaultComparison('2021-02-28');
    expect([a.token, b.token]).toEqual(['2020-21-Q3', '2020-21-Q4']);
  });

  it('offers previous quarter, same quarter last year and previous financial year', () => {
    const choices = quickChoices(Q4);
    expect(choices.map((c) => [c.label, c.a.token, c.b.token])).toEqual([
      ['Previous quarter', '2020-21-Q3', '2020-21-Q4'],
      ['Same quarter last year', '2019-20-Q4', '2020-21-Q4'],
      ['Previous financial year', '2019-20', '2020-21'],
      ['Year to date against a year earlier', 'ytd:2019-20-Q4', 'ytd:2020-21-Q4'],
    ]);
  });

  it('offers each comparison once: for two years, the previous financial year is not listed twice', () => {
    const choices = quickChoices(parsePeriodToken('2020-21')!);
    expect(choices.map((c) => c.label)).toEqual(['Previous financial year', 'Year to date against a year earlier']);
  });
});

describe('compare over two periods apart', () => {
  // The one-pass path (both periods in one aggregation, programmes judged at once, breakdowns
  // built when asked for) against a pass per period and per level, every row built at once.
  it('gives the same rows, breakdowns, breakdown sizes and summary as a pass per period', () => {
    const quarter = fc.constantFrom(...['2019-20-Q1', '2019-20-Q3', '2020-21-Q1', '2020-21-Q2', '2020-21-Q4', '2019-20', '2020-21'].map((t) => parsePeriodToken(t)!));
    const day = fc.integer({ min: 0, max: 730 }).map((n) => new Date(Date.UTC(2019, 3, 1 + n)).toISOString().slice(0, 10));
    const group = fc.record({
      value: fc.integer({ min: 0, max: 50 }),
      end: day,
      span: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
      qualifier: fc.constantFrom<Qualifier>('exact', 'at_least', 'approx'),
      basis: fc.constantFrom<Basis>('period', 'cumulative', 'planned'),
      metric: fc.constantFrom('Attendees', 'Councils supported', 'Satisfaction'),
      programme: fc.constantFrom('Programme A', 'Programme B', 'Programme C', 'Programme D'),
    });
    // A programme is on one board; two boards of two programmes each.
    const boardOf = (programme: string) => (programme === 'Programme A' || programme === 'Programme C' ? 'Resources Board' : 'Children Board');
    fc.assert(
      fc.property(fc.array(group, { maxLength: 30 }), quarter, quarter, (figs, a, b) => {
        fc.pre(a.end < b.start || b.end < a.start);
        const groups = figs.map((f) =>
          fig({
            ...f,
            start: f.basis === 'cumulative' || f.span === undefined ? undefined : new Date(Date.parse(f.end) - f.span * 86_400_000).toISOString().slice(0, 10),
            additivity: f.metric === 'Satisfaction' ? 'non_additive' : f.metric === 'Councils supported' ? 'within_programme' : 'additive',
            unit: f.metric === 'Satisfaction' ? 'percent' : 'count',
            board: boardOf(f.programme),
          }),
        );
        const together = compare(groups, a, b);
        const apart = comparePassPerPeriod(groups, a, b);
        expect(JSON.parse(JSON.stringify(comparisonAsData(together)))).toEqual(JSON.parse(JSON.stringify(apart)));
        expect(summarise(together)).toBe(summariseFrom(apart));
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * The comparison made with one aggregation per period and per level (the overlapping-periods
 * path, every row built), in comparisonAsData()'s shape: breakdown sizes are the lengths of its lists, and
 * the programmes of each kind are read off its programme rows.
 */
function comparePassPerPeriod(groups: FigureGroup[], a: Bucket, b: Bucket): ReturnType<typeof comparisonAsData> {
  const rowsBy = (by: Dimension[]) => {
    const byId = new Map<string, { key: SeriesKey; a?: SeriesCell; b?: SeriesCell }>();
    for (const s of aggregateInto(groups, [a], by)) byId.set(rowId(s.key), { key: s.key, a: s.cells[0] });
    for (const s of aggregateInto(groups, [b], by)) byId.set(rowId(s.key), { ...(byId.get(rowId(s.key)) ?? { key: s.key }), b: s.cells[0] });
    const empty = (bucket: Bucket): SeriesCell => ({ status: 'no_figures', bucket, spanning: [] });
    return sortRows([...byId.values()].map(({ key, a: ca, b: cb }) => compareCells(key, ca ?? empty(a), cb ?? empty(b), { a: a.label, b: b.label })).filter((r) => r.status !== 'no_figures'));
  };
  const breakdown: Record<string, { byBoard: CompareRow[]; byProgramme: CompareRow[] }> = {};
  for (const [dimension, field] of [['board', 'byBoard'], ['programme', 'byProgramme']] as const)
    for (const r of rowsBy([dimension])) (breakdown[`${r.key.metric.slug}|${r.key.basis}`] ??= { byBoard: [], byProgramme: [] })[field].push(r);
  const programmeRows = Object.values(breakdown).flatMap((d) => d.byProgramme);
  const names = (status: string) => [...new Set(programmeRows.filter((r) => r.status === status).map((r) => r.key.programme!.name))].sort();
  const rows = sortRows(
    rowsBy([]).map((r) =>
      applyComposition(
        r,
        () => (breakdown[`${r.key.metric.slug}|${r.key.basis}`]?.byProgramme ?? []).map(standingOfRow),
        { a: a.label, b: b.label },
      ),
    ),
  );
  return {
    a,
    b,
    rows,
    breakdown: Object.fromEntries(rows.map((r) => [`${r.key.metric.slug}|${r.key.basis}`, breakdown[`${r.key.metric.slug}|${r.key.basis}`] ?? { byBoard: [], byProgramme: [] }])),
    sizes: Object.fromEntries(Object.entries(breakdown).map(([id, d]) => [id, { boards: d.byBoard.length, programmes: d.byProgramme.length }])),
    programmes: { comparable: names('comparable'), new_in_b: names('new_in_b'), absent_from_b: names('absent_from_b') },
  };
}

/** summarise() of a comparison as data. */
const summariseFrom = (c: ReturnType<typeof comparisonAsData>) =>
  summarise({ ...c, sizes: new Map(Object.entries(c.sizes)), programmes: { comparable: new Set(c.programmes.comparable), new_in_b: new Set(c.programmes.new_in_b), absent_from_b: new Set(c.programmes.absent_from_b) }, breakdown: (r) => c.breakdown[`${r.key.metric.slug}|${r.key.basis}`]! });
