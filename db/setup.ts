// What "first start" means: apply pending migrations, then seed a database that has no data.
import type { AppDatabase } from './client';
import { migrateDatabase } from './migrate';
import { isEmpty, loadSeed, type SeedResult } from './seed';

export function prepareDatabase(db: AppDatabase): { migrationsApplied: number; seeded: SeedResult | null } {
  const migrationsApplied = migrateDatabase(db);
  const seeded = isEmpty(db) ? loadSeed(db) : null;
  return { migrationsApplied, seeded };
}
