import { describe, expect, it } from 'vitest';
import { aggregateInto, figureGroupOf } from './aggregation';
import { parsePeriodToken } from './fiscal-periods';
import { SERIES_EXPORT_COLUMNS, seriesExportRows } from './series-export';

describe('the series export', () => {
  it('writes a range with both ends, and a single number with none', () => {
    const fig = (value: number, upper: number | null, programme: string) =>
      figureGroupOf({
        programme: { slug: programme, name: programme },
        board: { slug: 'b', name: 'B' },
        metric: { slug: 'attendees', name: 'Attendees', unit: 'count', additivity: 'additive' },
        basis: 'period',
        periodStart: null,
        periodEnd: '2021-02-01',
        datePrecision: 'month',
        value,
        qualifier: 'exact',
        upper,
      });
    const q4 = parsePeriodToken('2020-21-Q4')!;
    const column = (name: (typeof SERIES_EXPORT_COLUMNS)[number]) => SERIES_EXPORT_COLUMNS.indexOf(name);
    const [range] = seriesExportRows(aggregateInto([fig(20, 30, 'p'), fig(5, null, 'q')], [q4]));
    expect([range![column('value')], range![column('upper')], range![column('qualifier')], range![column('shown')]]).toEqual([25, 35, 'exact', '25–35']);
    const [single] = seriesExportRows(aggregateInto([fig(5, null, 'q')], [q4]));
    expect([single![column('value')], single![column('upper')], single![column('shown')]]).toEqual([5, null, '5']);
  });
});
