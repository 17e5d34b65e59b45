// npm run test:export -- [--rows 1000000] [--db file.db] [--workers N] [--json] [--url postgres-url]
// Streams the observations CSV export of a generated database through the same functions the
// route uses, and checks that memory stays bounded: fails if peak RSS grows by more than
// 200 MB over the start (the export never holds the whole result). Prints rows per second;
// with --json, one line of figures for `npm run bench` (which runs it in a process of its own
// so that its peak memory is the export's alone). With --url, the export of a PostgreSQL
// database (as DATABASE_URL, the route's call unchanged), for `npm run bench:postgres`.
import fs from 'node:fs';
import { getDb } from '../db/client';
import { observationExportStream } from '../db/export/export';
import { benchDatabasePath, generateDatabase } from '../db/synthetic';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const json = process.argv.includes('--json');
const rows = Number(arg('rows') ?? 1_000_000);
const file = arg('db') ?? benchDatabasePath(rows);
// On PostgreSQL the app reads DATABASE_URL, whatever the file.
const url = arg('url');
if (url) process.env.DATABASE_URL = url;
if (!url && !fs.existsSync(file)) {
  const { seconds } = generateDatabase(rows, file);
  console.log(`Generated ${rows.toLocaleString('en-GB')} observations in ${seconds.toFixed(1)} s (${file})`);
}

/**
 * The process's peak resident memory since it started, in bytes: the kernel's high-water mark
 * (VmHWM), which starts afresh at exec — unlike getrusage's maxRSS, which a child spawned from a
 * big parent inherits. Where /proc is missing, the largest sampled RSS.
 */
function peakRssSinceStart(sampled: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : sampled;
  } catch {
    return sampled;
  }
}

async function main() {
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const started = performance.now();
// --workers N: how many worker threads (default EXPORT_WORKERS, else one: the server's default).
const workers = arg('workers') === undefined ? undefined : Number(arg('workers'));
// On PostgreSQL as the route calls it (app/api/export/observations/route.ts): on the app's connection.
const reader = (url ? observationExportStream({}, {}, {}) : observationExportStream({}, {}, { file, parallel: { workers } })).getReader();
let bytes = 0;
let lines = 0;
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  bytes += value.byteLength;
  for (let k = value.indexOf(10); k >= 0; k = value.indexOf(10, k + 1)) lines += 1;
  peak = Math.max(peak, process.memoryUsage().rss);
}
clearInterval(sampler);
const seconds = (performance.now() - started) / 1000;
if (url) getDb().$client.close();
const dataRows = lines - 1;
const growthMb = (peak - baseline) / 2 ** 20;
if (json) {
  // peakRssMb: the whole process's peak; exportPeakMb: the export's own, its peak above the
  // process at rest (tsx and the modules loaded), which is what the export adds to a server.
  const peakRss = peakRssSinceStart(peak);
  console.log(JSON.stringify({ rows: dataRows, bytes, seconds, peakRssMb: peakRss / 2 ** 20, exportPeakMb: (peakRss - baseline) / 2 ** 20, growthMb }));
  return;
}
console.log(
  `Exported ${dataRows.toLocaleString('en-GB')} rows (${(bytes / 2 ** 20).toFixed(0)} MB) in ${seconds.toFixed(1)} s: ` +
    `${Math.round(dataRows / seconds).toLocaleString('en-GB')} rows/s; peak RSS ${(peak / 2 ** 20).toFixed(0)} MB ` +
    `(${growthMb.toFixed(0)} MB above the start).`,
);
if (dataRows !== rows) {
  console.error(`FAIL: expected ${rows} rows, got ${dataRows}`);
  process.exit(1);
}
if (growthMb > 200) {
  console.error('FAIL: memory grew by more than 200 MB: the export is not streaming');
  process.exit(1);
}
console.log('PASS: the export streams with bounded memory.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
