// Qualifiers keep the meaning of "over 600", "up to 40" and "nearly 400" beside the number.
import type { Basis, Qualifier, Unit } from './vocabulary';

export const QUALIFIER_LABELS: Record<Qualifier, string> = {
  exact: 'exact',
  at_least: 'at least',
  at_most: 'at most',
  approx: 'approximately',
};

export const BASIS_LABELS: Record<Basis, string> = {
  period: 'in period',
  cumulative: 'running total',
  planned: 'planned',
};

/** The qualifier in words, a range's included: "at least", "a range", "an approximate range". */
export function describeQualifier(qualifier: Qualifier, upper: number | null = null): string {
  if (upper === null) return QUALIFIER_LABELS[qualifier];
  return qualifier === 'approx' ? 'an approximate range' : 'a range';
}

/** What kind of figure it is, for the line under a value: "running total", "at least, in period", "a range, in period". */
export function describeKind(qualifier: Qualifier, basis: Basis, upper: number | null = null): string {
  return qualifier === 'exact' && upper === null ? BASIS_LABELS[basis] : `${describeQualifier(qualifier, upper)}, ${BASIS_LABELS[basis]}`;
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/**
 * The number as numberFormat writes it ("1,234,567", "-40", "12.5"). Whole numbers, nearly all
 * figures, are grouped in threes here: Intl costs about a microsecond a number, and a comparison
 * at scale formats thousands. lib/qualifiers.test.ts holds the two equal.
 */
export function formatAmount(value: number): string {
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) return numberFormat.format(value);
  const digits = String(value < 0 ? -value : value);
  let i = digits.length % 3 || 3;
  let grouped = digits.slice(0, i);
  for (; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  return value < 0 ? `-${grouped}` : grouped;
}

/** The number with its unit, without the qualifier: "1,153", "465 hours", "£14,000", "50%". */
export function formatNumber(value: number, unit: Unit = 'count'): string {
  const n = formatAmount(value);
  switch (unit) {
    case 'GBP':
      return `£${n}`;
    case 'percent':
      return `${n}%`;
    case 'hours':
      return `${n} hours`;
    default:
      return n;
  }
}

/** The value as a reader should see it: "600+", "up to 40", "≈400", "465", "20–30". */
export function formatQualified(value: number, qualifier: Qualifier, unit: Unit = 'count', upper: number | null = null): string {
  return formatQualifiedValue(fromQualifier(value, qualifier, upper), unit);
}

// ---------------------------------------------------------------------------------------------
// Arithmetic on qualified values (docs/decisions/0003).
//
// A qualified value is a number with what we know about it: `bound` says whether the true value
// is that number ('exact'), at least it ('lower'), at most it ('upper'), between it and `high`
// ('range': "20-30"), or unknown in both directions ('none'); `approximate` says the numbers are
// estimates. Think of each as an interval — exact [v, v], lower [v, ∞), upper (−∞, v], range
// [v, high] — and a sum as the sum of the intervals: a sum of lower bounds is a lower bound, a
// range plus an exact value is a range, a range plus a lower bound is a lower bound, and a lower
// bound plus an upper bound bounds nothing. One approximate term makes the result approximate.

export type Bound = 'exact' | 'lower' | 'upper' | 'range' | 'none';

export interface QualifiedValue {
  /** The number; for a range its bottom, for an upper bound its top; 0 where there is none ('none'). */
  value: number;
  bound: Bound;
  approximate: boolean;
  /** A range's top (bound 'range' only). */
  high?: number;
}

export function fromQualifier(value: number, qualifier: Qualifier, upper: number | null = null): QualifiedValue {
  switch (qualifier) {
    case 'at_least':
      return { value, bound: 'lower', approximate: false };
    case 'at_most':
      return { value, bound: 'upper', approximate: false };
    case 'approx':
      return upper === null ? { value, bound: 'exact', approximate: true } : { value, bound: 'range', approximate: true, high: upper };
    default:
      return upper === null ? { value, bound: 'exact', approximate: false } : { value, bound: 'range', approximate: false, high: upper };
  }
}

/** The top of a value's interval where it has one: a range's high end, else the number. */
const topOf = (q: QualifiedValue) => (q.bound === 'range' ? q.high! : q.value);

function combineBounds(a: Bound, b: Bound): Bound {
  if (a === 'exact') return b;
  if (b === 'exact') return a;
  if (a === 'none' || b === 'none') return 'none';
  if (a === 'range') return b;
  if (b === 'range') return a;
  return a === b ? a : 'none';
}

/**
 * A value from its bound and the sums of the bottoms and tops of its terms. A result bounded in
 * neither direction has no number: its value is 0 whatever the terms (and so the same whatever
 * order they were added in).
 */
function qualified(bound: Bound, bottoms: number, tops: number, approximate: boolean): QualifiedValue {
  if (bound === 'none') return { value: 0, bound, approximate };
  if (bound === 'range') return bottoms === tops ? { value: bottoms, bound: 'exact', approximate } : { value: bottoms, bound, approximate, high: tops };
  return { value: bound === 'upper' ? tops : bottoms, bound, approximate };
}

/** a + b, with what is known about the result. */
export function addQualified(a: QualifiedValue, b: QualifiedValue): QualifiedValue {
  return qualified(combineBounds(a.bound, b.bound), a.value + b.value, topOf(a) + topOf(b), a.approximate || b.approximate);
}

export const ZERO: QualifiedValue = { value: 0, bound: 'exact', approximate: false };

/**
 * A running sum of qualified values: the same result as adding them up in the same order with
 * addQualified, without a new object per term (aggregation adds up thousands per page).
 */
export class QualifiedSum {
  private bottoms = 0;
  private tops = 0;
  private lower = false;
  private upper = false;
  private range = false;
  private none = false;
  private approximate = false;

  add(q: QualifiedValue): this {
    this.bottoms += q.value;
    this.tops += topOf(q);
    if (q.bound === 'lower') this.lower = true;
    else if (q.bound === 'upper') this.upper = true;
    else if (q.bound === 'range') this.range = true;
    else if (q.bound === 'none') this.none = true;
    if (q.approximate) this.approximate = true;
    return this;
  }

  result(): QualifiedValue {
    const bound: Bound =
      this.none || (this.lower && this.upper) ? 'none' : this.lower ? 'lower' : this.upper ? 'upper' : this.range ? 'range' : 'exact';
    return qualified(bound, this.bottoms, this.tops, this.approximate);
  }
}

export function sumQualified(values: QualifiedValue[]): QualifiedValue {
  return values.reduce(addQualified, ZERO);
}

/** −a: a lower bound on a is an upper bound on −a, and a range turns round. */
export function negateQualified(a: QualifiedValue): QualifiedValue {
  if (a.bound === 'range') return { value: -a.high!, bound: 'range', approximate: a.approximate, high: -a.value };
  const bound: Bound = a.bound === 'lower' ? 'upper' : a.bound === 'upper' ? 'lower' : a.bound;
  return { value: -a.value, bound, approximate: a.approximate };
}

/** The change from a to b (b − a), honest about bounds: "at least +120" only where that holds. */
export function differenceQualified(a: QualifiedValue, b: QualifiedValue): QualifiedValue {
  return addQualified(b, negateQualified(a));
}

/** The stored qualifier and upper value for a result, where one fits (an approximate bound has none). */
export function toQualifier(q: QualifiedValue): Qualifier | null {
  if (q.bound === 'none') return null;
  if (q.approximate) return q.bound === 'exact' || q.bound === 'range' ? 'approx' : null;
  return q.bound === 'lower' ? 'at_least' : q.bound === 'upper' ? 'at_most' : 'exact';
}

/** Why a result has no number, in words, or null when it has one. */
export function notComparableReason(q: QualifiedValue): string | null {
  return q.bound === 'none' ? 'not comparable: it combines a lower bound with an upper bound' : null;
}

/** Two numbers of one unit as a range: "20–30", "£20–£30", "20–30 hours", "20–30%". */
function formatRange(low: string, high: string, unit: Unit): string {
  switch (unit) {
    case 'GBP':
      return `£${low}–£${high}`;
    case 'percent':
      return `${low}–${high}%`;
    case 'hours':
      return `${low}–${high} hours`;
    default:
      return `${low}–${high}`;
  }
}

/** A result as a reader should see it: "1,000+", "up to 40", "≈400", "≈1,000+", "20–30", or the reason it has no number. */
export function formatQualifiedValue(q: QualifiedValue, unit: Unit = 'count'): string {
  const reason = notComparableReason(q);
  if (reason) return reason;
  const approx = q.approximate ? '≈' : '';
  if (q.bound === 'range') return `${approx}${formatRange(formatAmount(q.value), formatAmount(q.high!), unit)}`;
  const n = formatNumber(q.value, unit);
  if (q.bound === 'lower') return unit === 'hours' ? `${approx}${formatAmount(q.value)}+ hours` : `${approx}${n}+`;
  if (q.bound === 'upper') return `up to ${approx}${n}`;
  return `${approx}${n}`;
}

const signed = (n: number, unit: Unit) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumber(Math.abs(n), unit)}`;

/** A change as a reader should see it: "+155", "at least +120", "at most −20", "≈ +15", "+5 to +15". */
export function formatChange(q: QualifiedValue, unit: Unit = 'count'): string {
  const reason = notComparableReason(q);
  if (reason) return reason;
  const approx = q.approximate ? '≈ ' : '';
  if (q.bound === 'range') return `${approx}${signed(q.value, unit)} to ${signed(q.high!, unit)}`;
  const n = signed(q.value, unit);
  if (q.bound === 'lower') return `at least ${approx}${n}`;
  if (q.bound === 'upper') return `at most ${approx}${n}`;
  return `${approx}${n}`;
}
