import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { BOM, csvCell, csvCellSql, csvFileName, csvStream, guardCell, toCsv, type CsvCell } from './csv';

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

describe('csvLine, the export\'s hand-written hot path', () => {
  // Text made of the characters that matter to CSV and spreadsheets, and any other Unicode.
  const hostile = fc.string({ unit: fc.oneof(fc.constantFrom(',', '"', '\r', '\n', '=', '+', '-', '@', '\t', ' ', "'", '£', '–'), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' })) });
  const cell = fc.oneof(hostile, fc.string(), fc.double(), fc.integer(), fc.constant(null), fc.constant(undefined));

  it('writes every record byte for byte as the csv-stringify library does', () => {
    // The library, with CRLF records and a lone \n quoted (spreadsheets split on it), is the oracle.
    const oracle = (rows: CsvCell[][]) => stringify(rows.map((r) => r.map(guardCell)), { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]!.length;
        const same = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
        const header = Array.from({ length: width }, (_, i) => `c${i}`);
        expect(toCsv(header, same, { bom: false })).toBe(oracle([header, ...same]));
      }),
      { numRuns: 500 },
    );
  });

  it('writes text in SQL (csvCellSql) exactly as csvCell does, NUL characters and all', () => {
    const sqlite = new Database(':memory:');
    sqlite.exec('CREATE TABLE t (x TEXT)');
    const insert = sqlite.prepare('INSERT INTO t VALUES (?)');
    const written = sqlite.prepare(`SELECT ${csvCellSql('x')} FROM t`).pluck();
    const withNul = fc.string({ unit: fc.oneof(hostile, fc.constant('\0')) });
    fc.assert(
      fc.property(fc.oneof(hostile, withNul, fc.constant(null), fc.constant('')), (text) => {
        sqlite.exec('DELETE FROM t');
        insert.run(text);
        expect(written.get()).toBe(csvCell(text));
      }),
      { numRuns: 2000 },
    );
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      insert.run(`${start}x`);
      insert.run(`${start}x, "y"`);
    }
    const rows = sqlite.prepare(`SELECT x, ${csvCellSql('x')} FROM t`).raw().all() as [string, string][];
    expect(rows.map(([, sql]) => sql)).toEqual(rows.map(([x]) => csvCell(x)));
    sqlite.close();
  });

  it('streams the same bytes as toCsv writes', async () => {
    const rows = [['Over 600, “nearly” all', 600, null], ['=SUM(A1)', -155, 'two\nlines'], ['He said "yes"', 0.5, '']];
    const bytes = await new Response(csvStream(['a', 'b', 'c'], rows[Symbol.iterator](), { chunkRows: 2 })).arrayBuffer();
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toBe(toCsv(['a', 'b', 'c'], rows));
  });
});
