// A realistic synthetic database (for `npm run bench`, `npm run bench:data` and the export's tests) built through the app's own migrations: 12 boards, 300
// programmes, 40 metrics, ten financial years (April 2015 to March 2025). As in the board
// reports, each programme reports a few metrics of its own (three to six), each on its own
// rhythm: monthly or quarterly figures for the period, a running total, or a yearly plan; at a
// million rows several figures share a programme, metric and period (council-level returns).
// The real mix of qualifiers, and a source with an evidence sentence for every figure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from './client';
import { migrateDatabase } from './migrate';
import { rebuildCoverage, rebuildFigureCounts, rebuildFigureSums, rebuildFigureText } from './rollups/rebuild';
import { LEADING_METRICS } from '../lib/headlines';

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
  // A throwaway file: no journal, no fsync, a big page cache. The observation indexes are
  // dropped during the load and rebuilt from their own CREATE statements afterwards (sorting
  // once is far quicker than updating six B-trees a million times), so the schema is exactly
  // the migrations'.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('temp_store = MEMORY');
  const indexes = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('observations', 'observation_sources') AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  for (const { name } of indexes) sqlite.exec(`DROP INDEX "${name}"`);
  // Likewise the triggers that keep derived data (db/rollups/): the figure counts and sums, the
  // months covered and the search index are rebuilt once at the end, before the triggers are put
  // back, and each figure's reported_on is written with it (it has one source).
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
  for (const { name } of triggers) sqlite.exec(`DROP TRIGGER "${name}"`);
  const rnd = random(20201);
  sqlite.transaction(() => {
    const board = sqlite.prepare('INSERT INTO boards (slug, name) VALUES (?, ?)');
    for (let b = 1; b <= 12; b++) board.run(`board-${b}`, `Board ${b}`);
    const programme = sqlite.prepare('INSERT INTO programmes (slug, name, board_id, theme) VALUES (?, ?, ?, ?)');
    for (let p = 1; p <= 300; p++) programme.run(`programme-${p}`, `Programme ${p}`, 1 + (p % 12), p % 3 ? `Theme ${p % 14}` : null);
    const metric = sqlite.prepare('INSERT INTO metrics (slug, name, unit, category, definition, additivity) VALUES (?, ?, ?, ?, ?, ?)');
    // The first twelve are the overview's headline metrics, so its cards have figures to show.
    const slugOf = (m: number) => LEADING_METRICS[m - 1] ?? `metric-${m}`;
    const nameOf = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, ' ');
    for (let m = 1; m <= 40; m++)
      metric.run(slugOf(m), nameOf(slugOf(m)), m <= LEADING_METRICS.length ? (slugOf(m) === 'coaching-hours' ? 'hours' : 'count') : UNITS[m % UNITS.length], CATEGORIES[m % CATEGORIES.length], `What ${nameOf(slugOf(m)).toLowerCase()} counts`, m % 7 === 0 ? 'non_additive' : m % 5 === 0 ? 'within_programme' : 'additive');
    // Each report gives an account of the month it is dated in (docs/decisions/0006).
    const source = sqlite.prepare(
      "INSERT INTO sources (title, document_date, date_precision, file_name, covers_from, covers_to) VALUES (?, ?, ?, ?, ?, date(?, 'start of month', '+1 month', '-1 day'))",
    );
    const sourceDates: string[] = [];
    for (let s = 1; s <= 400; s++) {
      const year = 2015 + Math.floor(s / 40);
      sourceDates[s] = `${year}-${String(1 + (s % 12)).padStart(2, '0')}-15`;
      source.run(`Board report ${s}`, sourceDates[s], 'day', `report-${s}.txt`, `${sourceDates[s]!.slice(0, 8)}01`, sourceDates[s]);
    }
    // Many rows per INSERT: a statement call costs more than the row it writes.
    const BATCH = 200;
    const insertMany = (head: string, width: number, n: number) =>
      sqlite.prepare(`${head} VALUES ${Array.from({ length: n }, () => `(${Array(width).fill('?').join(', ')})`).join(', ')}`);
    const OBSERVATION = 'INSERT INTO observations (id, programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision, note, created_at, reported_on)';
    const LINK = 'INSERT INTO observation_sources (observation_id, source_id, evidence, line, created_at)';
    const observationBatch = insertMany(OBSERVATION, 12, BATCH);
    const linkBatch = insertMany(LINK, 5, BATCH);
    let observationValues: unknown[] = [];
    let linkValues: unknown[] = [];
    const flush = () => {
      const n = linkValues.length / 5;
      if (!n) return;
      (n === BATCH ? observationBatch : insertMany(OBSERVATION, 12, n)).run(observationValues);
      (n === BATCH ? linkBatch : insertMany(LINK, 5, n)).run(linkValues);
      observationValues = [];
      linkValues = [];
    };
    const createdAt = new Date().toISOString();
    // Each programme's metrics and the rhythm it reports each one on.
    const RHYTHMS = ['monthly', 'monthly', 'quarterly', 'running total', 'running total', 'plan'] as const;
    const series: { programmeId: number; metricId: number; rhythm: (typeof RHYTHMS)[number] }[] = [];
    for (let p = 1; p <= 300; p++) {
      const metricsReported = 3 + Math.floor(rnd() * 4);
      const first = Math.floor(rnd() * 40);
      for (let k = 0; k < metricsReported; k++)
        series.push({ programmeId: p, metricId: 1 + ((first + k * 7) % 40), rhythm: RHYTHMS[Math.floor(rnd() * RHYTHMS.length)]! });
    }
    const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
    for (let i = 1; i <= rows; i++) {
      const { programmeId, metricId, rhythm } = series[Math.floor(rnd() * series.length)]!;
      // A month of the ten financial years April 2015 to March 2025 (month 0 = April 2015).
      const m = Math.floor(rnd() * 120);
      const year = 2015 + Math.floor((m + 3) / 12);
      const month = (m + 3) % 12; // 0 = January
      let basis: 'period' | 'cumulative' | 'planned' = 'period';
      let start: string | null;
      let end: string;
      if (rhythm === 'monthly') {
        start = day(year, month, 1);
        end = day(year, month + 1, 0);
      } else if (rhythm === 'quarterly') {
        const q = month - (month % 3);
        start = day(year, q, 1);
        end = day(year, q + 3, 0);
      } else if (rhythm === 'running total') {
        basis = 'cumulative';
        start = null;
        end = day(year, month + 1, 0);
      } else {
        basis = 'planned';
        const fy = month < 3 ? year - 1 : year;
        start = day(fy, 3, 1);
        end = day(fy + 1, 3, 0);
      }
      const value = Math.round(rnd() * (metricId % 7 === 0 ? 100 : 5000));
      const qualifier = QUALIFIERS[Math.floor(rnd() * QUALIFIERS.length)]!;
      observationValues.push(i, programmeId, metricId, value, qualifier, basis, start, end, rhythm === 'plan' ? 'year' : 'month', i % 50 === 0 ? 'Generated note' : null, createdAt, sourceDates[1 + (i % 400)]);
      linkValues.push(i, 1 + (i % 400), `Programme ${programmeId} reported ${value} for metric ${metricId} in ${end.slice(0, 7)}.`, 1 + (i % 300), createdAt);
      if (linkValues.length === BATCH * 5) flush();
    }
    flush();
    for (const { sql } of indexes) sqlite.exec(sql);
  })();
  rebuildFigureCounts(sqlite);
  rebuildFigureSums(sqlite);
  rebuildCoverage(sqlite);
  rebuildFigureText(sqlite);
  for (const { sql } of triggers) sqlite.exec(sql);
  sqlite.exec('ANALYZE');
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
  return { seconds: (performance.now() - started) / 1000, file };
}

export function benchDatabasePath(rows: number): string {
  return path.join(os.tmpdir(), `lga-bench-${rows}.db`);
}
