// npm run test:import -- [--rows 100000]
// Imports a generated CSV of figures into a fresh seeded database through the same function the
// route uses (preview, then commit), printing time, progress reports and peak memory. Fails if
// the import does not finish, writes the wrong number of figures, or peak RSS grows by more
// than 200 MB over the start (rows are staged on disk, never all held in memory).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFiguresCsv } from '../db/mutations/csv-import';
import { createTestDatabase } from '../db/testing';
import { loadSeed } from '../db/seed';

const i = process.argv.indexOf('--rows');
const rows = i >= 0 ? Number(process.argv[i + 1]) : 100_000;

const db = createTestDatabase();
loadSeed(db, { reportsDir: '/nonexistent' });
const userId = Number(db.$client.prepare("INSERT INTO users (email, role, password_hash) VALUES ('bench@example.gov.uk', 'officer', 'x')").run().lastInsertRowid);
const officer = { id: userId, email: 'bench@example.gov.uk', name: null, role: 'officer' as const };
const programmes = (db.$client.prepare('SELECT name FROM programmes').all() as { name: string }[]).map((p) => p.name);
const metrics = (db.$client.prepare("SELECT name FROM metrics WHERE unit = 'count'").all() as { name: string }[]).map((m) => m.name);

// A programme lead's return: monthly figures over several years, with qualifiers and notes.
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lga-import-')), 'returns.csv');
const out = fs.createWriteStream(file);
out.write('programme,metric,value,qualifier,basis,period_start,period_end,note\r\n');
for (let r = 0; r < rows; r++) {
  const month = r % 120;
  const year = 2011 + Math.floor(month / 12);
  const m = (month % 12) + 1;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  out.write(
    `"${programmes[r % programmes.length]}",${metrics[Math.floor(r / programmes.length) % metrics.length]},"${(1000 + r).toLocaleString('en-GB')}",${r % 7 === 0 ? 'over' : 'exact'},period,01/${mm}/${year},${last}/${mm}/${year},row ${r + 2}\r\n`,
  );
}

async function* read() {
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 64 * 1024 })) yield chunk as Uint8Array;
}

async function main() {
await new Promise((resolve) => out.end(resolve));
const size = fs.statSync(file).size;
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
let reports = 0;
for (const mode of ['preview', 'commit'] as const) {
  const started = performance.now();
  const result = await importFiguresCsv(db, officer, read(), { fileName: 'returns.csv', mode, onError: 'block', onProgress: () => (reports += 1) });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${mode}: ${result.rows.toLocaleString('en-GB')} rows (${(size / 2 ** 20).toFixed(1)} MB) in ${seconds.toFixed(1)} s, ` +
      `${JSON.stringify(result.counts)}, written ${JSON.stringify(result.written)}, ${reports} progress reports so far`,
  );
  if (result.fileProblem || result.counts.new !== rows) throw new Error(`Expected ${rows} new rows: ${result.fileProblem ?? JSON.stringify(result.counts)}`);
  if (mode === 'commit' && result.written.created !== rows) throw new Error('The commit did not write every row');
}
clearInterval(sampler);
const growthMb = (peak - baseline) / 2 ** 20;
console.log(`Peak RSS ${(peak / 2 ** 20).toFixed(0)} MB, ${growthMb.toFixed(0)} MB above the start.`);
fs.rmSync(path.dirname(file), { recursive: true, force: true });
if (growthMb > 200) {
  console.error('FAIL: memory grew by more than 200 MB');
  process.exit(1);
}
}

void main();
