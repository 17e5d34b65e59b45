// Helpers for tests: a migrated database in a fresh temporary file, removed by the caller.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type AppDatabase } from './client';
import { migrateDatabase } from './migrate';
import { addUser } from './auth/users';
import { loadSeed } from './seed';
import type { SessionUser } from '../lib/auth/roles';
import type { Role } from '../lib/vocabulary';
import { observationInputSchema, type ObservationInput } from '../lib/observation-input';
import { getObservation } from './queries/observations';

export function tempDatabasePath(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lga-dashboard-')), 'test.db');
}

export function createTestDatabase(): AppDatabase {
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
