// npm run test:load [-- --seconds 30 --readers 100 --import-rows 5000]
//
// A hundred people open the dashboard before a board meeting while officers keep the figures:
//  - readers: autocannon keeps 100 connections busy for 30 s over the main pages and exports;
//  - writers: three officers add, correct, delete and restore figures through the API, one after
//    another each, for the whole run;
//  - an import: ten seconds in, one officer previews then commits a CSV of 5,000 figures.
// No pause between a reader's requests, so the server is saturated: the latency measured is
// mostly queueing (with N connections, mean latency = N / pages per second), which says how far
// a slow page holds the others back. Afterwards, with the server stopped, the database is checked: integrity_check ok, every write
// the server acknowledged is there with its final value and one audit entry per write, the
// import entirely present. Prints the figures; exits 1 on any read error, failed or lost write.
// Loopback only (127.0.0.1), on a throwaway database in the temp folder; bounded in time.
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../db/client';
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

// Nothing may hang: the whole run is stopped after this long, and fails.
const watchdog = setTimeout(() => {
  console.error(`The load test did not finish within ${SECONDS + 150} s`);
  process.exit(2);
}, (SECONDS + 150) * 1000);

interface Expected {
  value: number;
  deleted: boolean;
  /** Acknowledged writes to this figure, by audit action. */
  writes: Record<'create' | 'update' | 'delete' | 'restore', number>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** One officer's session of edits until `until`: every answer must be a success. */
async function officerEdits(base: string, officer: Officer, programme: string, until: number, expected: Map<number, Expected>, latencies: number[], failures: string[]) {
  const send = async (method: string, url: string, body: object) => {
    const started = performance.now();
    const response = await fetch(`${base}${url}`, {
      method,
      headers: { Cookie: officer.cookie, Origin: base, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    latencies.push(performance.now() - started);
    if (!response.ok) failures.push(`${method} ${url} → ${response.status} ${text.slice(0, 200)}`);
    return response.ok ? (JSON.parse(text) as { id: number }) : null;
  };
  for (let n = 0; Date.now() < until; n++) {
    const value = officer.id * 1_000_000 + n * 10;
    const created = await send('POST', '/api/observations', figureBody(value, programme));
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

async function main() {
  ensureBuild();
  const fixture = createFixture('load');
  const logFile = path.join(fixture.dir, 'server.log');
  console.log(`Database: ${fixture.file} (seeded); ${READERS} readers for ${SECONDS} s; 3 officers editing; a ${IMPORT_ROWS.toLocaleString('en-GB')}-row CSV import`);
  const server = await startServer(fixture.file, PORT, { LOG_FILE: logFile });
  const base = server.base;
  let exitCode = 0;
  try {
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
    const until = Date.now() + SECONDS * 1000;
    const expected = new Map<number, Expected>();
    const writeLatencies: number[] = [];
    const failures: string[] = [];
    const readFailures = new Map<string, number>();

    const readers = autocannon({
      url: base,
      connections: READERS,
      duration: SECONDS,
      // Browsers wait minutes for a page; a request that has not answered in a minute is an error.
      timeout: 60,
      requests: pages.map((p) => ({
        method: 'GET',
        path: p,
        // Which page failed, and how, so a failure can be followed up.
        onResponse: (status: number) => {
          if (status >= 300) readFailures.set(`${p} → ${status}`, (readFailures.get(`${p} → ${status}`) ?? 0) + 1);
        },
      })),
    });
    // The first officer does the import; the others edit.
    const writers = fixture.officers.slice(1).map((o) => officerEdits(base, o, fixture.programme, until, expected, writeLatencies, failures));

    // The import: an officer previews the file, then commits it with the preview's counts.
    const csv = importCsv(IMPORT_ROWS, fixture.programme, `load ${Date.now()}`);
    const importer = (async () => {
      await new Promise((r) => setTimeout(r, Math.min(10, SECONDS / 3) * 1000));
      const started = performance.now();
      const preview = await postImport(base, fixture.officers[0]!, csv, 'preview');
      const c = preview.counts;
      const commit = await postImport(base, fixture.officers[0]!, csv, 'commit', [c.new, c.update, c.unchanged, c.error].join(','));
      return { preview, commit, seconds: (performance.now() - started) / 1000 };
    })();

    const [read, , imported] = await Promise.all([readers, Promise.all(writers), importer]);
    await server.stop();

    // What the server acknowledged, against what the database holds.
    const db = openDatabase(fixture.file);
    const integrity = db.$client.pragma('integrity_check', { simple: true });
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
    const importedCount = importedFigureCount(db, csv);
    db.$client.close();
    const errorLines = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').filter((l) => l.includes('"level":"error"')) : [];

    writeLatencies.sort((a, b) => a - b);
    const readErrors = read.errors + read.timeouts + read.non2xx;
    const importOk = imported.commit.committed && imported.commit.written.created === IMPORT_ROWS && importedCount === IMPORT_ROWS;
    const rows: [string, string, boolean][] = [
      ['Reads', `${read.requests.total.toLocaleString('en-GB')} in ${read.duration.toFixed(1)} s (${Math.round(read.requests.average)}/s) by ${READERS} connections over ${pages.length} pages and exports`, true],
      ['Read latency', `p50 ${read.latency.p50} ms, p90 ${read.latency.p90} ms, p99 ${read.latency.p99} ms, max ${read.latency.max} ms`, true],
      ['Read errors', `${readErrors} (${read.non2xx} non-2xx, ${read.errors} socket errors, ${read.timeouts} timeouts)`, readErrors === 0],
      ['Writes acknowledged', `${writes} by ${fixture.officers.length - 1} officers (${expected.size} figures added, then corrected, some deleted and restored)`, writes > 0],
      ['Write latency', `p50 ${percentile(writeLatencies, 50).toFixed(0)} ms, p99 ${percentile(writeLatencies, 99).toFixed(0)} ms, max ${percentile(writeLatencies, 100).toFixed(0)} ms`, true],
      ['Failed writes', String(failures.length), failures.length === 0],
      ['Import', `${IMPORT_ROWS.toLocaleString('en-GB')} rows previewed and committed in ${imported.seconds.toFixed(1)} s; ${importedCount.toLocaleString('en-GB')} figures in the database`, importOk],
      ['Lost writes', `${lost.length} (every acknowledged write checked for its value, deletion and audit entries)`, lost.length === 0],
      ['integrity_check', String(integrity), integrity === 'ok'],
      ['Server errors logged', String(errorLines.length), errorLines.length === 0],
    ];
    console.log('\n| Load test | measured | |\n|---|---|---|');
    for (const [name, measured, ok] of rows) console.log(`| ${name} | ${measured} | ${ok ? 'PASS' : 'FAIL'} |`);
    for (const f of [...[...readFailures].map(([what, n]) => `${n} × ${what}`), ...failures, ...lost, ...errorLines].slice(0, 20)) console.error(`  ${f}`);
    if (rows.some(([, , ok]) => !ok)) exitCode = 1;
    fs.rmSync(fixture.dir, { recursive: true, force: true });
  } finally {
    await server.stop();
  }
  clearTimeout(watchdog);
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
