// What the benchmarks share, on either engine: the command line's options, the pages' data
// functions and how each is timed against its floor (by turns), the budgets and the tables.
// Used by bench/run.ts (SQLite) and bench/postgres.ts (PostgreSQL).
import type { AppDatabase } from '../db/client';
import { openDatabase } from '../db/client';
import { listObservations } from '../db/queries/observations';
import { loadBoardPage, loadComparePage, loadMetricPage, loadOverview, loadProgrammePage, TABLE_ROWS } from '../app/_data/page-data';
import { recordStatements, replay } from './floor';

/** The value after `--name` on the command line. */
export const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
export const SIZES = (arg('sizes') ?? '10000,100000,1000000').split(',').map(Number);
export const RUNS = Number(arg('runs') ?? 20);
export const WARMUP = 3;
export const WARMUP_MS = 250;
/** The size the budgets apply at. */
export const BUDGET_ROWS = 1_000_000;

/** The budgets of `npm run bench` (on SQLite; docs/decisions/0016 sets none for PostgreSQL). */
export const BUDGET = {
  dataMedianMs: 50,
  dataP95Ms: 100,
  floorRatio: 1.5,
  pageMedianMs: 100,
  pageP95Ms: 150,
  pageKb: 300,
  serverRssMb: 300,
  exportRowsPerSecond: 300_000,
  exportPeakMb: 200,
  exportFloorRatio: 1.5,
  filteredExportFloorRatio: 2,
  firstLoadKb: 200,
};

export interface Sample {
  median: number;
  p95: number;
}

export function timing(samples: number[]): Sample {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

/**
 * Functions run by turns (the first, the second… the first, the second…), so that all of them
 * meet the same spells of a busy or slowed machine: measured one after the other, a slow spell
 * during one of them alone moved a ratio by a third on this VM. Each one's times in ms, in the
 * order of the turns (so that two can be subtracted turn by turn). A function may return a
 * promise (a floor in another process): its time runs until the promise settles.
 */
export async function measureTurns<K extends string>(fns: Record<K, () => unknown>, runs = RUNS): Promise<Record<K, number[]>> {
  const entries = Object.entries(fns) as [K, () => unknown][];
  // Warm up for WARMUP runs and at least WARMUP_MS: a function of 2 ms is still being compiled
  // after three runs (app/floor 1.56 measured so, 1.21 once warm), and a server that has served
  // a page a few times runs it compiled.
  const warmUntil = performance.now() + WARMUP_MS;
  for (let i = 0; i < WARMUP || performance.now() < warmUntil; i++)
    for (const [, fn] of entries) {
      const result = fn();
      if (result instanceof Promise) await result;
    }
  const samples = Object.fromEntries(entries.map(([name]) => [name, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < runs; i++)
    for (const [name, fn] of entries) {
      const started = performance.now();
      const result = fn();
      if (result instanceof Promise) await result;
      samples[name].push(performance.now() - started);
    }
  return samples;
}

/** The data functions the pages call, with the views a board member opens first. */
export function dataFunctions(db: AppDatabase): { name: string; fn: () => unknown }[] {
  const latest = (db.$client.prepare("SELECT max(period_end) AS d FROM observations WHERE deleted_at IS NULL AND basis != 'planned'").get() as { d: string }).d;
  const year = Number(latest.slice(0, 4)) - (Number(latest.slice(5, 7)) < 4 ? 1 : 0);
  return [
    { name: 'Overview (latest quarter)', fn: () => loadOverview(db, {}) },
    { name: 'Overview, one board', fn: () => loadOverview(db, { board: 'board-2' }) },
    { name: 'Board page (all figures)', fn: () => loadBoardPage(db, 'board-2', {}) },
    { name: 'Programme page (all figures)', fn: () => loadProgrammePage(db, 'programme-7', {}) },
    { name: 'Metric page (all figures)', fn: () => loadMetricPage(db, 'attendees', {}) },
    { name: 'Compare (default quarters)', fn: () => loadComparePage(db, {}) },
    { name: 'Compare, two years, one board', fn: () => loadComparePage(db, { a: `${year - 1}`, b: `${year}`, board: 'board-2' }) },
    {
      name: `Figures table, board + metric filter (first ${TABLE_ROWS})`,
      fn: () => listObservations(db, { boards: ['board-2'], metrics: ['attendees'] }, { order: 'period', limit: TABLE_ROWS }),
    },
  ];
}

export interface DataResult {
  name: string;
  app: Sample;
  floor: Sample;
  ratio: number;
  statements: number;
}

/** Each page's data function on a SQLite file, by turns with its floor: the same SQL through better-sqlite3 (bench/floor.ts). */
export async function benchDataFunctions(file: string, runs = RUNS): Promise<DataResult[]> {
  const db = openDatabase(file);
  const results: DataResult[] = [];
  for (const { name, fn } of dataFunctions(db)) {
    const statements = recordStatements(db.$client, fn);
    const samples = await measureTurns({ app: fn, floor: replay(db.$client, statements) }, runs);
    const [app, floor] = [timing(samples.app), timing(samples.floor)];
    results.push({ name, app, floor, ratio: app.median / floor.median, statements: statements.length });
  }
  db.$client.close();
  return results;
}

/** A time as "median / p95" in ms. */
export const ms = (t: Sample): string => `${t.median.toFixed(1)} / ${t.p95.toFixed(1)}`;

/** A Markdown table. */
export function table(header: string[], rows: string[][]): string {
  const lines = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`);
  return lines.join('\n');
}
