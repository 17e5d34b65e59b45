import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvLine, csvLinesStream, csvStream, type CsvCell } from '../../lib/csv';
import { factKey, figureRowSchema } from '../../lib/figure-row';
import { loadSeed } from '../../seed/load';
import type { AppDatabase } from '../client';
import { createTestDatabase } from '../testing';
import { OBSERVATION_EXPORT_COLUMNS, observationExportQuery, openObservationExport } from './export';
import { listObservations } from './observations';

let db: AppDatabase;
let file: string;
beforeAll(() => {
  db = createTestDatabase();
  file = db.$client.name;
  loadSeed(db);
});

async function exportCsv(...args: Parameters<typeof openObservationExport>) {
  const { lines, close } = openObservationExport(args[0], args[1], file);
  return new Response(csvLinesStream([...OBSERVATION_EXPORT_COLUMNS], lines, { onClose: close })).text();
}

describe('observations export', () => {
  it('round-trips: every row parses with the import schema and regroups into the same observations', async () => {
    const csv = await exportCsv();
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    const parsed = records.map((r) => figureRowSchema.parse(r));
    const facts = new Set(parsed.map(factKey));
    const inDb = db.$client
      .prepare(
        `SELECT p.name AS programme, m.name AS metric, o.value, o.qualifier, o.basis, o.period_start, o.period_end
         FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN metrics m ON m.id = o.metric_id WHERE o.deleted_at IS NULL`,
      )
      .all() as { programme: string; metric: string; value: number; qualifier: string; basis: string; period_start: string | null; period_end: string }[];
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

  it('writes a whole export on its lean path exactly as the full query would, filters and all', async () => {
    // Hostile names and text, so that quoting and the formula guard are exercised on every path.
    db.$client.exec(`UPDATE programmes SET name = name || ', "quoted" =1' WHERE id = 1;
      UPDATE metrics SET name = '=' || name WHERE id = 2;
      UPDATE sources SET title = '-' || title || char(10) || 'line two' WHERE id = 1;
      UPDATE observations SET note = '@note, with "quotes"' WHERE id = 3;
      UPDATE observations SET deleted_at = '2024-01-01T00:00:00Z' WHERE id = 4;`);
    for (const filters of [{}, { from: '2020-04-01', to: '2021-03-31' }, { boards: ['improvement-and-innovation-board'] }, { metrics: ['attendees', 'downloads'], to: '2021-12-31' }]) {
      const query = observationExportQuery(db, filters, {});
      const full = (db.$client.prepare(query.sql).raw().all(...(query.params as unknown[])) as CsvCell[][]).map(csvLine);
      const { lines, close } = openObservationExport(filters, {}, file);
      const lean = [...lines];
      close();
      expect(lean).toEqual(full);
      expect(lean.length).toBeGreaterThan(0);
    }
  });

  it('keeps qualifiers, notes and £ intact and writes values as plain numbers', async () => {
    const csv = await exportCsv({ programmes: ['economic-growth-advisors-programme'], metrics: ['money-awarded'] });
    const [row] = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ value: '14000', unit: 'GBP', qualifier: 'exact' });
    expect(row!.evidence).toContain('£14k');
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
