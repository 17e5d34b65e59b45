import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { MIGRATIONS_FOLDER, migrateDatabase, schemaVersion } from './migrate';
import { tempDatabasePath } from './testing';
import { readQuarterSums, rebuildFigureSums } from './derived';
import { loadSeed } from '../seed/load';

const tables = (file: string) =>
  (
    openDatabase(file)
      .$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[]
  ).map((t) => t.name);

describe('migrations', () => {
  it('apply to an empty file and create every table', () => {
    const file = tempDatabasePath();
    const applied = migrateDatabase(openDatabase(file));
    expect(applied).toBeGreaterThan(0);
    expect(tables(file)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'boards',
        'metrics',
        'observation_sources',
        'observations',
        'programmes',
        'sources',
        'users',
      ]),
    );
  });

  it('apply once: a second run applies nothing', () => {
    const db = openDatabase(tempDatabasePath());
    migrateDatabase(db);
    const version = schemaVersion(db);
    expect(migrateDatabase(db)).toBe(0);
    expect(schemaVersion(db)).toBe(version);
  });

  it('turn on WAL and foreign keys', () => {
    const db = openDatabase(tempDatabasePath());
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('leave the file exactly as it was when a migration fails', () => {
    // A migrations folder with the real migrations plus one that fails half-way through.
    const folder = fs.mkdtempSync(path.join(path.dirname(tempDatabasePath()), 'migrations-'));
    fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalFile = path.join(folder, 'meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    const last = journal.entries[journal.entries.length - 1];
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_broken' });
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.writeFileSync(
      path.join(folder, '9999_broken.sql'),
      'CREATE TABLE half_done (id integer);\n--> statement-breakpoint\nINSERT INTO no_such_table VALUES (1);',
    );

    // An empty file: the failed run must not even leave drizzle's bookkeeping table behind.
    const fresh = tempDatabasePath();
    expect(() => migrateDatabase(openDatabase(fresh), folder)).toThrow(/no such table/);
    expect(tables(fresh)).toEqual([]);

    // A migrated file with data: the failed run leaves schema and rows unchanged.
    const file = tempDatabasePath();
    const db = openDatabase(file);
    migrateDatabase(db);
    db.$client.prepare("INSERT INTO boards (slug, name) VALUES ('kept', 'Kept')").run();
    const digest = () =>
      crypto
        .createHash('sha256')
        .update(JSON.stringify(db.$client.prepare('SELECT * FROM sqlite_master ORDER BY name').all()))
        .update(JSON.stringify(db.$client.prepare('SELECT * FROM boards').all()))
        .update(JSON.stringify(db.$client.prepare('SELECT * FROM __drizzle_migrations').all()))
        .digest('hex');
    const before = digest();
    expect(() => migrateDatabase(db, folder)).toThrow(/no such table/);
    expect(digest()).toBe(before);
    expect(tables(file)).not.toContain('half_done');
  });

  it('fill the figure sums per quarter of a database that already had figures', () => {
    // The migrations up to 0004, a dataset, then the rest: as an existing installation upgrades.
    const folder = fs.mkdtempSync(path.join(path.dirname(tempDatabasePath()), 'migrations-'));
    fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalFile = path.join(folder, 'meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag === '0005_figure_sums_by_quarter');
    expect(upTo).toBeGreaterThan(0);
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
    const db = openDatabase(tempDatabasePath());
    migrateDatabase(db, folder);
    expect(tables(db.$client.name)).not.toContain('figure_sums_by_quarter');
    loadSeed(db, { reportsDir: '/nonexistent' });

    expect(migrateDatabase(db)).toBe(journal.entries.length - upTo);
    const filled = readQuarterSums(db.$client);
    expect(filled.length).toBeGreaterThan(50);
    rebuildFigureSums(db.$client);
    expect(filled).toEqual(readQuarterSums(db.$client));
  });
});
