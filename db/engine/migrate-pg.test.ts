import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import * as sqliteSchema from '../schema';
import { createTestDatabase } from '../testing';
import { migratePostgres } from './migrate-pg';
import { startThrowawayCluster, whyNoPostgres, type ThrowawayCluster } from './pg-cluster';
import { PostgresConnection, PostgresError } from './postgres';

const why = whyNoPostgres();
if (why) console.log(`Skipping the PostgreSQL migration tests: ${why}.`);

// The tables drizzle-kit makes from db/schema.ts (not the rollups' and search tables SQLite's
// hand-written migrations add: those are PostgreSQL work still to do).
const schemaTables = Object.values(sqliteSchema)
  .filter((t) => typeof t === 'object' && t !== null && Symbol.for('drizzle:IsDrizzleTable') in t)
  .map((t) => getTableConfig(t as never).name)
  .sort();

describe.skipIf(why !== null)('PostgreSQL migrations on a throwaway cluster', () => {
  let cluster: ThrowawayCluster;

  beforeAll(() => {
    cluster = startThrowawayCluster();
  }, 60_000);
  afterAll(() => cluster?.stop());

  it('makes every table and column of the SQLite schema, once', () => {
    const db = new PostgresConnection(cluster.createDatabase('migrated'));
    try {
      expect(migratePostgres(db)).toBeGreaterThan(0);
      expect(migratePostgres(db)).toBe(0);
      const columns = (table: string) => db.prepare("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? ORDER BY column_name").pluck().all(table);
      const sqlite = createTestDatabase();
      try {
        for (const table of schemaTables) {
          const sqliteColumns = (sqlite.$client.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY name`).pluck().all(table) as string[]).sort();
          expect(columns(table), table).toEqual(sqliteColumns);
        }
      } finally {
        sqlite.$client.close();
      }
    } finally {
      db.close();
    }
  });

  it('keeps the constraints that guard the data: a slug out of shape, or a second board with the same slug, is refused', () => {
    const db = new PostgresConnection(cluster.createDatabase('guarded'));
    try {
      migratePostgres(db);
      db.exec(`INSERT INTO boards (slug, name) VALUES ('b1', 'B1')`);
      expect(() => db.prepare(`INSERT INTO boards (slug, name) VALUES (?, ?)`).run('Not A Slug', 'B2')).toThrow(PostgresError);
      expect(() => db.prepare(`INSERT INTO boards (slug, name) VALUES (?, ?)`).run('b1', 'B3')).toThrow(/boards_slug_unique/);
    } finally {
      db.close();
    }
  });

  it('leaves the database as it was when a migration fails', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-migrations-'));
    fs.cpSync(path.resolve('db/migrations-pg'), folder, { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; when: number; tag: string; breakpoints: boolean; version: string }[] };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_broken' });
    fs.writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
    fs.writeFileSync(path.join(folder, '9999_broken.sql'), 'CREATE TABLE half_done (id integer);\n--> statement-breakpoint\nSELECT no_such_function();\n');
    const db = new PostgresConnection(cluster.createDatabase('broken'));
    try {
      expect(() => migratePostgres(db, folder)).toThrow(PostgresError);
      expect(db.prepare("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'").pluck().get()).toBe(0);
    } finally {
      db.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
