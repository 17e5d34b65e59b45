// What a person sees for a series cell: the words and numbers every chart, table and headline
// card uses, so the honesty rules live in one place (no figures ≠ zero, refusals in words,
// spans stated, running totals dated).
import type { Basis, Unit } from './vocabulary';
import type { Series, SeriesCell, SpanningFigure } from './aggregation';
import { formatPeriod } from './period-label';
import {
  BASIS_LABELS,
  differenceQualified,
  formatChange,
  formatQualifiedValue,
  type QualifiedValue,
} from './qualifiers';
import { format, parseISO } from 'date-fns';

export const NO_FIGURES = 'no figures reported';

const monthYear = (iso: string) => format(parseISO(iso), 'MMMM yyyy');

export function describeSpanning(s: SpanningFigure, unit: Unit): string {
  const figures = s.count === 1 ? '1 figure' : `${s.count} figures`;
  return `${formatQualifiedValue(s.value, unit)} over ${formatPeriod(s.periodStart, s.periodEnd, s.datePrecision)} (${figures} for a longer span, not split into this period)`;
}

export interface CellView {
  /** The main text: "620+", "no figures reported", or why there is no number. */
  text: string;
  /** A number to draw, or null where none may be drawn. */
  value: number | null;
  /** Drawn differently from an exact actual: approximate or a bound. */
  inexact: boolean;
  /** Further lines: spans, as-of dates, the largest programme. */
  notes: string[];
  observations: number;
}

/**
 * `compact` (headline cards) sums up the figures for longer spans in one line instead of
 * listing each; tables list them all.
 */
export function viewCell(cell: SeriesCell, unit: Unit, options: { compact?: boolean } = {}): CellView {
  const spanned = cell.spanning.reduce((n, s) => n + s.count, 0);
  const notes =
    options.compact && cell.spanning.length > 1
      ? [`${spanned} more figures cover longer periods, so they are not counted in ${cell.bucket.label}`]
      : cell.spanning.map((s) => describeSpanning(s, unit));
  if (cell.status === 'no_figures') return { text: NO_FIGURES, value: null, inexact: false, notes, observations: 0 };
  if (cell.status === 'not_summable') {
    if (cell.largest)
      notes.unshift(`Largest single programme: ${formatQualifiedValue(cell.largest.value, unit)} (${cell.largest.programme})`);
    return { text: cell.reason, value: null, inexact: false, notes, observations: cell.observations };
  }
  if (cell.asOf) {
    const when = cell.asOf.from === cell.asOf.to ? monthYear(cell.asOf.to) : `${monthYear(cell.asOf.from)} – ${monthYear(cell.asOf.to)}`;
    notes.unshift(cell.carriedForward ? `Latest running total, as of ${when} (no newer figure)` : `Running total as of ${when}`);
  }
  const t = cell.total;
  return {
    text: formatQualifiedValue(t, unit),
    value: t.bound === 'none' ? null : t.value,
    inexact: t.approximate || t.bound !== 'exact',
    notes,
    observations: cell.observations,
  };
}

/** One row per bucket for a metric's chart: a value per basis, with its words. */
export interface ChartRow {
  token: string;
  label: string;
  period: number | null;
  cumulative: number | null;
  planned: number | null;
  text: Record<Basis, string | null>;
  inexact: Record<Basis, boolean>;
  notes: string[];
}

/** The chart rows of one metric's series (period, cumulative and planned, at most one each). */
export function chartRows(series: Series[], unit: Unit): ChartRow[] {
  const first = series[0];
  if (!first) return [];
  return first.cells.map((c, i) => {
    const row: ChartRow = {
      token: c.bucket.token,
      label: c.bucket.label,
      period: null,
      cumulative: null,
      planned: null,
      text: { period: null, cumulative: null, planned: null },
      inexact: { period: false, cumulative: false, planned: false },
      notes: [],
    };
    for (const s of series) {
      const cell = s.cells[i]!;
      const view = viewCell(cell, unit);
      const basis = s.key.basis;
      if (cell.status === 'no_figures' && !cell.spanning.length) continue;
      row[basis] = view.value;
      row.text[basis] = view.text;
      row.inexact[basis] = view.inexact;
      row.notes.push(...view.notes.map((n) => `${BASIS_LABELS[basis]}: ${n}`));
    }
    return row;
  });
}

export interface ChangeView {
  text: string;
  percent: string | null;
}

/** The change from one cell to another, honest about bounds; null when either has no number. */
export function viewChange(previous: SeriesCell, current: SeriesCell, unit: Unit): ChangeView | null {
  if (previous.status !== 'value' || current.status !== 'value') return null;
  if (current.carriedForward) return { text: 'no new figure in this period', percent: null };
  const change = differenceQualified(previous.total, current.total);
  if (change.bound === 'none') return { text: `not comparable: ${whyNotComparable(previous.total, current.total)}`, percent: null };
  return { text: formatChange(change, unit), percent: percentChange(previous.total, change) };
}

const BOUND_WORDS = { lower: 'a lower bound (“over …”)', upper: 'an upper bound (“up to …”)', range: 'a range (“20–30”)', none: 'a mix of bounds', exact: 'exact' } as const;

/** Why two figures give no honest change, in the words of the figures themselves. */
export function whyNotComparable(a: QualifiedValue, b: QualifiedValue): string {
  if (a.bound === b.bound && a.bound !== 'exact')
    return a.bound === 'none' ? 'both figures mix lower and upper bounds' : `both figures are ${a.bound} bounds, so the change could be anything`;
  return `the earlier figure is ${BOUND_WORDS[a.bound]} and the later one ${BOUND_WORDS[b.bound]}`;
}

/** Percentage change, only where the base is a point value (a bound base gives no honest %). */
export function percentChange(base: QualifiedValue, change: QualifiedValue): string | null {
  if (base.bound !== 'exact' || base.value === 0 || change.bound === 'none') return null;
  const percent = (n: number) => {
    const pct = (n / base.value) * 100;
    return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${Math.abs(pct).toFixed(Math.abs(pct) < 10 ? 1 : 0)}%`;
  };
  const text = percent(change.value);
  const approx = base.approximate || change.approximate ? '≈ ' : '';
  if (change.bound === 'range') return `${approx}${text} to ${percent(change.high!)}`;
  if (change.bound === 'lower') return `at least ${approx}${text}`;
  if (change.bound === 'upper') return `at most ${approx}${text}`;
  return `${approx}${text}`;
}
