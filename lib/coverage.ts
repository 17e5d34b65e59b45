// Coverage (docs/decisions/0006): which months of a period the figures and the reports they cite
// give an account of. A sum over a period the reports cover only in part is a part of the truth:
// views say so, in words, give no percentage change, and offer the months covered in both periods.
import { bucketOf, monthBucket, spanBuckets, type Bucket } from './fiscal-periods';

/** Months as 'YYYY-MM', as coverage_months holds them. */
export type CoveredMonths = ReadonlySet<string>;

/** The months of a bucket, in order, as 'YYYY-MM'. */
export function monthsOf(b: Pick<Bucket, 'start' | 'end'>): string[] {
  const out: string[] = [];
  let year = Number(b.start.slice(0, 4));
  let month = Number(b.start.slice(5, 7));
  const last = b.end.slice(0, 7);
  for (;;) {
    const m = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    out.push(m);
    if (m >= last) return out;
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
}

export interface Coverage {
  /** How many months the period has, and how many of them are covered. */
  months: number;
  covered: number;
  /** The covered months, in order. */
  coveredMonths: string[];
}

export function coverageOf(b: Pick<Bucket, 'start' | 'end'>, covered: CoveredMonths): Coverage {
  const months = monthsOf(b);
  const coveredMonths = months.filter((m) => covered.has(m));
  return { months: months.length, covered: coveredMonths.length, coveredMonths };
}

const monthLabel = (m: string) => monthBucket(Number(m.slice(0, 4)), Number(m.slice(5, 7))).label;

/** Covered months as runs: "October 2019 to March 2020", "January and February 2021". */
export function describeMonths(months: string[]): string {
  if (!months.length) return 'no months';
  const runs: [string, string][] = [];
  for (const m of months) {
    const run = runs[runs.length - 1];
    if (run && monthsOf({ start: `${run[1]}-01`, end: `${m}-01` }).length === 2) run[1] = m;
    else runs.push([m, m]);
  }
  // "January and February 2021" for two months of one year; "October 2019 to March 2020" for longer runs.
  const words = runs.map(([a, b]) => {
    if (a === b) return monthLabel(a);
    const next = monthsOf({ start: `${a}-01`, end: `${b}-01` }).length === 2;
    return next && a.slice(0, 4) === b.slice(0, 4) ? `${monthLabel(a).split(' ')[0]} and ${monthLabel(b)}` : `${monthLabel(a)} to ${monthLabel(b)}`;
  });
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "2019/20 has figures for 6 of its 12 months (October 2019 to March 2020)". */
export function describeCoverage(b: Pick<Bucket, 'label'>, c: Coverage): string {
  if (c.covered === 0) return `no report covers ${b.label}`;
  return `${b.label} has figures for ${c.covered} of its ${c.months} months (${describeMonths(c.coveredMonths)})`;
}

/**
 * The months to compare like for like: the longest run of aligned months (the n-th month of A with
 * the n-th month of B) covered in both. Null where no month is covered in both, or where the
 * periods are not of the same length.
 */
export function likeForLikeMonths(a: Bucket, b: Bucket, coveredA: CoveredMonths, coveredB: CoveredMonths): { a: Bucket; b: Bucket } | null {
  const monthsA = monthsOf(a);
  const monthsB = monthsOf(b);
  if (monthsA.length !== monthsB.length) return null;
  let best: [number, number] | null = null;
  let start = -1;
  for (let i = 0; i <= monthsA.length; i++) {
    const both = i < monthsA.length && coveredA.has(monthsA[i]!) && coveredB.has(monthsB[i]!);
    if (both && start < 0) start = i;
    if (!both && start >= 0) {
      if (!best || i - start > best[1] - best[0]) best = [start, i];
      start = -1;
    }
  }
  if (!best || best[1] - best[0] === monthsA.length) return null;
  const span = (months: string[]) =>
    spanBuckets(bucketOf(`${months[best![0]]}-01`, 'month'), bucketOf(`${months[best![1] - 1]}-01`, 'month'));
  return { a: span(monthsA), b: span(monthsB) };
}
