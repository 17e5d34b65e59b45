// Whether a number the reading rules would propose is a figure of delivery, scored by a small
// logistic model over features of its sentence (issue: report import that works on the next
// board report). The rules (context.ts) settle what they can name — dates, durations, caps,
// other bodies' money; this model weighs what is left: "three key areas of activity", "15
// academics gave evidence", "five overarching recommendations" against "we trained 19 social
// workers", "over 40 webinars", "26 councils took part".
//
// The weights (scorer-weights.ts) are learned by scripts/train-scorer.ts from the seed reports'
// labels and the corpus's tuning half only, deterministically; nothing is downloaded or learned
// at run time. Features are general reading cues, never words of a particular report.
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

const dot = (w: readonly number[], x: number[]) => x.reduce((s, v, k) => s + v * (w[k] ?? 0), 0);

/** The model's probability that the number is a figure to store. */
export function figureLikelihood(x: number[]): number {
  return 1 / (1 + Math.exp(-dot(WEIGHTS.weights, x)));
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

/** Set apart when the model thinks a figure less likely than WEIGHTS.threshold; returns the reason, or null. */
export function scorerReason(input: FeatureInput): string | null {
  const x = figureFeatures(input);
  if (figureLikelihood(x) >= WEIGHTS.threshold) return null;
  let worst = -1;
  let worstValue = 0;
  x.forEach((v, k) => {
    const c = v * (WEIGHTS.weights[k] ?? 0);
    if (k > 0 && c < worstValue && WHY[FEATURE_NAMES[k]!]) {
      worst = k;
      worstValue = c;
    }
  });
  return worst >= 0 ? WHY[FEATURE_NAMES[worst]!]! : 'it counts something the report does not say was delivered';
}
