import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../client';
import { loadSeed } from '../seed';
import { addTestUser, createTestDatabase } from '../testing';
import { CopyError, copyToPostgres, NOT_COPIED } from './copy-to-postgres';
import { startThrowawayCluster, whyNoPostgres, type ThrowawayCluster } from './pg-cluster';
import { PostgresConnection } from './postgres';

const why = whyNoPostgres();
if (why) console.log(`Skipping the copy-to-PostgreSQL tests: ${why}.`);

describe.skipIf(why !== null)('copying a SQLite installation into PostgreSQL', () => {
  let cluster: ThrowawayCluster;
  let source: AppDatabase;

  beforeAll(() => {
    cluster = startThrowawayCluster();
    source = createTestDatabase();
    loadSeed(source);
    addTestUser(source, 'admin');
    source.$client.exec(`INSERT INTO sessions (id_hash, user_id, expires_at) SELECT 'x', id, '2099-01-01T00:00:00.000Z' FROM users LIMIT 1`);
  }, 120_000);
  afterAll(() => {
    source?.$client.close();
    cluster?.stop();
  });

  const tablesTotal = (db: PostgresConnection) =>
    db.prepare("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '__drizzle_migrations'").pluck().get() as number;

  it('copies every figure, source and user, checks each table, and leaves sessions behind', () => {
    const target = new PostgresConnection(cluster.createDatabase('copied'));
    try {
      const report = copyToPostgres(source.$client, target);
      const copied = new Map(report.map((t) => [t.table, t]));
      for (const table of ['observations', 'sources', 'observation_sources', 'users', 'audit_log', 'figure_sums_by_period', 'calendar_months'])
        expect(copied.get(table)?.rows, table).toBe(source.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
      expect(copied.get('observations')!.rows).toBeGreaterThan(100);
      expect(copied.has('sessions')).toBe(false);
      expect(Object.keys(NOT_COPIED)).toEqual(['sessions']);
      expect(target.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(0);
      // A figure reads the same on both sides; and the next figure takes the next id.
      const figure = 'SELECT id, value, qualifier, basis, period_end, part_of_id FROM observations ORDER BY id LIMIT 1 OFFSET 7';
      expect(target.prepare(figure).get()).toEqual(source.$client.prepare(figure).get());
      const maxId = target.prepare('SELECT max(id) FROM boards').pluck().get() as number;
      expect(target.prepare("INSERT INTO boards (slug, name) VALUES ('new-board', 'New board') RETURNING id").pluck().get()).toBe(maxId + 1);
      // A part keeps pointing at its whole.
      const parts = 'SELECT count(*) FROM observations WHERE part_of_id IS NOT NULL';
      expect(target.prepare(parts).pluck().get()).toBe(source.$client.prepare(parts).pluck().get());
    } finally {
      target.close();
    }
  });

  it('refuses a database that already holds rows, and changes nothing there', () => {
    const url = cluster.createDatabase('not_empty');
    const target = new PostgresConnection(url);
    try {
      copyToPostgres(source.$client, target);
      target.exec("UPDATE boards SET description = 'kept' WHERE id = 1");
      expect(() => copyToPostgres(source.$client, target)).toThrow(/not empty/);
      expect(target.prepare('SELECT description FROM boards WHERE id = 1').pluck().get()).toBe('kept');
    } finally {
      target.close();
    }
  });

  it('leaves the target empty when a row cannot be copied', () => {
    const broken = createTestDatabase();
    const target = new PostgresConnection(cluster.createDatabase('failed'));
    try {
      loadSeed(broken);
      // A figure SQLite would never have let in, written past its checks: PostgreSQL refuses it.
      broken.$client.pragma('ignore_check_constraints = ON');
      broken.$client.exec("UPDATE observations SET period_end = 'soon' WHERE id = (SELECT max(id) FROM observations)");
      let error: unknown;
      try {
        copyToPostgres(broken.$client, target);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CopyError);
      expect((error as Error).message).toMatch(/^observations: .*Nothing was copied\.$/);
      expect(tablesTotal(target)).toBe(0);
    } finally {
      target.close();
      broken.$client.close();
    }
  });
});
