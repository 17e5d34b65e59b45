// npm run eval:agreement — how far two people agree when labelling the same documents: the
// corpus's labels (corpus/labels) against a second labelling made blind, from LABELLING.md and the
// texts alone, of sixteen of its documents (corpus/agreement/labels). It says how much of the
// extractor's distance from its targets is the labels' own uncertainty.
//
// A number is the same mention in both when line, value, qualifier and range top agree, as the
// extraction evaluation matches a proposal to a label (matchesLabel).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Qualifier } from '../lib/vocabulary';
import { matchesLabel } from '../lib/extraction/evaluate';

const root = path.resolve(import.meta.dirname, '..');
type Row = Record<string, string>;
const csv = (file: string): Row[] => parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
const manifest = new Map(csv(path.join(root, 'corpus/manifest.csv')).map((r) => [r.id!, r]));
// The same mention: as the extraction evaluation matches a proposal to a label (evaluate.ts).
const stated = (r: Row) => ({ line: Number(r.line), value: Number(r.value), qualifier: r.qualifier as Qualifier, upper: r.upper ? Number(r.upper) : null });
const sameMention = (a: Row, b: Row) => matchesLabel(stated(a), stated(b));

interface Tally {
  docs: number;
  first: number;
  second: number;
  both: number;
  basis: number;
  periodEnd: number;
}
const blank = (): Tally => ({ docs: 0, first: 0, second: 0, both: 0, basis: 0, periodEnd: 0 });
const tallies: Record<string, Tally> = { tune: blank(), test: blank(), all: blank() };
const dir = path.join(root, 'corpus/agreement/labels');
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
  const id = file.replace(/\.csv$/, '');
  const first = csv(path.join(root, 'corpus/labels', file)).filter((r) => r.include === 'yes');
  const second = csv(path.join(dir, file)).filter((r) => r.include === 'yes');
  const into = [tallies[manifest.get(id)!.split!]!, tallies.all!];
  const taken = new Set<number>();
  for (const t of into) {
    t.docs++;
    t.first += first.length;
    t.second += second.length;
  }
  for (const a of first) {
    const k = second.findIndex((b, i) => !taken.has(i) && sameMention(a, b));
    if (k < 0) continue;
    taken.add(k);
    const b = second[k]!;
    for (const t of into) {
      t.both++;
      if (a.basis === b.basis) t.basis++;
      if (a.period_end === b.period_end) t.periodEnd++;
    }
  }
}
const pc = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`.padStart(7);
console.log('Two labellings of the same documents (corpus/labels, and corpus/agreement/labels made blind):');
console.log('half   docs  figures (1st, 2nd, both)   2nd finds 1st   1st finds 2nd   basis agrees   period end agrees');
for (const [half, t] of Object.entries(tallies))
  console.log(
    `${half.padEnd(5)} ${String(t.docs).padStart(5)}  ${String(t.first).padStart(4)} ${String(t.second).padStart(4)} ${String(t.both).padStart(4)}            ${pc(t.both, t.first)}         ${pc(t.both, t.second)}        ${pc(t.basis, t.both)}         ${pc(t.periodEnd, t.both)}`,
  );
