// npm run bench [-- --sizes 10000,100000,1000000 --runs 20 --readme]
// For each size: generates a database (db/synthetic.ts), then measures
//  - each page's data function as the page calls it (app/_data/page-data.ts), median and p95
//    over repeated runs after warm-up, and the floor: the same SQL straight through
//    better-sqlite3 (bench/floor.ts), with the ratio app / floor;
//  - every page's full HTTP response from the production server (`next start`), median and p95,
//    and its size; the CSV import's preview as an officer posts it (bench/pages.ts);
//  - the server's memory through those requests and two exports over HTTP: every figure, and
//    a filtered export (one board, one metric) against `sqlite3 -csv` running the same query;
//  - the observations CSV export in a process of its own, on one thread (the budget: a server
//    whose other core is busy) and with its worker threads, against `sqlite3 -csv`;
//  - the machine's load average before and after;
// and once, each page's JavaScript as Chromium fetches it, every chunk until the page is idle.
// Prints a table with each budget and PASS/FAIL, writes bench/results.json, and with --readme
// puts the table into README.md. Budgets apply at 1,000,000 observations; exits 1 if one fails.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchDatabasePath, generateDatabase } from '../db/synthetic';
import { ensureBuild, ROOT, startServer } from '../reliability/server';
import { benchImportPreview, benchPages, officerCookie, pageJavaScript, sampleMemory, type PageResult } from './pages';
import { benchDataFunctions, BUDGET, BUDGET_ROWS, ms, RUNS, SIZES, table, timing, WARMUP, WARMUP_MS, type DataResult, type Sample as Timing } from './measure';

const PORT = 3290;

// --- the production server -------------------------------------------------------------------

interface ServerResult {
  pages: Record<string, PageResult>;
  importPreview: PageResult;
  /** The server's peak memory (MB, the whole process tree) through the pages and the exports over HTTP. */
  peakRssMb: number;
  httpExport: { rows: number; seconds: number };
  filtered: { rows: number; app: Timing; floor: Timing; ratio: number };
}

/** Downloads a CSV as a client would, chunk by chunk (nothing kept), counting its rows. */
async function download(url: string): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
    for (let k = chunk.indexOf(10); k >= 0; k = chunk.indexOf(10, k + 1)) lines += 1;
  return { ms: performance.now() - started, rows: lines - 1 };
}

// The filtered export's floor: the same query with the filter, SQLite choosing its indexes and join order.
const FILTERED_FLOOR_SQL = EXPORT_FLOOR_SQL_FOR("b.slug = 'board-2' AND m.slug = 'attendees'", 'JOIN');

async function benchServer(file: string): Promise<ServerResult> {
  const cookie = officerCookie(file);
  const server = await startServer(file, PORT);
  const memory = sampleMemory(server.pid);
  try {
    const pages = await benchPages(server.base, RUNS, WARMUP, cookie);
    const importPreview = await benchImportPreview(server.base, cookie, RUNS, WARMUP);
    // The filtered export (one board, one metric), by turns with its floor.
    const url = `${server.base}/api/export/observations?board=board-2&metric=attendees`;
    const app: number[] = [];
    const floor: number[] = [];
    let rows = 0;
    for (let i = 0; i < WARMUP + 10; i++) {
      const a = await download(url);
      const started = performance.now();
      const result = spawnSync('sqlite3', ['-csv', '-readonly', file], { input: `${FILTERED_FLOOR_SQL};\n`, stdio: ['pipe', 'ignore', 'inherit'] });
      if (result.status !== 0) throw new Error('sqlite3 -csv failed');
      if (i < WARMUP) continue;
      app.push(a.ms);
      floor.push(performance.now() - started);
      rows = a.rows;
    }
    const whole = await download(`${server.base}/api/export/observations`);
    const filtered = { rows, app: timing(app), floor: timing(floor), ratio: timing(app).median / timing(floor).median };
    return { pages, importPreview, peakRssMb: memory.stop(), httpExport: { rows: whole.rows, seconds: whole.ms / 1000 }, filtered };
  } finally {
    memory.stop();
    await server.stop();
  }
}

// --- the export ----------------------------------------------------------------------------

interface ExportResult {
  rows: number;
  /** Each run's peak memory (MB): the largest is the figure reported. */
  peakRssMbByRun: number[];
  /** On one thread: the budget. */
  rowsPerSecond: number;
  /** With the worker threads (a bonus on idle cores). */
  workersSeconds: number;
  workersRowsPerSecond: number;
  peakRssMb: number;
  /** The export's own peak memory: the process's peak above its size at rest, before the export. */
  exportPeakMb: number;
  floorSeconds: number;
  seconds: number;
  floorRowsPerSecond: number;
}

/** The export's rows from one SQL query, joined in the order SQLite runs the whole export fastest. */
function EXPORT_FLOOR_SQL_FOR(where: string, join = 'CROSS JOIN'): string {
  return `SELECT s.file_name, os.line, os.evidence, b.name, p.name, m.name, m.unit, o.value, o.qualifier, o.basis,
  o.period_start, o.period_end, o.date_precision, o.note, o.id, s.title, o.updated_at
  FROM observations o ${join} programmes p ON p.id = o.programme_id ${join} boards b ON b.id = p.board_id
  ${join} metrics m ON m.id = o.metric_id LEFT JOIN observation_sources os ON os.observation_id = o.id
  LEFT JOIN sources s ON s.id = os.source_id
  WHERE o.deleted_at IS NULL AND ${where} ORDER BY o.id, s.document_date, os.line, os.source_id`;
}
const EXPORT_FLOOR_SQL = EXPORT_FLOOR_SQL_FOR('1');

function benchExport(file: string, rows: number): ExportResult {
  const runs = rows >= 1_000_000 ? 3 : 5;
  const exportRun = (workers: string[]) =>
    JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/export-stream.ts', '--db', file, '--json', ...workers], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!,
    ) as { rows: number; seconds: number; peakRssMb: number; exportPeakMb: number };
  // By turns — one thread, with workers, the floor — so that a busy spell falls on all three alike.
  // The floor: sqlite3 -csv writing the same rows — the same columns, figures and order as the
  // app's file — from one SQL query, joined in the order SQLite runs it fastest.
  const app: ReturnType<typeof exportRun>[] = [];
  const parallel: ReturnType<typeof exportRun>[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    app.push(exportRun(['--workers', '1']));
    parallel.push(exportRun(['--workers', String(Math.min(4, os.availableParallelism()))]));
    const started = performance.now();
    const result = spawnSync('sqlite3', ['-csv', '-readonly', file], { input: `${EXPORT_FLOOR_SQL};\n`, stdio: ['pipe', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error('sqlite3 -csv failed (apt-get install sqlite3)');
    floor.push((performance.now() - started) / 1000);
  }
  const seconds = timing(app.map((a) => a.seconds)).median;
  const workersSeconds = timing(parallel.map((a) => a.seconds)).median;
  const floorSeconds = timing(floor).median;
  return {
    rows: app[0]!.rows,
    seconds,
    rowsPerSecond: app[0]!.rows / seconds,
    workersSeconds,
    workersRowsPerSecond: app[0]!.rows / workersSeconds,
    peakRssMb: Math.max(...app.map((a) => a.peakRssMb)),
    peakRssMbByRun: app.map((a) => Math.round(a.peakRssMb)),
    exportPeakMb: Math.max(...app.map((a) => a.exportPeakMb), ...parallel.map((a) => a.exportPeakMb)),
    floorSeconds,
    floorRowsPerSecond: app[0]!.rows / floorSeconds,
  };
}

// --- the report ----------------------------------------------------------------------------

interface SizeResult {
  rows: number;
  generateSeconds: number;
  data: DataResult[];
  server: ServerResult;
  export: ExportResult;
  /** The machine's 1-minute load average as this size began and ended. */
  load: [number, number];
}

const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function report(results: SizeResult[], firstLoad: Record<string, { kb: number; scripts: number }>): { text: string; failures: string[] } {
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
  const kb = (bytes: number) => (bytes / 1024).toFixed(0);

  const parts: string[] = [];
  parts.push(
    `Generated in ${results.map((r) => `${r.generateSeconds.toFixed(1)} s (${r.rows.toLocaleString('en-GB')})`).join(', ')}. ` +
      `${os.cpus().length} cores, Node ${process.version}. Times in ms, median / p95 over ${RUNS} runs after ${WARMUP} warm-up runs (a data function and its floor: after at least ${WARMUP_MS} ms of them). ` +
      `Load average (1 min) at the start and end of each size: ${results.map((r) => `${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)}`).join(', ')}.`,
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

  parts.push(
    '**Every page over HTTP** (`next start`, one request at a time, to the last byte; ms median / p95, and the response in KB; budget at 1,000,000: median ≤ 100 ms, p95 ≤ 150 ms, ≤ 300 KB)',
  );
  const pageRows = Object.keys(first.server.pages).map((name) => [name, (r: SizeResult) => r.server.pages[name]!] as const);
  pageRows.push(['Import preview, 1,000-row CSV (POST, as an officer)', (r: SizeResult) => r.server.importPreview]);
  parts.push(
    table(
      ['Page', ...sizes.map((s) => `${s}: ms (KB)`), 'budget'],
      pageRows.map(([name, of]) => [
        name,
        ...results.map((r) => `${ms(of(r))} (${kb(of(r).bytes)})`),
        at
          ? check(
              `${name}: over HTTP`,
              of(at).median <= BUDGET.pageMedianMs && of(at).p95 <= BUDGET.pageP95Ms && of(at).bytes <= BUDGET.pageKb * 1024,
            )
          : '—',
      ]),
    ),
  );

  parts.push(
    '**The server** (its memory through every page above and two exports over HTTP; the filtered export is one board and one metric, against `sqlite3 -csv` running the same query with its indexes; budget at 1,000,000: RSS ≤ 300 MB, filtered export within 2× its floor)',
  );
  parts.push(
    table(
      ['', ...sizes, 'budget'],
      [
        ['peak RSS, MB', ...results.map((r) => r.server.peakRssMb.toFixed(0)), at ? check('Server memory', at.server.peakRssMb <= BUDGET.serverRssMb) : '—'],
        [
          'whole export over HTTP: seconds (rows/s)',
          ...results.map((r) => `${r.server.httpExport.seconds.toFixed(2)} (${Math.round(r.server.httpExport.rows / r.server.httpExport.seconds).toLocaleString('en-GB')})`),
          '',
        ],
        ['filtered export: rows', ...results.map((r) => r.server.filtered.rows.toLocaleString('en-GB')), ''],
        ['filtered export: app ms', ...results.map((r) => ms(r.server.filtered.app)), ''],
        ['filtered export: floor ms', ...results.map((r) => ms(r.server.filtered.floor)), ''],
        [
          'filtered export: app / floor',
          ...results.map((r) => r.server.filtered.ratio.toFixed(2)),
          at ? check('Filtered export against sqlite3 -csv', at.server.filtered.ratio <= BUDGET.filteredExportFloorRatio) : '—',
        ],
      ],
    ),
  );

  parts.push(
    '**Observations CSV export, every figure**, in a process of its own (budget at 1,000,000, on one thread: ≥ 300,000 rows/s, time within 1.5× of `sqlite3 -csv` on the same query; peak memory ≤ 200 MB)',
  );
  parts.push(
    table(
      ['', ...sizes, 'growth', 'budget'],
      [
        ['rows', ...results.map((r) => r.export.rows.toLocaleString('en-GB')), growth(first.export.rows, last.export.rows), ''],
        [
          'one thread: seconds (rows/s)',
          ...results.map((r) => `${r.export.seconds.toFixed(2)} (${Math.round(r.export.rowsPerSecond).toLocaleString('en-GB')})`),
          growth(first.export.seconds, last.export.seconds),
          at ? check('Export speed on one thread', at.export.rowsPerSecond >= BUDGET.exportRowsPerSecond) : '—',
        ],
        [
          'with worker threads (idle cores): seconds (rows/s)',
          ...results.map((r) => `${r.export.workersSeconds.toFixed(2)} (${Math.round(r.export.workersRowsPerSecond).toLocaleString('en-GB')})`),
          growth(first.export.workersSeconds, last.export.workersSeconds),
          '',
        ],
        [
          'peak memory of the export (MB above the process at rest)',
          ...results.map((r) => r.export.exportPeakMb.toFixed(0)),
          growth(first.export.exportPeakMb, last.export.exportPeakMb),
          at ? check('Export memory', at.export.exportPeakMb <= BUDGET.exportPeakMb) : '—',
        ],
        [
          'floor: `sqlite3 -csv` seconds (rows/s)',
          ...results.map((r) => `${r.export.floorSeconds.toFixed(2)} (${Math.round(r.export.floorRowsPerSecond).toLocaleString('en-GB')})`),
          growth(first.export.floorSeconds, last.export.floorSeconds),
          '',
        ],
        [
          'one thread / floor',
          ...results.map((r) => (r.export.seconds / r.export.floorSeconds).toFixed(2)),
          '',
          at ? check('Export against sqlite3 -csv', at.export.seconds / at.export.floorSeconds <= BUDGET.exportFloorRatio) : '—',
        ],
      ],
    ),
  );

  parts.push('**JavaScript of each page**, as Chromium fetches it: every script until the page has been idle for half a second, the charts’ chunks included (gzip; budget ≤ 200 KB a page)');
  parts.push(
    table(
      ['Page', 'scripts', 'KB gzip', 'budget'],
      Object.entries(firstLoad).map(([name, js]) => [name, String(js.scripts), js.kb.toFixed(1), check(`${name}: JavaScript`, js.kb <= BUDGET.firstLoadKb)]),
    ),
  );
  if (!at) parts.push('**This run did not measure 1,000,000 observations, where the budgets apply**: only the JavaScript was checked.');
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
  let firstLoad: Record<string, { kb: number; scripts: number }> = {};
  for (const rows of SIZES) {
    const file = benchDatabasePath(rows);
    const { seconds } = generateDatabase(rows, file);
    console.log(`${rows.toLocaleString('en-GB')} observations generated in ${seconds.toFixed(1)} s; measuring…`);
    const loadBefore = os.loadavg()[0]!;
    const data = await benchDataFunctions(file);
    const server = await benchServer(file);
    if (!Object.keys(firstLoad).length) {
      const running = await startServer(file, PORT);
      try {
        firstLoad = await pageJavaScript(running.base, officerCookie(file));
      } finally {
        await running.stop();
      }
    }
    const exported = benchExport(file, rows);
    results.push({ rows, generateSeconds: seconds, data, server, export: exported, load: [loadBefore, os.loadavg()[0]!] });
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
