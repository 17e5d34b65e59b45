// The UK local-government financial year: 1 April – 31 March. Q1 = April–June,
// Q2 = July–September, Q3 = October–December, Q4 = January–March.
//
// Dates travel as ISO strings (YYYY-MM-DD) so that no time zone can move a figure into
// another quarter; date-fns does the calendar arithmetic on local dates built from them.
import { addMonths, endOfMonth, format, isValid } from 'date-fns';

/**
 * The first and last days a figure may be dated, and a period chosen: the dashboard holds the
 * financial years from 2000/01 to 2099/00 and the calendar months of 2000 to 2100. Everything
 * outside is refused where it comes in (forms, imports, URLs), so no page or export has to
 * count through centuries; stored dates outside (from before this rule) are left out of views.
 */
export const FIRST_DAY = '2000-01-01';
export const LAST_DAY = '2100-12-31';

/** True for a real calendar day written YYYY-MM-DD from FIRST_DAY to LAST_DAY. */
export function isDayWeHold(date: string): boolean {
  return isRealDay(date) && date >= FIRST_DAY && date <= LAST_DAY;
}

/** True for a real calendar day written YYYY-MM-DD (not 2021-02-30). */
export function isRealDay(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  // setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999.
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export type Granularity = 'month' | 'quarter' | 'year';
export const GRANULARITIES: readonly Granularity[] = ['month', 'quarter', 'year'];

export interface Bucket {
  /** 'range' for a span chosen by a person (a preset or from/to), not one standard bucket. */
  granularity: Granularity | 'range';
  /** URL/CSV token: "2020-21", "2020-21-Q3", "2020-10". */
  token: string;
  /** Human label: "2020/21", "Q3 2020/21", "October 2020". */
  label: string;
  /** First and last day, inclusive, as ISO dates. */
  start: string;
  end: string;
  /** Calendar year in which the financial year starts (2020 for 2020/21). */
  fiscalYear: number;
}

// ISO dates are read and written by hand: bucketing runs once per figure on every page, and
// date-fns' general-purpose parse/format cost more than everything else there. date-fns still
// does the calendar arithmetic (addMonths, endOfMonth).
function toDate(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(NaN);
  if (!m || !isValid(d) || d.getMonth() !== Number(m[2]) - 1 || d.getDate() !== Number(m[3]))
    throw new RangeError(`Not a calendar date: ${iso}`);
  return d;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Financial year (its starting calendar year) that a date falls in. */
export function fiscalYearOf(date: string): number {
  const d = toDate(date);
  return d.getMonth() >= 3 ? d.getFullYear() : d.getFullYear() - 1;
}

/** Financial quarter (1–4) that a date falls in. */
export function fiscalQuarterOf(date: string): 1 | 2 | 3 | 4 {
  const month = toDate(date).getMonth(); // 0 = January
  return (Math.floor(((month + 9) % 12) / 3) + 1) as 1 | 2 | 3 | 4;
}

/**
 * Standard buckets are values: each is built once and shared, frozen so that no caller can
 * change one under another. Every page asks for the same few hundred, many times each, and
 * building one (date arithmetic, a label) cost more than the rest of aggregating a figure.
 */
const built = new Map<string, Bucket>();
// Ten years of months, quarters and years is about 170; any year can be asked for in a URL, so
// the store is emptied rather than left to grow.
const MAX_BUILT = 5000;
function once(key: string, build: () => Bucket): Bucket {
  let bucket = built.get(key);
  if (!bucket) {
    if (built.size >= MAX_BUILT) built.clear();
    built.set(key, (bucket = Object.freeze(build())));
  }
  return bucket;
}

const yearToken = (fy: number) => `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`;
const yearLabel = (fy: number) => `${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;

export function yearBucket(fiscalYear: number): Bucket {
  return once(`y${fiscalYear}`, () => buildYearBucket(fiscalYear));
}

function buildYearBucket(fiscalYear: number): Bucket {
  const start = new Date(fiscalYear, 3, 1);
  return {
    granularity: 'year',
    token: yearToken(fiscalYear),
    label: yearLabel(fiscalYear),
    start: iso(start),
    end: iso(endOfMonth(addMonths(start, 11))),
    fiscalYear,
  };
}

export function quarterBucket(fiscalYear: number, quarter: number): Bucket {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`No quarter ${quarter}`);
  return once(`q${fiscalYear}-${quarter}`, () => buildQuarterBucket(fiscalYear, quarter));
}

function buildQuarterBucket(fiscalYear: number, quarter: number): Bucket {
  const start = new Date(fiscalYear, 3 + (quarter - 1) * 3, 1);
  return {
    granularity: 'quarter',
    token: `${yearToken(fiscalYear)}-Q${quarter}`,
    label: `Q${quarter} ${yearLabel(fiscalYear)}`,
    start: iso(start),
    end: iso(endOfMonth(addMonths(start, 2))),
    fiscalYear,
  };
}

export function monthBucket(year: number, month: number): Bucket {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`No month ${month}`);
  return once(`m${year}-${month}`, () => buildMonthBucket(year, month));
}

function buildMonthBucket(year: number, month: number): Bucket {
  const start = new Date(year, month - 1, 1);
  return {
    granularity: 'month',
    token: monthToken(year, month),
    label: format(start, 'MMMM yyyy'),
    start: iso(start),
    end: iso(endOfMonth(start)),
    fiscalYear: fiscalYearOf(iso(start)),
  };
}

/** The bucket of the given granularity that contains a date. */
export function bucketOf(date: string, granularity: Granularity): Bucket {
  const d = toDate(date);
  switch (granularity) {
    case 'month':
      return monthBucket(d.getFullYear(), d.getMonth() + 1);
    case 'quarter':
      return quarterBucket(fiscalYearOf(date), fiscalQuarterOf(date));
    case 'year':
      return yearBucket(fiscalYearOf(date));
  }
}

// "YYYY-YY" (a financial year) and "YYYY-MM" (a month) share a shape: "2011-12" could be
// 2011/12 or December 2011. The financial year wins; the twelve months from January 2000 to
// December 2011 whose token would read as a year are written "month:2011-12" instead (and any
// month may be written that way). docs/decisions/0003 records this.
const isFiscalYearToken = (first: number, second: number) => (first + 1) % 100 === second;

function monthToken(year: number, month: number): string {
  const plain = `${year}-${String(month).padStart(2, '0')}`;
  return isFiscalYearToken(year, month) ? `month:${plain}` : plain;
}

/**
 * Parses "2020-21", "2020-21-Q3", "2020-10" or "month:2011-12"; returns null for anything else,
 * and for a period with no day from FIRST_DAY to LAST_DAY (a financial year may run over either).
 */
export function parsePeriodToken(token: string): Bucket | null {
  const year = Number(/^(?:month:)?(\d{4})/.exec(token)?.[1]);
  if (!(year >= 1999 && year <= 2100)) return null;
  const b = readPeriodToken(token);
  return b && b.end >= FIRST_DAY && b.start <= LAST_DAY ? b : null;
}

function readPeriodToken(token: string): Bucket | null {
  const quarter = /^(\d{4})-(\d{2})-Q([1-4])$/.exec(token);
  if (quarter) {
    const fy = Number(quarter[1]);
    return isFiscalYearToken(fy, Number(quarter[2])) ? quarterBucket(fy, Number(quarter[3])) : null;
  }
  const month = /^month:(\d{4})-(\d{2})$/.exec(token);
  if (month) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? monthBucket(Number(month[1]), m) : null;
  }
  const pair = /^(\d{4})-(\d{2})$/.exec(token);
  if (!pair) return null;
  const first = Number(pair[1]);
  const second = Number(pair[2]);
  if (isFiscalYearToken(first, second)) return yearBucket(first);
  if (second >= 1 && second <= 12) return monthBucket(first, second);
  return null;
}

const standard = (b: Bucket): Granularity => {
  if (b.granularity === 'range') throw new RangeError('A range has no standard neighbour; use previousRange');
  return b.granularity;
};

// Neighbours of the shared standard buckets, found once each (charts step through every bucket
// of ten years on every page).
const previousOf = new WeakMap<Bucket, Bucket>();
const nextOf = new WeakMap<Bucket, Bucket>();

/** The bucket just before this one, at the same granularity. */
export function previousBucket(b: Bucket): Bucket {
  let previous = previousOf.get(b);
  if (!previous) previousOf.set(b, (previous = bucketOf(iso(addMonths(toDate(b.start), -1)), standard(b))));
  return previous;
}

export function nextBucket(b: Bucket): Bucket {
  let next = nextOf.get(b);
  if (!next) nextOf.set(b, (next = bucketOf(iso(addMonths(toDate(b.end), 1)), standard(b))));
  return next;
}

/** The same bucket one year earlier (Q3 2020/21 → Q3 2019/20). */
export function sameBucketYearEarlier(b: Bucket): Bucket {
  return bucketOf(iso(addMonths(toDate(b.start), -12)), standard(b));
}

/**
 * The span from the start of one bucket to the end of another. A single standard bucket stays
 * itself; anything longer becomes a 'range' labelled "Q1 2020/21 to Q4 2020/21".
 */
export function spanBuckets(from: Bucket, to: Bucket): Bucket {
  if (from.token === to.token) return from;
  return {
    granularity: 'range',
    token: `${from.token}..${to.token}`,
    label: `${from.label} to ${to.label}`,
    start: from.start,
    end: to.end,
    fiscalYear: from.fiscalYear,
  };
}

/** Whole months from start to end inclusive (both month-aligned). */
function monthsIn(b: Bucket): number {
  const s = toDate(b.start);
  const e = toDate(b.end);
  return (e.getFullYear() - s.getFullYear()) * 12 + e.getMonth() - s.getMonth() + 1;
}

/** The period of the same length just before: the previous quarter, year, or run of months. */
export function previousPeriod(b: Bucket): Bucket {
  if (b.granularity !== 'range') return previousBucket(b);
  const months = monthsIn(b);
  const start = iso(addMonths(toDate(b.start), -months));
  const end = iso(endOfMonth(addMonths(toDate(b.start), -1)));
  return spanBuckets(bucketOf(start, 'month'), bucketOf(end, 'month'));
}

export type Preset = 'latest-quarter' | 'this-year' | 'last-year' | 'last-4-quarters' | 'year-to-date';

export const PRESETS: { id: Preset; label: string }[] = [
  { id: 'latest-quarter', label: 'Latest quarter' },
  { id: 'last-4-quarters', label: 'Last 4 quarters' },
  { id: 'year-to-date', label: 'Year to date' },
  { id: 'this-year', label: 'This financial year' },
  { id: 'last-year', label: 'Last financial year' },
];

/**
 * A preset counted back from an anchor date (the latest date with figures): "this financial
 * year" is the year holding the anchor, "year to date" runs from its 1 April to the anchor's
 * quarter end.
 */
export function presetRange(preset: Preset, anchor: string): { from: Bucket; to: Bucket } {
  const quarter = bucketOf(anchor, 'quarter');
  const year = bucketOf(anchor, 'year');
  switch (preset) {
    case 'latest-quarter':
      return { from: quarter, to: quarter };
    case 'last-4-quarters':
      return { from: previousBucket(previousBucket(previousBucket(quarter))), to: quarter };
    case 'year-to-date':
      return { from: quarterBucket(year.fiscalYear, 1), to: quarter };
    case 'this-year':
      return { from: year, to: year };
    case 'last-year': {
      const last = previousBucket(year);
      return { from: last, to: last };
    }
  }
}

/** Every bucket of `granularity` from the one containing `from` to the one containing `to`. */
export function bucketsBetween(from: string, to: string, granularity: Granularity): Bucket[] {
  if (from > to) return [];
  const out: Bucket[] = [];
  let b = bucketOf(from, granularity);
  const last = bucketOf(to, granularity).token;
  for (;;) {
    out.push(b);
    if (b.token === last) return out;
    b = nextBucket(b);
  }
}

/** Start of the financial year to the end of this bucket: the year-to-date span. */
export function yearToDate(b: Bucket): { start: string; end: string } {
  return { start: yearBucket(b.fiscalYear).start, end: b.end };
}
