// npx tsx scripts/first-sight.ts — writes corpus/first-sight.csv: what the extractor said about
// each number of the corpus's tuning half *before* that document's batch was added, that is, by
// the rules as they stood when they had never seen it. The reader (lib/extraction/scorer.ts) is
// trained on these verdicts, so that it learns how far the rules can be trusted on text they were
// not written for. (The rules as they are now were written from these very documents, and are
// right about them far more often than about a new report.)
//
// For each batch, the commit that added it to the corpus is checked out beside this clone (a git
// worktree of its parent, removed afterwards) and its extractor run on the batch's tuning
// documents. Needs the git history (a full clone). The test half is never read.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { seedReference } from './seed-reference';

const root = path.resolve(__dirname, '..');
type Row = Record<string, string>;
const csv = (file: string): Row[] => parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];

// The commit that added each batch, and the batch's document ids (git log -- corpus/manifest.csv).
// The first batches (A–H) were labelled while the rules were first written: they have no first sight.
const BATCHES: [commit: string, ids: RegExp][] = [
  ['e961a7f', /^J\d/],
  ['202ac71', /^I\d/],
  ['3dc0abe', /^[KL]\d/],
  ['9f8cebf', /^[MNOP]\d/],
  ['6354794', /^[QRS]\d/],
  ['cf4e4a4', /^[TU]\d/],
  ['356c419', /^[VW]\d/],
  ['11d93c7', /^X\d/],
  ['483c2c2', /^Y\d/],
  ['c072793', /^Z(?:0\d|10)$/],
  ['a337817', /^Z(?:1[1-9]|20)$/],
  ['2064628', /^A[A-D]\d/],
  ['74a5bb8', /^A[E-H]\d/],
  ['a8e88f0', /^A[I-L]\d/],
  ['85c8047', /^A[M-P]\d/],
  ['c02d9cf', /^A[Q-T]\d/],
  ['e92070c', /^A[U-X]\d/],
  ['5d412ae', /^(?:A[YZ]|B[AB])\d/],
  ['56583ca', /^B[C-F]\d/],
  ['bc816ea', /^B[G-J]\d/],
  ['87ca013', /^B[K-N]\d/],
  ['22b9333', /^B[O-R]\d/],
  ['b6d3361', /^B[S-V]\d/],
  ['3f07d67', /^B[W-Z]\d/],
  ['974ba20', /^C[A-H]\d/],
];

interface Verdict {
  doc: string;
  line: number;
  value: number;
  qualifier: string;
  upper: number | null;
  ticked: boolean;
  reason: string | null;
  /** The basis and period end the rules read: how they carry over to a new report (decision 0007; a basis reader was tried on them and not kept). */
  basis: string;
  periodEnd: string;
}

/** In a worktree of an old commit: its extractor's verdicts on this clone's tuning documents matching `ids`. */
async function dump(worktree: string, ids: RegExp): Promise<Verdict[]> {
  const extraction = (await import(path.join(worktree, 'lib/extraction/index.ts'))) as {
    extractFigures: (text: string, o: object) => { line: number; value: number; qualifier: string; upper: number | null; likelyContext: boolean; contextReason: string | null; basis: string; periodEnd: string }[];
  };
  const reference = seedReference(path.join(worktree, 'seed'));
  const out: Verdict[] = [];
  for (const doc of csv(path.join(root, 'corpus/manifest.csv'))) {
    if (doc.split !== 'tune' || !ids.test(doc.id!)) continue;
    const text = fs.readFileSync(path.join(root, 'corpus/docs', doc.file!), 'utf8');
    // (rulesOnly: the rules' verdict before the reader weighs it, where the reader exists; commits
    // before it ignore the option and give the rules' and the old scorer's verdict.)
    for (const p of extraction.extractFigures(text, { reportDate: doc.date, datePrecision: doc.date_precision || 'day', reference, rulesOnly: true }))
      out.push({ doc: doc.id!, line: p.line, value: p.value, qualifier: p.qualifier, upper: p.upper, ticked: !p.likelyContext, reason: p.likelyContext ? p.contextReason : null, basis: p.basis, periodEnd: p.periodEnd });
  }
  return out;
}

async function main() {
  const at = process.argv.indexOf('--dump');
  if (at >= 0) {
    const [worktree, ids] = process.argv.slice(at + 1);
    process.stdout.write(JSON.stringify(await dump(worktree!, new RegExp(ids!))));
    return;
  }
  const rows: Verdict[] = [];
  for (const [commit, ids] of BATCHES) {
    const worktree = fs.mkdtempSync(path.join(os.tmpdir(), `first-sight-${commit}-`));
    execFileSync('git', ['worktree', 'add', '--quiet', '--detach', worktree, `${commit}^`], { cwd: root });
    try {
      fs.symlinkSync(path.join(root, 'node_modules'), path.join(worktree, 'node_modules'));
      const json = execFileSync('npx', ['tsx', path.join(root, 'scripts/first-sight.ts'), '--dump', worktree, ids.source], { cwd: worktree, maxBuffer: 1 << 28 }).toString();
      const verdicts = JSON.parse(json) as Verdict[];
      console.log(`${commit}^  ${ids.source.padEnd(20)} ${new Set(verdicts.map((v) => v.doc)).size} documents, ${verdicts.length} numbers`);
      rows.push(...verdicts);
    } finally {
      execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root });
    }
  }
  const file = path.join(root, 'corpus/first-sight.csv');
  fs.writeFileSync(
    file,
    stringify(
      rows.map((r) => ({ ...r, upper: r.upper ?? '', ticked: r.ticked ? 'yes' : 'no', reason: r.reason ?? '' })),
      { header: true, columns: ['doc', 'line', 'value', 'qualifier', 'upper', 'ticked', 'reason', 'basis', 'periodEnd'] },
    ),
  );
  console.log(`Wrote ${path.relative(root, file)}: ${rows.length} numbers.`);
}

void main();
