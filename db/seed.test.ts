import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, tempDatabasePath } from './testing';
import type { AppDatabase } from './client';
import { loadSeed, readSeedDataset, SEED_DIR, SeedError } from './seed';

function snapshot(db: AppDatabase) {
  const all = (table: string) => db.$client.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  return JSON.stringify(
    ['boards', 'programmes', 'metrics', 'sources', 'observations', 'observation_sources', 'audit_log'].map(all),
  );
}

function copySeedDir(): string {
  const dir = path.join(path.dirname(tempDatabasePath()), 'seed');
  fs.mkdirSync(dir);
  for (const f of ['boards.csv', 'metrics.csv', 'programmes.csv', 'sources.csv', 'figures.csv'])
    fs.copyFileSync(path.join(SEED_DIR, f), path.join(dir, f));
  return dir;
}

describe('seed loader', () => {
  it('loads the curated dataset with every figure linked to its source sentence', () => {
    const db = createTestDatabase();
    const result = loadSeed(db);
    const dataset = readSeedDataset();
    expect(result.occurrences).toBe(dataset.figures.length);
    expect(result.observations).toBeGreaterThan(0);
    expect(result.observations).toBeLessThan(dataset.figures.length); // repeats were merged
    const orphans = db.$client
      .prepare(
        'SELECT count(*) AS n FROM observations o WHERE NOT EXISTS (SELECT 1 FROM observation_sources os WHERE os.observation_id = o.id)',
      )
      .get() as { n: number };
    expect(orphans.n).toBe(0);
  });

  it('is idempotent: a second run changes nothing', () => {
    const db = createTestDatabase();
    loadSeed(db);
    const before = snapshot(db);
    const second = loadSeed(db);
    expect(second.observationsCreated).toBe(0);
    expect(second.sourcesLinked).toBe(0);
    expect(snapshot(db)).toBe(before);
  });

  it('records a fact repeated in a later report as one observation with two sources', () => {
    const db = createTestDatabase();
    loadSeed(db);
    // The Housing Advisers Programme's 24 funded projects (2019/20 round): March and July 2020 reports.
    const rows = db.$client
      .prepare(
        `SELECT o.id, s.file_name FROM observations o
         JOIN programmes p ON p.id = o.programme_id JOIN metrics m ON m.id = o.metric_id
         JOIN observation_sources os ON os.observation_id = o.id JOIN sources s ON s.id = os.source_id
         WHERE p.slug = 'housing-advisers-programme' AND m.slug = 'projects-funded' AND o.value = 24`,
      )
      .all() as { id: number; file_name: string }[];
    expect(new Set(rows.map((r) => r.id)).size).toBe(1);
    expect(rows.map((r) => r.file_name).sort()).toEqual(['000_a02b5db3c667bd67.txt', '003_2d8ae057dd1c96b2.txt']);
  });

  it('keeps two different facts that look alike apart, ranges whole and breakdowns as parts of their totals', () => {
    const db = createTestDatabase();
    loadSeed(db);
    const one = (sql: string) => db.$client.prepare(sql).all();
    // The July 2020 report's 11 provider organisations and 11 ADPH regional networks (CHIP).
    expect(
      one(`SELECT count(*) AS n, sum(o.value) AS total FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN metrics m ON m.id = o.metric_id
        WHERE p.name = 'Care and Health Improvement Programme' AND m.name = 'Networks and organisations engaged' AND o.value = 11`),
    ).toEqual([{ n: 2, total: 22 }]);
    expect(one("SELECT value, upper_value AS upper FROM observations WHERE upper_value IS NOT NULL ORDER BY value")).toEqual([
      { value: 20, upper: 30 },
      { value: 299, upper: 430 },
    ]);
    // "171 officers … (32 of which are chief executives)": the part names its total.
    expect(one('SELECT t.value AS total FROM observations o JOIN observations t ON t.id = o.part_of_id WHERE o.value = 32')).toEqual([{ total: 171 }]);
    expect(one('SELECT count(*) AS n FROM observations WHERE part_of_id IS NOT NULL')).toEqual([{ n: 6 }]);
    // Loading again finds every one of them.
    expect(loadSeed(db).observationsCreated).toBe(0);
  });

  it('writes an audit entry for every observation it creates', () => {
    const db = createTestDatabase();
    const result = loadSeed(db);
    const audited = db.$client
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'create' AND entity_type = 'observation' AND actor = 'seed'")
      .get() as { n: number };
    expect(audited.n).toBe(result.observations);
  });

  it('rejects invalid seed rows before writing anything, naming the row and the problem', () => {
    const dir = copySeedDir();
    const file = path.join(dir, 'figures.csv');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/,(exact|at_least|at_most|approx),/, ',roughly,');
    fs.writeFileSync(file, lines.join('\n'));
    const db = createTestDatabase();
    const before = snapshot(db);
    expect(() => loadSeed(db, { dir })).toThrow(SeedError);
    expect(() => loadSeed(db, { dir })).toThrow(/figures\.csv row 4, qualifier: Qualifier must be one of/);
    expect(snapshot(db)).toBe(before);
  });

  it('rejects a figure whose programme belongs to another board', () => {
    const dir = copySeedDir();
    const file = path.join(dir, 'figures.csv');
    const text = fs.readFileSync(file, 'utf8').replace(',Resources Board,Return to Social Work,', ',Community Wellbeing Board,Return to Social Work,');
    fs.writeFileSync(file, text);
    expect(() => readSeedDataset(dir)).toThrow(/programme "Return to Social Work" belongs to "Resources Board"/);
  });

  it('leaves the database as it was when a write fails part-way through', () => {
    const db = createTestDatabase();
    loadSeed(db);
    const before = snapshot(db);
    const dataset = readSeedDataset();
    const good = { ...dataset.figures[0]!, value: 123456, evidence: dataset.figures[0]!.evidence };
    // Passes the row schema only because we bypass it; the database's CHECK constraint refuses it.
    const bad = { ...dataset.figures[1]!, value: -1 };
    expect(() => loadSeed(db, { dataset: { ...dataset, figures: [...dataset.figures, good, bad] } })).toThrow(
      /observations_value_non_negative/,
    );
    expect(snapshot(db)).toBe(before);
  });
});
