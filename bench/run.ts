// npm run bench [-- --sizes 10000,100000,1000000 --runs 20 --readme]
// For each size: generates a database (db/synthetic.ts), then measures
//  - each page's data function as the page calls it (app/_data/page-data.ts), median and p95
//    over repeated runs after warm-up, and the floor: the same SQL straight through
//    better-sqlite3 (bench/floor.ts), with the ratio app / floor;
//  - a full HTTP request to the production server (`next start`) for the overview and compare;
//  - the observations CSV export (rows/s and peak memory, in a process of its own) against
//    Debian's `sqlite3 -csv` running the same query;
// and once, the first-load JavaScript of each page (gzip), from the scripts the built pages load.
// Prints a table with each budget and PASS/FAIL, writes bench/results.json, and with --readme
// puts the table into README.md. Budgets apply at 1,000,000 observations; exits 1 if one fails.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openDatabase, type AppDatabase } from '../db/client';
import { listObservations } from '../db/queries/observations';
import { loadBoardPage, loadComparePage, loadMetricPage, loadOverview, loadProgrammePage, TABLE_ROWS } from '../app/_data/page-data';
import { recordStatements, replay } from './floor';
import { benchDatabasePath, generateDatabase } from '../db/synthetic';
import { ensureBuild, ROOT, startServer } from '../reliability/server';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SIZES = (arg('sizes') ?? '10000,100000,1000000').split(',').map(Number);
const RUNS = Number(arg('runs') ?? 20);
const WARMUP = 3;
const PORT = 3290;
const BUDGET_ROWS = 1_000_000;

const BUDGET = {
  dataMedianMs: 50,
  dataP95Ms: 100,
  floorRatio: 1.5,
  renderMedianMs: 150,
  exportRowsPerSecond: 300_000,
  exportPeakMb: 200,
  exportFloorRatio: 2,
  firstLoadKb: 200,
};

interface Timing {
  median: number;
  p95: number;
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95) };
}

/**
 * The app's function and its floor, run by turns (app, floor, app, floor...) so that both meet
 * the same spells of a busy or slowed machine: measured one after the other, a slow spell during
 * one of them alone moved the ratio by a third on this VM.
 */
function measurePair(app: () => unknown, floor: () => unknown, runs = RUNS): { app: Timing; floor: Timing } {
  for (let i = 0; i < WARMUP; i++) {
    app();
    floor();
  }
  const samples = { app: [] as number[], floor: [] as number[] };
  for (let i = 0; i < runs; i++)
    for (const [which, fn] of [
      ['app', app],
      ['floor', floor],
    ] as const) {
      const started = performance.now();
      fn();
      samples[which].push(performance.now() - started);
    }
  return { app: timing(samples.app), floor: timing(samples.floor) };
}

/** The data functions the pages call, with the views a board member opens first. */
function dataFunctions(db: AppDatabase): { name: string; fn: () => unknown }[] {
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

interface DataResult {
  name: string;
  app: Timing;
  floor: Timing;
  ratio: number;
  statements: number;
}

function benchDataFunctions(file: string): DataResult[] {
  const db = openDatabase(file);
  const results = dataFunctions(db).map(({ name, fn }) => {
    const statements = recordStatements(db.$client, fn);
    const floorFn = replay(db.$client, statements);
    const { app, floor } = measurePair(fn, floorFn);
    return { name, app, floor, ratio: app.median / floor.median, statements: statements.length };
  });
  db.$client.close();
  return results;
}

// --- the production server -------------------------------------------------------------------

async function timeRequest(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function benchRender(base: string): Promise<Record<string, Timing>> {
  const out: Record<string, Timing> = {};
  for (const [name, pathname] of [
    ['Overview', '/'],
    ['Compare', '/compare'],
  ] as const) {
    for (let i = 0; i < WARMUP; i++) await timeRequest(base + pathname);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await timeRequest(base + pathname));
    out[name] = timing(samples);
  }
  return out;
}

const PAGES: [string, string][] = [
  ['Overview', '/'],
  ['Boards', '/boards'],
  ['Board', '/boards/board-2'],
  ['Programmes', '/programmes'],
  ['Programme', '/programmes/programme-7'],
  ['Metrics', '/metrics'],
  ['Metric', '/metrics/attendees'],
  ['Compare', '/compare'],
  ['Sources', '/sources'],
  ['Source', '/sources/1'],
  ['Figure', '/observations/1'],
  ['Sign in', '/sign-in'],
];

/**
 * The gzip size of every script a page loads when first opened (what the browser downloads).
 * `noModule` scripts (legacy polyfills) are left out: browsers that run modules never fetch them.
 */
async function firstLoadJs(base: string): Promise<Record<string, number>> {
  const cache = new Map<string, number>();
  const out: Record<string, number> = {};
  for (const [name, pathname] of PAGES) {
    const html = await (await fetch(base + pathname)).text();
    const scripts = [
      ...new Set([...html.matchAll(/<script([^>]+)src="([^"]+\.js[^"]*)"([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1]! + m[3]!)).map((m) => m[2]!)),
    ];
    let bytes = 0;
    for (const src of scripts) {
      if (!cache.has(src)) cache.set(src, gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).byteLength);
      bytes += cache.get(src)!;
    }
    out[name] = bytes / 1024;
  }
  return out;
}

// --- the export ----------------------------------------------------------------------------

interface ExportResult {
  rows: number;
  /** Each run's peak memory (MB): the largest is the figure reported. */
  peakRssMbByRun: number[];
  rowsPerSecond: number;
  peakRssMb: number;
  /** The export's own peak memory: the process's peak above its size at rest, before the export. */
  exportPeakMb: number;
  floorSeconds: number;
  seconds: number;
  floorRowsPerSecond: number;
}

const EXPORT_FLOOR_SQL = `SELECT s.file_name, os.line, os.evidence, b.name, p.name, m.name, m.unit, o.value, o.qualifier, o.basis,
  o.period_start, o.period_end, o.date_precision, o.note, o.id, s.title, o.updated_at
  FROM observations o CROSS JOIN programmes p ON p.id = o.programme_id CROSS JOIN boards b ON b.id = p.board_id
  CROSS JOIN metrics m ON m.id = o.metric_id LEFT JOIN observation_sources os ON os.observation_id = o.id
  LEFT JOIN sources s ON s.id = os.source_id
  WHERE o.deleted_at IS NULL ORDER BY o.id, s.document_date, os.line, os.source_id`;

function benchExport(file: string, rows: number): ExportResult {
  const runs = rows >= 1_000_000 ? 3 : 5;
  const app: { rows: number; seconds: number; peakRssMb: number; exportPeakMb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/export-stream.ts', '--db', file, '--json'], { cwd: ROOT, encoding: 'utf8' });
    app.push(JSON.parse(out.trim().split('\n').pop()!));
  }
  // The floor: sqlite3 -csv writing the same rows — the same columns, figures and order as the
  // app's file — from one SQL query, joined in the order SQLite runs it fastest.
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync('sqlite3', ['-csv', '-readonly', file], { input: `${EXPORT_FLOOR_SQL};\n`, stdio: ['pipe', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error('sqlite3 -csv failed (apt-get install sqlite3)');
    floor.push((performance.now() - started) / 1000);
  }
  const seconds = timing(app.map((a) => a.seconds)).median;
  const floorSeconds = timing(floor).median;
  return {
    rows: app[0]!.rows,
    seconds,
    rowsPerSecond: app[0]!.rows / seconds,
    peakRssMb: Math.max(...app.map((a) => a.peakRssMb)),
    peakRssMbByRun: app.map((a) => Math.round(a.peakRssMb)),
    exportPeakMb: Math.max(...app.map((a) => a.exportPeakMb)),
    floorSeconds,
    floorRowsPerSecond: app[0]!.rows / floorSeconds,
  };
}

// --- the report ----------------------------------------------------------------------------

interface SizeResult {
  rows: number;
  generateSeconds: number;
  data: DataResult[];
  render: Record<string, Timing>;
  export: ExportResult;
}

const ms = (t: Timing) => `${t.median.toFixed(1)} / ${t.p95.toFixed(1)}`;
const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function table(header: string[], rows: string[][]): string {
  const lines = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`);
  return lines.join('\n');
}

function report(results: SizeResult[], firstLoad: Record<string, number>): { text: string; failures: string[] } {
  const failures: string[] = [];
  const at = results.find((r) => r.rows === BUDGET_ROWS);
  const sizes = results.map((r) => r.rows.toLocaleString('en-GB'));
  const first = results[0]!;
  const last = results[results.length - 1]!;
  const growth = (a: number, b: number) => `×${(b / a).toFixed(1)}`;
  const check = (label: string, ok: boolean) => {
    if (!ok) failures.push(label);
    return mark(ok);
  };

  const parts: string[] = [];
  parts.push(
    `Generated in ${results.map((r) => `${r.generateSeconds.toFixed(1)} s (${r.rows.toLocaleString('en-GB')})`).join(', ')}. ` +
      `${os.cpus().length} cores, Node ${process.version}. Times in ms, median / p95 over ${RUNS} runs after ${WARMUP} warm-up runs.`,
  );

  parts.push('**Data function of each page** (budget at 1,000,000: median ≤ 50 ms, p95 ≤ 100 ms, app/floor ≤ 1.5)');
  parts.push(
    table(
      ['Page data', ...sizes, `growth ${sizes[0]} → ${sizes[sizes.length - 1]}`, 'floor (same SQL)', 'app / floor', 'budget'],
      first.data.map((d, i) => {
        const big = at?.data[i];
        return [
          d.name,
          ...results.map((r) => ms(r.data[i]!.app)),
          growth(d.app.median, last.data[i]!.app.median),
          big ? ms(big.floor) : '—',
          big ? big.ratio.toFixed(2) : '—',
          big
            ? check(`${d.name}: data function`, big.app.median <= BUDGET.dataMedianMs && big.app.p95 <= BUDGET.dataP95Ms && big.ratio <= BUDGET.floorRatio)
            : '—',
        ];
      }),
    ),
  );

  parts.push('**Full server render** (`next start`, the whole HTML response; budget at 1,000,000: median ≤ 150 ms)');
  parts.push(
    table(
      ['Page', ...sizes, 'growth', 'budget'],
      Object.keys(first.render).map((name) => [
        name,
        ...results.map((r) => ms(r.render[name]!)),
        growth(first.render[name]!.median, last.render[name]!.median),
        at ? check(`${name}: server render`, at.render[name]!.median <= BUDGET.renderMedianMs) : '—',
      ]),
    ),
  );

  parts.push(
    '**Observations CSV export, every figure** (budget at 1,000,000: ≥ 300,000 rows/s, peak memory ≤ 200 MB, time within 2× of `sqlite3 -csv` on the same query)',
  );
  parts.push(
    table(
      ['', ...sizes, 'growth', 'budget'],
      [
        ['rows', ...results.map((r) => r.export.rows.toLocaleString('en-GB')), growth(first.export.rows, last.export.rows), ''],
        [
          'app: seconds (rows/s)',
          ...results.map((r) => `${r.export.seconds.toFixed(2)} (${Math.round(r.export.rowsPerSecond).toLocaleString('en-GB')})`),
          growth(first.export.seconds, last.export.seconds),
          at ? check('Export speed', at.export.rowsPerSecond >= BUDGET.exportRowsPerSecond) : '—',
        ],
        [
          'app: peak memory of the export (MB above the process at rest)',
          ...results.map((r) => r.export.exportPeakMb.toFixed(0)),
          growth(first.export.exportPeakMb, last.export.exportPeakMb),
          at ? check('Export memory', at.export.exportPeakMb <= BUDGET.exportPeakMb) : '—',
        ],
        [
          'app: peak memory of the whole process (MB; tsx and the modules loaded included)',
          ...results.map((r) => r.export.peakRssMb.toFixed(0)),
          growth(first.export.peakRssMb, last.export.peakRssMb),
          '',
        ],
        [
          'floor: `sqlite3 -csv` seconds (rows/s)',
          ...results.map((r) => `${r.export.floorSeconds.toFixed(2)} (${Math.round(r.export.floorRowsPerSecond).toLocaleString('en-GB')})`),
          growth(first.export.floorSeconds, last.export.floorSeconds),
          '',
        ],
        [
          'app / floor',
          ...results.map((r) => (r.export.seconds / r.export.floorSeconds).toFixed(2)),
          '',
          at ? check('Export against sqlite3 -csv', at.export.seconds / at.export.floorSeconds <= BUDGET.exportFloorRatio) : '—',
        ],
      ],
    ),
  );

  parts.push('**First-load JavaScript** (every script a page loads, gzip; budget ≤ 200 KB a page)');
  parts.push(
    table(
      ['Page', 'KB gzip', 'budget'],
      Object.entries(firstLoad).map(([name, kb]) => [name, kb.toFixed(1), check(`${name}: first-load JS`, kb <= BUDGET.firstLoadKb)]),
    ),
  );
  if (!at) parts.push('**This run did not measure 1,000,000 observations, where the budgets apply**: only first-load JS was checked.');
  parts.push(failures.length ? `**${failures.length} budget(s) missed:** ${failures.join('; ')}.` : at ? '**Every budget met.**' : '');
  return { text: parts.join('\n\n'), failures };
}

async function main() {
  if (spawnSync('sqlite3', ['-version']).status !== 0) {
    console.error('The export floor needs the sqlite3 command: apt-get install -y sqlite3');
    process.exit(2);
  }
  ensureBuild();
  const results: SizeResult[] = [];
  let firstLoad: Record<string, number> = {};
  for (const rows of SIZES) {
    const file = benchDatabasePath(rows);
    const { seconds } = generateDatabase(rows, file);
    console.log(`${rows.toLocaleString('en-GB')} observations generated in ${seconds.toFixed(1)} s; measuring…`);
    const data = benchDataFunctions(file);
    const server = await startServer(file, PORT);
    let render: Record<string, Timing>;
    try {
      render = await benchRender(server.base);
      if (!Object.keys(firstLoad).length) firstLoad = await firstLoadJs(server.base);
    } finally {
      await server.stop();
    }
    const exported = benchExport(file, rows);
    results.push({ rows, generateSeconds: seconds, data, render, export: exported });
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
  const { text, failures } = report(results, firstLoad);
  console.log(`\n${text}\n`);
  const when = new Date().toISOString();
  fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify({ when, cores: os.cpus().length, node: process.version, budget: BUDGET, results, firstLoad, failures }, null, 2)}\n`);
  if (process.argv.includes('--readme')) {
    const readme = path.join(ROOT, 'README.md');
    const body = fs.readFileSync(readme, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    if (!body.includes(start) || !body.includes(end)) throw new Error(`README.md has no ${start} … ${end} section`);
    const table = `${start}\nLatest run: ${when.slice(0, 10)}.\n\n${text}\n${end}`;
    fs.writeFileSync(readme, body.slice(0, body.indexOf(start)) + table + body.slice(body.indexOf(end) + end.length));
  }
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
