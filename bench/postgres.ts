// npm run bench:postgres [-- --sizes 10000,100000,1000000 --runs 20]
// The benchmark on PostgreSQL (docs/decisions/0016): the pages' data and the export, each against
// PostgreSQL's own tools running the same SQL. It starts a throwaway cluster (db/engine/pg-cluster.ts,
// removed at the end) and for each size generates the synthetic database (db/synthetic.ts, the
// same as `npm run bench`), copies it into PostgreSQL (db/engine/copy-to-postgres.ts, as
// `npm run db:copy` does) and measures
//  - each page's data function (bench/measure.ts, the list `npm run bench` measures) on the app's
//    PostgreSQL connection (db/client.ts openPostgresDatabase), by turns with its floors: the same
//    statements, as the connection sent them, with the same values (bench/floor.ts records them):
//      psql      one psql session kept open: the statements with parameters PREPAREd once, then
//                each turn EXECUTEs them in the app's order, with their values as literals, and
//                sends the others as they are; rows written unaligned to /dev/null. The time
//                includes psql reading the script, receiving and writing every row, and the
//                pipe to and from it (an empty turn's time is printed beneath);
//      psql -f   the same script in a new psql each time (start, connect, prepare, run, quit),
//                less a new psql running an empty script, turn by turn. A new connection's
//                backend has cold caches (the catalogue's, the plans'): the app's does not;
//      libpq     the statements through the app's own connection (db/engine/postgres.ts),
//                prepared in advance, rows read as arrays: no drizzle, no page code
//                (bench/floor.ts replay(), as `npm run bench`'s floor on SQLite);
//    and, beside them, the same functions on the SQLite file as `npm run bench` measures them;
//  - the observations CSV export, every figure, in a process of its own (bench/export-stream.ts:
//    observationExportStream as the route calls it, DATABASE_URL set) against
//    `COPY (the export's query) TO STDOUT WITH (FORMAT csv)` in psql, its output to /dev/null;
//    with the export from the SQLite file on one thread beside them.
// Prints the figures and writes bench/results-postgres.json. Asserts nothing about time: the
// budgets of `npm run bench` (SQLite's) are printed for information only, since decision 0016
// sets none for PostgreSQL and this machine's other work moves these figures.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase, openPostgresDatabase } from '../db/client';
import { copyToPostgres } from '../db/engine/copy-to-postgres';
import { startThrowawayCluster, whyNoPostgres } from '../db/engine/pg-cluster';
import { observationExportQuery } from '../db/export/export';
import { generateDatabase } from '../db/synthetic';
import { recordStatements, replay } from './floor';
import { benchDataFunctions, BUDGET, BUDGET_ROWS, dataFunctions, measureTurns, ms, RUNS, SIZES, table, timing, WARMUP, WARMUP_MS, type DataResult, type Sample } from './measure';
import { copyToDevNull, inlineParams, psqlFile, psqlScript, PsqlSession } from './postgres-floor';

const ROOT = path.resolve(import.meta.dirname, '..');

interface PostgresDataResult {
  name: string;
  statements: number;
  app: Sample;
  /** The psql session's turn (PREPAREd statements, EXECUTEd). */
  psql: Sample;
  /** A new psql running the script, less a new psql running nothing, turn by turn. */
  psqlNew: Sample;
  /** The statements through the app's connection, no drizzle, no page code. */
  libpq: Sample;
  /** psql's own costs, outside the floors: a session's empty turn; a new psql on an empty script. */
  psqlEmptyTurn: Sample;
  psqlStartup: Sample;
}

/** Each page's data function on PostgreSQL, by turns with its floors. */
async function benchPostgresData(url: string, dir: string): Promise<PostgresDataResult[]> {
  const { db, connection } = openPostgresDatabase(url);
  // The floor's recorder and replay take the connection as they take better-sqlite3's: it offers
  // the same calls.
  const client = connection as unknown as Database.Database;
  const session = new PsqlSession(url);
  const empty = path.join(dir, 'empty.sql');
  fs.writeFileSync(empty, '');
  const results: PostgresDataResult[] = [];
  try {
    for (const [index, { name, fn }] of dataFunctions(db).entries()) {
      const statements = recordStatements(client, fn);
      const script = psqlScript(statements, `page${index + 1}`);
      const file = path.join(dir, `page-${index + 1}.sql`);
      fs.writeFileSync(file, `${script.prepare}\n${script.execute}\n`);
      await session.run(script.prepare);
      const samples = await measureTurns({
        app: fn,
        psql: () => session.run(script.execute),
        libpq: replay(client, statements),
        psqlFile: () => psqlFile(url, file),
        psqlEmptyFile: () => psqlFile(url, empty),
        psqlEmptyTurn: () => session.run(''),
      });
      await session.run('DEALLOCATE ALL;');
      results.push({
        name,
        statements: statements.length,
        app: timing(samples.app),
        psql: timing(samples.psql),
        psqlNew: timing(samples.psqlFile.map((t, i) => t - samples.psqlEmptyFile[i]!)),
        libpq: timing(samples.libpq),
        psqlEmptyTurn: timing(samples.psqlEmptyTurn),
        psqlStartup: timing(samples.psqlEmptyFile),
      });
    }
  } finally {
    await session.close();
    connection.close();
  }
  return results;
}

interface ExportRun {
  rows: number;
  seconds: number;
  peakRssMb: number;
  exportPeakMb: number;
}

type ExportSummary = ExportRun & { rowsPerSecond: number };

interface ExportResult {
  rows: number;
  runs: number;
  /** Or why it failed (on PostgreSQL the export reads its rows at once: memory may run out). */
  postgres: ExportSummary | { error: string };
  copy: { seconds: number; rowsPerSecond: number };
  /** The PostgreSQL export's time / COPY's. */
  ratio: number | null;
  sqlite: ExportSummary;
}

/** The whole export on PostgreSQL and on SQLite (each in a process of its own) and COPY, by turns. */
function benchExports(url: string, file: string, rows: number): ExportResult {
  const runs = rows >= 1_000_000 ? 3 : 5;
  const exportRun = (args: string[]) =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/export-stream.ts', ...args, '--json'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!) as ExportRun;
  // The floor's query: the export's own, as the app's connection sends it to PostgreSQL, values
  // inlined (COPY takes none); the same columns and order, with no CSV written by the app.
  const { db, connection } = openPostgresDatabase(url);
  let sql: string;
  let floorRows: number;
  try {
    const query = observationExportQuery(db, {}, {});
    sql = inlineParams(connection.prepare(query.sql).source, query.params as unknown[]);
    floorRows = connection.prepare(`SELECT count(*) FROM (${sql}) AS export`).pluck().get() as number;
  } finally {
    connection.close();
  }
  const postgres: ExportRun[] = [];
  let failed: string | undefined;
  const copy: number[] = [];
  const sqlite: ExportRun[] = [];
  for (let i = 0; i < runs; i++) {
    if (!failed)
      try {
        postgres.push(exportRun(['--url', url]));
      } catch (error) {
        // Reported, not thrown: COPY and SQLite's export are still measured.
        failed = String((error as { stderr?: string }).stderr || (error as Error).message).trim().split('\n').slice(-3).join(' ');
      }
    const started = performance.now();
    copyToDevNull(url, sql);
    copy.push((performance.now() - started) / 1000);
    sqlite.push(exportRun(['--db', file, '--workers', '1']));
  }
  for (const [engine, all] of [['PostgreSQL', postgres], ['SQLite', sqlite]] as const)
    if (all.length && all[0]!.rows !== floorRows) throw new Error(`The export on ${engine} wrote ${all[0]!.rows} rows; its query gives ${floorRows}`);
  const summary = (all: ExportRun[]): ExportSummary => {
    const seconds = timing(all.map((r) => r.seconds)).median;
    return { rows: all[0]!.rows, seconds, rowsPerSecond: all[0]!.rows / seconds, peakRssMb: Math.max(...all.map((r) => r.peakRssMb)), exportPeakMb: Math.max(...all.map((r) => r.exportPeakMb)) };
  };
  const copySeconds = timing(copy).median;
  const pg = failed ? { error: failed } : summary(postgres);
  return {
    rows: floorRows,
    runs,
    postgres: pg,
    copy: { seconds: copySeconds, rowsPerSecond: floorRows / copySeconds },
    ratio: 'error' in pg ? null : pg.seconds / copySeconds,
    sqlite: summary(sqlite),
  };
}

interface SizeResult {
  rows: number;
  generateSeconds: number;
  copySeconds: number;
  postgres: PostgresDataResult[];
  sqlite: DataResult[];
  export: ExportResult;
  /** The machine's 1-minute load average as this size began and ended. */
  load: [number, number];
}

const n = (value: number) => Math.round(value).toLocaleString('en-GB');

function report(results: SizeResult[], server: string): string {
  const parts: string[] = [];
  parts.push(
    `${server}, a throwaway cluster (fsync off, otherwise its default settings) on its Unix socket; ${os.cpus().length} cores, Node ${process.version}. ` +
      `Times in ms, median / p95 over ${RUNS} runs after ${WARMUP} warm-up runs and at least ${WARMUP_MS} ms of them, each function by turns with its floors. ` +
      `Load average (1 min) at the start and end of each size: ${results.map((r) => `${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)}`).join(', ')}.`,
  );
  for (const r of results) {
    parts.push(`### ${n(r.rows)} figures (generated in ${r.generateSeconds.toFixed(1)} s, copied into PostgreSQL in ${r.copySeconds.toFixed(1)} s)`);
    parts.push(
      '**Data function of each page**: on PostgreSQL against the same statements run by psql (a session kept open; a new psql each time, its start-up taken off) and through the app’s libpq connection; on SQLite as `npm run bench` measures it',
    );
    parts.push(
      table(
        ['Page data', 'statements', 'PostgreSQL: app', 'psql (session)', 'app / psql', 'new psql, less start-up', 'libpq (app’s connection)', 'app / libpq', 'SQLite: app', 'SQLite: floor', 'SQLite: app / floor'],
        r.postgres.map((p, i) => {
          const s = r.sqlite[i]!;
          return [p.name, String(p.statements), ms(p.app), ms(p.psql), (p.app.median / p.psql.median).toFixed(2), ms(p.psqlNew), ms(p.libpq), (p.app.median / p.libpq.median).toFixed(2), ms(s.app), ms(s.floor), s.ratio.toFixed(2)];
        }),
      ),
    );
    const median = (of: (p: PostgresDataResult) => Sample) => timing(r.postgres.map((p) => of(p).median)).median;
    parts.push(
      `psql’s own costs, in none of the floors above: a session’s empty turn ${median((p) => p.psqlEmptyTurn).toFixed(2)} ms; a new psql on an empty script (start, connect, quit) ${median((p) => p.psqlStartup).toFixed(1)} ms (medians across the pages).`,
    );
    const e = r.export;
    parts.push(`**The observations CSV export, every figure** (seconds: median of ${e.runs} runs by turns; each export in a process of its own)`);
    parts.push(
      table(
        ['', 'rows', 'seconds', 'rows/s', 'peak memory of the export, MB'],
        [
          'error' in e.postgres
            ? ['PostgreSQL: observationExportStream (DATABASE_URL)', `failed: ${e.postgres.error}`, '—', '—', '—']
            : ['PostgreSQL: observationExportStream (DATABASE_URL)', n(e.postgres.rows), e.postgres.seconds.toFixed(2), n(e.postgres.rowsPerSecond), e.postgres.exportPeakMb.toFixed(0)],
          ['floor: psql, COPY (same query) TO STDOUT (FORMAT csv) to /dev/null', n(e.rows), e.copy.seconds.toFixed(2), n(e.copy.rowsPerSecond), '—'],
          ['PostgreSQL app / COPY', '', e.ratio === null ? '—' : e.ratio.toFixed(2), '', ''],
          ['SQLite: observationExportStream, one thread', n(e.sqlite.rows), e.sqlite.seconds.toFixed(2), n(e.sqlite.rowsPerSecond), e.sqlite.exportPeakMb.toFixed(0)],
        ],
      ),
    );
  }
  parts.push(
    `For information (not applied here): \`npm run bench\`'s budgets on SQLite at ${n(BUDGET_ROWS)} figures are a page's data median ≤ ${BUDGET.dataMedianMs} ms, p95 ≤ ${BUDGET.dataP95Ms} ms, within ${BUDGET.floorRatio}× its floor; ` +
      `the export ≥ ${n(BUDGET.exportRowsPerSecond)} rows/s on one thread, within ${BUDGET.exportFloorRatio}× its floor, ≤ ${BUDGET.exportPeakMb} MB.`,
  );
  return parts.join('\n\n');
}

async function main() {
  const why = whyNoPostgres();
  if (why) {
    console.error(`The benchmark on PostgreSQL needs PostgreSQL: ${why}.`);
    process.exit(2);
  }
  const cluster = startThrowawayCluster();
  // The SQLite files and psql's scripts: a directory of this run's own (not /tmp/lga-bench-*.db,
  // which `npm run bench` and the export's tests may be using).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lga-bench-pg-'));
  const results: SizeResult[] = [];
  let server = 'PostgreSQL';
  try {
    for (const rows of SIZES) {
      const file = path.join(dir, `bench-${rows}.db`);
      const { seconds: generateSeconds } = generateDatabase(rows, file);
      console.log(`${n(rows)} observations generated in ${generateSeconds.toFixed(1)} s; copying into PostgreSQL…`);
      const loadBefore = os.loadavg()[0]!;
      const url = cluster.createDatabase(`bench_${rows}`);
      const started = performance.now();
      const source = openDatabase(file);
      const { connection } = openPostgresDatabase(url);
      try {
        copyToPostgres(source.$client, connection);
        // VACUUM as well as ANALYZE: the copy wrote every row in one transaction, and until
        // autovacuum visits, index-only scans still read the table and each first read sets
        // hint bits (writes). A running installation is not in that state for long, and
        // autovacuum doing it during the measurements would move them.
        connection.exec('VACUUM ANALYZE');
        server = connection.prepare('SELECT version()').pluck().get() as string;
        server = server.split(' on ')[0]!;
      } finally {
        connection.close();
        source.$client.close();
      }
      const copySeconds = (performance.now() - started) / 1000;
      console.log(`Copied in ${copySeconds.toFixed(1)} s; measuring…`);
      const postgres = await benchPostgresData(url, dir);
      const sqlite = await benchDataFunctions(file);
      const exported = benchExports(url, file, rows);
      results.push({ rows, generateSeconds, copySeconds, postgres, sqlite, export: exported, load: [loadBefore, os.loadavg()[0]!] });
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    }
  } finally {
    cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${report(results, server)}\n`);
  const when = new Date().toISOString();
  fs.writeFileSync(path.join(ROOT, 'bench', 'results-postgres.json'), `${JSON.stringify({ when, server, cores: os.cpus().length, node: process.version, runs: RUNS, results }, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
