// Whether a number is a figure of delivery, weighed by a small logistic model: "the reader"
// (issue: report import that works on the next board report). The rules (context.ts and
// index.ts) read each number first and say what they can name: dates, durations, caps, other
// bodies' money, or what is counted. The reader weighs their verdict together with the words
// around the number — "three key areas of activity", "15 academics gave evidence" against "we
// trained 19 social workers", "over 40 webinars", "26 councils took part" — and decides.
//
// Why a model over the rules' verdict: rules written from one set of reports fit those reports and
// carry over poorly to the next (the corpus's test half, and each new batch at first sight, score
// 10–15 points below the tuning half). The reader is trained on the rules' verdicts *as they were
// before each batch of reports was first read* (corpus/first-sight.csv), so it learns how far to
// trust the rules on text they were not written for, and where the words say otherwise.
//
// The weights (scorer-weights.ts) are learned by scripts/train-scorer.ts from the seed reports'
// labels and the corpus's tuning half only, deterministically; nothing is downloaded or learned
// at run time. The words it weighs are ordinary words near any number, never a report's names.
// Other cues and models tried held out (word pairs, document-level cues, trees, word vectors) did
// no better: docs/decisions/0007.
import type { Basis, Qualifier, Unit } from '../vocabulary';
import type { MetricSlug } from './metric';
import { WEIGHTS } from './scorer-weights';

export interface FeatureInput {
  value: number;
  unit: Unit;
  written: 'numeral' | 'word';
  qualifier: Qualifier;
  range: boolean;
  /** The dashboard metric the words name, or null. */
  slug: MetricSlug | null;
  /** What is counted, in the report's words ('' when nothing). */
  phrase: string;
  /** The noun was borrowed from a number before ("a further twelve"). */
  borrowed: boolean;
  /** Masked text of the sentence before the number's qualifier, and of its clause after the number. */
  before: string;
  after: string;
  sentence: string;
  basis: Basis;
  /** The line is a list item; the paragraph opens with a label ("Tenant voice network:"). */
  inList: boolean;
  labelled: boolean;
  /** Numbers in the sentence, this one included. */
  numbersInSentence: number;
  /** The rules' verdict: why they set the number apart, or null when they propose it. */
  ruleReason: string | null;
  /** A table's cell. */
  tableCell: boolean;
}

// Verbs of delivering or reaching: what a programme did, or what people did with it.
const DELIVERY =
  /\b(deliver\w*|held|hold\w*|host\w*|ran|run(?:ning)?|train\w*|coach\w*|mentor\w*|support\w*|help\w*|work(?:ed|ing)?\s+with|reach\w*|engag\w*|attend\w*|particip\w*|took\s+part|taking\s+part|join\w*|publish\w*|produc\w*|creat\w*|develop\w*|launch\w*|fund\w*|award\w*|grant\w*|sav(?:e|ed|es|ing)|rais\w*|recruit\w*|plac\w*|receiv\w*|complet\w*|benefit\w*|access\w*|download\w*|view\w*|visit\w*|regist\w*|sign\w*\s+up|enrol\w*|respond\w*|answer\w*|handl\w*|provid\w*|offer\w*|facilitat\w*|organis\w*|conven\w*|brought\s+together|welcom\w*|attract\w*|return\w*|assist\w*|advis\w*|equipp\w*|upskill\w*)\b/i;
// Words that describe how the work is organised rather than what it delivered.
const STRUCTURE = /\b(includ\w*|consist\w*|compris\w*|cover\w*|focus\w*|themes?|areas?|strands?|workstreams?|work\s*streams?|pillars?|priorit\w*|key|main|overarching|different|types?|kinds?|categories|elements?|stages?|steps?|principles?|questions?|recommendations?|actions?|objectives?|outcomes?|aims?|goals?|criteria|domains?|parts?)\b/i;
const SURVEY = /\b(say|says|said|saying|told\s+us|tell\s+us|report(?:ed|s|ing)?|agree\w*|rated?|felt|feel|satisf\w*|respond\w*|would\s+recommend)\b/i;
// A head noun for people: "councillors", "social workers", "carers", "trainees", "staff".
const PEOPLE = /\b(people|persons?|children|young\s+people|staff|members|leaders|councillors|officers|delegates|participants|attendees|learners|graduates|trainees|apprentices|volunteers|residents|families|colleagues|individuals|[a-z]+(?:ers|ors|ists|ants|ents|ees|ians))\b/i;

export const FEATURE_NAMES = [
  'bias',
  'percent',
  'money',
  'hours',
  'known measure',
  'new measure',
  'borrowed measure',
  'written in words',
  'ten or fewer',
  'a few of something new',
  'size (log10)',
  'qualified (over, nearly…)',
  'range',
  'determiner before',
  'delivery verb in clause',
  'delivery verb just before',
  'describes organisation',
  'planned',
  'we, our or the LGA',
  'people counted',
  'list item',
  'labelled paragraph',
  'several numbers in sentence',
  'survey finding',
  'at sentence start',
] as const;

export function figureFeatures(i: FeatureInput): number[] {
  const near = `${i.before.slice(-80)} ${i.after.slice(0, 80)}`;
  const head = i.phrase.toLowerCase();
  return [
    1,
    i.unit === 'percent' ? 1 : 0,
    i.unit === 'GBP' ? 1 : 0,
    i.unit === 'hours' || i.slug === 'coaching-hours' ? 1 : 0,
    i.slug && !i.borrowed ? 1 : 0,
    !i.slug && head ? 1 : 0,
    i.borrowed ? 1 : 0,
    i.written === 'word' ? 1 : 0,
    i.value <= 10 ? 1 : 0,
    i.value <= 10 && !i.slug && head ? 1 : 0,
    Math.min(7, Math.log10(Math.max(1, i.value))) / 7,
    i.qualifier !== 'exact' ? 1 : 0,
    i.range ? 1 : 0,
    /\b(the|these|those|its|their|this|each)\s*$/i.test(i.before) ? 1 : 0,
    DELIVERY.test(near) ? 1 : 0,
    new RegExp(`${DELIVERY.source}\\s+(?:[\\w'’-]+\\s+){0,2}$`, 'i').test(i.before) ? 1 : 0,
    STRUCTURE.test(`${i.before.slice(-40)} ${head} ${i.after.slice(0, 30)}`) ? 1 : 0,
    i.basis === 'planned' ? 1 : 0,
    /\b(we|our|us|lga|local government association)\b/i.test(i.sentence) ? 1 : 0,
    PEOPLE.test(head) ? 1 : 0,
    i.inList ? 1 : 0,
    i.labelled ? 1 : 0,
    i.numbersInSentence > 2 ? 1 : 0,
    i.unit === 'percent' && SURVEY.test(i.sentence) ? 1 : 0,
    i.before.trim() === '' ? 1 : 0,
  ];
}

const words = (s: string) => s.toLowerCase().replace(/[’']/g, '').match(/[a-z]+/g) ?? [];
const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'to', 'in', 'for', 'on', 'with', 'at', 'by', 'from', 'as', 'is', 'was', 'were', 'be', 'this', 'that', 'it']);

/** The rules' verdict as the reader's features: "rules: propose", or "rules: set apart" and why. */
export const ruleFeatures = (ruleReason: string | null): string[] =>
  ruleReason === null ? ['rules: propose'] : ['rules: set apart', `rules: ${ruleReason}`];

/**
 * The words the reader weighs, each a name: the rules' verdict, the unit and measure, the three
 * words either side by position, the words near it, what is counted and its head noun, and the
 * sentence's words.
 */
export function wordFeatures(i: FeatureInput): string[] {
  const f = [...ruleFeatures(i.ruleReason), `unit: ${i.unit}`, `measure: ${i.slug ?? (i.phrase ? 'new' : 'none')}`];
  if (i.tableCell) f.push('table cell');
  const before = words(i.before);
  before.slice(-3).forEach((w, k, all) => f.push(`before ${all.length - k}: ${w}`));
  for (const w of before.slice(-8)) if (!STOP.has(w)) f.push(`near before: ${w}`);
  const after = words(i.after);
  after.slice(0, 3).forEach((w, k) => f.push(`after ${k + 1}: ${w}`));
  for (const w of after.slice(0, 8)) if (!STOP.has(w)) f.push(`near after: ${w}`);
  const counted = words(i.phrase);
  if (counted.length) f.push(`head noun: ${counted[counted.length - 1]}`);
  for (const w of counted) if (!STOP.has(w)) f.push(`counted: ${w}`);
  for (const w of words(i.sentence)) if (!STOP.has(w)) f.push(`sentence: ${w}`);
  return [...new Set(f)];
}

export interface Features {
  dense: number[];
  words: string[];
}

export const readerFeatures = (i: FeatureInput): Features => ({ dense: figureFeatures(i), words: wordFeatures(i) });

/** The reader's weights (scorer-weights.ts): one per cue, one per word feature, and its threshold. */
export type ReaderWeights = { dense: readonly number[]; words: Readonly<Record<string, number>>; threshold: number };

/** The model's probability that the number is a figure to store. */
export function figureLikelihood(x: Features, weights: Omit<ReaderWeights, 'threshold'> = WEIGHTS): number {
  let z = x.dense.reduce((s, v, k) => s + v * (weights.dense[k] ?? 0), 0);
  for (const w of x.words) z += weights.words[w] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

// Why a number was set apart, in plain words, from the feature that weighed most against it.
const WHY: Partial<Record<(typeof FEATURE_NAMES)[number], string>> = {
  'describes organisation': 'it describes how the work is organised, not what it delivered',
  'determiner before': 'it names a group already counted, not a count',
  planned: 'it describes a plan rather than something delivered',
  'ten or fewer': 'a small count of things described, not delivered',
  'a few of something new': 'a small count of things described, not delivered',
  'written in words': 'a small count of things described, not delivered',
  'new measure': 'it counts something the report does not say was delivered',
};

// The rules' reasons the reader may overrule: their judgements of whose money a sum is, and of a
// number that names nothing it counts. At first sight of new reports (corpus/first-sight.csv) these
// were the only reasons given 30 times or more that were wrong a third of the time or more (money
// not awarded 53 of 106, money received 21 of 35, government funding 18 of 36, no measure named 19
// of 52). Every other reason says what the number is — a date, a duration, an age, a target, a
// change, a rate, a measurement, a link, a cap per project, a population — and stands: the reader
// never proposes such a number, though it may set apart any number the rules propose. (The old
// scorer's own reasons, in WHY, are the reader's to overrule too.)
const JUDGEMENTS = new Set([
  'a sum of money, not awarded or saved by a programme',
  'money received, not awarded or saved by a programme',
  'government funding',
  'no measure named',
]);

const SCORER_REASONS = new Set(Object.values(WHY));

/** Whether the reader may propose a number the rules gave this verdict on (null: the rules propose it). */
export const readerMayPropose = (ruleReason: string | null): boolean =>
  ruleReason === null || JUDGEMENTS.has(ruleReason) || SCORER_REASONS.has(ruleReason);

/**
 * The reader's verdict: null to propose the number, else why it is set apart — the rules' own
 * reason when they gave one, else the plain words of what weighed most against it.
 */
export function readerReason(input: FeatureInput, weights: ReaderWeights = WEIGHTS): string | null {
  const x = readerFeatures(input);
  if (figureLikelihood(x, weights) >= weights.threshold && readerMayPropose(input.ruleReason)) return null;
  if (input.ruleReason) return input.ruleReason;
  let worst = -1;
  let worstValue = 0;
  x.dense.forEach((v, k) => {
    const c = v * (weights.dense[k] ?? 0);
    if (k > 0 && c < worstValue && WHY[FEATURE_NAMES[k]!]) {
      worst = k;
      worstValue = c;
    }
  });
  return worst >= 0 ? WHY[FEATURE_NAMES[worst]!]! : 'it counts something the report does not say was delivered';
}
