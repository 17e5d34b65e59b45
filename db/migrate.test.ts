import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { MIGRATIONS_FOLDER, migrateDatabase, schemaVersion } from './migrate';
import { tempDatabasePath } from './testing';
import { readCoverage, readFigureSums, readQuarterSums, rebuildCoverage, rebuildFigureSums } from './rollups/rebuild';
import { readSeedDataset } from './seed';
import type { AppDatabase } from './client';

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

  /**
   * An installation at an older migration, holding the seed's figures as that schema could (no
   * ranges, parts or report spans): the upgrade must fill what the later migrations add.
   */
  function installationAt(tag: string) {
    const folder = fs.mkdtempSync(path.join(path.dirname(tempDatabasePath()), 'migrations-'));
    fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalFile = path.join(folder, 'meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
    expect(upTo).toBeGreaterThan(0);
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
    const db = openDatabase(tempDatabasePath());
    migrateDatabase(db, folder);
    return { db, pending: journal.entries.length - upTo };
  }

  function insertSeedAsOldSchema(db: AppDatabase) {
    const data = readSeedDataset();
    const sqlite = db.$client;
    for (const b of data.boards) sqlite.prepare('INSERT INTO boards (slug, name) VALUES (?, ?)').run(b.slug, b.name);
    for (const m of data.metrics)
      sqlite.prepare('INSERT INTO metrics (slug, name, unit, category, definition, additivity) VALUES (?, ?, ?, ?, ?, ?)').run(m.slug, m.name, m.unit, m.category, m.definition, m.additivity);
    for (const p of data.programmes)
      sqlite.prepare('INSERT INTO programmes (slug, name, board_id) VALUES (?, ?, (SELECT id FROM boards WHERE name = ?))').run(p.slug, p.name, p.board);
    for (const s of data.sources) sqlite.prepare('INSERT INTO sources (title, document_date, file_name) VALUES (?, ?, ?)').run(s.title, s.document_date, s.file_name);
    for (const f of data.figures) {
      const { id } = sqlite
        .prepare(
          `INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision)
           VALUES ((SELECT id FROM programmes WHERE name = ?), (SELECT id FROM metrics WHERE name = ?), ?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(f.programme, f.metric, f.value, f.qualifier, f.basis, f.period_start, f.period_end, f.date_precision) as { id: number };
      sqlite.prepare('INSERT INTO observation_sources (observation_id, source_id, evidence, line) VALUES (?, (SELECT id FROM sources WHERE file_name = ?), ?, ?)').run(id, f.source_file, f.evidence, f.line);
    }
  }

  it('fill the figure sums per quarter of a database that already had figures', () => {
    const { db, pending } = installationAt('0005_figure_sums_by_quarter');
    expect(tables(db.$client.name)).not.toContain('figure_sums_by_quarter');
    insertSeedAsOldSchema(db);
    expect(migrateDatabase(db)).toBe(pending);
    const filled = readQuarterSums(db.$client);
    expect(filled.length).toBeGreaterThan(50);
    rebuildFigureSums(db.$client);
    expect(filled).toEqual(readQuarterSums(db.$client));
  });

  it('keep every figure and link, and fill the range sums and the months covered, when 0006 upgrades a database', () => {
    const { db, pending } = installationAt('0006_honest_views');
    insertSeedAsOldSchema(db);
    const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
    const before = [count('SELECT count(*) AS n FROM observations'), count('SELECT count(*) AS n FROM observation_sources')];
    expect(migrateDatabase(db)).toBe(pending);
    expect([count('SELECT count(*) AS n FROM observations'), count('SELECT count(*) AS n FROM observation_sources')]).toEqual(before);
    const [sums, quarters, coverage] = [readFigureSums(db.$client), readQuarterSums(db.$client), readCoverage(db.$client)];
    expect(coverage.length).toBeGreaterThan(50);
    rebuildFigureSums(db.$client);
    rebuildCoverage(db.$client);
    expect([sums, quarters, coverage]).toEqual([readFigureSums(db.$client), readQuarterSums(db.$client), readCoverage(db.$client)]);
  });
});
