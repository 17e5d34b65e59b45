// Helpers for tests: a migrated database in a fresh temporary file, removed by the caller.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, openPostgresDatabase, type AppDatabase } from './client';
import { migrateDatabase } from './migrate';
import { isPostgresClient, PostgresConnection } from './engine/postgres';
import { copyToPostgres } from './engine/copy-to-postgres';
import { startThrowawayCluster, type ThrowawayCluster } from './engine/pg-cluster';
import { addUser } from './auth/users';
import { loadSeed } from './seed';
import type { SessionUser } from '../lib/auth/roles';
import type { Role } from '../lib/vocabulary';
import { observationInputSchema, type ObservationInput } from '../lib/observation-input';
import { getObservation } from './queries/observations';

export function tempDatabasePath(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lga-dashboard-')), 'test.db');
}

/**
 * The engine the database tests run on: SQLite, or PostgreSQL when the test run says so
 * (TEST_DATABASE_ENGINE=postgres, the "postgres" project of vitest.config.mts, which starts a
 * throwaway cluster with two template databases: migrated, and migrated and seeded).
 */
export function testDatabaseEngine(): 'sqlite' | 'postgres' {
  return process.env.TEST_DATABASE_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

/** The template databases the postgres project's cluster holds (db/engine/test-cluster.ts). */
export const TEST_TEMPLATES = { migrated: 'template_migrated', seeded: 'template_seeded' } as const;

/** Databases made for this test file on PostgreSQL, dropped by dropTestDatabases() after it. */
const made: { name: string | null; connection: PostgresConnection }[] = [];
let admin: PostgresConnection | null = null;
let databasesMade = 0;

/** A new PostgreSQL database copied from a template, for one test: creating one is a file copy. */
function postgresTestDatabase(template: string): AppDatabase {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error('TEST_DATABASE_ENGINE=postgres needs TEST_POSTGRES_URL (the postgres project of vitest.config.mts sets it)');
  admin ??= new PostgresConnection(url);
  const name = `test_${process.pid}_${databasesMade++}`;
  admin.exec(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const { db, connection } = openPostgresDatabase(`${url} dbname=${name}`);
  made.push({ name, connection });
  return db;
}

/** Closes and drops the PostgreSQL databases this test file made (a no-op on SQLite). */
export function dropTestDatabases(): void {
  const dropped = made.splice(0);
  for (const { connection } of dropped) connection.close();
  for (const { name } of dropped) if (name) admin!.exec(`DROP DATABASE IF EXISTS ${name}`);
  admin?.close();
  admin = null;
}

/**
 * Another connection on the same database, as another request's or another server's would be
 * (closed by the caller; on PostgreSQL also by dropTestDatabases).
 */
export function openAnotherConnection(db: AppDatabase): AppDatabase {
  const client = postgresOf(db);
  if (!client) return openDatabase(db.$client.name, { optimize: false });
  const other = openPostgresDatabase(client.url);
  made.push({ name: null, connection: other.connection });
  return other.db;
}

/** The PostgreSQL connection under a handle, or null on SQLite. */
function postgresOf(db: AppDatabase): PostgresConnection | null {
  const client: unknown = db.$client;
  return isPostgresClient(client) ? client : null;
}

export function createTestDatabase(): AppDatabase {
  if (testDatabaseEngine() === 'postgres') return postgresTestDatabase(TEST_TEMPLATES.migrated);
  const db = openDatabase(tempDatabasePath());
  migrateDatabase(db);
  return db;
}

/**
 * A migrated database with one board, one programme (id 1) and one metric (id 1, an additive
 * count), then `figures`: the SQL that adds the rows a test is about.
 */
export function createOnePairDatabase(figures: string): AppDatabase {
  const db = createTestDatabase();
  db.$client.exec(`INSERT INTO boards (slug, name) VALUES ('b1', 'B1');
    INSERT INTO programmes (slug, name, board_id) VALUES ('p1', 'P1', 1);
    INSERT INTO metrics (slug, name, unit, category, definition, additivity) VALUES ('m1', 'M1', 'count', 'other', 'd', 'additive');
    ${figures}`);
  return db;
}

/** A user for a test to act as (with a password no one can sign in with), as the session holds it. */
export function addTestUser(db: AppDatabase, role: Role, email = `${role}@example.gov.uk`, name: string | null = null): SessionUser {
  const id = addUser(db, { id: null, email: 'test' }, { email, name, role }, 'x');
  return { id, email, name, role };
}

/** A migrated database holding the curated seed figures (without the reports' text). */
export function createSeededTestDatabase(): AppDatabase {
  if (testDatabaseEngine() === 'postgres') return postgresTestDatabase(TEST_TEMPLATES.seeded);
  const db = createTestDatabase();
  loadSeed(db, { reportsDir: '/nonexistent' });
  return db;
}

/** A stored figure as its edit form would send it, with `overrides` (a correction's new value, its reason). */
export function figureAsForm(db: AppDatabase, id: number, overrides: Record<string, string> = {}): ObservationInput {
  const o = getObservation(db, id)!;
  return observationInputSchema.parse({
    programme: o.programme.slug, metric: o.metric.slug, value: String(o.value), qualifier: o.qualifier, basis: o.basis, periodStart: o.periodStart ?? '',
    periodEnd: o.periodEnd, datePrecision: o.datePrecision, note: o.note ?? '', sourceId: '', evidence: '', line: '', reason: '', version: String(o.version), upper: o.upper === null ? '' : String(o.upper),
    ...overrides,
  });
}

/**
 * A constraint's refusal as either engine words it: SQLite ("CHECK constraint failed: name",
 * "NOT NULL constraint failed: table.column", "UNIQUE constraint failed: table.column") and
 * PostgreSQL ('violates check constraint "name"', 'null value in column "column" of relation
 * "table"', 'duplicate key value … Key (column)=').
 */
export function refusedBy(kind: 'check' | 'not null' | 'unique' | 'foreign key', name = ''): RegExp {
  const [table, column] = name.split('.');
  const either = {
    check: [`CHECK constraint failed: ${name}`, `violates check constraint "${name}"`],
    'not null': [`NOT NULL constraint failed: ${table}\\.${column}`, `null value in column "${column}" of relation "${table}" violates not-null constraint`],
    unique: [`UNIQUE constraint failed: ${table}\\.${column}`, `duplicate key value violates unique constraint "${table}_[a-z_]*"[\\s\\S]*Key \\(${column}\\)=`],
    'foreign key': ['FOREIGN KEY constraint failed', 'violates foreign key constraint'],
  }[kind];
  return new RegExp(either.map((e) => `(?:${e})`).join('|'));
}

/**
 * This connection's writes are refused at once, rather than waiting, when another holds a lock
 * they need: SQLite's busy timeout of 0 (SQLITE_BUSY), PostgreSQL's lock timeout of a millisecond.
 */
export function waitForNoLock(db: AppDatabase): void {
  const client = postgresOf(db);
  if (client) client.exec("SET lock_timeout = '1ms'");
  else db.$client.pragma('busy_timeout = 0');
}

/**
 * Every insert into `table` fails with `message` from now on, on this database (a test of what a
 * failure halfway through a write leaves): a temporary trigger on SQLite, a trigger and its
 * function on PostgreSQL (whose triggers cannot be temporary; the test's database is thrown away).
 */
export function failInsertsInto(db: AppDatabase, table: string, message: string): void {
  const name = `fail_${table}`;
  const client = postgresOf(db);
  if (client)
    client.exec(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$;
      CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  else db.$client.exec(`CREATE TEMP TRIGGER ${name} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`);
}

/**
 * Where an export reads this database: on SQLite its file (a connection of the export's own); on
 * PostgreSQL the CSV export's COPY on a connection of its own, and the Excel rows through the handle.
 */
export function exportFrom(db: AppDatabase): { csv: { file: string } | { postgresUrl: string }; rows: { file: string } | { db: AppDatabase } } {
  const client = postgresOf(db);
  return client ? { csv: { postgresUrl: client.url }, rows: { db } } : { csv: { file: db.$client.name }, rows: { file: db.$client.name } };
}

/**
 * The seeded figures in a SQLite database and, copied by db:copy's code, in a new database of a
 * throwaway PostgreSQL cluster: for tests that hold the two engines to the same answers.
 * close() closes both and removes the cluster.
 */
export function seededOnBothEngines(name: string): { sqlite: AppDatabase; postgres: AppDatabase; connection: PostgresConnection; url: string; cluster: ThrowawayCluster; close(): void } {
  const cluster = startThrowawayCluster();
  try {
    const sqlite = openDatabase(tempDatabasePath());
    migrateDatabase(sqlite);
    loadSeed(sqlite);
    const url = cluster.createDatabase(name);
    const { db: postgres, connection } = openPostgresDatabase(url);
    copyToPostgres(sqlite.$client, connection);
    return {
      sqlite, postgres, connection, url, cluster,
      close() {
        connection.close();
        sqlite.$client.close();
        cluster.stop();
      },
    };
  } catch (error) {
    cluster.stop();
    throw error;
  }
}
