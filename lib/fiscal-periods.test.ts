import { describe, expect, it } from 'vitest';
import {
  FIRST_DAY,
  LAST_DAY,
  isDayWeHold,
  isRealDay,
  quarterBucket,
  bucketOf,
  bucketsBetween,
  fiscalQuarterOf,
  fiscalYearOf,
  parsePeriodToken,
  presetRange,
  previousBucket,
  previousPeriod,
  spanBuckets,
  sameBucketYearEarlier,
  yearToDate,
} from './fiscal-periods';

describe('financial year boundaries', () => {
  it('puts 31 March in the old year and 1 April in the new', () => {
    expect(fiscalYearOf('2021-03-31')).toBe(2020);
    expect(fiscalYearOf('2021-04-01')).toBe(2021);
    expect(bucketOf('2021-03-31', 'quarter').token).toBe('2020-21-Q4');
    expect(bucketOf('2021-04-01', 'quarter').token).toBe('2021-22-Q1');
  });

  it('numbers quarters from April', () => {
    expect(['2020-04-15', '2020-07-01', '2020-12-31', '2021-01-01'].map(fiscalQuarterOf)).toEqual([1, 2, 3, 4]);
  });

  it('spans the calendar year in Q4 and ends it on 31 March', () => {
    const q4 = parsePeriodToken('2019-20-Q4')!;
    expect([q4.start, q4.end, q4.label]).toEqual(['2020-01-01', '2020-03-31', 'Q4 2019/20']);
  });

  it('handles 29 February', () => {
    expect(bucketOf('2020-02-29', 'month')).toMatchObject({ token: '2020-02', end: '2020-02-29' });
    expect(bucketOf('2020-02-29', 'quarter').token).toBe('2019-20-Q4');
    expect(() => bucketOf('2021-02-29', 'month')).toThrow(RangeError);
  });
});

describe('period tokens', () => {
  it('parses years, quarters and months with human labels', () => {
    expect(parsePeriodToken('2020-21')).toMatchObject({ granularity: 'year', start: '2020-04-01', end: '2021-03-31', label: '2020/21' });
    expect(parsePeriodToken('2020-21-Q3')).toMatchObject({ start: '2020-10-01', end: '2020-12-31', label: 'Q3 2020/21' });
    expect(parsePeriodToken('2020-10')).toMatchObject({ granularity: 'month', label: 'October 2020', end: '2020-10-31' });
  });

  it('rejects malformed tokens', () => {
    for (const bad of ['2020-22', '2020-21-Q5', '2020-13', '2020', 'Q3', '2020-21-q3', '', 'month:2020-13'])
      expect(parsePeriodToken(bad), bad).toBeNull();
  });

  it('reads "2011-12" as the financial year and writes the clashing month as month:2011-12', () => {
    expect(parsePeriodToken('2011-12')!.granularity).toBe('year');
    const december = bucketOf('2011-12-05', 'month');
    expect(december.token).toBe('month:2011-12');
    expect(parsePeriodToken(december.token)!.start).toBe('2011-12-01');
  });

  it('round-trips every bucket token over two decades', () => {
    for (const granularity of ['month', 'quarter', 'year'] as const)
      for (const b of bucketsBetween('2000-01-01', '2021-12-31', granularity)) {
        const parsed = parsePeriodToken(b.token);
        expect(parsed, b.token).toEqual(b);
      }
  });
});

describe('moving between buckets', () => {
  it('steps back across a year boundary', () => {
    expect(previousBucket(parsePeriodToken('2020-21-Q1')!).token).toBe('2019-20-Q4');
    expect(sameBucketYearEarlier(parsePeriodToken('2020-21-Q3')!).token).toBe('2019-20-Q3');
    expect(previousBucket(parsePeriodToken('2020-04')!).token).toBe('2020-03');
  });

  it('lists buckets between two dates and gives year to date', () => {
    expect(bucketsBetween('2020-03-15', '2020-10-01', 'quarter').map((b) => b.token)).toEqual([
      '2019-20-Q4',
      '2020-21-Q1',
      '2020-21-Q2',
      '2020-21-Q3',
    ]);
    expect(yearToDate(parsePeriodToken('2020-21-Q3')!)).toEqual({ start: '2020-04-01', end: '2020-12-31' });
  });
});

describe('presets and ranges', () => {
  const anchor = '2021-02-28'; // the latest date with figures in the seed data
  const tokens = (r: { from: { token: string }; to: { token: string } }) => [r.from.token, r.to.token];

  it('count back from the latest date with figures', () => {
    expect(tokens(presetRange('latest-quarter', anchor))).toEqual(['2020-21-Q4', '2020-21-Q4']);
    expect(tokens(presetRange('last-4-quarters', anchor))).toEqual(['2020-21-Q1', '2020-21-Q4']);
    expect(tokens(presetRange('year-to-date', '2020-11-15'))).toEqual(['2020-21-Q1', '2020-21-Q3']);
    expect(tokens(presetRange('this-year', anchor))).toEqual(['2020-21', '2020-21']);
    expect(tokens(presetRange('last-year', anchor))).toEqual(['2019-20', '2019-20']);
  });

  it('span several buckets as one range, and find the period of equal length before it', () => {
    const range = spanBuckets(parsePeriodToken('2020-21-Q1')!, parsePeriodToken('2020-21-Q3')!);
    expect(range).toMatchObject({ granularity: 'range', start: '2020-04-01', end: '2020-12-31', label: 'Q1 2020/21 to Q3 2020/21' });
    expect(previousPeriod(range)).toMatchObject({ start: '2019-07-01', end: '2020-03-31' });
    expect(previousPeriod(parsePeriodToken('2020-21-Q1')!).token).toBe('2019-20-Q4');
    expect(spanBuckets(parsePeriodToken('2020-21')!, parsePeriodToken('2020-21')!).granularity).toBe('year');
  });
});

describe('standard buckets', () => {
  it('are built once, shared and frozen, so no caller can change one under another', () => {
    expect(quarterBucket(2020, 3)).toBe(bucketOf('2020-11-15', 'quarter'));
    expect(() => {
      (quarterBucket(2020, 3) as { end: string }).end = '2021-01-31';
    }).toThrow(TypeError);
    expect(quarterBucket(2020, 3).end).toBe('2020-12-31');
  });
});

describe('the years the dashboard holds', () => {
  it('reads periods from 2000 to 2100 and refuses the rest, whatever their form', () => {
    expect(parsePeriodToken('month:2000-01')?.start).toBe('2000-01-01');
    // A financial year or quarter with a day in those years: 1999/00 ends in March 2000.
    expect(parsePeriodToken('1999-00')?.end).toBe('2000-03-31');
    expect(parsePeriodToken('1999-00-Q4')?.start).toBe('2000-01-01');
    expect(parsePeriodToken('2100-01-Q1')?.start).toBe('2100-04-01');
    expect(parsePeriodToken('2100-12')?.end).toBe('2100-12-31');
    for (const token of ['1999-12', '1999-00-Q3', '2100-01-Q4', '2101-01', '2101-02', '9999-12', '9998-99-Q4', '0000-01', 'month:0000-01', 'month:9999-12', 'month:1999-12'])
      expect(parsePeriodToken(token), token).toBeNull();
  });

  it('holds a real day from 1 January 2000 to 31 December 2100', () => {
    expect([FIRST_DAY, LAST_DAY].every(isDayWeHold)).toBe(true);
    for (const day of ['1999-12-31', '2101-01-01', '9999-12-31', '0001-01-01', '2021-02-29', '2021-13-01', '2021-1-01'])
      expect(isDayWeHold(day), day).toBe(false);
    expect(isRealDay('2020-02-29')).toBe(true);
  });
});
