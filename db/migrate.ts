// Applies pending drizzle-kit migrations atomically, then the rollups' triggers (db/rollups/).
//
// drizzle's own migrator creates its bookkeeping table outside its transaction, so a failed
// migration could still change the file. Here everything — the bookkeeping table, every
// pending migration and its record — runs in one better-sqlite3 transaction: a failure leaves
// the file exactly as it was. The bookkeeping table has drizzle's name and shape, so
// drizzle-kit's tools still read it.
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { AppDatabase } from './client';
import { installRollups } from './rollups';

export const MIGRATIONS_FOLDER = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations');

export function migrateDatabase(db: AppDatabase, migrationsFolder = MIGRATIONS_FOLDER): number {
  const migrations = readMigrationFiles({ migrationsFolder });
  const sqlite = db.$client;
  let applied = 0;
  sqlite.transaction(() => {
    sqlite.exec(
      'CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)',
    );
    const last = sqlite
      .prepare('SELECT created_at FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1')
      .get() as { created_at: number } | undefined;
    const record = sqlite.prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)');
    for (const migration of migrations) {
      if (last && Number(last.created_at) >= migration.folderMillis) continue;
      for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement);
      record.run(migration.hash, migration.folderMillis);
      applied += 1;
    }
    // The rollups' triggers, and the rollups rebuilt when the schema or the triggers changed —
    // once the database has every migration this code knows (not midway, as a test may stop it).
    const latest = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).at(-1)?.folderMillis;
    const reached = migrations.at(-1)?.folderMillis;
    if (latest !== undefined && reached === latest) installRollups(sqlite, applied > 0);
  })();
  return applied;
}

/** Latest migration recorded in the file, or null for a file never migrated. */
export function schemaVersion(db: AppDatabase): number | null {
  const sqlite = db.$client;
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return null;
  const row = sqlite.prepare('SELECT max(created_at) AS v FROM "__drizzle_migrations"').get() as { v: number | null };
  return row.v === null ? null : Number(row.v);
}
