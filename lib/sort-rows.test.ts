import { describe, expect, it } from 'vitest';
import { pageNumber, pageOfRows } from './sort-rows';

describe('pageOfRows', () => {
  const rows = Array.from({ length: 250 }, (_, i) => i);

  it('shows a hundred rows a page, the page ?page= asks for', () => {
    expect(pageOfRows(rows, '2')).toEqual({ rows: rows.slice(100, 200), page: 2, pages: 3, first: 100 });
    expect(pageOfRows(rows, '3').rows).toEqual(rows.slice(200));
  });

  it('reads a missing, bad or too-large page as the nearest page, never an empty one', () => {
    expect(pageOfRows(rows, undefined).page).toBe(1);
    expect(pageOfRows(rows, 'two').page).toBe(1);
    expect(pageOfRows(rows, '0').page).toBe(1);
    expect(pageOfRows(rows, '1.5').page).toBe(1);
    expect(pageOfRows(rows, '99')).toMatchObject({ page: 3, rows: rows.slice(200) });
    expect(pageOfRows(rows, ['2', '3']).page).toBe(2);
  });

  it('is one page for an empty table', () => {
    expect(pageOfRows([], '4')).toEqual({ rows: [], page: 1, pages: 1, first: 0 });
    expect(pageNumber('4', 0)).toBe(1);
  });
});
