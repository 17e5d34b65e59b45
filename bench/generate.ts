// npm run bench:data -- --rows 1000000 [--out /tmp/lga-bench-1000000.db]
// A realistic synthetic database built through the app's own migrations: 12 boards, 300
// programmes, 40 metrics, ten financial years of monthly, quarterly and cumulative figures
// with the real mix of qualifiers and bases, and sources with evidence sentences.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';

const QUALIFIERS = ['exact', 'exact', 'exact', 'exact', 'exact', 'exact', 'at_least', 'at_least', 'approx', 'at_most'];
const UNITS = ['count', 'count', 'count', 'count', 'hours', 'GBP', 'percent'];
const CATEGORIES = ['attendees', 'councils supported', 'coaching hours', 'downloads', 'page views', 'applications', 'events delivered', 'projects funded', 'other'];

/** A small deterministic random number generator, so two runs build the same data. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateDatabase(rows: number, file: string): { seconds: number; file: string } {
  const started = performance.now();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  migrateDatabase(db);
  const sqlite = db.$client;
  sqlite.pragma('synchronous = OFF');
  const rnd = random(20201);
  sqlite.transaction(() => {
    const board = sqlite.prepare('INSERT INTO boards (slug, name) VALUES (?, ?)');
    for (let b = 1; b <= 12; b++) board.run(`board-${b}`, `Board ${b}`);
    const programme = sqlite.prepare('INSERT INTO programmes (slug, name, board_id, theme) VALUES (?, ?, ?, ?)');
    for (let p = 1; p <= 300; p++) programme.run(`programme-${p}`, `Programme ${p}`, 1 + (p % 12), p % 3 ? `Theme ${p % 14}` : null);
    const metric = sqlite.prepare('INSERT INTO metrics (slug, name, unit, category, definition, additivity) VALUES (?, ?, ?, ?, ?, ?)');
    for (let m = 1; m <= 40; m++)
      metric.run(`metric-${m}`, `Metric ${m}`, UNITS[m % UNITS.length], CATEGORIES[m % CATEGORIES.length], `What metric ${m} counts`, m % 7 === 0 ? 'non_additive' : m % 5 === 0 ? 'within_programme' : 'additive');
    const source = sqlite.prepare('INSERT INTO sources (title, document_date, date_precision, file_name) VALUES (?, ?, ?, ?)');
    for (let s = 1; s <= 400; s++) {
      const year = 2015 + Math.floor(s / 40);
      source.run(`Board report ${s}`, `${year}-${String(1 + (s % 12)).padStart(2, '0')}-15`, 'day', `report-${s}.txt`);
    }
    const observation = sqlite.prepare(
      `INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const link = sqlite.prepare('INSERT INTO observation_sources (observation_id, source_id, evidence, line) VALUES (?, ?, ?, ?)');
    for (let i = 1; i <= rows; i++) {
      const programmeId = 1 + Math.floor(rnd() * 300);
      const metricId = 1 + Math.floor(rnd() * 40);
      const year = 2015 + Math.floor(rnd() * 10);
      const month = 1 + Math.floor(rnd() * 12);
      const kind = rnd();
      const basis = kind < 0.6 ? 'period' : kind < 0.92 ? 'cumulative' : 'planned';
      const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
      const start = basis === 'cumulative' ? null : kind < 0.4 ? `${end.slice(0, 8)}01` : kind < 0.55 ? new Date(Date.UTC(year, month - 3, 1)).toISOString().slice(0, 10) : null;
      const value = Math.round(rnd() * (metricId % 7 === 0 ? 100 : 5000));
      const qualifier = QUALIFIERS[Math.floor(rnd() * QUALIFIERS.length)]!;
      observation.run(programmeId, metricId, value, qualifier, basis, start, end, 'month', i % 50 === 0 ? 'Generated note' : null);
      link.run(i, 1 + (i % 400), `Programme ${programmeId} reported ${value} for metric ${metricId} in ${end.slice(0, 7)}.`, 1 + (i % 300));
    }
  })();
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('ANALYZE');
  sqlite.close();
  return { seconds: (performance.now() - started) / 1000, file };
}

export function benchDatabasePath(rows: number): string {
  return path.join(os.tmpdir(), `lga-bench-${rows}.db`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const rows = Number(arg('rows') ?? 100_000);
  if (!Number.isInteger(rows) || rows < 1) {
    console.error('Usage: npm run bench:data -- --rows 1000000 [--out file.db]');
    process.exit(2);
  }
  const { seconds, file } = generateDatabase(rows, arg('out') ?? benchDatabasePath(rows));
  console.log(`${rows.toLocaleString('en-GB')} observations written to ${file} in ${seconds.toFixed(1)} s`);
}
