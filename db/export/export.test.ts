import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvLine, csvStream, guardCell, toCsv, type CsvCell } from '../../lib/csv';
import { generateDatabase } from '../synthetic';
import { factKey, figureRowSchema } from '../../lib/figure-row';
import { loadSeed } from '../seed';
import type { AppDatabase } from '../client';
import { openDatabase } from '../client';
import { createTestDatabase, tempDatabasePath } from '../testing';
import { OBSERVATION_EXPORT_COLUMNS, observationExportQuery, observationExportStream } from './export';
import { packingBase } from './batches';
import { listObservations } from '../queries/observations';

let db: AppDatabase;
let file: string;
beforeAll(() => {
  db = createTestDatabase();
  file = db.$client.name;
  loadSeed(db);
});

const exportCsv = (...[filters, options, where]: Parameters<typeof observationExportStream>) =>
  new Response(observationExportStream(filters, options, { file, ...where })).text();

describe('observations export', () => {
  it('round-trips: every row parses with the import schema and regroups into the same observations', async () => {
    const csv = await exportCsv();
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    const parsed = records.map((r) => figureRowSchema.parse(r));
    const facts = new Set(parsed.map(factKey));
    const inDb = db.$client
      .prepare(
        `SELECT p.name AS programme, m.name AS metric, o.value, o.upper_value AS upper, o.qualifier, o.basis, o.period_start, o.period_end, t.value AS part_of
         FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN metrics m ON m.id = o.metric_id
         LEFT JOIN observations t ON t.id = o.part_of_id WHERE o.deleted_at IS NULL`,
      )
      .all() as { programme: string; metric: string; value: number; upper: number | null; qualifier: string; basis: string; period_start: string | null; period_end: string; part_of: number | null }[];
    // Ranges and parts are in the file, as numbers.
    expect(inDb.some((o) => o.upper !== null) && inDb.some((o) => o.part_of !== null)).toBe(true);
    expect(facts).toEqual(new Set(inDb.map(factKey)));
    const occurrences = (db.$client.prepare('SELECT count(*) AS n FROM observation_sources').get() as { n: number }).n;
    expect(records).toHaveLength(occurrences);
    expect(new Set(records.map((r) => r.observation_id)).size).toBe(inDb.length);
  });

  it('gives exactly the rows of a table: same filters, order and limit', async () => {
    const filters = { from: '2021-01-01', to: '2021-03-31' };
    const shown = listObservations(db, filters, { order: 'reported', limit: 25 });
    const csv = await exportCsv(filters, { order: 'reported', limit: 25 });
    const ids = [...new Set((parse(csv, { bom: true, columns: true }) as Record<string, string>[]).map((r) => Number(r.observation_id)))];
    expect(ids).toEqual(shown.map((o) => o.id));
  });

  it('writes every figure in the order asked for, without a limit too', async () => {
    const ids = [...new Set((parse(await exportCsv({}, { order: 'period' }), { bom: true, columns: true }) as Record<string, string>[]).map((r) => Number(r.observation_id)))];
    expect(ids).toEqual(db.$client.prepare('SELECT id FROM observations WHERE deleted_at IS NULL ORDER BY period_end DESC, id DESC').pluck().all());
  });

  it('writes a whole export on its lean path exactly as the full query would, filters and all', async () => {
    // Hostile names and text, so that quoting and the formula guard are exercised on every path.
    db.$client.exec(`UPDATE programmes SET name = name || ', "quoted" =1' WHERE id = 1;
      UPDATE metrics SET name = '=' || name WHERE id = 2;
      UPDATE sources SET title = '-' || title || char(10) || 'line two' WHERE id = 1;
      UPDATE observations SET note = '@note, with "quotes"' WHERE id = 3;
      UPDATE observations SET note = char(9) || 'tab first' WHERE id = 5;
      UPDATE observations SET note = 'carriage' || char(13) || 'return' WHERE id = 6;
      UPDATE observations SET note = '' WHERE id = 7;
      UPDATE observations SET deleted_at = '2024-01-01T00:00:00Z' WHERE id = 4;
      UPDATE observations SET upper_value = value + 10.25, qualifier = 'approx' WHERE id = 8;
      UPDATE observations SET part_of_id = 9 WHERE id = 10;`);
    linkSourcesInEveryOrder(db);
    for (const filters of [{}, { from: '2020-04-01', to: '2021-03-31' }, { boards: ['improvement-and-innovation-board'] }, { metrics: ['attendees', 'downloads'], to: '2021-12-31' }]) {
      const query = observationExportQuery(db, filters, {});
      const full = (db.$client.prepare(query.sql).raw().all(...(query.params as unknown[])) as CsvCell[][]).map((row) => `${csvLine(row)}\r\n`);
      // Without the byte-order mark, which Response.text() would take away.
      const lean = await exportCsv(filters, {}, { bom: false, parallel: { workers: 1 } });
      expect(lean).toBe(toCsv([...OBSERVATION_EXPORT_COLUMNS], [], { bom: false }) + full.join(''));
      expect(full.length).toBeGreaterThan(0);
    }
  });

  it('writes a figure\'s sources in document order, then by line, then by source', async () => {
    const [id, dated] = linkSourcesInEveryOrder(db);
    const rows = (parse(await exportCsv(), { bom: true, columns: true }) as Record<string, string>[]).filter((r) => r.observation_id === String(id));
    // Titles as the file holds them (an earlier test gives one a formula-like start).
    const dates = new Map((db.$client.prepare('SELECT title, document_date FROM sources').raw().all() as [string, string][]).map(([title, date]) => [String(guardCell(title)), date]));
    const keys = rows.map((r) => [dates.get(r.source_title!) ?? '', Number(r.line) || 0] as const);
    expect(keys).toEqual([...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1])));
    expect(keys.filter(([date]) => date === dated)).toHaveLength(4);
    // Same day and same line: the source added first comes first.
    expect(rows.map((r) => r.evidence).filter((e) => e!.startsWith('Same day, line 2'))).toEqual(['Same day, line 2, second source', 'Same day, line 2, first source']);
  });

  it('keeps qualifiers, notes and £ intact and writes values as plain numbers', async () => {
    const csv = await exportCsv({ programmes: ['economic-growth-advisors-programme'], metrics: ['money-awarded'] });
    const [row] = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ value: '14000', unit: 'GBP', qualifier: 'exact' });
    expect(row!.evidence).toContain('£14k');
  });
});

/**
 * Gives one figure more sources, once only: two new sources on the same date as one of its own
 * (so that date, line and source each decide an order), one with no line, and an earlier one.
 * Returns the figure's id and the shared date.
 */
function linkSourcesInEveryOrder(db: AppDatabase): [number, string] {
  const sqlite = db.$client;
  const [id, sourceId, dated] = sqlite
    .prepare('SELECT os.observation_id, os.source_id, s.document_date FROM observation_sources os JOIN sources s ON s.id = os.source_id ORDER BY os.observation_id LIMIT 1')
    .raw()
    .get() as [number, number, string];
  if (sqlite.prepare("SELECT 1 FROM sources WHERE title = 'Same day, first'").get()) return [id, dated];
  const addSource = sqlite.prepare('INSERT INTO sources (title, document_date) VALUES (?, ?) RETURNING id').pluck();
  const link = sqlite.prepare('INSERT INTO observation_sources (observation_id, source_id, evidence, line) VALUES (?, ?, ?, ?)');
  const later = addSource.get('Same day, second', dated) as number;
  const first = addSource.get('Same day, first', dated) as number;
  const earlier = addSource.get('An earlier report', '2000-01-01') as number;
  // Inserted out of order, so that no order of insertion or of id gives the right answer.
  link.run(id, later, 'Same day, line 2, second source', 2);
  link.run(id, first, 'Same day, no line', null);
  link.run(id, earlier, 'Earlier', 50);
  link.run(id, first, 'Same day, line 2, first source', 2);
  expect(sourceId).toBeGreaterThan(0);
  return [id, dated];
}

describe('a whole export on worker threads', () => {
  // A generated database of six batches of figure ids (db/synthetic.ts), made harder: figures
  // with two sources or more, with none, deleted ones, a run of ids with no live figure, text
  // that needs quoting or the formula guard, and a batch too big for a worker's first slot.
  let big: string;
  beforeAll(() => {
    big = tempDatabasePath();
    generateDatabase(12_000, big);
    const db = openDatabase(big);
    db.$client.exec(`INSERT INTO observation_sources (observation_id, source_id, evidence, line) SELECT id, 7, 'Also, "said" here', 99 FROM observations WHERE id % 97 = 0;
      DELETE FROM observation_sources WHERE observation_id % 89 = 0;
      UPDATE observations SET deleted_at = '2024-01-01T00:00:00Z' WHERE id % 83 = 0 OR id BETWEEN 4001 AND 6000;
      UPDATE observations SET note = '=SUM(A1), "quoted"' || char(10) || 'two lines' WHERE id % 79 = 0;
      UPDATE observation_sources SET evidence = evidence || replace(hex(zeroblob(600)), '00', ' £–') WHERE observation_id <= 2000;`);
    // The last line makes the first batch some 12 MB: more than a worker's shared slot holds at first.
    linkSourcesInEveryOrder(db);
    db.$client.close();
  });
  const read = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

  // Filtered, the lean path reads its own figures' ids through the indexes (and their own largest
  // line number): the same bytes as the full query, deleted figures, extra sources and all.
  for (const filters of [{}, { boards: ['board-2'] }, { metrics: ['attendees', 'downloads'], from: '2018-04-01' }, { to: '2019-03-31' }, { programmes: ['programme-7', 'programme-8'], from: '2016-04-01', to: '2024-03-31' }])
    it(`writes exactly what the full query gives, on the lean path (${JSON.stringify(filters)})`, async () => {
      const db = openDatabase(big);
      const query = observationExportQuery(db, filters, {});
      const full = (db.$client.prepare(query.sql).raw().all(...(query.params as unknown[])) as CsvCell[][]).map((row) => `${csvLine(row)}\r\n`);
      db.$client.close();
      expect(full.length).toBeGreaterThan(20);
      const lean = await read(observationExportStream(filters, {}, { file: big, bom: false, parallel: { workers: 1 } }));
      expect(lean).toBe(toCsv([...OBSERVATION_EXPORT_COLUMNS], [], { bom: false }) + full.join(''));
    }, 60_000);

  it('writes the same bytes as one thread, whatever the filters and the number of workers', async () => {
    for (const filters of [{}, { from: '2018-04-01', to: '2020-03-31' }, { boards: ['board-2'] }, { metrics: ['attendees'] }]) {
      const one = await read(observationExportStream(filters, {}, { file: big, parallel: { workers: 1 } }));
      for (const workers of [2, 3]) expect(await read(observationExportStream(filters, {}, { file: big, parallel: { workers, fromIds: 0 } }))).toBe(one);
      expect(parse(one, { bom: true, columns: true }).length).toBeGreaterThan(100);
    }
  }, 60_000);

  it('reads one snapshot: what is written while the file downloads is not in it', async () => {
    const before = await read(observationExportStream({}, {}, { file: big, bom: false, parallel: { workers: 1 } }));
    const reader = observationExportStream({}, {}, { file: big, bom: false, parallel: { workers: 2, fromIds: 0 } }).getReader();
    const chunks: Uint8Array[] = [];
    chunks.push((await reader.read()).value!, (await reader.read()).value!); // the header and the first batch: the workers have begun
    const writer = openDatabase(big);
    writer.$client.exec(`UPDATE observations SET note = 'edited during the export' WHERE id IN (1, 6000, 11000);
      INSERT INTO observations (programme_id, metric_id, value, basis, period_end) VALUES (1, 1, 5, 'period', '2020-01-31');`);
    writer.$client.close();
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(before);
    expect(await read(observationExportStream({}, {}, { file: big, parallel: { workers: 2, fromIds: 0 } }))).toContain('edited during the export');
  }, 60_000);

  it('lets no write in while its workers begin', async () => {
    const writer = openDatabase(big);
    writer.$client.pragma('busy_timeout = 0');
    let refused: unknown;
    const whileLocked = () => {
      try {
        writer.$client.exec("UPDATE observations SET note = 'written while the workers begin' WHERE id = 2");
      } catch (error) {
        refused = error;
      }
    };
    const csv = await read(observationExportStream({}, {}, { file: big, parallel: { workers: 2, fromIds: 0, whileLocked } }));
    writer.$client.close();
    expect(refused).toMatchObject({ code: 'SQLITE_BUSY' });
    expect(csv).not.toContain('written while the workers begin');
  }, 60_000);

  it('stops its workers when the download is cancelled', async () => {
    const reader = observationExportStream({}, {}, { file: big, parallel: { workers: 2, fromIds: 0 } }).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    // The workers' connections are closed: the database can be replaced at once.
    const db = openDatabase(big);
    expect(db.$client.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get()).toMatchObject({ busy: 0 });
    db.$client.close();
  }, 60_000);
});

describe('packingBase', () => {
  it('packs two ids into one exact number, or refuses', () => {
    const base = packingBase(300, 41);
    expect(base).toBe(42);
    expect([Math.floor((300 * base + 41) / base), (300 * base + 41) % base]).toEqual([300, 41]);
    expect(packingBase(2 ** 26, 2 ** 26 - 1)).toBe(2 ** 26);
    expect(() => packingBase(2 ** 27, 2 ** 26)).toThrow(/too large/);
  });
});

describe('csvStream', () => {
  it('pulls rows a chunk at a time, so memory holds one chunk, not the whole result', async () => {
    let pulled = 0;
    function* rows() {
      for (let i = 0; i < 100_000; i++) {
        pulled += 1;
        yield [i, `row ${i}`];
      }
    }
    let closed = false;
    const reader = csvStream(['n', 'text'], rows(), { chunkRows: 1000, onClose: () => (closed = true) }).getReader();
    await reader.read(); // header
    await reader.read(); // first chunk
    expect(pulled).toBeLessThanOrEqual(2000); // at most the chunk read plus one queued ahead
    await reader.cancel();
    expect(closed).toBe(true);
  });
});
