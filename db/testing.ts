// Helpers for tests: a migrated database in a fresh temporary file, removed by the caller.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type AppDatabase } from './client';
import { migrateDatabase } from './migrate';

export function tempDatabasePath(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lga-dashboard-')), 'test.db');
}

export function createTestDatabase(): AppDatabase {
  const db = openDatabase(tempDatabasePath());
  migrateDatabase(db);
  return db;
}
