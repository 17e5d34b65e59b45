// npm run test:load [-- --seconds 30 --readers 100 --import-rows 5000]
//
// A hundred people open the dashboard before a board meeting while officers keep the figures.
// Two phases of 30 s, each on a freshly seeded database and server, each with the same writes:
//  1. paced readers: 100 people, each opening the main pages and exports in turn and reading each
//     for about 5 s (2.5–7.5 s) before the next: the morning of a meeting;
//  2. saturating readers: autocannon keeps 100 connections busy with no pause at all. The server
//     is then the bottleneck, and latency is mostly queueing (with N connections, mean latency =
//     N / pages per second): how far the slowest moment holds everyone back.
// In both, three officers add, correct, delete and restore figures through the API, one write
// after another each, and ten seconds in a fourth previews then commits a 5,000-row CSV import.
// Afterwards, with the server stopped, the database is checked: integrity_check ok, every write
// the server acknowledged there with its final value and one audit entry per write, each import
// entirely present. Prints the figures; exits 1 on any read error, failed or lost write.
// Loopback only (127.0.0.1), on a throwaway database in the temp folder; bounded in time.
//
// With --postgres: the same, on a throwaway PostgreSQL cluster shared by two servers (ports 3291
// and 3292): readers split between them, each officer adding a figure on one and correcting it on
// the other, the import on the first (docs/decisions/0016). PostgreSQL has no integrity_check:
// what was kept is checked the same way otherwise.
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase, openPostgresDatabase, type AppDatabase } from '../db/client';
import { startThrowawayCluster, whyNoPostgres } from '../db/engine/pg-cluster';
import { createFixture, figureBody, importCsv, importedFigureCount, postImport, type Officer } from './fixture';
import { ensureBuild, startServer } from './server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 30);
const READERS = arg('readers', 100);
const IMPORT_ROWS = arg('import-rows', 5000);
const PORT = 3291;
const POSTGRES = process.argv.includes('--postgres');

// Nothing may hang: the whole run is stopped after this long, and fails.
const watchdog = setTimeout(() => {
  console.error(`The load test did not finish within ${2 * SECONDS + 180} s`);
  process.exit(2);
}, (2 * SECONDS + 180) * 1000);

interface Expected {
  value: number;
  deleted: boolean;
  /** Acknowledged writes to this figure, by audit action. */
  writes: Record<'create' | 'update' | 'delete' | 'restore', number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** One officer's session of edits until `until`: every answer must be a success. */
async function officerEdits(bases: string[], officer: Officer, programme: string, until: number, expected: Map<number, Expected>, latencies: number[], failures: string[]) {
  // With two servers, each figure is added on one and corrected, deleted and restored on the other.
  let base = bases[0]!;
  const send = async (method: string, url: string, body: object) => {
    const started = performance.now();
    try {
      const response = await fetch(`${base}${url}`, {
        method,
        headers: { Cookie: officer.cookie, Origin: base, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      latencies.push(performance.now() - started);
      if (!response.ok) failures.push(`${method} ${url} → ${response.status} ${text.slice(0, 200)}`);
      return response.ok ? (JSON.parse(text) as { id: number }) : null;
    } catch (error) {
      failures.push(`${method} ${url} → ${String(error)} ${String((error as { cause?: unknown }).cause ?? '')}`);
      return null;
    }
  };
  for (let n = 0; Date.now() < until; n++) {
    const value = officer.id * 1_000_000 + n * 10;
    base = bases[n % bases.length]!;
    const created = await send('POST', '/api/observations', figureBody(value, programme));
    base = bases[(n + 1) % bases.length]!;
    if (!created) continue;
    const figure: Expected = { value, deleted: false, writes: { create: 1, update: 0, delete: 0, restore: 0 } };
    expected.set(created.id, figure);
    if (await send('PUT', `/api/observations/${created.id}`, { ...figureBody(value + 1, programme), reason: 'corrected in the load test' })) {
      figure.value = value + 1;
      figure.writes.update += 1;
    }
    if (n % 3 === 0 && (await send('DELETE', `/api/observations/${created.id}`, { reason: 'deleted in the load test' }))) {
      figure.deleted = true;
      figure.writes.delete += 1;
      if (n % 6 === 0 && (await send('POST', `/api/observations/${created.id}/restore`, { reason: 'restored in the load test' }))) {
        figure.deleted = false;
        figure.writes.restore += 1;
      }
    }
  }
}

interface ReadSummary {
  total: number;
  seconds: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  detail: string;
}

/**
 * Paced readers: each of `READERS` people opens the pages in turn, reading each for 2.5–7.5 s
 * (5 s on average) before the next, as people do when they look at the dashboard before a meeting.
 */
async function pacedReads(bases: string[], pages: string[], until: number, failures: Map<string, number>): Promise<ReadSummary> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const reader = async (i: number) => {
    const base = bases[i % bases.length]!;
    await sleep(Math.random() * 5000); // people do not all arrive in the same millisecond
    for (let n = i; Date.now() < until; n++) {
      const page = pages[n % pages.length]!;
      const t = performance.now();
      try {
        const response = await fetch(`${base}${page}`, { signal: AbortSignal.timeout(60_000) });
        await response.arrayBuffer();
        if (!response.ok) {
          errors += 1;
          failures.set(`${page} → ${response.status}`, (failures.get(`${page} → ${response.status}`) ?? 0) + 1);
        }
      } catch (error) {
        errors += 1;
        failures.set(`${page} → ${String(error)}`, (failures.get(`${page} → ${String(error)}`) ?? 0) + 1);
      }
      latencies.push(performance.now() - t);
      await sleep(2500 + Math.random() * 5000);
    }
  };
  await Promise.all(Array.from({ length: READERS }, (_, i) => reader(i)));
  latencies.sort((a, b) => a - b);
  const seconds = (performance.now() - started) / 1000;
  return {
    total: latencies.length,
    seconds,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    errors,
    detail: `${errors} failed`,
  };
}

/** Saturating readers: autocannon keeps every connection busy, no pause between requests. */
async function saturatingReads(bases: string[], pages: string[], failures: Map<string, number>): Promise<ReadSummary> {
  // One autocannon per server, the connections shared between them; the slowest server's latencies.
  const reads = await Promise.all(bases.map((base) => saturate(base, Math.ceil(READERS / bases.length), pages, failures)));
  const worst = (f: (r: autocannon.Result) => number) => Math.max(...reads.map(f));
  const sum = (f: (r: autocannon.Result) => number) => reads.reduce((a, r) => a + f(r), 0);
  return {
    total: sum((r) => r.requests.total),
    seconds: worst((r) => r.duration),
    p50: worst((r) => r.latency.p50),
    p90: worst((r) => r.latency.p90),
    p99: worst((r) => r.latency.p99),
    max: worst((r) => r.latency.max),
    errors: sum((r) => r.errors + r.timeouts + r.non2xx),
    detail: `${sum((r) => r.non2xx)} non-2xx, ${sum((r) => r.errors)} socket errors, ${sum((r) => r.timeouts)} timeouts`,
  };
}

function saturate(base: string, connections: number, pages: string[], failures: Map<string, number>): Promise<autocannon.Result> {
  const count = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1);
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: SECONDS,
        // Browsers wait minutes for a page; a request that has not answered in a minute is an error.
        timeout: 60,
        requests: pages.map((p) => ({
          method: 'GET',
          path: p,
          // Which page failed, and how, so a failure can be followed up.
          onResponse: (status: number) => {
            if (status >= 300) count(`${p} → ${status}`);
          },
        })),
      },
      (error, result) => (error ? reject(error as Error) : resolve(result)),
    );
    instance.on('reqError', (error: { code?: string; message?: string }) => count(`connection error: ${error.code ?? error.message}`));
  });
}

/** What the server acknowledged, against what the database holds once it has stopped. */
function verify(file: string, url: string | null, expected: Map<number, Expected>, csv: string) {
  const db: AppDatabase = url ? openPostgresDatabase(url).db : openDatabase(file);
  const integrity = url ? 'not on PostgreSQL' : String(db.$client.pragma('integrity_check', { simple: true }));
  const getFigure = db.$client.prepare('SELECT value, deleted_at FROM observations WHERE id = ?');
  const auditCount = db.$client.prepare("SELECT action, count(*) AS n FROM audit_log WHERE entity_type = 'observation' AND entity_id = ? GROUP BY action");
  const lost: string[] = [];
  let writes = 0;
  for (const [id, want] of expected) {
    writes += Object.values(want.writes).reduce((a, b) => a + b, 0);
    const row = getFigure.get(id) as { value: number; deleted_at: string | null } | undefined;
    if (!row) lost.push(`figure ${id} is missing`);
    else {
      if (row.value !== want.value) lost.push(`figure ${id} is ${row.value}, the acknowledged correction made it ${want.value}`);
      if (!!row.deleted_at !== want.deleted) lost.push(`figure ${id} is ${row.deleted_at ? 'deleted' : 'live'}, acknowledged ${want.deleted ? 'deleted' : 'live'}`);
    }
    const audit = Object.fromEntries((auditCount.all(id) as { action: string; n: number }[]).map((a) => [a.action, a.n]));
    for (const [action, n] of Object.entries(want.writes))
      if ((audit[action] ?? 0) !== n) lost.push(`figure ${id}: ${audit[action] ?? 0} ${action} audit entries for ${n} acknowledged`);
  }
  const imported = importedFigureCount(db, csv);
  db.$client.close();
  return { integrity, lost, writes, imported };
}

/**
 * One phase on a database and server of its own (so that what the first phase wrote does not make
 * the second one's pages bigger): readers, three officers editing, and an import ten seconds in.
 */
async function phase(kind: 'paced' | 'saturating') {
  const cluster = POSTGRES ? startThrowawayCluster() : null;
  const url = cluster ? cluster.createDatabase(`load_${kind}`) : null;
  const fixture = createFixture(`load-${kind}`, 4, url ?? undefined);
  const logFiles = (POSTGRES ? [0, 1] : [0]).map((i) => path.join(fixture.dir, `server${i}.log`));
  const servers = await Promise.all(logFiles.map((logFile, i) => startServer(fixture.file, PORT + i, { LOG_FILE: logFile, ...(url ? { DATABASE_URL: url } : {}) })));
  const bases = servers.map((s) => s.base);
  const base = bases[0]!;
  const pages = [
    '/',
    `/boards/${fixture.board}`,
    `/programmes/${fixture.programme}`,
    `/metrics/${fixture.metric}`,
    '/compare',
    `/boards/${fixture.board}?metric=${fixture.metric}`,
    '/api/export/observations',
    '/api/export/compare',
  ];
  try {
    const until = Date.now() + SECONDS * 1000;
    const expected = new Map<number, Expected>();
    const writeLatencies: number[] = [];
    const failures: string[] = [];
    const readFailures = new Map<string, number>();
    const reads = kind === 'paced' ? pacedReads(bases, pages, until, readFailures) : saturatingReads(bases, pages, readFailures);
    // The first officer does the import; the others edit.
    const writers = fixture.officers.slice(1).map((o) => officerEdits(bases, o, fixture.programme, until, expected, writeLatencies, failures));
    // The import: an officer previews the file, then commits it with the preview's counts.
    const csv = importCsv(IMPORT_ROWS, fixture.programme, `load ${kind}`);
    const importer = (async () => {
      await sleep(Math.min(10, SECONDS / 3) * 1000);
      const started = performance.now();
      const preview = await postImport(base, fixture.officers[0]!, csv, 'preview');
      const c = preview.counts;
      const commit = await postImport(base, fixture.officers[0]!, csv, 'commit', [c.new, c.update, c.unchanged, c.error].join(','));
      return { commit, seconds: (performance.now() - started) / 1000 };
    })();
    const [read, , imported] = await Promise.all([reads, Promise.all(writers), importer]);
    await Promise.all(servers.map((s) => s.stop()));
    writeLatencies.sort((a, b) => a - b);
    const kept = verify(fixture.file, url, expected, csv);
    const errorLines = logFiles.flatMap((logFile) => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').filter((l) => l.includes('"level":"error"')) : []));
    const problems = [...[...readFailures].map(([what, n]) => `${n} × ${what}`), ...failures, ...kept.lost, ...errorLines];
    if (!problems.length) fs.rmSync(fixture.dir, { recursive: true, force: true });
    return { kind, pages, read, imported, writeLatencies, failures, kept, errorLines, problems, figures: expected.size };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    cluster?.stop();
  }
}

async function main() {
  const why = POSTGRES ? whyNoPostgres() : null;
  if (why) {
    console.log(`The load test on PostgreSQL cannot run here: ${why}.`);
    process.exit(1);
  }
  ensureBuild();
  console.log(
    `Two phases of ${SECONDS} s, each on a freshly seeded database${POSTGRES ? ' (PostgreSQL, two servers sharing it)' : ''}: ${READERS} readers (paced, then saturating), ` +
      `3 officers editing and a ${IMPORT_ROWS.toLocaleString('en-GB')}-row CSV import`,
  );
  const phases = [await phase('paced'), await phase('saturating')];

  const ms = (x: number) => `${Math.round(x).toLocaleString('en-GB')} ms`;
  const rows: [string, string, boolean][] = [];
  for (const { kind, pages, read, imported, writeLatencies, failures, kept, errorLines, figures } of phases) {
    const label = kind === 'paced' ? 'Paced readers (a page every 5 s each)' : 'Saturating readers (no pause)';
    rows.push(
      [`${label}: reads`, `${read.total.toLocaleString('en-GB')} in ${read.seconds.toFixed(1)} s (${(read.total / read.seconds).toFixed(1)}/s) over ${pages.length} pages and exports`, read.total > 0],
      [`${label}: read latency`, `p50 ${ms(read.p50)}, p90 ${ms(read.p90)}, **p99 ${ms(read.p99)}**, max ${ms(read.max)}`, true],
      [`${label}: read errors`, `${read.errors} (${read.detail})`, read.errors === 0],
      [`${label}: writes`, `${kept.writes} acknowledged (${figures} figures added, each corrected, a third deleted, a sixth restored), ${failures.length} failed`, kept.writes > 0 && failures.length === 0],
      [`${label}: write latency`, `p50 ${ms(percentile(writeLatencies, 50))}, p99 ${ms(percentile(writeLatencies, 99))}, max ${ms(percentile(writeLatencies, 100))}`, true],
      [
        `${label}: CSV import`,
        `${IMPORT_ROWS.toLocaleString('en-GB')} rows previewed and committed in ${imported.seconds.toFixed(1)} s; ${kept.imported.toLocaleString('en-GB')} figures in the database`,
        imported.commit.committed && imported.commit.written.created === IMPORT_ROWS && kept.imported === IMPORT_ROWS,
      ],
      [`${label}: lost writes`, `${kept.lost.length} (every acknowledged write checked for its value, deletion and audit entries)`, kept.lost.length === 0],
      [`${label}: integrity_check, server errors logged`, `${kept.integrity}, ${errorLines.length}`, (kept.integrity === 'ok' || POSTGRES) && errorLines.length === 0],
    );
  }
  console.log('\n| Load test | measured | |\n|---|---|---|');
  for (const [name, measured, ok] of rows) console.log(`| ${name} | ${measured} | ${ok ? 'PASS' : 'FAIL'} |`);
  for (const p of phases) for (const f of p.problems.slice(0, 10)) console.error(`  ${p.kind}: ${f}`);
  clearTimeout(watchdog);
  process.exit(rows.some(([, , ok]) => !ok) ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
