// Applies pending drizzle-kit migrations for PostgreSQL (db/migrations-pg, from db/schema-pg.ts)
// atomically, as db/migrate.ts does for SQLite: the bookkeeping table, every pending migration and
// its record in one transaction — PostgreSQL's DDL is transactional, so a failure leaves the
// database as it was. The bookkeeping table has drizzle's name and shape.
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PostgresConnection } from './postgres';
import { installRollupsPostgres } from './rollups-pg';

export const PG_MIGRATIONS_FOLDER = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'db/migrations-pg');

/**
 * Applies the pending migrations, then (unless `rollups` is false: a copy puts them in after the
 * rows, which carry their rollups with them) the rollups' triggers.
 */
export function migratePostgres(db: PostgresConnection, migrationsFolder = PG_MIGRATIONS_FOLDER, { rollups = true }: { rollups?: boolean } = {}): number {
  const migrations = readMigrationFiles({ migrationsFolder });
  let applied = 0;
  db.transaction(() => {
    // (Made only when missing: "IF NOT EXISTS" would have the server print a notice every time.)
    if (db.prepare(`SELECT to_regclass('"__drizzle_migrations"')`).pluck().get() === null)
      db.exec('CREATE TABLE "__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)');
    const last = db.prepare('SELECT max(created_at) FROM "__drizzle_migrations"').pluck().get() as number | null;
    const record = db.prepare('INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)');
    for (const migration of migrations) {
      if (last !== null && last >= migration.folderMillis) continue;
      for (const statement of migration.sql) if (statement.trim()) db.exec(statement);
      record.run(migration.hash, migration.folderMillis);
      applied += 1;
    }
    // The triggers, and the rollups rebuilt, when a migration ran or the triggers changed.
    if (rollups) installRollupsPostgres(db, { force: applied > 0 });
  })();
  return applied;
}
