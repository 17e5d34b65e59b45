// npm run train:scorer — learns the weights of lib/extraction/scorer.ts and writes
// lib/extraction/scorer-weights.ts.
//
// Examples: every number the reading rules propose (not set apart) in the five seed reports
// (labelled in seed/number-labels.csv; skipped, saying so, when ../shared/reports is absent) and
// in the corpus's TUNING half (corpus/manifest.csv). The test half is never read. A number is a
// positive example when a label marks the same line, value, qualifier and range top as a figure.
//
// Logistic regression by plain gradient descent from zero weights, with a fixed number of steps
// and an L2 penalty: the same examples always give the same weights. The threshold is chosen on
// leave-one-document-out predictions (each document scored by a model trained without it), as
// the one with the best F1; the printed table shows those held-out scores, not the training fit.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { DatePrecision, Qualifier, Unit } from '../lib/vocabulary';
import { extractFigures, type ReferenceNames } from '../lib/extraction';
import { matchesLabel } from '../lib/extraction/evaluate';
import { FEATURE_NAMES } from '../lib/extraction/scorer';

const root = path.resolve(import.meta.dirname, '..');
const reportsDir = path.resolve(root, '../shared/reports');
type Row = Record<string, string>;
const csv = (file: string): Row[] => parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];

const seedCsv = (name: string) => csv(path.join(root, 'seed', name));
const reference: ReferenceNames = {
  boards: seedCsv('boards.csv').map((r) => ({ name: r.name!, slug: r.slug! })),
  programmes: seedCsv('programmes.csv').map((r) => ({ name: r.name!, slug: r.slug!, board: r.board!, theme: r.theme || null })),
  metrics: seedCsv('metrics.csv').map((r) => ({ name: r.name!, slug: r.slug!, unit: r.unit as Unit, definition: r.definition || null })),
};

interface Label {
  line: number;
  value: number;
  qualifier: Qualifier;
  upper: number | null;
  include: boolean;
}
interface Doc {
  name: string;
  x: number[][];
  y: number[];
}

const toLabel = (r: Row): Label => ({ line: Number(r.line), value: Number(r.value), qualifier: r.qualifier as Qualifier, upper: r.upper ? Number(r.upper) : null, include: r.include === 'yes' });

function examples(name: string, text: string, reportDate: string, datePrecision: DatePrecision, labels: Label[]): Doc {
  const doc: Doc = { name, x: [], y: [] };
  for (const p of extractFigures(text, { reportDate, datePrecision, reference, training: true })) {
    if (!p.features) continue;
    const figure = labels.some((l) => l.include && matchesLabel(p, l));
    doc.x.push(p.features);
    doc.y.push(figure ? 1 : 0);
  }
  return doc;
}

function loadDocs(): Doc[] {
  const docs: Doc[] = [];
  if (fs.existsSync(reportsDir)) {
    const labels = seedCsv('number-labels.csv');
    for (const source of seedCsv('sources.csv')) {
      const file = path.join(reportsDir, source.file_name!);
      if (!source.file_name || !fs.existsSync(file)) continue;
      const own = labels.filter((l) => l.file === source.file_name).map(toLabel);
      docs.push(examples(source.file_name, fs.readFileSync(file, 'utf8'), source.document_date!, (source.date_precision || 'day') as DatePrecision, own));
    }
  } else console.log('The seed reports are not in ../shared/reports: training on the corpus tuning half alone.');
  const dir = path.join(root, 'corpus');
  for (const doc of csv(path.join(dir, 'manifest.csv'))) {
    if (doc.split !== 'tune') continue; // the test half is only ever a score
    const labels = csv(path.join(dir, 'labels', `${doc.id}.csv`)).map(toLabel);
    docs.push(examples(doc.id!, fs.readFileSync(path.join(dir, 'docs', doc.file!), 'utf8'), doc.date!, (doc.date_precision || 'day') as DatePrecision, labels));
  }
  return docs;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const STEPS = 4000;
const RATE = 0.5;
const L2 = 0.002;

function train(x: number[][], y: number[]): number[] {
  const n = FEATURE_NAMES.length;
  const w = new Array<number>(n).fill(0);
  for (let step = 0; step < STEPS; step++) {
    const grad = new Array<number>(n).fill(0);
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      const err = sigmoid(xi.reduce((s, v, k) => s + v * w[k]!, 0)) - y[i]!;
      for (let k = 0; k < n; k++) grad[k]! += err * xi[k]!;
    }
    for (let k = 0; k < n; k++) w[k]! -= RATE * (grad[k]! / x.length + (k === 0 ? 0 : L2 * w[k]!));
  }
  return w;
}

const predict = (w: number[], xi: number[]) => sigmoid(xi.reduce((s, v, k) => s + v * w[k]!, 0));

function scores(p: number[], y: number[], threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  p.forEach((pi, i) => {
    const kept = pi >= threshold;
    if (kept && y[i]) tp++;
    else if (kept) fp++;
    else if (y[i]) fn++;
  });
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return { tp, fp, fn, precision, recall, f1: (2 * precision * recall) / Math.max(1e-9, precision + recall) };
}

function main() {
  const docs = loadDocs();
  const x = docs.flatMap((d) => d.x);
  const y = docs.flatMap((d) => d.y);
  console.log(`${docs.length} documents, ${x.length} numbers the rules propose, ${y.filter(Boolean).length} of them figures.`);

  // Leave one document out: each document's numbers scored by a model that never saw it.
  const heldOut: number[] = [];
  const heldY: number[] = [];
  for (const d of docs) {
    if (!d.x.length) continue;
    const others = docs.filter((o) => o !== d);
    const w = train(
      others.flatMap((o) => o.x),
      others.flatMap((o) => o.y),
    );
    for (const xi of d.x) heldOut.push(predict(w, xi));
    heldY.push(...d.y);
  }
  let best = { threshold: 0, f1: -1 };
  for (let t = 0.05; t <= 0.6; t += 0.01) {
    const s = scores(heldOut, heldY, t);
    if (s.f1 > best.f1 + 1e-9) best = { threshold: Number(t.toFixed(2)), f1: s.f1 };
  }
  const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
  const none = scores(heldOut, heldY, 0);
  const chosen = scores(heldOut, heldY, best.threshold);
  console.log(`Held-out (leave one document out), over the numbers the rules propose:`);
  console.log(`  rules alone         precision ${pct(none.precision)}  recall ${pct(none.recall)}`);
  console.log(`  rules + scorer ≥ ${best.threshold.toFixed(2)}  precision ${pct(chosen.precision)}  recall ${pct(chosen.recall)}  (set apart ${chosen.fn + (none.fp - chosen.fp)}: ${none.fp - chosen.fp} non-figures, ${chosen.fn} figures)`);

  const weights = train(x, y).map((v) => Number(v.toFixed(4)));
  console.log('\nWeights (all tuning data):');
  FEATURE_NAMES.forEach((name, k) => console.log(`  ${name.padEnd(30)} ${weights[k]!.toFixed(3).padStart(8)}`));
  const out = `// Generated by scripts/train-scorer.ts (npm run train:scorer) from the seed reports' labels and
// the corpus's tuning half — do not edit by hand. One weight per FEATURE_NAMES entry of scorer.ts;
// a number is set apart when the model's likelihood is below the threshold.
export const WEIGHTS = {
  weights: [${weights.join(', ')}],
  threshold: ${best.threshold},
};
`;
  fs.writeFileSync(path.join(root, 'lib/extraction/scorer-weights.ts'), out);
  console.log('\nWrote lib/extraction/scorer-weights.ts');
}

main();
