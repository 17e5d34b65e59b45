// The data-quality rules for figure occurrences (the seed dataset, and any figures CSV).
// Each rule returns problems naming the CSV row, so a broken row is easy to find and fix.
import { factKey, type FigureRow } from './figure-row';
import { numbersInText } from './numbers-in-text';

export interface QualityProblem {
  /** 1-based CSV row (the header is row 1), where the problem belongs to one row. */
  row?: number;
  rule: 'schema' | 'evidence-at-line' | 'value-in-evidence' | 'same-fact' | 'cumulative-decrease';
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

// A note containing this marks two figures that look alike as different facts on purpose.
export const DISTINCT_MARKER = /\bdistinct\b/i;
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

export function checkFigures(figures: NumberedFigure[], reportLines: ReportLines): QualityProblem[] {
  return [
    ...checkEvidenceAtLine(figures, reportLines),
    ...checkValueInEvidence(figures),
    ...checkSameFact(figures),
    ...checkCumulativeSeries(figures),
  ];
}
