import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvFileName, guardCell, toCsv } from './csv';

describe('toCsv', () => {
  it('starts with a byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv(['a', 'b'], [[1, 'x']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe('a,b\r\n1,x\r\n');
    expect(toCsv(['a'], [[1]], { bom: false })).toBe('a\r\n1\r\n');
  });

  it('quotes commas, quotes and newlines, and keeps £, – and other non-ASCII text', () => {
    const csv = toCsv(['text'], [['Over 600, “nearly” all'], ['He said "yes"'], ['two\nlines'], ['£14k – Ōtautahi']]);
    expect(csv).toContain('"Over 600, “nearly” all"');
    expect(csv).toContain('"He said ""yes"""');
    expect(csv).toContain('"two\nlines"');
    expect(csv).toContain('£14k – Ōtautahi');
  });

  it('defuses every formula-injection prefix in text', () => {
    for (const prefix of ['=', '+', '-', '@', '\t', '\r'])
      expect(guardCell(`${prefix}SUM(A1)`)).toBe(`'${prefix}SUM(A1)`);
    expect(guardCell('=HYPERLINK("http://example.invalid")')).toBe('\'=HYPERLINK("http://example.invalid")');
  });

  it('leaves genuine negative numbers as numbers (the stated exception)', () => {
    expect(guardCell(-155)).toBe(-155);
    expect(toCsv(['change'], [[-155]], { bom: false })).toBe('change\r\n-155\r\n');
    // A negative number written as text is still text, and is defused.
    expect(guardCell('-155')).toBe("'-155");
  });

  it('round-trips any text and numbers through a CSV parser (property-based)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.integer()), { maxLength: 20 }), (rows) => {
        const csv = toCsv(['text', 'number'], rows);
        const parsed = parse(csv, { bom: true, columns: true, relax_column_count: false }) as { text: string; number: string }[];
        // The file holds exactly the text as guarded (a formula-like start gains one apostrophe).
        expect(parsed.map((r) => [r.text, Number(r.number)])).toEqual(rows.map(([t, n]) => [guardCell(t), n]));
      }),
    );
  });

  it('names files by what and when, with safe characters only', () => {
    expect(csvFileName(['lga-impact', 'compare', '2019-20-Q4', 'vs', 'ytd:2020-21-Q1'])).toBe(
      'lga-impact-compare-2019-20-Q4-vs-ytd-2020-21-Q1.csv',
    );
  });
});
