import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { readCoverage, readFigureCounts, readFigureSums, readQuarterSums, readReportedOn, rebuildCoverage, rebuildFigureCounts, rebuildFigureSums, rebuildFigureText, rebuildReportedOn } from '../rollups/rebuild';
import { addRollupReference, applyRollupWrites, rollupWrites } from '../rollups/rollup-writes';
import { TRIGGERS } from '../rollups/triggers';
import { migratePostgres } from './migrate-pg';
import { startThrowawayCluster, whyNoPostgres, type ThrowawayCluster } from './pg-cluster';
import { PostgresConnection } from './postgres';
import { POSTGRES_TRIGGERS } from './rollups-pg';

const why = whyNoPostgres();
if (why) console.log(`Skipping the PostgreSQL rollup tests: ${why}.`);

describe('the rollups\' triggers on PostgreSQL', () => {
  it('are SQLite\'s, every one, in the order SQLite fires them', () => {
    expect(POSTGRES_TRIGGERS.map((t) => t.name.replace(/^r\d\d_/, ''))).toEqual(TRIGGERS.map((t) => t.name));
    expect([...POSTGRES_TRIGGERS.map((t) => t.name)].sort()).toEqual(POSTGRES_TRIGGERS.map((t) => t.name));
  });
});

describe.skipIf(why !== null)('the rollups on a throwaway PostgreSQL cluster', () => {
  let cluster: ThrowawayCluster;
  let db: PostgresConnection;
  // The rebuilds and reads are the SQLite ones, run through the PostgreSQL connection.
  const client = () => db as unknown as Database.Database;

  beforeAll(() => {
    cluster = startThrowawayCluster();
    db = new PostgresConnection(cluster.createDatabase('rollups'));
    migratePostgres(db);
    addRollupReference(db);
  }, 60_000);
  afterAll(() => {
    db?.close();
    cluster?.stop();
  });

  it('stay equal to a rebuild from the observations through any sequence of writes (the SQLite property test\'s writes)', () => {
    fc.assert(
      fc.property(rollupWrites, (ops) => {
        applyRollupWrites(db, ops);
        const read = () => ({ counts: readFigureCounts(client()), sums: readFigureSums(client()), quarters: readQuarterSums(client()), coverage: readCoverage(client()), reportedOn: readReportedOn(client()),
          // The search index is a plain table here, and can be read back.
          search: db.prepare('SELECT rowid, body FROM figure_text ORDER BY rowid').all(),
        });
        const maintained = read();
        rebuildFigureCounts(client());
        rebuildFigureSums(client());
        rebuildCoverage(client());
        rebuildReportedOn(client());
        rebuildFigureText(client());
        expect(maintained).toEqual(read());
        return true;
      }),
      { numRuns: 150 },
    );
  });

  it('number each changed series', () => {
    db.exec('DELETE FROM series_changes');
    db.prepare("INSERT INTO observations (programme_id, metric_id, value, basis, period_end) VALUES (1, 1, 5, 'period', '2024-03-31')").run();
    db.prepare("UPDATE observations SET metric_id = 2 WHERE value = 5 AND metric_id = 1").run();
    expect(db.prepare('SELECT programme_id, metric_id, seq FROM series_changes ORDER BY seq, programme_id, metric_id').all()).toEqual([
      { programme_id: 1, metric_id: 1, seq: 2 },
      { programme_id: 1, metric_id: 2, seq: 2 },
    ]);
  });
});
