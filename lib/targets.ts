// Targets and their RAG status (issue: the board's meeting cycle; docs/decisions/0012). A target
// says what a metric (optionally one programme) should reach in a financial year or quarter, in
// the period or as a running total at its end, with two thresholds as percentages of the target:
// at or above `amberBelowPct` it is green, at or above `redBelowPct` amber, below that red.
//
// The figure compared is a qualified value (lib/qualifiers.ts), so it is an interval: exact [v, v],
// "at least v" [v, ∞), "at most v" (−∞, v], a range [v, high]; an approximate one is widened by
// APPROXIMATE_MARGIN either way. Where the whole interval lies in one band, that is the status — a
// lower bound above the target is green. Where it straddles a threshold the status is "cannot
// tell", naming the bands it could be in, rather than a guess.
import { formatNumber, type QualifiedValue } from './qualifiers';
import type { Unit } from './vocabulary';

export type Rag = 'green' | 'amber' | 'red';

export interface TargetLevels {
  value: number;
  /** Green at or above this share of the target (per cent). */
  amberBelowPct: number;
  /** Amber at or above this share; red below it (per cent). */
  redBelowPct: number;
}

export type RagStatus =
  | { status: Rag; label: string; progress: string }
  | { status: 'cannot_tell'; could: Rag[]; label: string; progress: string }
  | { status: 'no_figure'; label: string; progress: null };

/** "About 300" may be 10 per cent either way, as far as a RAG status can safely say. */
export const APPROXIMATE_MARGIN = 0.1;

export const RAG_LABELS: Record<Rag, string> = { green: 'Green: on target', amber: 'Amber: close to target', red: 'Red: behind target' };

function intervalOf(q: QualifiedValue): [number, number] | null {
  const widen = (lo: number, hi: number): [number, number] => (q.approximate ? [lo * (1 - APPROXIMATE_MARGIN), hi * (1 + APPROXIMATE_MARGIN)] : [lo, hi]);
  switch (q.bound) {
    case 'exact':
      return widen(q.value, q.value);
    case 'lower':
      return widen(q.value, Infinity);
    case 'upper':
      return widen(-Infinity, q.value);
    case 'range':
      return widen(q.value, q.high ?? q.value);
    case 'none':
      return null;
  }
}

const band = (x: number, t: TargetLevels): Rag => (x >= (t.value * t.amberBelowPct) / 100 ? 'green' : x >= (t.value * t.redBelowPct) / 100 ? 'amber' : 'red');

/** How far the figure has come towards the target, in words: "75% of 400", "at least 110% of 400". */
function progressOf(q: QualifiedValue, t: TargetLevels, unit: Unit): string {
  // A bound is never rounded past itself: "at least 102.5%" says "at least 102%", not 103%.
  const pct = (x: number, round: (n: number) => number = Math.round) => `${round((x * 100) / t.value)}%`;
  const of = `of ${formatNumber(t.value, unit)}`;
  const about = q.approximate ? 'about ' : '';
  switch (q.bound) {
    case 'lower':
      return `${about}at least ${pct(q.value, Math.floor)} ${of}`;
    case 'upper':
      return `${about}at most ${pct(q.value, Math.ceil)} ${of}`;
    case 'range':
      return `${about}${pct(q.value, Math.floor)}–${pct(q.high ?? q.value, Math.ceil)} ${of}`;
    default:
      return `${about}${pct(q.value)} ${of}`;
  }
}

/** The RAG status of `figure` (null: no figure for the period) against a target. */
export function rateAgainstTarget(figure: QualifiedValue | null, target: TargetLevels, unit: Unit = 'count'): RagStatus {
  if (!figure) return { status: 'no_figure', label: 'No figure yet for this period', progress: null };
  const interval = intervalOf(figure);
  if (!interval) return { status: 'cannot_tell', could: ['green', 'amber', 'red'], label: 'Cannot tell: the figures bound nothing', progress: 'unknown' };
  const [lo, hi] = interval;
  const low = band(lo, target);
  const high = band(hi, target);
  const progress = progressOf(figure, target, unit);
  if (low === high) return { status: low, label: RAG_LABELS[low], progress };
  const order: Rag[] = ['red', 'amber', 'green'];
  const could = order.slice(order.indexOf(low), order.indexOf(high) + 1);
  return { status: 'cannot_tell', could, label: `Cannot tell: could be ${could.join(' or ')}`, progress };
}
