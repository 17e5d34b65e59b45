// npm run eval:extract — measures figure extraction (lib/extraction) against the curated
// figures (seed/figures.csv) on the five board reports in ../shared/reports, and against the
// labelled corpus (corpus/), its tuning half and its test half apart.
//
//   npx tsx scripts/eval-extract.ts [--verbose] [--tuning-only]
//
// Prints recall and precision of value+qualifier, metric, programme and period agreement per
// report and in total, and the time taken, then the corpus's scores; each against its target
// (PASS, or SHORT of it) and its floor (FAIL below it: exits 1). --verbose lists the seeds' and
// the tuning half's misses, false positives and disagreements, never the test half's. Without
// the reports beside this clone the seeds are skipped, saying so; the corpus is always scored.
// --tuning-only leaves the test half out altogether, not even its score: for rule work, so that
// the test half is looked at once, when the work is done.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import type { Basis, DatePrecision, Qualifier } from '../lib/vocabulary';
import { extractFigures, type ReferenceNames } from '../lib/extraction';
import { seedReference } from './seed-reference';
import { emptyLabelScore, evaluate, labelTargetResults, ratio, scoreLabels, targetResults, type FileResult, type LabelScore, type NumberLabel, type Score, type SeedOccurrence, type TargetResult } from '../lib/extraction/evaluate';

const root = path.resolve(__dirname, '..');
const reportsDir = [path.resolve(root, '../shared/reports'), path.resolve(process.cwd(), '../shared/reports')].find((d) =>
  fs.existsSync(d),
);
const verbose = process.argv.includes('--verbose');
const tuningOnly = process.argv.includes('--tuning-only');

type Row = Record<string, string>;
const readCsv = (file: string): Row[] =>
  parse(fs.readFileSync(path.join(root, 'seed', file), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];

function seed(): SeedOccurrence[] {
  return readCsv('figures.csv').map((r) => ({
    file: r.source_file!,
    line: Number(r.line),
    evidence: r.evidence!,
    value: Number(r.value),
    upper: r.upper ? Number(r.upper) : null,
    qualifier: r.qualifier as Qualifier,
    metric: r.metric!,
    programme: r.programme!,
    board: r.board!,
    basis: r.basis as Basis,
    periodStart: r.period_start || null,
    periodEnd: r.period_end!,
  }));
}

/** PASS: meets the target; SHORT: below the target but not below the floor; FAIL: below the floor (npm test fails). */
function verdict(t: TargetResult<string>, label: string): string {
  const word = t.pass ? 'PASS ' : t.held ? 'SHORT' : 'FAIL ';
  const pc = (v: number) => `${(100 * v).toFixed(1)}%`;
  return `${word}  ${label} ${pc(t.value).padStart(6)}  (target ≥ ${pc(t.target)}${t.pass ? '' : `, floor ≥ ${pc(t.floor)}`})`;
}

const pct = (n: number, d: number) => `${(100 * ratio(n, d)).toFixed(1)}%`.padStart(7);

function row(s: Score): string {
  return [
    s.file.padEnd(26),
    `${String(s.found).padStart(3)}/${String(s.seedRows).padEnd(3)} ${pct(s.found, s.seedRows)}`,
    `${String(s.correct).padStart(3)}/${String(s.ticked).padEnd(3)} ${pct(s.correct, s.ticked)}`,
    pct(s.metricOk, s.found),
    pct(s.programmeOk, s.found),
    pct(s.periodEndOk, s.found),
    pct(s.startAndBasisOk, s.found),
    `${s.ms.toFixed(1).padStart(8)}`,
  ].join('  ');
}

function main(): number {
  const ref = seedReference();
  if (!reportsDir) {
    console.log('Seeds skipped: ../shared/reports is not beside this clone.');
    return corpus(ref) ? 1 : 0;
  }
  const occurrences = seed();
  const sources = readCsv('sources.csv');
  const results: FileResult[] = [];
  for (const source of sources) {
    const file = source.file_name!;
    const full = path.join(reportsDir, file);
    if (!fs.existsSync(full)) continue;
    const text = fs.readFileSync(full, 'utf8');
    // (With the title an officer would give the report at import.)
    const options = { reportDate: source.document_date!, datePrecision: (source.date_precision || 'day') as DatePrecision, reference: ref, title: source.title };
    // Best of five runs after a warm-up: the time of extraction, not of loading code or of
    // whatever else the machine is doing.
    let proposals = extractFigures(text, options);
    let ms = Infinity;
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      proposals = extractFigures(text, options);
      ms = Math.min(ms, performance.now() - t0);
    }
    results.push({ file, proposals, ms });
  }
  const { files, total } = evaluate(results, occurrences);

  console.log(
    ['report'.padEnd(26), 'recall (v+q)      ', 'precision (v+q)  ', ' metric', 'program', ' period', 'start+b', '     ms'].join('  '),
  );
  for (const f of files) console.log(row(f));
  console.log(row(total));
  const kb = results.reduce((n, r) => n + fs.statSync(path.join(reportsDir, r.file)).size, 0) / 1024;
  console.log(`(${kb.toFixed(0)} KB of reports; period = period end agrees; start+b = period start and basis agree, for information)`);
  console.log('');
  let failed = false;
  for (const t of targetResults(total)) {
    console.log(verdict(t, t.name.padEnd(10)));
    if (!t.held) failed = true;
  }

  if (verbose) {
    const clip = (s: string) => (s.length > 110 ? `${s.slice(0, 107)}…` : s);
    console.log(`\nMisses (${total.misses.length}):`);
    for (const m of total.misses.slice(0, 40))
      console.log(`  ${m.file.slice(0, 3)}:${m.line}  ${m.value} ${m.qualifier}  ${clip(m.evidence)}`);
    console.log(`\nFalse positives (${total.falsePositives.length}):`);
    const fileOf = new Map<object, string>();
    for (const r of results) for (const p of r.proposals) fileOf.set(p, r.file);
    for (const p of total.falsePositives.slice(0, 40))
      console.log(`  ${(fileOf.get(p) ?? '').slice(0, 3)}:${p.line}  ${p.value} ${p.qualifier} [${p.counted}]  ${clip(p.evidence)}`);
    const wrong = (label: string, pick: (s: SeedOccurrence) => string | null, got: (p: { metric: string | null; programme: string | null; periodEnd: string; basis: string }) => string | null) => {
      const lines: string[] = [];
      for (const r of results)
        for (const s of occurrences.filter((o) => o.file === r.file)) {
          const ms = r.proposals.filter((p) => !p.likelyContext && p.line === s.line && Math.abs(p.value - s.value) < 1e-9 && p.qualifier === s.qualifier);
          if (ms.length && !ms.some((p) => got(p) === pick(s)))
            lines.push(`  ${s.file.slice(0, 3)}:${s.line}  ${s.value}  want ${pick(s)}  got ${got(ms[0]!)}`);
        }
      console.log(`\n${label} disagreements (${lines.length}):`);
      for (const l of lines.slice(0, 40)) console.log(l);
    };
    wrong('Metric', (s) => s.metric, (p) => p.metric);
    wrong('Programme', (s) => s.programme, (p) => p.programme);
    wrong('Period end', (s) => s.periodEnd, (p) => p.periodEnd);
    wrong('Basis', (s) => s.basis, (p) => p.basis);
  }
  if (corpus(ref)) failed = true;
  return failed ? 1 : 0;
}

// The corpus (corpus/README.md): real public reports the rules were not written from, labelled
// number by number, split by document into a tuning half and a test half before any rule work.
// Only the tuning half's misses are ever listed; the test half is a score.
function corpus(ref: ReferenceNames): boolean {
  const dir = path.join(root, 'corpus');
  if (!fs.existsSync(path.join(dir, 'manifest.csv'))) {
    console.log('\nCorpus: corpus/manifest.csv is missing, so the corpus was not scored.');
    return true;
  }
  const manifest = parse(fs.readFileSync(path.join(dir, 'manifest.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
  const categories = new Map(readCsv('metrics.csv').map((m) => [m.name!, m.category!]));
  const halves: Record<string, { docs: number; score: LabelScore; fileOf: Map<object, string>; kb: number }> = {};
  // Each half by the rounds its batches came in (scores only: never the test half's errors).
  const ROUNDS: [string, RegExp][] = [['CA–CH', /^C[A-H]\d/], ['BW–BZ', /^B[W-Z]\d/], ['BS–BV', /^B[S-V]\d/], ['BO–BR', /^B[O-R]\d/], ['BK–BN', /^B[K-N]\d/], ['BG–BJ', /^B[G-J]\d/], ['BC–BF', /^B[C-F]\d/], ['AY–BB', /^(?:A[YZ]|B[AB])\d/], ['AU–AX', /^A[U-X]\d/], ['AQ–AT', /^A[Q-T]\d/], ['AM–AP', /^A[M-P]\d/], ['AI–AL', /^A[I-L]\d/], ['AE–AH', /^A[E-H]\d/], ['AA–AD', /^A[A-D]\d/], ['A–H', /^[A-H]/], ['I–L', /^[I-L]/], ['M–P', /^[M-P]/], ['Q–S', /^[Q-S]/], ['T–U', /^[T-U]/], ['V–W', /^[V-W]/], ['X–Z', /^[X-Z]/]];
  const byRound: Record<string, { docs: number; score: LabelScore }> = {};
  for (const doc of manifest) {
    if (tuningOnly && doc.split === 'test') continue;
    const text = fs.readFileSync(path.join(dir, 'docs', doc.file!), 'utf8');
    const labels: NumberLabel[] = (parse(fs.readFileSync(path.join(dir, 'labels', `${doc.id}.csv`), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[]).map((l) => ({
      file: l.file!,
      line: Number(l.line),
      value: Number(l.value),
      qualifier: l.qualifier as Qualifier,
      upper: l.upper ? Number(l.upper) : null,
      category: l.metric_category ?? '',
      basis: (l.basis ?? '') as Basis | '',
      periodEnd: l.period_end ?? '',
      include: l.include === 'yes',
    }));
    const proposals = extractFigures(text, { reportDate: doc.date!, datePrecision: (doc.date_precision || 'day') as DatePrecision, reference: ref, title: doc.title });
    const half = (halves[doc.split!] ??= { docs: 0, score: emptyLabelScore(), fileOf: new Map(), kb: 0 });
    half.docs++;
    half.kb += text.length / 1024;
    for (const p of proposals) half.fileOf.set(p, doc.id!);
    for (const m of labels) half.fileOf.set(m, doc.id!);
    scoreLabels(proposals, labels, (metric) => categories.get(metric), half.score);
    const round = ROUNDS.find(([, re]) => re.test(doc.id!))?.[0] ?? 'other';
    const r = (byRound[`${doc.split} ${round}`] ??= { docs: 0, score: emptyLabelScore() });
    r.docs++;
    scoreLabels(proposals, labels, (metric) => categories.get(metric), r.score);
  }
  console.log(`\nCorpus of ${manifest.length} documents beyond the seeds (corpus/manifest.csv), split by document:`);
  console.log(['half'.padEnd(10), 'docs', 'recall (v+q)      ', 'precision (v+q)  ', ' metric', '  basis', ' period'].join('  '));
  for (const [name, h] of Object.entries(halves).sort(([a], [b]) => b.localeCompare(a))) {
    const s = h.score;
    console.log(
      [
        name.padEnd(10),
        String(h.docs).padStart(4),
        `${String(s.found).padStart(3)}/${String(s.figures).padEnd(3)} ${pct(s.found, s.figures)}`,
        `${String(s.correct).padStart(3)}/${String(s.ticked).padEnd(3)} ${pct(s.correct, s.ticked)}`,
        pct(s.metricOk, s.found),
        pct(s.basisOk, s.found),
        pct(s.periodEndOk, s.found),
      ].join('  '),
    );
  }
  console.log('(metric = the suggested metric is of the labelled category; basis and period end agree with the labels)');
  console.log(`By batch round: ${Object.entries(byRound)
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([k, r]) => `${k} (${r.docs}) ${(100 * ratio(r.score.found, r.score.figures)).toFixed(1)}/${(100 * ratio(r.score.correct, r.score.ticked)).toFixed(1)}`)
    .join('; ')} (recall/precision)\n`);
  let failed = false;
  if (tuningOnly) console.log('The test half was left out (--tuning-only).');
  else
    for (const t of labelTargetResults(halves.test?.score ?? emptyLabelScore())) {
      console.log(verdict(t, `test half ${t.name.padEnd(10)}`));
      if (!t.held) failed = true;
    }
  const tune = halves.tune;
  if (verbose && tune) {
    const clip = (s: string) => (s.length > 110 ? `${s.slice(0, 107)}…` : s);
    console.log(`\nTuning half misses (${tune.score.misses.length}):`);
    for (const m of tune.score.misses) console.log(`  ${tune.fileOf.get(m)}:${m.line}  ${m.value}${m.upper ? `-${m.upper}` : ''} ${m.qualifier} [${m.category}]`);
    console.log(`\nTuning half false positives (${tune.score.falsePositives.length}):`);
    for (const p of tune.score.falsePositives) console.log(`  ${tune.fileOf.get(p)}:${p.line}  ${p.value} ${p.qualifier} [${p.counted}]  ${clip(p.evidence)}`);
    for (const field of ['metric', 'basis', 'periodEnd'] as const) {
      const list = tune.score.disagreements.filter((d) => d.field === field);
      console.log(`\nTuning half ${field} disagreements (${list.length}):`);
      const want = (l: NumberLabel) => (field === 'metric' ? l.category : field === 'basis' ? l.basis : l.periodEnd);
      for (const d of list) console.log(`  ${tune.fileOf.get(d.label)}:${d.label.line}  ${d.label.value}  want ${want(d.label)}  got ${d.got}  ${clip(d.proposal.evidence)}`);
    }
  }
  return failed;
}

process.exit(main());
