import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../client';
import { whyNoPostgres } from '../engine/pg-cluster';
import type { PostgresConnection } from '../engine/postgres';
import { seededOnBothEngines } from '../testing';
import type { FigureSearch } from '../../lib/filters';
import { jsNumberSql } from './copy-pg';
import { observationExportStream, type ExportOptions } from './export';

const why = whyNoPostgres();
if (why) console.log(`Skipping the export-by-COPY tests: ${why}.`);

const bytes = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());

const records = (csv: Buffer) => parse(csv, { bom: true, columns: true }) as Record<string, string>[];

/** Null where the two are byte for byte the same; else where they first differ, with the text around it. */
function difference(actual: Buffer, expected: Buffer): string | null {
  if (actual.equals(expected)) return null;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  const around = (b: Buffer) => JSON.stringify(b.subarray(Math.max(0, at - 150), at + 100).toString('utf8'));
  return `byte ${at} of ${expected.length} (${actual.length} written):\n  SQLite:     ${around(expected)}\n  PostgreSQL: ${around(actual)}`;
}

// The export on PostgreSQL (COPY, db/export/copy-pg.ts) against the export on SQLite, byte for
// byte, on the same data: the seeded figures copied across (db:copy), then the same hostile
// writes made on each.
describe.skipIf(why !== null)('the export by COPY on PostgreSQL', () => {
  let sqlite: AppDatabase;
  let url: string;
  let connection: PostgresConnection;

  /** The same statement on both engines (the connection reads SQLite's SQL). */
  const both = (sql: string, ...params: (string | number | null)[]) => {
    sqlite.$client.prepare(sql).run(...params);
    connection.prepare(sql).run(...params);
  };
  const exports = async (filters: FigureSearch, options: ExportOptions = {}, bom = true) => ({
    sqlite: await bytes(observationExportStream(filters, options, { file: sqlite.$client.name, bom })),
    postgres: await bytes(observationExportStream(filters, options, { postgresUrl: url, bom })),
  });

  let engines: ReturnType<typeof seededOnBothEngines>;
  beforeAll(() => {
    engines = seededOnBothEngines('exported');
    ({ sqlite, url, connection } = engines);
  }, 120_000);
  afterAll(() => engines?.close());

  it('writes the seeded figures as SQLite does, with and without the byte-order mark', async () => {
    for (const bom of [true, false]) {
      const { sqlite: expected, postgres } = await exports({}, {}, bom);
      expect(expected.length).toBeGreaterThan(100_000);
      expect(postgres.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(bom);
      expect(difference(postgres, expected)).toBeNull();
    }
  });

  describe('with hostile text and numbers written on both engines', () => {
    const HOSTILE = [
      'He said "yes", then\nleft',
      '=SUM(A1:A9)',
      '+44 20 7664 3000',
      '-155 on the year',
      '@board',
      '\tstarts with a tab',
      '\rstarts with a carriage return',
      'ends with a line end\r\n',
      'back\\slash and \\N and \\.',
      '\\.',
      'tab\tinside, and a "quote"',
      'unicode: £14k – naïve café 東京 🙂',
      "it's",
      ',',
      '"',
      '',
      ' ',
    ];
    const VALUES = [0.1, 1e21, 1234567.5, 0.30000000000000004, 1e-7, 1.5e-7, 0.00001, 1e15, 123456789012345680000, 2 ** 53 + 2, 1190221810550000000, 5e-324, 1e300, 0, 42];
    let firstNew = 0;

    beforeAll(() => {
      const max = (table: string) => sqlite.$client.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number;
      firstNew = max('observations') + 1;
      const source = max('sources') + 1;
      const stamp = '2024-05-06T07:08:09.123Z';
      // Names and titles that need quoting or the guard.
      both(`UPDATE programmes SET name = ? WHERE id = 1`, 'Programme, "one" =1');
      both(`UPDATE metrics SET name = ? WHERE id = 2`, '=Metric two');
      both(`UPDATE boards SET name = ? WHERE id = 1`, '@Board\none');
      both(`INSERT INTO sources (id, title, document_date, file_name, created_at) VALUES (?, ?, '2022-03-31', ?, ?)`, source, '-Report, "final"\nedition', '+file,name.pdf', stamp);
      both(`INSERT INTO sources (id, title, document_date, created_at) VALUES (?, ?, '2022-03-31', ?)`, source + 1, 'Same day, no file', stamp);
      const programme = 2;
      const metric = 3;
      let id = firstNew;
      const figure = (value: number, note: string | null, extra: { upper?: number; partOf?: number; start?: string | null; qualifier?: string } = {}) => {
        both(
          `INSERT INTO observations (id, programme_id, metric_id, value, qualifier, upper_value, basis, period_start, period_end, date_precision, note, part_of_id, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'period', ?, '2022-03-31', 'day', ?, ?, ?, ?)`,
          id, programme, metric, value, extra.qualifier ?? 'exact', extra.upper ?? null, extra.start === undefined ? '2022-01-01' : extra.start, note, extra.partOf ?? null, stamp, stamp,
        );
        return id++;
      };
      // Every hostile text as a note and as the evidence, each on a figure of its own.
      HOSTILE.forEach((text, i) => {
        const figureId = figure(i + 1, text);
        // Evidence must hold more than spaces: the blank ones are given a word after.
        both('INSERT INTO observation_sources (observation_id, source_id, evidence, line) VALUES (?, ?, ?, ?)', figureId, source, text.trim() ? text : `${text}x`, i + 1);
      });
      // Every value, one with no period start, then ranges with their upper values and parts of a total.
      const ids = VALUES.map((value, i) => figure(value, null, { start: i % 2 ? null : '2021-04-01' }));
      figure(0.1, 'a range', { upper: 1e21, qualifier: 'approx' });
      figure(1234567.5, 'a range', { upper: 1234567.75 });
      figure(3, 'part of 1234567.5', { partOf: ids[2] });
      figure(0.2, 'part of 1e21', { partOf: ids[1] });
      // A figure with several sources on one day, one with no line; and one with no source at all.
      const many = figure(7, 'many sources');
      both('INSERT INTO observation_sources (observation_id, source_id, evidence, line) VALUES (?, ?, ?, ?)', many, source + 1, 'line 2, second source', 2);
      both('INSERT INTO observation_sources (observation_id, source_id, evidence, line) VALUES (?, ?, ?, ?)', many, source, 'no line', null);
      both('INSERT INTO observation_sources (observation_id, source_id, evidence, line) VALUES (?, ?, ?, ?)', many, source, 'line 2, first source', 2);
      both('INSERT INTO observation_sources (observation_id, source_id, evidence, line) VALUES (?, ?, ?, ?)', many, 1, 'an older report', 1);
      both('DELETE FROM observation_sources WHERE observation_id = ?', firstNew + 3);
      // A deleted figure is not exported.
      both(`UPDATE observations SET deleted_at = ? WHERE id = ?`, stamp, firstNew + 4);
    });

    it('writes them as SQLite does: the guard, quotes, line ends, numbers and empty cells', async () => {
      const { sqlite: expected, postgres } = await exports({});
      const text = expected.toString('utf8');
      // The export holds what the test is about (so that it cannot pass by leaving it out).
      for (const cell of ['"\'@Board\none"', ",'=SUM(A1:A9),", "'+44 20 7664 3000", "'-155 on the year", "'\tstarts with a tab", '"\'\rstarts with a carriage return"', '"He said ""yes"", then\nleft"', 'back\\slash and \\N and \\.', ',"""",', ',1e+21,', ',1234567.5,', ',123456789012345680000,', ',1190221810550000000,', ',5e-324,', ',1e-7,', ',0.00001,', ',1000000000000000,', '東京 🙂'])
        expect(text).toContain(cell);
      expect(difference(postgres, expected)).toBeNull();
    });

    it.each<[string, FigureSearch, ExportOptions?]>([
      ['a board', { boards: ['improvement-and-innovation-board'] }],
      // (The hostile figures are the second programme's, under the third metric; the first programme and second metric have hostile names.)
      ['two programmes', { programmes: ['advanced-and-predictive-analytics-network', 'adult-social-care-use-of-resources'] }],
      ['a metric', { metrics: ['attendees'] }],
      ['another metric', { metrics: ['networks-and-organisations-engaged'] }],
      ['two metrics up to a date', { metrics: ['attendees', 'downloads'], to: '2021-12-31' }],
      ['a period range', { from: '2020-04-01', to: '2021-03-31' }],
      ['from a date', { from: '2022-01-01' }],
      ['a board and a period', { boards: ['improvement-and-innovation-board'], from: '2020-04-01', to: '2022-03-31' }],
      ['a basis', { bases: ['cumulative'] }],
      ['a search', { search: 'councils peer' }],
      ["a table's rows, most recently reported first", {}, { order: 'reported', limit: 40 }],
      ["a table's second page, latest period first", { from: '2021-01-01' }, { order: 'period', limit: 10, offset: 10 }],
      ["a table's rows by value", {}, { order: 'value', limit: 30 }],
      ["a table's rows by programme", {}, { order: 'programme', limit: 60 }],
      ["a table's rows, earliest first", { metrics: ['attendees'] }, { order: 'earliest', limit: 5 }],
      ['every figure in the order reported', {}, { order: 'reported' }],
    ])('writes %s as SQLite does', async (_name, filters, options) => {
      const { sqlite: expected, postgres } = await exports(filters, options);
      // Not just the heading: the filter matches figures.
      expect(records(expected).length).toBeGreaterThan(1);
      expect(difference(postgres, expected)).toBeNull();
    });

    it('puts a figure with no source where SQLite does in the order reported', async () => {
      const { sqlite: expected, postgres } = await exports({}, { order: 'reported' });
      // Last: no date reported sorts after every date, descending, on SQLite.
      expect(records(expected).at(-1)?.observation_id).toBe(String(firstNew + 3));
      expect(difference(postgres, expected)).toBeNull();
    });
  });

  it('writes every double as JavaScript does, negative, tiny and huge ones too', () => {
    const values = [0.1, -0.1, 1e21, -1e21, 1e20, 1e-7, 9.99e-7, 1e-6, 1e-4, 1.5e-5, 1e15, 1e16, 2 ** 53, 2 ** 53 + 2, -(2 ** 60), 1234567890123456.7, 5e-324, Number.MAX_VALUE, -Number.MIN_VALUE, 1190221810550000000];
    // Random bit patterns (every magnitude), and numbers of a few digits (the exact halves of 2^53 and beyond).
    const bits = new Float64Array(1);
    const words = new Uint32Array(bits.buffer);
    for (let i = 0; i < 3000; i++) {
      [words[0], words[1]] = [(Math.random() * 2 ** 32) >>> 0, (Math.random() * 2 ** 32) >>> 0];
      if (Number.isFinite(bits[0]!)) values.push(bits[0]!);
      values.push(Number(`${Math.floor(Math.random() * 1e6)}e${Math.floor(Math.random() * 40) - 20}`) * (Math.random() < 0.5 ? -1 : 1));
    }
    const list = `ARRAY[${values.map((v) => `'${v}'::float8`).join(', ')}, 'NaN', 'Infinity', '-Infinity', '-0', NULL]`;
    const written = connection.prepare(`SELECT ${jsNumberSql('x')} FROM unnest(${list}) WITH ORDINALITY AS u(x, i) ORDER BY i`).pluck().all();
    expect(written).toEqual([...values.map(String), null, null, null, '0', null]);
  });

  it('closes its connection when the client goes away, and when the rows end', async () => {
    const connections = () => connection.prepare('SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()').pluck().get() as number;
    const before = connections();
    const reader = observationExportStream({}, {}, { postgresUrl: url }).getReader();
    await reader.read(); // the heading
    expect((await reader.read()).value?.length).toBeGreaterThan(60_000);
    expect(connections()).toBe(before + 1);
    await reader.cancel();
    await expect.poll(connections, { timeout: 5000 }).toBe(before);
    await bytes(observationExportStream({ boards: ['improvement-and-innovation-board'] }, {}, { postgresUrl: url }));
    await expect.poll(connections, { timeout: 5000 }).toBe(before);
  });
});
