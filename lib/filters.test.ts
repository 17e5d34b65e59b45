import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filtersToQuery, parseFilters } from './filters';

describe('URL filters', () => {
  it('parses repeatable slugs, period tokens and grouping', () => {
    const { filters, errors } = parseFilters({
      board: 'resources-board',
      metric: ['attendees', 'coaching-hours'],
      from: '2020-21-Q1',
      to: '2020-21',
      by: 'month',
    });
    expect(errors).toEqual([]);
    expect(filters.boards).toEqual(['resources-board']);
    expect(filters.metrics).toEqual(['attendees', 'coaching-hours']);
    expect([filters.from?.start, filters.to?.end, filters.by]).toEqual(['2020-04-01', '2021-03-31', 'month']);
  });

  it('explains a bad period token in plain words instead of failing', () => {
    const { filters, errors } = parseFilters({ from: '2020-Q5' });
    expect(filters.from).toBeNull();
    expect(errors).toEqual([expect.stringMatching(/“2020-Q5” is not a period we recognise for “from”\. Use a financial year such as 2020-21/)]);
  });

  it('rejects slugs that are not slugs, unknown groupings and reversed ranges', () => {
    expect(parseFilters({ board: '<script>' }).errors[0]).toMatch(/not a valid board name/);
    expect(parseFilters({ by: 'week' }).errors[0]).toMatch(/choose month, quarter or year/);
    expect(parseFilters({ from: '2021-22', to: '2020-21' }).errors[0]).toMatch(/starts \(2021\/22\) after it ends \(2020\/21\)/);
  });

  it('keeps the day of a view as the board saw it in every link, and says why a day cannot be used', () => {
    const { filters, errors } = parseFilters({ seen: '2020-05-21', board: 'b' });
    expect(errors).toEqual([]);
    expect(filters.seen).toBe('2020-05-21');
    expect(filtersToQuery(filters)).toBe('?board=b&seen=2020-05-21');
    expect(filtersToQuery(filters, { seen: undefined })).toBe('?board=b');
    expect(parseFilters({ seen: '21/05/2020' }).errors).toEqual(['The “as the board saw it” date must be written YYYY-MM-DD, so today’s figures are shown.']);
    expect(parseFilters({ seen: '2020-02-30' }).filters.seen).toBeUndefined();
    expect(parseFilters({ seen: '' }).errors).toEqual([]);
  });

  it('reads an empty value, as a form sends "All boards", as no filter and no complaint', () => {
    const { filters, errors } = parseFilters({ board: '', programme: ['', 'c'], metric: '', from: '', to: '2020-21', by: '' });
    expect(errors).toEqual([]);
    expect([filters.boards, filters.programmes, filters.metrics, filters.from, filters.to?.token, filters.by]).toEqual([[], ['c'], [], null, '2020-21', 'quarter']);
  });

  it('round-trips through the query string', () => {
    const { filters } = parseFilters({ programme: ['a-b', 'c'], from: '2019-20-Q4', to: '2020-10', by: 'year' });
    const again = parseFilters(Object.fromEntries(groupParams(new URLSearchParams(filtersToQuery(filters)))));
    expect(again.filters).toEqual(filters);
  });

  it('never throws on hostile input (property-based)', () => {
    const value = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 5 }), fc.constant(undefined));
    fc.assert(
      fc.property(fc.record({ board: value, programme: value, metric: value, from: value, to: value, by: value }), (params) => {
        const { filters, errors } = parseFilters(params);
        expect(Array.isArray(errors)).toBe(true);
        expect(['month', 'quarter', 'year']).toContain(filters.by);
      }),
    );
  });
});

function groupParams(q: URLSearchParams): [string, string | string[]][] {
  const out = new Map<string, string[]>();
  for (const [k, v] of q) out.set(k, [...(out.get(k) ?? []), v]);
  return [...out].map(([k, v]) => [k, v.length === 1 ? v[0]! : v]);
}
