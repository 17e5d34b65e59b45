// What "first start" means: apply pending migrations, then seed a database that has no data.
import { isPostgres, type AppDatabase } from './client';
import { migratePostgres } from './engine/migrate-pg';
import type { PostgresConnection } from './engine/postgres';
import { migrateDatabase } from './migrate';
import { isEmpty, loadSeed, type SeedResult } from './seed';

/** Applies pending migrations on whichever engine the handle is on; returns how many. */
export function migrate(db: AppDatabase): number {
  return isPostgres(db) ? migratePostgres(db.$client as unknown as PostgresConnection) : migrateDatabase(db);
}

export function prepareDatabase(db: AppDatabase): { migrationsApplied: number; seeded: SeedResult | null } {
  const migrationsApplied = migrate(db);
  const seeded = isEmpty(db) ? loadSeed(db) : null;
  return { migrationsApplied, seeded };
}
