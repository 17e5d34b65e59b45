// The data-quality rules for figure occurrences (the seed dataset, and any figures CSV).
// Each rule returns problems naming the CSV row, so a broken row is easy to find and fix.
import { DISTINCT_MARKER, factKey, occurrenceFactKey, type FigureRow } from './figure-row';
import { TENS, UNITS } from './numbers-in-text';
import { numbersInText } from './numbers-in-text';

export interface QualityProblem {
  /** 1-based CSV row (the header is row 1), where the problem belongs to one row. */
  row?: number;
  rule: 'schema' | 'evidence-at-line' | 'value-in-evidence' | 'same-fact' | 'cumulative-decrease' | 'merged-different-facts' | 'range-without-upper' | 'labels';
  message: string;
}

/** A figure with its CSV row number. */
export type NumberedFigure = FigureRow & { row: number };

/** Lines of a report, or null when the report's text is not available here. */
export type ReportLines = (sourceFile: string) => string[] | null;

/** The evidence must stand, character for character, in the report at the line given. */
export function checkEvidenceAtLine(figures: NumberedFigure[], reportLines: ReportLines): QualityProblem[] {
  const problems: QualityProblem[] = [];
  for (const f of figures) {
    const lines = reportLines(f.source_file);
    if (!lines) continue;
    if (lines[f.line - 1]?.includes(f.evidence)) continue;
    const elsewhere = lines.flatMap((l, i) => (l.includes(f.evidence) ? [i + 1] : []));
    problems.push({
      row: f.row,
      rule: 'evidence-at-line',
      message:
        `evidence is not on line ${f.line} of ${f.source_file}` +
        (elsewhere.length ? ` (it is on line ${elsewhere.join(', ')})` : ' (nor anywhere else in it)'),
    });
  }
  return problems;
}

/** The value must be a number the evidence states ("1,153" ↔ 1153, "£14k" ↔ 14000, "six" ↔ 6). */
export function checkValueInEvidence(figures: NumberedFigure[]): QualityProblem[] {
  return figures
    .filter((f) => !numbersInText(f.evidence).has(f.value))
    .map((f) => ({ row: f.row, rule: 'value-in-evidence' as const, message: `value ${f.value} does not appear in the evidence` }));
}

// A note containing this explains why a running total went down.
export const DECREASE_MARKER = /\b(decrease|decreased|fell|lower)\b/i;

/**
 * One fact, one observation: figures from different sources with the same programme, metric,
 * value, qualifier and basis but a different period are probably one fact dated two ways. They
 * must be dated alike (so they merge) or a note must say they are distinct.
 */
export function checkSameFact(figures: NumberedFigure[]): QualityProblem[] {
  const groups = new Map<string, NumberedFigure[]>();
  for (const f of figures) {
    const key = [f.programme, f.metric, f.value, f.qualifier, f.basis].join('|').toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const problems: QualityProblem[] = [];
  for (const group of groups.values()) {
    const facts = new Set(group.map(factKey));
    const files = new Set(group.map((f) => f.source_file));
    if (facts.size < 2 || files.size < 2) continue;
    if (group.some((f) => f.note && DISTINCT_MARKER.test(f.note))) continue;
    const first = group[0]!;
    problems.push({
      row: group[1]!.row,
      rule: 'same-fact',
      message:
        `rows ${group.map((f) => f.row).join(', ')} look like one fact (${first.programme}, ${first.metric}, ${first.value}) ` +
        'dated differently: give them the same period, or say in a note that they are distinct',
    });
  }
  return problems;
}

/**
 * A running total never goes down. Per programme and metric, the figures sharing an as-of date
 * are parts of one total (docs/decisions/0002) and are added before comparing.
 */
export function checkCumulativeSeries(figures: NumberedFigure[]): QualityProblem[] {
  const series = new Map<string, Map<string, { total: number; facts: Set<string>; rows: NumberedFigure[] }>>();
  for (const f of figures.filter((x) => x.basis === 'cumulative')) {
    const key = `${f.programme}|${f.metric}`;
    const byDate = series.get(key) ?? new Map();
    series.set(key, byDate);
    const point = byDate.get(f.period_end) ?? { total: 0, facts: new Set<string>(), rows: [] };
    byDate.set(f.period_end, point);
    const fact = factKey(f);
    if (!point.facts.has(fact)) {
      point.facts.add(fact);
      point.total += f.value;
    }
    point.rows.push(f);
  }
  const problems: QualityProblem[] = [];
  for (const [key, byDate] of series) {
    const points = [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b));
    for (let i = 1; i < points.length; i++) {
      const [prevDate, prev] = points[i - 1]!;
      const [date, point] = points[i]!;
      if (point.total >= prev.total) continue;
      if (point.rows.some((f) => f.note && DECREASE_MARKER.test(f.note))) continue;
      problems.push({
        row: point.rows[0]!.row,
        rule: 'cumulative-decrease',
        message: `running total ${key.replace('|', ', ')} falls from ${prev.total} (${prevDate}) to ${point.total} (${date}) and no note explains why`,
      });
    }
  }
  return problems;
}

// Words that end the phrase a number counts ("11 provider organisations working on …").
const PHRASE_END = new Set(['the', 'of', 'in', 'to', 'and', 'or', 'with', 'for', 'a', 'an', 'on', 'at', 'by', 'from', 'have', 'has', 'had', 'been', 'were', 'was', 'are', 'is', 'this', 'that', 'who', 'which', 'we', 'it', 'per', 'each', 'across', 'including']);
const WORD_FOR = new Map<number, string[]>();
for (const [word, n] of [...Object.entries(UNITS), ...Object.entries(TENS)]) WORD_FOR.set(n, [...(WORD_FOR.get(n) ?? []), word]);

/**
 * The words right after the value where the evidence states it ("11 provider organisations" →
 * provider, organisation): what the figure counts. Empty where the number stands alone ("to
 * produce three in this short space") or is not found as written.
 */
export function countedWords(evidence: string, value: number): string[] {
  const text = evidence.toLowerCase().replace(/\*\*|__|<\/?u>/g, '');
  const spellings = [String(value), value.toLocaleString('en-GB'), ...(WORD_FOR.get(value) ?? [])].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const found = new RegExp(`(?:^|[^\\d,.])(?:${spellings.join('|')})\\+?(?![\\d,.]\\d)([^.;:()]*)`).exec(text);
  if (!found) return [];
  const words: string[] = [];
  for (const raw of found[1]!.split(/[\s,–—-]+/)) {
    const word = raw.replace(/[^a-z]/g, '');
    if (!word) continue;
    // "eight local and combined authorities": what is counted comes after the "and"; unknown here.
    if (word === 'and' || word === 'or') return [];
    if (PHRASE_END.has(word) || words.length === 3) break;
    words.push(word.replace(/(ies)$/, 'y').replace(/(?<=[a-z]{2}[^s])s$/, ''));
  }
  return words;
}

/**
 * One fact, one observation, the other way round: occurrences merged into one figure (the same
 * programme, metric, value and period) must count the same thing. Where both evidence sentences
 * say what they count and the words have nothing in common ("11 provider organisations", "11
 * ADPH regional networks"), they are two facts, and the data needs one of them marked distinct.
 */
export function checkMergedFacts(figures: NumberedFigure[]): QualityProblem[] {
  const groups = new Map<string, NumberedFigure[]>();
  for (const f of figures) groups.set(occurrenceFactKey(f), [...(groups.get(occurrenceFactKey(f)) ?? []), f]);
  const problems: QualityProblem[] = [];
  for (const group of groups.values()) {
    const counted = group.map((f) => ({ f, words: countedWords(f.evidence, f.value) })).filter((c) => c.words.length);
    for (let i = 1; i < counted.length; i++) {
      const first = counted[0]!;
      const other = counted[i]!;
      if (other.words.some((w) => first.words.includes(w))) continue;
      problems.push({
        row: other.f.row,
        rule: 'merged-different-facts',
        message:
          `rows ${first.f.row} and ${other.f.row} are merged into one figure (${first.f.programme}, ${first.f.metric}, ${first.f.value}) but count different things ` +
          `(“${first.words.join(' ')}”, “${other.words.join(' ')}”): if they are two facts, say "distinct" in a note`,
      });
    }
  }
  return problems;
}

const NUMBER = `\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${[...Object.keys(TENS), ...Object.keys(UNITS)].join('|')}`;
const RANGE = new RegExp(`\\b(${NUMBER})\\s*(?:-|–|to|and)\\s*(${NUMBER})(\\s*(?:thousand|k)\\b)?`, 'gi');
const numberOf = (text: string) => {
  const t = text.toLowerCase();
  return UNITS[t] ?? TENS[t] ?? Number(t.replace(/,/g, ''));
};

/**
 * The ranges a sentence states ("20-30", "between 299-430", "4-5,000", "between four and five
 * thousand"), low and high: "4-5,000" is 4,000 to 5,000.
 */
export function rangesInText(text: string): { low: number; high: number }[] {
  const out: { low: number; high: number }[] = [];
  for (const m of text.replace(/\*\*|__/g, '').matchAll(RANGE)) {
    let low = numberOf(m[1]!);
    let high = numberOf(m[2]!);
    if (m[3]) {
      low *= 1000;
      high *= 1000;
    }
    // "4-5,000": the low end shares the high end's thousands.
    if (low < high / 100 && low < 10 && high >= 1000) low *= 10 ** Math.floor(Math.log10(high));
    // Years and financial years ("2020-21"), and anything that is not low to high.
    if (!(low < high) || (low >= 1900 && low <= 2100)) continue;
    out.push({ low, high });
  }
  return out;
}

/** A figure at the bottom of a range its evidence states must keep the top: "20-30" is not "20+". */
export function checkRanges(figures: NumberedFigure[]): QualityProblem[] {
  const problems: QualityProblem[] = [];
  for (const f of figures) {
    const range = rangesInText(f.evidence).find((r) => r.low === f.value);
    if (!range || f.upper === range.high) continue;
    problems.push({
      row: f.row,
      rule: 'range-without-upper',
      message: `the evidence gives a range, ${range.low} to ${range.high}, but the figure ${f.upper === null ? 'has no upper value' : `has upper ${f.upper}`}: store value ${range.low} and upper ${range.high}`,
    });
  }
  return problems;
}

export function checkFigures(figures: NumberedFigure[], reportLines: ReportLines): QualityProblem[] {
  return [
    ...checkEvidenceAtLine(figures, reportLines),
    ...checkValueInEvidence(figures),
    ...checkSameFact(figures),
    ...checkMergedFacts(figures),
    ...checkRanges(figures),
    ...checkCumulativeSeries(figures),
  ];
}

/** A number mention labelled by the conventions of ../shared/LABELLING.md (seed/number-labels.csv). */
export interface NumberLabel {
  file: string;
  line: number;
  value: number;
  include: boolean;
}

/**
 * How much of what a careful reader would store the figures hold, matched on source file, line
 * and value: `stored` of `wanted` mentions labelled a figure have a row, and `context` lists the
 * rows that match no mention labelled a figure (numbers that are not figures, stored anyway).
 */
export function compareWithLabels(figures: NumberedFigure[], labels: NumberLabel[]) {
  const key = (file: string, line: number, value: number) => `${file}|${line}|${value}`;
  const stored = new Set(figures.map((f) => key(f.source_file, f.line, f.value)));
  const wanted = labels.filter((l) => l.include);
  const wantedKeys = new Set(wanted.map((l) => key(l.file, l.line, l.value)));
  const missing = wanted.filter((l) => !stored.has(key(l.file, l.line, l.value)));
  const context = figures.filter((f) => !wantedKeys.has(key(f.source_file, f.line, f.value)));
  return { wanted: wanted.length, stored: wanted.length - missing.length, missing, context };
}
