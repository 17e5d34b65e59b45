// How well extraction agrees with the curated figures (seed/figures.csv). Pure functions, so the
// matching rules are unit-tested and scripts/eval-extract.ts only reads files and prints.
//
// - A seed occurrence is *found* when a ticked proposal (not likelyContext) has the same file,
//   line, value and qualifier.
// - A ticked proposal is *correct* when it finds a seed occurrence, or when its evidence
//   contains (or is contained in) the evidence of a seed occurrence in any file with the same
//   value and qualifier: 002 is a copy of a report inside 004, and the curators recorded the
//   shared facts once.
import type { Basis, Qualifier } from '../vocabulary';
import { plainEvidence } from '../evidence';
import type { Proposal } from './index';

export interface SeedOccurrence {
  file: string;
  line: number;
  evidence: string;
  value: number;
  /** The top of a range, where the figure is one. */
  upper?: number | null;
  qualifier: Qualifier;
  metric: string;
  programme: string;
  board: string;
  basis: Basis;
  periodStart: string | null;
  periodEnd: string;
}

export interface FileResult {
  file: string;
  proposals: Proposal[];
  ms: number;
}

export interface Score {
  file: string;
  seedRows: number;
  found: number;
  ticked: number;
  correct: number;
  metricOk: number;
  programmeOk: number;
  periodEndOk: number;
  startAndBasisOk: number;
  ms: number;
  misses: SeedOccurrence[];
  falsePositives: Proposal[];
}

const sameValue = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const sameTop = (a: number | null, b: number | null) => (a === null || b === null ? a === b : sameValue(a, b));

export function findsSeed(p: Proposal, file: string, s: SeedOccurrence): boolean {
  return !p.likelyContext && s.file === file && s.line === p.line && sameValue(s.value, p.value) && s.qualifier === p.qualifier && sameTop(p.upper, s.upper ?? null);
}

/** Whether a ticked proposal agrees with the curated data (see the file comment). */
export function isCorrect(p: Proposal, file: string, seed: SeedOccurrence[]): boolean {
  if (p.likelyContext) return false;
  if (seed.some((s) => findsSeed(p, file, s))) return true;
  const mine = plainEvidence(p.evidence);
  return seed.some((s) => {
    if (!sameValue(s.value, p.value) || s.qualifier !== p.qualifier) return false;
    const theirs = plainEvidence(s.evidence);
    return theirs.length > 0 && mine.length > 0 && (mine.includes(theirs) || theirs.includes(mine));
  });
}

function emptyScore(file: string): Score {
  return { file, seedRows: 0, found: 0, ticked: 0, correct: 0, metricOk: 0, programmeOk: 0, periodEndOk: 0, startAndBasisOk: 0, ms: 0, misses: [], falsePositives: [] };
}

export function scoreFile(result: FileResult, seed: SeedOccurrence[]): Score {
  const score = emptyScore(result.file);
  score.ms = result.ms;
  for (const s of seed.filter((r) => r.file === result.file)) {
    score.seedRows++;
    const matches = result.proposals.filter((p) => findsSeed(p, result.file, s));
    if (!matches.length) {
      score.misses.push(s);
      continue;
    }
    score.found++;
    if (matches.some((p) => p.metric === s.metric)) score.metricOk++;
    if (matches.some((p) => p.programme === s.programme)) score.programmeOk++;
    if (matches.some((p) => p.periodEnd === s.periodEnd)) score.periodEndOk++;
    if (matches.some((p) => p.basis === s.basis && (p.periodStart ?? '') === (s.periodStart ?? ''))) score.startAndBasisOk++;
  }
  for (const p of result.proposals) {
    if (p.likelyContext) continue;
    score.ticked++;
    if (isCorrect(p, result.file, seed)) score.correct++;
    else score.falsePositives.push(p);
  }
  return score;
}

export function evaluate(results: FileResult[], seed: SeedOccurrence[]): { files: Score[]; total: Score } {
  const files = results.map((r) => scoreFile(r, seed));
  const total = emptyScore('total');
  for (const f of files) {
    total.seedRows += f.seedRows;
    total.found += f.found;
    total.ticked += f.ticked;
    total.correct += f.correct;
    total.metricOk += f.metricOk;
    total.programmeOk += f.programmeOk;
    total.periodEndOk += f.periodEndOk;
    total.startAndBasisOk += f.startAndBasisOk;
    total.ms += f.ms;
    total.misses.push(...f.misses);
    total.falsePositives.push(...f.falsePositives);
  }
  // Seed rows of files that were not run count as misses too.
  const run = new Set(results.map((r) => r.file));
  for (const s of seed) {
    if (run.has(s.file)) continue;
    total.seedRows++;
    total.misses.push(s);
  }
  return { files, total };
}

export const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

/**
 * On the seeds: the targets (issue: report import that works on the next board report), and the
 * floors `npm test` holds — the scores reached so far, so that no change makes them worse.
 * Where a target is not met yet the evaluation says so; it fails only below a floor. When a
 * target is met, its floor is raised to it.
 */
export const TARGETS = { recall: 0.98, precision: 0.98, metric: 0.8, programme: 0.7 } as const;
export const FLOORS: Record<keyof typeof TARGETS, number> = { recall: 0.98, precision: 0.98, metric: 0.8, programme: 0.7 };

export interface TargetResult<Name extends string> {
  name: Name;
  value: number;
  target: number;
  floor: number;
  /** Meets the target. */
  pass: boolean;
  /** At or above the floor (npm test fails below it). */
  held: boolean;
}

const judge = <Name extends string>(values: Record<Name, number>, targets: Record<Name, number>, floors: Record<Name, number>): TargetResult<Name>[] =>
  (Object.keys(targets) as Name[]).map((name) => ({
    name,
    value: values[name],
    target: targets[name],
    floor: floors[name],
    pass: values[name] >= targets[name] - 1e-9,
    held: values[name] >= floors[name] - 1e-9,
  }));

export function targetResults(total: Score): TargetResult<keyof typeof TARGETS>[] {
  const values: Record<keyof typeof TARGETS, number> = {
    recall: ratio(total.found, total.seedRows),
    precision: ratio(total.correct, total.ticked),
    metric: ratio(total.metricOk, total.found),
    programme: ratio(total.programmeOk, total.found),
  };
  return judge(values, TARGETS, FLOORS);
}

// ---------------------------------------------------------------------------------------------
// Against labelled text (corpus/ and seed/number-labels.csv): every number mention of a document
// labelled by ../shared/LABELLING.md's conventions, figure or not.

/** One labelled number mention. */
export interface NumberLabel {
  file: string;
  line: number;
  value: number;
  qualifier: Qualifier;
  upper: number | null;
  /** One of the metric categories (db/schema.ts METRIC_CATEGORIES), or '' where none is given. */
  category: string;
  basis: Basis | '';
  periodEnd: string;
  include: boolean;
}

export interface LabelScore {
  /** Mentions labelled as figures, and how many a ticked proposal found (same line, value, qualifier and top). */
  figures: number;
  found: number;
  /** Ticked proposals, and how many are labelled figures. */
  ticked: number;
  correct: number;
  /** Of the figures found: the proposal's metric is of the labelled category, and its basis and period end agree. */
  metricOk: number;
  basisOk: number;
  periodEndOk: number;
  misses: NumberLabel[];
  falsePositives: Proposal[];
  /** Figures found whose metric category, basis or period end disagree with the label. */
  disagreements: { field: 'metric' | 'basis' | 'periodEnd'; label: NumberLabel; proposal: Proposal; got: string }[];
}

export const emptyLabelScore = (): LabelScore => ({ figures: 0, found: 0, ticked: 0, correct: 0, metricOk: 0, basisOk: 0, periodEndOk: 0, misses: [], falsePositives: [], disagreements: [] });

type Stated = Pick<Proposal, 'line' | 'value' | 'qualifier' | 'upper'>;
/** A proposal states a labelled number: the same line, value, qualifier and range top. */
export const matchesLabel = (p: Stated, l: Stated) => p.line === l.line && sameValue(p.value, l.value) && p.qualifier === l.qualifier && sameTop(p.upper, l.upper);

/**
 * Scores one document's proposals against its labels. `categoryOf` gives a suggested metric's
 * category (by the metric's name); a proposal naming a new metric is of the category 'other'.
 */
export function scoreLabels(proposals: Proposal[], labels: NumberLabel[], categoryOf: (metric: string) => string | undefined, into: LabelScore = emptyLabelScore()): LabelScore {
  const ticked = proposals.filter((p) => !p.likelyContext);
  for (const l of labels) {
    if (!l.include) continue;
    into.figures++;
    const matches = ticked.filter((p) => matchesLabel(p, l));
    if (!matches.length) {
      into.misses.push(l);
      continue;
    }
    into.found++;
    const category = (p: Proposal) => (p.metric ? categoryOf(p.metric) : p.proposedMetric ? 'other' : undefined);
    const first = matches[0]!;
    if (matches.some((p) => category(p) === l.category)) into.metricOk++;
    else into.disagreements.push({ field: 'metric', label: l, proposal: first, got: `${first.metric ?? first.proposedMetric ?? '—'} (${category(first) ?? 'none'})` });
    if (matches.some((p) => p.basis === l.basis)) into.basisOk++;
    else into.disagreements.push({ field: 'basis', label: l, proposal: first, got: first.basis });
    if (matches.some((p) => p.periodEnd === l.periodEnd)) into.periodEndOk++;
    else into.disagreements.push({ field: 'periodEnd', label: l, proposal: first, got: first.periodEnd });
  }
  for (const p of ticked) {
    into.ticked++;
    if (labels.some((l) => l.include && matchesLabel(p, l))) into.correct++;
    else into.falsePositives.push(p);
  }
  return into;
}

/** The corpus targets (issue: report import that works on the next board report), on the test half, and its floors (see FLOORS). */
export const CORPUS_TARGETS = { recall: 0.9, precision: 0.9, metric: 0.85, basis: 0.85, periodEnd: 0.85 } as const;
// Floors: the test half's scores rounded down. Measured again when batches X, Y and Z made it 125
// documents: the twenty new ones scored below the 105 before them (recall/precision 74.0/84.7 at
// first sight), and on those 105 this round's rules moved recall 80.2 -> 80.4, precision 79.3 ->
// 79.8, metric 81.8 -> 82.2, basis 71.3 -> 71.7 and period end 73.9 -> 73.8 (after one rule the
// period-end floor caught was taken back: see the commit "Take back 'a plan's sentence dates
// nothing after it'"). The floors were the 125's: recall 79.0, precision 80.7, metric 81.9, basis
// 69.3, period end 72.2. Batches AA–AD (30 documents never seen, 15 to each half) made the test
// half 140: at first sight they scored 73.0/75.4 there (66.7/86.1 on their tuning half), and the
// 140 scored recall 78.5, precision 80.2, metric 80.4, basis 69.7, period end 71.2, before any rule
// was written from the new tuning documents. Batches AE–AH (30 more, 15 to each half, in the same
// session after rules from AA–AD's tuning half had moved the 140 to 79.5/80.3/81.6/70.6/73.1) made
// the test half 155: at first sight they scored 78.4/65.6 there (74.4/62.7 on their tuning half —
// AE is nearly all numbers that are not figures), and the 155 scored recall 79.4, precision 79.1,
// metric 82.4, basis 69.9, period end 71.1. Batches AI–AL (31 more, 15 to the test half) made it
// 170: at first sight 75.5/58.8 there (76.1/81.0 on their tuning half), after rules from AE–AH's
// tuning half (one of them taken back because it cost the 155 three figures); the 170 scored
// recall 79.3, precision 77.3, metric 82.6, basis 69.8, period end 70.9. Batches AM–AP (32 more, 16
// to each half) made it 186: at first sight 76.1/71.8 there (76.0/72.3 on their tuning half), after
// rules from AI–AL's tuning half that had moved the 170 from 79.3/77.5/82.9/69.5/70.8 to
// 79.0/77.4/82.9/69.7/70.7 (two of its figures fewer ticked; taken back: none); the 186 scored
// recall 78.8, precision 76.9, metric 82.2, basis 70.5, period end 71.0. Batches AQ–AT (32 more, 16
// to each half) made it 202: at first sight 83.6/53.1 there (76.6/65.3 on their tuning half; AS and
// AT are mostly numbers that are not figures), after rules from AM–AP's tuning half that had moved
// the 186 to 78.6/77.1/82.5/70.7/72.0 (two of its figures fewer found; taken back: none); the 202
// scored recall 78.9, precision 74.7, metric 83.0, basis 71.7, period end 70.9. After that session's
// rules it stood at 78.7/75.1/82.8/71.6/70.5. The reader (scorer.ts), trained on the rules' first
// sight of the tuning half (corpus/first-sight.csv) and chosen on those documents held out by batch
// (F1 78.0 -> 81.5 there), moved it to recall 84.7, precision 75.1, metric 83.5, basis 71.3 (of
// more figures found: 541 right against 505), period end 70.4. Batches AU–AX (32 more, 16 to each
// half, mostly numbers that are not figures) made it 218: at first sight 78.2/53.6 there (95.5/70.0
// on their tuning half; the rules alone 81.8/50.0 and 95.5/68.9), and the 218 scored recall 84.3,
// precision 73.5, metric 83.4, basis 70.6, period end 69.7. The reader retrained with AU–AX's
// tuning half and their first sight (threshold again 0.45, chosen on the held-out tuning documents:
// F1 78.2 for the rules at first sight, 81.0 for the reader) moved the 218 to recall 83.6, precision
// 74.2 (F1 78.5 before, 78.6 after), metric 83.3, basis 70.2, period end 69.4: the floors below,
// rounded down. It was kept because the held-out tuning documents chose it; the test half did not.
// Weighing a word only when it is seen in three documents or more (not three numbers: one
// document's names are not the genre's words; held out by batch F1 81.0 -> 81.5) moved the 218 to
// recall 83.4, precision 74.2, metric 82.8, basis 70.6, period end 69.6. Batches AY–BB (32 more,
// 16 to each half, chosen for holding figures) made it 234: at first sight 82.6/83.2 there (92.0/73.6
// on their tuning half; the rules alone 80.9/78.6 and 89.0/73.0), and the 234 scored recall 83.3,
// precision 75.1, metric 82.7, basis 70.8, period end 69.9. The reader retrained with AY–BB's tuning
// half and first sight (205 documents held out by batch: rules 78.5 F1, reader 81.4; threshold again
// 0.45) moved the 234 DOWN, to recall 81.7, precision 75.8 (F1 79.0 -> 78.6), metric 82.3, basis
// 71.1, period end 69.8: the floors below, rounded down. It was kept because the held-out tuning
// documents chose it; keeping the older weights because the test half liked them better would be
// choosing by the test half. Three rules that lost or misread numbers after a year ("from 3,000 in
// July 2021 to 4,800", "2000-3000 people", "4x workshops", "tasked with creating 589") left the 234
// exactly where they were. Batches BC–BF (30 more, 15 to each half) made it 249: at first sight
// 68.6/76.9 there (82.5/85.7 on their tuning half; the rules alone 66.1/76.2 and 85.0/75.0), and
// the 249 scored recall 80.4, precision 75.9, metric 82.9, basis 70.7, period end 68.0: the floors
// below, rounded down. The reader retrained with BC–BF's tuning half and first sight (220 documents
// held out by batch: rules 78.4 F1, reader 81.5 at a threshold of 0.5, 81.4 at 0.45) moved the 249
// to recall 78.5, precision 77.2 (F1 78.1 -> 77.8), metric 83.2, basis 70.6, period end 68.5: the
// floors below, rounded down; kept, as before, because the held-out tuning documents chose it.
// Rules for a table's column of awards or requests, a budget's spend, a DLUHC grant across a year,
// caps "each" and tool names left the 249 where they were. Batches BG–BJ (29 more, 14 to the test
// half) made it 263: at first sight 85.3/88.8 there (71.1/73.4 on their tuning half; the rules
// alone 79.4/88.0 and 77.1/61.5), and the 263 scored recall 79.1, precision 78.1, metric 83.7,
// basis 71.1, period end 68.8. The reader retrained with BG–BJ's tuning half and first sight (235
// documents held out by batch: rules 77.6 F1, reader 81.2; threshold 0.45 again) moved the 263 UP,
// to recall 82.3, precision 77.5 (F1 78.6 -> 79.8), metric 83.2, basis 70.8, period end 68.5: the
// floors below, rounded down. "Just under" read as approx and "£110 to 28,500 households" as a sum
// and a count made it 82.5/77.7, metric 83.2, basis 71.0, period end 68.5; "Of the 33 measures, 32"
// read as a part, a number in a question set apart and "7,906participants" kept left it there.
// Periods read from "in the last year", "Over the previous year,", a title line only, "since it was
// launched by the PCC in 2012" and "now taking part" made it basis 71.1, period end 69.0. Batches
// BK–BN (27 more, 13 to the test half) made it 276: at first sight 92.5/86.0 there (88.6/63.9 on
// their tuning half; the rules alone 86.8/80.7 and 86.4/61.3), and the 276 scored recall 82.9,
// precision 78.0, metric 83.3, basis 71.1, period end 68.5: the floors below, rounded down. The
// reader retrained with BK–BN's tuning half and first sight (249 documents held out by batch: rules
// 77.4 F1, reader 80.9; threshold 0.45 again) left it at recall 82.7, precision 78.4 (F1 80.4 ->
// 80.5), metric 83.6, basis 71.1, period end 68.4: the same floors. Batches BO–BR (30 more, 15 to
// the test half) made it 291: at first sight 93.2/77.3 there (84.0/75.6 on their tuning half; the
// rules alone 93.2/80.0 and 82.7/71.3), and the 291 scored recall 83.2, precision 78.4, metric 83.2,
// basis 70.5, period end 68.1. The reader retrained with their tuning half (264 documents held out
// by batch: rules 77.3 F1, reader 80.9; threshold 0.45 again) left it at recall 82.8, precision
// 78.4, metric 82.8, basis 70.5, period end 68.2: the floors below, rounded down. Reading "since the
// Russian invasion in February" as a running total, a clause ending at " - and" and a 24-hour
// time set apart made it basis 70.6, period end 68.3. Batches BS–BV (29 more, 15 to the test half)
// made it 306: at first sight 76.2/73.8 there (70.4/78.1 on their tuning half; the rules alone
// 88.9/69.1 and 74.1/75.9), and with five rules from the tuning half (a table's caption, a lead-in's
// "as of" date, a breakdown dated as its total, "since the summer of", "are holding … in July") the
// 306 scored recall 82.7, precision 78.2, metric 82.8, basis 70.1, period end 68.9. The reader
// retrained with their tuning half (278 documents held out by batch: rules 77.2 F1, reader 80.9;
// threshold 0.45 again) made it recall 84.9, precision 77.3 (F1 80.4 -> 80.9), metric 83.1, basis
// 70.9, period end 69.4. A rule from BS–BV's tuning half ("The spending plan includes:") and
// batches BW–BZ (32 more, 16 to the test half; at first sight 87.4/81.9 there, period end 53.8)
// made it 322: recall 85.1, precision 77.7, metric 83.6, basis 71.4, period end 68.1. The reader
// retrained with their tuning half (294 documents held out by batch: rules 77.4 F1, reader 81.0;
// threshold 0.45 again) made it recall 85.2, precision 78.3, metric 83.6, basis 71.4, period end
// 68.2: the floors below, rounded down (period end falls from 69 to 68 with the new texts). Seven
// rules from the tuning half after it (metric: money given to organisations, people reached, a
// council's area or team, employers; period: "increased by 35% from", a school's year, the title
// given at import) took the tuning half's metric 86.6 -> 87.9 and period end 78.4 -> 79.0, and the
// test half's metric 83.6 -> 83.9 and period end 68.2 -> 68.5: the same floors. The reader with a
// lighter penalty (0.001, chosen held out by batch; decision 0007) and three rules on an offer's
// sums took the 322 to recall 86.6, precision 77.4. Batches CA–CH (61 more, 30 to the test half;
// at first sight 72.2/83.3 there) made it 352: recall 85.1, precision 77.9, metric 82.9, basis
// 71.9, period end 68.4. The reader retrained with their tuning half (325 documents held out by
// batch: rules 77.3 F1, reader 83.1 at 0.40) and six rules from it made it recall 85.2, precision
// 78.0, metric 83.2, basis 72.0, period end 68.3: the same floors. Seven more rules from held-out
// errors on the tuning half left it at recall 85.2, precision 78.0, metric 83.3, basis 72.0,
// period end 68.3: the same floors. A count named only by its sentence ("with 444 installations,
// followed by Liverpool with 254"), proposed outright by the rules, took precision to 77.9 and was
// taken back to naming the measure of what the reader proposes; with "took part" read as attending
// the test half scored recall 85.2, precision 78.1, metric 83.7, basis 72.0, period end 68.3: the
// same floors; "expanding from 330 in 2023 to" read as a comparison left them so, and one list
// of verbs of change took metric to 83.8.
export const CORPUS_FLOORS: Record<keyof typeof CORPUS_TARGETS, number> = { recall: 0.85, precision: 0.78, metric: 0.83, basis: 0.71, periodEnd: 0.68 };

export function labelTargetResults(s: LabelScore): TargetResult<keyof typeof CORPUS_TARGETS>[] {
  const values: Record<keyof typeof CORPUS_TARGETS, number> = {
    recall: ratio(s.found, s.figures),
    precision: ratio(s.correct, s.ticked),
    metric: ratio(s.metricOk, s.found),
    basis: ratio(s.basisOk, s.found),
    periodEnd: ratio(s.periodEndOk, s.found),
  };
  return judge(values, CORPUS_TARGETS, CORPUS_FLOORS);
}
