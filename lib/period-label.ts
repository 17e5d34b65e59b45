// How a figure's period reads to a person: "March 2020", "2019/20", "April 2020 – February 2021".
import { format, parseISO } from 'date-fns';
import type { DatePrecision } from './vocabulary';
import { yearBucket, fiscalYearOf } from './fiscal-periods';

function formatDate(date: string, precision: DatePrecision): string {
  const d = parseISO(date);
  if (precision === 'year') return format(d, 'yyyy');
  if (precision === 'month') return format(d, 'MMMM yyyy');
  return format(d, 'd MMMM yyyy');
}

export function formatPeriod(start: string | null, end: string, precision: DatePrecision): string {
  if (start) {
    const fy = yearBucket(fiscalYearOf(start));
    if (start === fy.start && end === fy.end) return fy.label;
    const a = formatDate(start, precision);
    const b = formatDate(end, precision);
    return a === b ? b : `${a} – ${b}`;
  }
  return formatDate(end, precision);
}

/** The period as a reader needs it with the basis: "as of March 2020" for a running total. */
export function describePeriod(
  start: string | null,
  end: string,
  precision: DatePrecision,
  basis: 'period' | 'cumulative' | 'planned',
): string {
  const p = formatPeriod(start, end, precision);
  if (basis === 'cumulative') return `as of ${p}`;
  if (basis === 'planned') return `planned, ${p}`;
  return p;
}
