// npm run bench:data -- --rows 1000000 [--out /tmp/lga-bench-1000000.db]
// Writes the benchmark's synthetic database (db/synthetic.ts) to a file.
import { benchDatabasePath, generateDatabase } from '../db/synthetic';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const rows = Number(arg('rows') ?? 100_000);
if (!Number.isInteger(rows) || rows < 1) {
  console.error('Usage: npm run bench:data -- --rows 1000000 [--out file.db]');
  process.exit(2);
}
const { seconds, file } = generateDatabase(rows, arg('out') ?? benchDatabasePath(rows));
console.log(`${rows.toLocaleString('en-GB')} observations written to ${file} in ${seconds.toFixed(1)} s`);
