// Qualifiers keep the meaning of "over 600", "up to 40" and "nearly 400" beside the number.
import type { Basis, Qualifier, Unit } from '../db/schema';

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

/** The value as a reader should see it: "600+", "up to 40", "≈400", "465". */
export function formatQualified(value: number, qualifier: Qualifier, unit: Unit = 'count'): string {
  return formatQualifiedValue(fromQualifier(value, qualifier), unit);
}

// ---------------------------------------------------------------------------------------------
// Arithmetic on qualified values (docs/decisions/0003).
//
// A qualified value is a number with what we know about it: `bound` says whether the true value
// is that number ('exact'), at least it ('lower'), at most it ('upper'), or unknown in both
// directions ('none'); `approximate` says the number itself is an estimate. A sum of lower
// bounds is a lower bound; one approximate term makes the result approximate; a lower and an
// upper bound together bound nothing. Only all-exact inputs give an exact result.

export type Bound = 'exact' | 'lower' | 'upper' | 'none';

export interface QualifiedValue {
  value: number;
  bound: Bound;
  approximate: boolean;
}

export function fromQualifier(value: number, qualifier: Qualifier): QualifiedValue {
  switch (qualifier) {
    case 'at_least':
      return { value, bound: 'lower', approximate: false };
    case 'at_most':
      return { value, bound: 'upper', approximate: false };
    case 'approx':
      return { value, bound: 'exact', approximate: true };
    default:
      return { value, bound: 'exact', approximate: false };
  }
}

function combineBounds(a: Bound, b: Bound): Bound {
  if (a === 'exact') return b;
  if (b === 'exact') return a;
  return a === b ? a : 'none';
}

/** a + b, with what is known about the result. */
export function addQualified(a: QualifiedValue, b: QualifiedValue): QualifiedValue {
  return { value: a.value + b.value, bound: combineBounds(a.bound, b.bound), approximate: a.approximate || b.approximate };
}

export const ZERO: QualifiedValue = { value: 0, bound: 'exact', approximate: false };

/**
 * A running sum of qualified values: the same result as adding them up in the same order with
 * addQualified, without a new object per term (aggregation adds up thousands per page).
 */
export class QualifiedSum {
  private value = 0;
  private lower = false;
  private upper = false;
  private none = false;
  private approximate = false;

  add(q: QualifiedValue): this {
    this.value += q.value;
    if (q.bound === 'lower') this.lower = true;
    else if (q.bound === 'upper') this.upper = true;
    else if (q.bound === 'none') this.none = true;
    if (q.approximate) this.approximate = true;
    return this;
  }

  result(): QualifiedValue {
    const bound: Bound = this.none || (this.lower && this.upper) ? 'none' : this.lower ? 'lower' : this.upper ? 'upper' : 'exact';
    return { value: this.value, bound, approximate: this.approximate };
  }
}

export function sumQualified(values: QualifiedValue[]): QualifiedValue {
  return values.reduce(addQualified, ZERO);
}

/** −a: a lower bound on a is an upper bound on −a. */
export function negateQualified(a: QualifiedValue): QualifiedValue {
  const bound: Bound = a.bound === 'lower' ? 'upper' : a.bound === 'upper' ? 'lower' : a.bound;
  return { value: -a.value, bound, approximate: a.approximate };
}

/** The change from a to b (b − a), honest about bounds: "at least +120" only where that holds. */
export function differenceQualified(a: QualifiedValue, b: QualifiedValue): QualifiedValue {
  return addQualified(b, negateQualified(a));
}

/** The stored qualifier for a result, where one fits (an approximate bound has none). */
export function toQualifier(q: QualifiedValue): Qualifier | null {
  if (q.bound === 'none') return null;
  if (q.approximate) return q.bound === 'exact' ? 'approx' : null;
  return q.bound === 'lower' ? 'at_least' : q.bound === 'upper' ? 'at_most' : 'exact';
}

/** Why a result has no number, in words, or null when it has one. */
export function notComparableReason(q: QualifiedValue): string | null {
  return q.bound === 'none' ? 'not comparable: it combines a lower bound with an upper bound' : null;
}

/** A result as a reader should see it: "1,000+", "up to 40", "≈400", "≈1,000+", or the reason it has no number. */
export function formatQualifiedValue(q: QualifiedValue, unit: Unit = 'count'): string {
  const reason = notComparableReason(q);
  if (reason) return reason;
  const n = formatNumber(q.value, unit);
  const approx = q.approximate ? '≈' : '';
  if (q.bound === 'lower') return unit === 'hours' ? `${approx}${formatAmount(q.value)}+ hours` : `${approx}${n}+`;
  if (q.bound === 'upper') return `up to ${approx}${n}`;
  return `${approx}${n}`;
}

/** A change as a reader should see it: "+155", "at least +120", "at most −20", "≈ +15". */
export function formatChange(q: QualifiedValue, unit: Unit = 'count'): string {
  const reason = notComparableReason(q);
  if (reason) return reason;
  const sign = q.value > 0 ? '+' : q.value < 0 ? '−' : '±';
  const n = `${sign}${formatNumber(Math.abs(q.value), unit)}`;
  const approx = q.approximate ? '≈ ' : '';
  if (q.bound === 'lower') return `at least ${approx}${n}`;
  if (q.bound === 'upper') return `at most ${approx}${n}`;
  return `${approx}${n}`;
}
