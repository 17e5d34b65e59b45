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

const integerFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** The number with its unit, without the qualifier: "1,153", "465 hours", "£14,000", "50%". */
export function formatNumber(value: number, unit: Unit = 'count'): string {
  const n = integerFormat.format(value);
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
  const n = formatNumber(value, unit);
  switch (qualifier) {
    case 'at_least':
      // "600+ hours" reads oddly; put the plus on the number.
      return unit === 'hours' ? `${integerFormat.format(value)}+ hours` : `${n}+`;
    case 'at_most':
      return `up to ${n}`;
    case 'approx':
      return `≈${n}`;
    default:
      return n;
  }
}
