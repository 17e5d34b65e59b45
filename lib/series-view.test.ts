import { describe, expect, it } from 'vitest';
import { parsePeriodToken } from './fiscal-periods';
import { fromQualifier } from './qualifiers';
import type { SeriesCell } from './aggregation';
import { percentChange, viewCell, viewChange, NO_FIGURES } from './series-view';
import { differenceQualified } from './qualifiers';

const bucket = parsePeriodToken('2020-21-Q4')!;
const value = (v: number, q: 'exact' | 'at_least' | 'at_most' | 'approx' = 'exact'): SeriesCell => ({
  status: 'value',
  bucket,
  total: fromQualifier(v, q),
  observations: 1,
  spanning: [],
});

describe('what a cell says', () => {
  it('says "no figures reported", never zero, and lists longer spans', () => {
    const cell: SeriesCell = {
      status: 'no_figures',
      bucket,
      spanning: [{ programme: 'P', value: fromQualifier(150, 'exact'), periodStart: '2020-04-01', periodEnd: '2021-02-28', datePrecision: 'month', count: 1 }],
    };
    const view = viewCell(cell, 'count');
    expect(view).toMatchObject({ text: NO_FIGURES, value: null });
    expect(view.notes[0]).toMatch(/^150 over April 2020 – February 2021/);
  });

  it('marks bounded and approximate values as inexact', () => {
    expect(viewCell(value(600, 'at_least'), 'count')).toMatchObject({ text: '600+', inexact: true });
    expect(viewCell(value(465), 'hours')).toMatchObject({ text: '465 hours', inexact: false });
  });

  it('gives the refusal in words with the largest programme', () => {
    const cell: SeriesCell = {
      status: 'not_summable',
      bucket,
      reason: 'not added up across programmes',
      observations: 2,
      largest: { programme: 'Peer Support', value: fromQualifier(235, 'exact') },
      spanning: [],
    };
    expect(viewCell(cell, 'count')).toMatchObject({ text: 'not added up across programmes', value: null, notes: ['Largest single programme: 235 (Peer Support)'] });
  });
});

describe('changes', () => {
  it('gives an exact change and percentage', () => {
    expect(viewChange(value(310), value(465), 'count')).toEqual({ text: '+155', percent: '+50%' });
  });

  it('explains why two lower bounds cannot be compared', () => {
    expect(viewChange(value(275, 'at_least'), value(1000, 'at_least'), 'count')?.text).toBe(
      'not comparable: both figures are lower bounds, so the change could be anything',
    );
  });

  it('gives no percentage on a bounded base', () => {
    expect(percentChange(fromQualifier(275, 'at_least'), differenceQualified(fromQualifier(275, 'at_least'), fromQualifier(1000, 'exact')))).toBeNull();
    expect(percentChange(fromQualifier(880, 'exact'), differenceQualified(fromQualifier(880, 'exact'), fromQualifier(1000, 'at_least')))).toBe('at least +14%');
  });
});
