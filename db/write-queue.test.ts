// The write queue, and a long CSV import on its own connection: other requests keep running
// between its slices, readers see only committed figures, and writes queued behind it wait.
import { describe, expect, it } from 'vitest';
import { createObservation } from './mutations/observations';
import { importFiguresCsv } from './mutations/csv-import';
import { addTestUser, createSeededTestDatabase, openAnotherConnection, waitForNoLock } from './testing';
import { queueWrite, yieldToOtherRequests } from './write-queue';

describe('write queue', () => {
  it('runs writes one at a time, in the order queued, and goes on after one fails', async () => {
    const log: string[] = [];
    const slow = async (name: string) => {
      log.push(`${name} start`);
      await yieldToOtherRequests();
      await yieldToOtherRequests();
      log.push(`${name} end`);
      return name;
    };
    const a = queueWrite(() => slow('a'));
    const b = queueWrite(() => {
      throw new Error('b failed');
    });
    const c = queueWrite(() => slow('c'));
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('b failed');
    await expect(c).resolves.toBe('c');
    expect(log).toEqual(['a start', 'a end', 'c start', 'c end']);
  });

  it('a long import on its own connection lets requests run, shows readers only committed figures, and holds queued writes back', async () => {
    const db = createSeededTestDatabase();
    const officer = addTestUser(db, 'officer', 'o@example.gov.uk');
    const rows = 3000;
    const csv = ['programme,metric,value,qualifier,basis,period_end', ...Array.from({ length: rows }, (_, r) => `care-and-health-improvement-programme,page-views,${500_000 + r},exact,period,2019-03-31`)].join('\n');
    const count = () => (db.$client.prepare('SELECT count(*) AS n FROM observations').get() as { n: number }).n;
    const before = count();

    const importer = openAnotherConnection(db);
    async function* body() {
      yield new TextEncoder().encode(csv);
    }
    const importing = importFiguresCsv(importer, officer, body(), { fileName: 'long.csv', mode: 'commit', onError: 'block' });

    // Meanwhile, other "requests": a reader on the app's connection at every turn of the event
    // loop, and, once the import's transaction is open, a figure added through the queue.
    let turnsInTransaction = 0;
    const seen = new Set<number>();
    let importDone = false;
    let queued: Promise<number> | null = null;
    const addFigure = () =>
      createObservation(db, officer, {
        programme: 'care-and-health-improvement-programme', metric: 'page-views', value: 42, qualifier: 'exact', basis: 'period',
        periodStart: null, periodEnd: '2019-06-30', datePrecision: 'day', note: null, sourceId: null, evidence: null, line: null, reason: null,
      } as never);
    const reader = (async () => {
      while (!importDone) {
        if (importer.$client.inTransaction) {
          turnsInTransaction += 1;
          seen.add(count());
          queued ??= queueWrite(addFigure);
        }
        await yieldToOtherRequests();
      }
    })();
    const result = await importing;
    importDone = true;
    await reader;
    expect(queued).not.toBeNull();
    const addedId = await queued!;
    importer.$client.close();

    expect(result.fileProblem).toBeNull();
    expect(result.committed).toBe(true);
    expect(result.written.created).toBe(rows);
    // The event loop turned inside the import's transaction (once per 10 ms of its work: how many
    // times depends on the machine, so only "more than once" is asked), and every read there saw
    // the figures as they were before it: none half-imported.
    expect(turnsInTransaction).toBeGreaterThan(1);
    expect([...seen]).toEqual([before]);
    // The figure queued during the import was written after it: its id follows all of the import's.
    const lastImported = (db.$client.prepare("SELECT max(entity_id) AS n FROM audit_log WHERE reason LIKE 'CSV import of long.csv%'").get() as { n: number }).n;
    expect(addedId).toBeGreaterThan(lastImported);
    expect(count()).toBe(before + rows + 1);
  });

  it('a preview takes no write lock: writes by others go straight through while it reads, and it sees none of them', async () => {
    const db = createSeededTestDatabase();
    const officer = addTestUser(db, 'officer', 'o@example.gov.uk');
    const rows = 3000;
    const csv = ['programme,metric,value,qualifier,basis,period_end', ...Array.from({ length: rows }, (_, r) => `care-and-health-improvement-programme,page-views,${600_000 + r},exact,period,2019-03-31`)].join('\n');
    const previewer = openAnotherConnection(db);
    async function* body() {
      yield new TextEncoder().encode(csv);
    }
    const previewing = importFiguresCsv(previewer, officer, body(), { fileName: 'preview.csv', mode: 'preview', onError: 'block' });
    // While the preview's transaction is open, another connection writes with no patience at all:
    // if the preview held the write lock, SQLite would refuse at once (SQLITE_BUSY).
    waitForNoLock(db);
    let writesDuringPreview = 0;
    let done = false;
    const writer = (async () => {
      while (!done) {
        if (previewer.$client.inTransaction) {
          createObservation(db, officer, {
            programme: 'care-and-health-improvement-programme', metric: 'page-views', value: 600_000 + writesDuringPreview, qualifier: 'exact', basis: 'period',
            periodStart: null, periodEnd: '2019-03-31', datePrecision: 'day', note: null, sourceId: null, evidence: null, line: null, reason: null, version: null,
          } as never);
          writesDuringPreview += 1;
        }
        await yieldToOtherRequests();
      }
    })();
    const result = await previewing;
    done = true;
    await writer;
    previewer.$client.close();
    expect(writesDuringPreview).toBeGreaterThan(1);
    // One snapshot: the figures written meanwhile (the same values as some rows) are not in it,
    // so every row is new; nothing was written by the preview itself.
    expect(result.counts).toEqual({ new: rows, update: 0, unchanged: 0, error: 0 });
    expect(result.written).toEqual({ created: 0, updated: 0, linked: 0 });
    expect((db.$client.prepare("SELECT count(*) AS n FROM sources WHERE title = 'preview.csv (CSV upload)'").get() as { n: number }).n).toBe(0);
  });
});
