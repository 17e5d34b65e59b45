// One SQLite connection per process, opened with the pragmas the app relies on.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { env } from '../lib/env';
import { isPostgresClient, PostgresConnection } from './engine/postgres';

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = 'data/dashboard.db';

export function databasePath(): string {
  // The file is chosen at run time; tell Turbopack not to trace the project from here.
  return path.resolve(/*turbopackIgnore: true*/ env().DATABASE_PATH || DEFAULT_DATABASE_PATH);
}

/** Opens (creating if needed) a database file with WAL, foreign keys and a busy timeout. */
export function openDatabase(file: string = databasePath(), { optimize = true }: { optimize?: boolean } = {}): AppDatabase {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Readers and one writer share the file; wait rather than fail when it is briefly locked.
  sqlite.pragma('busy_timeout = 5000');
  // FULL: a write the app has acknowledged survives a power cut as well as a crash of the app
  // (NORMAL in WAL mode survives only the latter). It costs one fsync per commit; officers'
  // writes are few, and an import is one commit. npm run test:crash kills the server mid-write.
  sqlite.pragma('synchronous = FULL');
  // Once a checkpoint has copied the write-ahead log into the database, cut the log back to 64 MiB:
  // a large import leaves a large log, which would otherwise keep its size on disk.
  sqlite.pragma('journal_size_limit = 67108864');
  // A 32 MiB page cache (SQLite's default is 2 MiB): at a million figures the rollups and the
  // indexes a page walks are 10 to 20 MiB, and with the default each page view read them again
  // from the operating system, evicting one another (`npm run bench`: board page and figures
  // table 15–20% faster). A bound, not an allocation: the cache grows only as pages are read.
  sqlite.pragma('cache_size = -32768');
  // Keep the query planner's statistics current, as SQLite advises for long-lived connections:
  // bounded work, and only tables whose size has changed much since they were last analysed.
  // (Not for a CSV import's own connection: that would be a write outside the write queue.)
  if (file !== ':memory:' && optimize) {
    sqlite.pragma('analysis_limit = 400');
    sqlite.pragma('optimize = 0x10002');
  }
  return drizzle(sqlite, { schema }) as AppDatabase;
}

/**
 * The app's handle on PostgreSQL (docs/decisions/0016): drizzle's better-sqlite3 driver over the
 * synchronous PostgreSQL connection, which offers it the same calls (prepare, get, all, run, raw).
 * The query builder's SQL and the hand-written SQL both go through the connection's dialect
 * rewrites (engine/dialect.ts), so one data layer serves both engines where its SQL is shared.
 */
export function openPostgresDatabase(url: string): { db: AppDatabase; connection: PostgresConnection } {
  const connection = new PostgresConnection(url);
  // As SQLite's busy timeout: a write that finds a row locked by another connection (another
  // server's import) waits up to 5 s, then is refused (db/engine/errors.ts isBusy), rather than
  // holding this server — whose calls are synchronous — still for as long as the other takes.
  connection.exec("SET lock_timeout = '5s'");
  return { db: drizzle(connection as never, { schema }) as unknown as AppDatabase, connection };
}

/**
 * A connection of its own on the app's database, whichever engine that is: an import's staging
 * table and long transaction stay off the connection every page reads through.
 */
export function openOwnConnection(): AppDatabase {
  return databaseEngine() === 'postgres' ? openPostgresDatabase(env().DATABASE_URL!).db : openDatabase(undefined, { optimize: false });
}

const globalForDb = globalThis as unknown as { appDb?: AppDatabase };

/** Which database the app runs on: PostgreSQL when DATABASE_URL names one, else the SQLite file. */
export function databaseEngine(): 'sqlite' | 'postgres' {
  return env().DATABASE_URL ? 'postgres' : 'sqlite';
}

/** Whether this handle is on PostgreSQL (db/engine), for the few places that must know. */
export function isPostgres(db: AppDatabase): boolean {
  return isPostgresClient(db.$client);
}

/**
 * The app's shared connection. Kept on globalThis so that dev-server reloads do not open a
 * new connection per edit. Migrations and the first seed happen in ensureDatabaseReady().
 */
export function getDb(): AppDatabase {
  globalForDb.appDb ??= databaseEngine() === 'postgres' ? openPostgresDatabase(env().DATABASE_URL!).db : openDatabase();
  return globalForDb.appDb;
}
