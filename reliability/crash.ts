// npm run test:crash [-- --import-rows 40000 --bursts 3]
//
// Kills the production server with SIGKILL (no chance to tidy up) at the worst moments, restarts
// it on the same database each time, and checks what survived:
//  1. a large CSV import, killed while the file is still being read;
//  2. the same import, killed in the middle of its write transaction (seen by its uncommitted
//     pages arriving in the -wal file before any answer);
//  3. the same import, killed just after the server acknowledged it;
//  4. bursts of edits by four officers at once, killed at a random moment.
// After every kill: PRAGMA integrity_check is ok; the import is entirely present or entirely
// absent (present exactly when it was acknowledged); every acknowledged edit is there with its
// value and its audit entry; no figure of the test exists without its audit entries; and the
// restarted server answers. Loopback only, a throwaway database, bounded in time; exits 1 on
// any failure.
import fs from 'node:fs';
import { openDatabase } from '../db/client';
import { createFixture, figureBody, importCsv, importedFigureCount, type Fixture, type Officer } from './fixture';
import { ensureBuild, startServer, type RunningServer } from './server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const IMPORT_ROWS = arg('import-rows', 40_000);
const BURSTS = arg('bursts', 3);
const PORT = 3293;

const watchdog = setTimeout(() => {
  console.error('The crash test did not finish within 10 minutes');
  process.exit(2);
}, 600_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const walSize = (file: string) => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);

interface Check {
  scenario: string;
  outcome: string;
  ok: boolean;
}
const checks: Check[] = [];
const check = (scenario: string, outcome: string, ok: boolean) => {
  checks.push({ scenario, outcome, ok });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${scenario}: ${outcome}`);
};

/** integrity_check, and the figures of this test that have no audit entry for their creation. */
function inspect(fixture: Fixture) {
  const db = openDatabase(fixture.file);
  try {
    const integrity = String(db.$client.pragma('integrity_check', { simple: true }));
    const unaudited = (
      db.$client
        .prepare(
          `SELECT count(*) AS n FROM observations o WHERE (o.note LIKE 'written by a reliability test%' OR o.note LIKE 'crash %')
             AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'observation' AND a.entity_id = o.id AND a.action = 'create')`,
        )
        .get() as { n: number }
    ).n;
    return { db, integrity, unaudited, close: () => db.$client.close() };
  } catch (error) {
    db.$client.close();
    throw error;
  }
}

type Moment = 'reading the file' | 'in its write transaction' | 'after it was acknowledged';

/** Starts a commit of `csv` and kills the server at `moment`; says whether it was acknowledged. */
async function importAndKill(server: RunningServer, fixture: Fixture, csv: string, moment: Moment) {
  const walBefore = walSize(fixture.file);
  const response = fetch(`${server.base}/api/import/csv?mode=commit`, {
    method: 'POST',
    headers: { Cookie: fixture.officers[0]!.cookie, Origin: server.base, 'Content-Type': 'text/csv', 'X-File-Name': 'crash.csv' },
    body: csv,
  });
  let acknowledged = false;
  let stagedRows = 0;
  let killedAt = '';
  const reading = (async () => {
    const reader = (await response).body!.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffered += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffered.slice(0, nl)) as { type: string; rows?: number; result?: { committed: boolean } };
        buffered = buffered.slice(nl + 1);
        if (line.type === 'progress') stagedRows = line.rows ?? stagedRows;
        if (line.type === 'result' && line.result?.committed) acknowledged = true;
      }
    }
  })().catch(() => undefined); // the connection dies with the server

  const started = Date.now();
  for (;;) {
    if (Date.now() - started > 120_000) throw new Error(`The moment “${moment}” never came`);
    const grown = walSize(fixture.file) - walBefore;
    if (moment === 'reading the file' && stagedRows > 0 && stagedRows < IMPORT_ROWS / 2) {
      killedAt = `${stagedRows.toLocaleString('en-GB')} of ${IMPORT_ROWS.toLocaleString('en-GB')} rows read`;
      break;
    }
    if (moment === 'in its write transaction' && !acknowledged && grown > 256 * 1024) {
      killedAt = `${(grown / 1024 / 1024).toFixed(1)} MB of uncommitted pages in the WAL, no answer yet`;
      break;
    }
    if (moment === 'after it was acknowledged' && acknowledged) {
      killedAt = 'the answer received';
      break;
    }
    if (moment !== 'after it was acknowledged' && acknowledged) throw new Error(`The import finished before the moment “${moment}”: use more --import-rows`);
    await sleep(5);
  }
  await server.stop('SIGKILL');
  await reading;
  return { acknowledged, killedAt };
}

/** Four officers add and correct figures as fast as they can until the server dies. */
async function burstOfEdits(base: string, officers: Officer[], programme: string, burst: number) {
  const acknowledged = new Map<number, { value: number; writes: number }>();
  let stop = false;
  const officer = async (o: Officer) => {
    for (let n = 0; !stop; n++) {
      const value = burst * 100_000_000 + o.id * 1_000_000 + n * 10;
      const send = async (method: string, url: string, body: object) => {
        try {
          const response = await fetch(`${base}${url}`, { method, headers: { Cookie: o.cookie, Origin: base, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
          return response.ok ? ((await response.json()) as { id: number }) : null;
        } catch {
          return null; // the server was killed mid-request: not acknowledged
        }
      };
      const created = await send('POST', '/api/observations', { ...figureBody(value, programme), note: `crash burst ${burst}` });
      if (!created) continue;
      acknowledged.set(created.id, { value, writes: 1 });
      if (await send('PUT', `/api/observations/${created.id}`, { ...figureBody(value + 1, programme), note: `crash burst ${burst}`, reason: 'corrected' }))
        acknowledged.set(created.id, { value: value + 1, writes: 2 });
    }
  };
  const running = officers.map(officer);
  return {
    acknowledged,
    halt: async () => {
      stop = true;
      await Promise.all(running);
    },
  };
}

async function main() {
  ensureBuild();
  const fixture = createFixture('crash');
  console.log(`Database: ${fixture.file} (seeded); imports of ${IMPORT_ROWS.toLocaleString('en-GB')} rows; ${BURSTS} bursts of edits`);
  let server = await startServer(fixture.file, PORT);

  // 1–3: the import, killed at three moments. Each file differs, so each is its own source.
  for (const [i, moment] of (['reading the file', 'in its write transaction', 'after it was acknowledged'] as Moment[]).entries()) {
    const csv = importCsv(IMPORT_ROWS, fixture.programme, `crash ${moment}`, (i + 1) * 10_000_000);
    const { acknowledged, killedAt } = await importAndKill(server, fixture, csv, moment);
    const state = inspect(fixture);
    const present = importedFigureCount(state.db, csv);
    state.close();
    const scenario = `import killed ${moment} (${killedAt})`;
    check(scenario, `integrity_check ${state.integrity}`, state.integrity === 'ok');
    const whole = present === 0 || present === IMPORT_ROWS;
    check(
      scenario,
      `${present.toLocaleString('en-GB')} of ${IMPORT_ROWS.toLocaleString('en-GB')} figures present (${acknowledged ? 'acknowledged' : 'not acknowledged'})`,
      whole && (present === IMPORT_ROWS) === acknowledged,
    );
    check(scenario, `${state.unaudited} figures without their audit entry`, state.unaudited === 0);
    server = await startServer(fixture.file, PORT);
    check(scenario, 'the server restarts and answers', (await fetch(`${server.base}/`)).ok);
  }

  // 4: bursts of edits, killed at a random moment between 1 and 3 seconds in.
  for (let burst = 1; burst <= BURSTS; burst++) {
    const edits = await burstOfEdits(server.base, fixture.officers, fixture.programme, burst);
    await sleep(1000 + Math.random() * 2000);
    await server.stop('SIGKILL');
    await edits.halt();
    const state = inspect(fixture);
    const get = state.db.$client.prepare('SELECT value FROM observations WHERE id = ? AND deleted_at IS NULL');
    const audits = state.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE entity_type = 'observation' AND entity_id = ? AND action IN ('create', 'update')");
    const afterOfLast = state.db.$client.prepare(
      "SELECT json_extract(after, '$.value') AS value FROM audit_log WHERE entity_type = 'observation' AND entity_id = ? ORDER BY id DESC LIMIT 1",
    );
    const problems: string[] = [];
    for (const [id, want] of edits.acknowledged) {
      const row = get.get(id) as { value: number } | undefined;
      const audit = (audits.get(id) as { n: number }).n;
      const lastAudit = (afterOfLast.get(id) as { value: number } | undefined)?.value;
      // The server may have committed a correction whose answer never came: the value is then the
      // newer one, and its audit entry must be there too.
      if (!row) problems.push(`figure ${id} is missing`);
      else if (row.value !== want.value && !(want.writes === 1 && row.value === want.value + 1 && audit === 2))
        problems.push(`figure ${id} is ${row.value}, acknowledged ${want.value}`);
      else if (audit < want.writes) problems.push(`figure ${id} has ${audit} audit entries for ${want.writes} acknowledged writes`);
      else if (lastAudit !== row.value) problems.push(`figure ${id}'s last audit entry says ${lastAudit}, the figure ${row.value}`);
    }
    state.close();
    const writes = [...edits.acknowledged.values()].reduce((a, w) => a + w.writes, 0);
    const scenario = `burst ${burst} of edits killed (${writes} writes acknowledged)`;
    check(scenario, `integrity_check ${state.integrity}`, state.integrity === 'ok');
    check(scenario, `${problems.length} acknowledged writes lost or unaudited${problems.length ? `: ${problems.slice(0, 3).join('; ')}` : ''}`, problems.length === 0 && writes > 0);
    check(scenario, `${state.unaudited} figures without their audit entry`, state.unaudited === 0);
    server = await startServer(fixture.file, PORT);
    check(scenario, 'the server restarts and answers', (await fetch(`${server.base}/`)).ok);
  }

  await server.stop();
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`\n${checks.length - failed} of ${checks.length} checks passed`);
  if (!failed) fs.rmSync(fixture.dir, { recursive: true, force: true });
  else console.log(`The database is kept for inspection: ${fixture.file}`);
  clearTimeout(watchdog);
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
