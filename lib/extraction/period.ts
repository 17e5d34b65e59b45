// Basis and period of a figure (docs/decisions/0002 §3, §5; 0003). A figure is
//   planned     when the text looks forward ("will be funded", "a further 8 planned");
//   cumulative  when it is a running total as of a date ("as of", "to date", "so far", "there
//               are currently", members and subscribers, downloads and views);
//   period      when it counts what was delivered in a span ("between April and June",
//               "since September", "in February"), or by default.
// Its period comes from the date expressions of its sentence; with none, it ends at the report's
// date (the figure was true when the report was written) and starts where the report's own span
// starts, when the report says so ("since this was last reported in October 2019").
import type { Basis, DatePrecision } from '../vocabulary';
import { MONTHS, type DateExpression } from './dates';
import { CHANGE_VERBS } from './numbers';
import type { MetricSlug } from './metric';

export interface PeriodReading {
  basis: Basis;
  periodStart: string | null;
  periodEnd: string;
  datePrecision: DatePrecision;
}

export interface PeriodInput {
  /** Masked text around the number: from the previous number (or clause start) to the next. */
  window: string;
  windowStart: number;
  windowEnd: number;
  /** Where the sentence's first number starts, and how many numbers the sentence has. */
  firstNumberStart: number;
  numbersInSentence: number;
  /** The masked line and the sentence's span in it. */
  masked: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** The clause holding the number: its own dates come first ("…; up to 30 councils will…"). */
  clauseStart: number;
  clauseEnd: number;
  numberStart: number;
  /** Date expressions of the line. */
  dates: DateExpression[];
  slug: MetricSlug | null;
  reportDate: string;
  reportPrecision: DatePrecision;
  /** Where the report's own span starts, if it says. */
  documentStart: string | null;
  /**
   * The reporting period the text last stated before this sentence ("The annual review of 2023/24
   * shows…", "This summer, …"), or the one its title names: a figure with no date of its own
   * belongs to it rather than to the day the report was written.
   */
  carried: Span | null;
  /** The period the report's title names ("… – 2022/23 highlights"): its running totals stand at its end. */
  documentPeriod: Span | null;
  /** The line that opened the list this number stands in ("Since the programme started:"), or ''. */
  leadIn: string;
  /** The sentence's words before its first number ("To date, we have supported …"): they govern every number of it. */
  sentenceLead: string;
}

const PLANNED =
  /\b(will|planned|plans? to|proposed to|(?:sought|seek\w*|for|recommended for)\s+approval|be approved|scheduled|to be (?:delivered|held|launched|funded|published)|being (?:developed|prepared|planned|arranged|finalised)|are developing|upcoming|forthcoming|due to (?:be|start|begin|open|launch|complete|finish|close|end|run|take place|go live|report|conclude|commence)|looking to|hop(?:es|ing) to|(?:are|is|been)\s+(?:now\s+|already\s+)?booked|booked\s+(?:in\s+)?for|aim(?:s|ing)? to|intend\w*|projected|predicted|in the pipeline|over the next|in the next|(?:the\s+)?potential\s+to)\b/i;
// A forecast governs every number after it in its sentence: "By 2020, projects are expected to
// deliver £615 million in capital receipts and £158 million in running cost savings".
const MONEY_GIVEN = String.raw`(?:[\w'’-]+\s+){0,3}?(?:£|funding|grants?\b|awards?\b|a\s+share|money|investment|allocations?)`;
const AWARD_ANNOUNCED = new RegExp(String.raw`\b(?:will|to|are\s+to|is\s+to|set\s+to)\s+(?:each\s+|also\s+|now\s+|collectively\s+)?(?:(?:receive|get|share(?:\s+in)?|be\s+given|be\s+allocated)\s+${MONEY_GIVEN}|be\s+awarded\b|provide\s+(?:[\w'’-]+\s+){0,4}?(?:with\s+)?(?:£|funding|a\s+grant|grants))|\bwill\s+see\s+(?:[\w'’-]+\s+){0,4}?(?:share|receive|get)\s+${MONEY_GIVEN}`, 'i');
const ROUND_FRAME = /\b(?:round|phase|cohort|wave|tranche)\s+(?:\d+|one|two|three|four|five|six)\b|\b(?:first|second|third|fourth|fifth|sixth|latest|final|last|this|new|next|current)\s+(?:['‘’"]?[\w-]+['‘’"]?\s+)?(?:round|phase|cohort|wave|tranche)\b/i;
// Spans that run to now, said before the number in its phrase or leading its sentence: "Over the 3 years we
// ran 874 courses", "during lockdown", "since the pandemic began", "Since then 21 grant rounds have
// been run", "This adds to 1,230 homes funded through the previous four rounds".
const RUNNING_SPAN = /\b(?:over|in|across|during)\s+the\s+(?:last\s+|past\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+years\b(?!\s+(?:to|ending|up\s+to)\b)|\b(?:during|throughout|through)\s+(?:the\s+)?(?:first\s+|recent\s+)?(?:lockdowns?|pandemic|covid(?:-19)?(?:\s+(?:pandemic|crisis))?|crisis|outbreak)\b|\bsince\s+(?:the\s+)?(?:first\s+)?(?:lockdown|pandemic|outbreak|crisis)(?:\s+(?:began|started|hit))?\b|\bsince\s+then\b|\b(?:adds?|added|adding)\s+to\s+(?:the\s+)?$/i;
const RUNNING_SPAN_LEAD = new RegExp(String.raw`^\W*(?:${RUNNING_SPAN.source})`, 'i');
const FORECAST = /\b(?:(?:is|are|was|were)\s+(?:now\s+)?expected\s+to|expected\s+to\s+(?:deliver|generate|save|create|raise|reach|release|provide)|forecast\s+to)\b/i;
const APPROVAL = /\b(?:(?:sought|seeks?|seeking|for|recommended for)\s+(?:the\s+)?approval|(?:is|are|was|were)\s+proposed\s+to\s+be|recommended\s+that)\b/i;
const RESOLUTION = /^\s*(?:\d+\.\s*|\(?[a-z]\)\s*|[ivx]+\)\s*)?That\b[^]*\bbe\s+(?:approved|agreed|endorsed|allocated|awarded)\b/;
// "A total of 1,089 children joined this summer" counts a period: a total is not a running total.
const STRONG_CUMULATIVE =
  /\b((?:bringing|taking)\s+(?:the|its|our|their)\s+(?:overall\s+|running\s+)?(?:total|pool|tally)|as of|as at|at last count|at last report|to date|so far|currently|already|at the time of (?:writing|the meeting|the report|reporting)|latest figures|running total|there are|there is|since (?:it|the programme|the scheme|the network|the service|the project|they) (?:started|began|opened|was launched|launched|was set up)|since (?:its\s+)?launch(?:ed|ing)?|since (?:its\s+|their\s+)?(?:opening|inception|creation|start)\b(?!\s+(?:of|in|on|date)\b)|over the (?:course|life|lifetime) of the (?:whole\s+)?(?:programme|scheme|project)|throughout the (?:programme|scheme|project)|over the (?:\d+|two|three|four|five) years of (?:the|this) (?:programme|scheme|project)|over the (?:\d|two|three|four|five) years we|(?:set up|established|launched|started)\s+(?:\w+\s+){0,2}ago|(?:in|over|during) the (?:previous|past|last|first) (?:\w+ )?years of the (?:programme|scheme))\b/i;
const WEAK_CUMULATIVE = /\b(have now|has now|had now|is now|are now|now (?:has|have|supporting|supports|contains?)|signed up|registered|has (?:since )?been (?:accessed|downloaded|viewed)|by (?:January|February|March|April|May|June|July|August|September|October|November|December))\b/;
// Counts that are running totals by nature: how many members, candidates, downloads…
const STOCK: ReadonlySet<MetricSlug> = new Set<MetricSlug>([
  'members',
  'candidates',
  'applications',
  'expressions-of-interest',
  'downloads',
  'page-views',
  'survey-responses',
  'people-placed',
  'job-offers',
]);
// (Not an award or an announcement: "has awarded funding to eight councils" happened once.)
// ("has been announced", "have been chosen": what was decided, not a total; "been" alone is no participle.)
const PRESENT_PERFECT = /\b(?:has|have)\s+(?:now\s+|also\s+|already\s+|so\s+far\s+|together\s+)?(?:been\s+(?!(?:awarded|announced|chosen|selected|granted|approved|agreed|allocated|offered)\b)[a-z]+(?:ed|en|t|wn|ing)|(?!(?:awarded|announced|chosen|selected|granted|approved|agreed|allocated|offered|been)\b)[a-z]+(?:ed|en|t|wn)|(?:been\s+)?(?:made|paid|done|found|sold|laid))\b/i;
const PRESENT_SIMPLE = /\b(?:(?:is|are)\s+(?:now\s+|currently\s+)?(?:used|supported|served|helped|reached|engaged|registered|enrolled)\s+by|(?:it|the\s+\w+|service|programme|scheme|hub|network|library|project)\s+(?:now\s+|currently\s+)?(?:helps|supports|serves|reaches|works\s+with|engages)|(?:people|residents|councils|members|families|households|users|businesses|learners|organisations)\s+(?:now\s+|currently\s+)?(?:benefit|use|access|receive|attend)\b)/i;
const FLOW: ReadonlySet<MetricSlug> = new Set<MetricSlug>(['events-delivered', 'attendees', 'resources-published', 'projects-funded', 'peer-reviews']);

// ---- dates -------------------------------------------------------------------------------

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function addMonths(y: number, m: number, n: number): [number, number] {
  const t = y * 12 + (m - 1) + n;
  return [Math.floor(t / 12), (t % 12) + 1];
}

function monthsBetween(start: string, end: string): number {
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const [ey, em] = end.split('-').map(Number) as [number, number];
  return (ey - sy) * 12 + (em - sm) + 1;
}

export interface Span {
  start: string;
  end: string;
  precision: DatePrecision;
}

// (Easter's holidays fall in March or April, Christmas's in December: the months a reader gives them.)
const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], winter: [12, 2], easter: [4, 4], christmas: [12, 12] };

/** The span a date expression means, its year fixed from the report date. */
function spanOf(d: DateExpression, report: { y: number; m: number; d: number }, future: boolean): Span | null {
  const pickYear = (month: number, day = 1): number => {
    if (future) return month > report.m || (month === report.m && day >= 1) ? report.y : report.y + 1;
    return month < report.m || (month === report.m && day <= report.d) ? report.y : report.y - 1;
  };
  switch (d.kind) {
    case 'day': {
      if (!d.month || !d.day) return null;
      const y = d.year ?? pickYear(d.month, d.day);
      return { start: iso(y, d.month, d.day), end: iso(y, d.month, Math.min(d.endDay ?? d.day, lastDay(y, d.month))), precision: 'day' };
    }
    case 'month': {
      if (!d.month) return null;
      const y = d.year ?? pickYear(d.month);
      return { start: iso(y, d.month, 1), end: iso(y, d.month, lastDay(y, d.month)), precision: 'month' };
    }
    case 'year': {
      if (!d.year) return null;
      if (d.part === 'early') return { start: iso(d.year, 1, 1), end: iso(d.year, 3, 31), precision: 'month' };
      if (d.part === 'late') return { start: iso(d.year, 10, 1), end: iso(d.year, 12, 31), precision: 'month' };
      return { start: iso(d.year, 1, 1), end: iso(d.year, 12, 31), precision: 'year' };
    }
    case 'financial-year':
      if (!d.year) return null;
      return { start: iso(d.year, 4, 1), end: iso(d.year + 1, 3, 31), precision: 'month' };
    case 'academic-year':
      if (!d.year) return null;
      return d.school ? { start: iso(d.year, 9, 1), end: iso(d.year + 1, 8, 31), precision: 'month' } : { start: iso(d.year, 8, 1), end: iso(d.year + 1, 7, 31), precision: 'month' };
    case 'last-year': {
      // The last financial year to have ended by the report's date — but early in a calendar
      // year, before that financial year is over, "last year" is the calendar year just gone.
      const fyOver = report.m > 3 || (report.m === 3 && report.d === 31);
      if (!fyOver && !d.financial) return { start: iso(report.y - 1, 1, 1), end: iso(report.y - 1, 12, 31), precision: 'month' };
      const endYear = fyOver ? report.y : report.y - 1;
      return { start: iso(endYear - 1, 4, 1), end: iso(endYear, 3, 31), precision: 'month' };
    }
    case 'quarter': {
      if (!d.quarter) return null;
      const quarterOf = (fy: number) => {
        const [sy, sm] = addMonths(fy, 4, 3 * (d.quarter! - 1));
        const [ey, em] = addMonths(sy, sm, 2);
        return { start: iso(sy, sm, 1), end: iso(ey, em, lastDay(ey, em)), precision: 'month' as DatePrecision };
      };
      if (d.year) return quarterOf(d.year);
      // The latest such quarter ended by the report (or, for a plan, the next one).
      const fy = report.m >= 4 ? report.y : report.y - 1;
      const reportIso = iso(report.y, report.m, report.d);
      for (const y of future ? [fy, fy + 1] : [fy, fy - 1]) {
        const q = quarterOf(y);
        if (future ? q.end >= reportIso : q.end <= reportIso) return q;
      }
      return quarterOf(fy - 1);
    }
    case 'years':
      if (!d.year || !d.endYear) return null;
      return { start: iso(d.year, 1, 1), end: iso(d.endYear, 12, 31), precision: 'year' };
    case 'season': {
      if (!d.season) return null;
      const [from, to] = SEASONS[d.season]!;
      let y = d.year ?? (future ? (report.m <= to ? report.y : report.y + 1) : report.m >= from ? report.y : report.y - 1);
      if (!d.year && future && from > to && report.m <= to) y -= 1; // winter spans the new year
      const endYear = from > to ? y + 1 : y;
      return { start: iso(y, from, 1), end: iso(endYear, to, lastDay(endYear, to)), precision: 'month' };
    }
    case 'yesterday': {
      const t = new Date(Date.UTC(report.y, report.m - 1, report.d - 1));
      const day = iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
      return { start: day, end: day, precision: 'day' };
    }
    case 'relative': {
      if (!d.relative) return null;
      if (d.part === 'early') return { start: iso(report.y + 1, 1, 1), end: iso(report.y + 1, 3, 31), precision: 'month' };
      if (d.relative.direction === 'next') {
        const [sy, sm] = addMonths(report.y, report.m, 1);
        const [ey, em] = addMonths(report.y, report.m, d.relative.months);
        return { start: iso(sy, sm, 1), end: iso(ey, em, lastDay(ey, em)), precision: 'month' };
      }
      if (d.financial) return spanOf({ ...d, kind: 'last-year' }, report, future);
      const [sy, sm] = addMonths(report.y, report.m, -(d.relative.months - 1));
      return { start: iso(sy, sm, 1), end: iso(report.y, report.m, report.d), precision: 'month' };
    }
  }
}

// Kinds of date that name a reporting period ("in 2023/24", "this summer", "in March 2024",
// "last year"), as opposed to a day, or a span counted from now.
const PERIOD_KINDS = new Set<DateExpression['kind']>(['financial-year', 'academic-year', 'last-year', 'season', 'quarter']);

/**
 * The reporting period a stretch of text names, if any: its last date expression that is a
 * period, is not the start of a running total ("since 2019", "by March") and ended within the
 * eighteen months before the report — so "established in 1999" sets no period. A text about an
 * average names no period for others.
 */
export function statedPeriod(dates: DateExpression[], masked: string, from: number, to: number, reportDate: string): Span | null {
  const [ry, rm, rd] = reportDate.split('-').map(Number) as [number, number, number];
  const [ly, lm] = addMonths(ry, rm, -18);
  const earliest = iso(ly, lm, 1);
  // An average's span is its own: "averaged 141 engagements each month from March to May".
  if (/\baverag|\b(?:each|every|per|a)\s+(?:day|week|month)\b/i.test(masked.slice(from, to))) return null;
  let found: Span | null = null;
  const report = { y: ry, m: rm, d: rd };
  // An earlier value's date is its own ("…, from 38 per cent in 2022/23"): not the text's period.
  const comparison = COMPARISON_WITH_VALUE.exec(masked.slice(from, to));
  const comparedAt = comparison ? from + comparison.index : Infinity;
  for (const [i, d] of dates.entries()) {
    if (d.start < from || d.end > to || d.start > comparedAt) continue;
    // A span between two months of given years names a reporting period too: "April 2017 to
    // March 2019", "from October 2022 – March 2023".
    const next = dates[i + 1];
    // So do two months without years after "between", "from", "throughout" or "during".
    // ("which ran from 1 April to 30 September 2022": two days make one span too, when the text
    // says something ran or covered them — not a window "between 13 October and 24 November".)
    const days = d.kind === 'day' && next?.kind === 'day' && /\b(?:(?:ran|runs|running|run|operated|open(?:ed)?|took\s+place)\s+from|covering|covers|covered|for\s+the\s+period(?:\s+from)?)\s*$/i.test(masked.slice(Math.max(from, d.start - 30), d.start));
    const joined = ((d.kind === 'month' && next?.kind === 'month') || days) && next!.end <= to && /^\s*(?:to|until|[-–]|and)\s*$/i.test(masked.slice(d.end, next!.start));
    // ("for April to September 2024", "covering April–September 2024": the year closes both.)
    if (joined && ((d.year && next.year && !/^\s*and\s*$/.test(masked.slice(d.end, next.start))) || (next.year && /^\s*(?:to|until|[-–])\s*$/i.test(masked.slice(d.end, next.start)) && /\b(?:for|covering|covers|cover)\s+(?:the\s+(?:period|months)\s+(?:of\s+)?)?$/i.test(masked.slice(Math.max(from, d.start - 30), d.start))) || /\b(?:between|from|throughout|during)\s*$/i.test(masked.slice(Math.max(from, d.start - 20), d.start)))) {
      const b = spanOf(next, report, false);
      const [by] = (b?.end ?? '').split('-').map(Number) as [number];
      const a = spanOf({ ...d, year: d.year ?? (d.month! > next.month! ? by - 1 : by) }, report, false);
      if (a && b && a.start < b.end && b.end <= reportDate && b.end >= earliest) found = { start: a.start, end: b.end, precision: days ? 'day' : 'month' };
      continue;
    }
    if (!PERIOD_KINDS.has(d.kind)) continue;
    // "We delivered 9 reviews in quarter three alone": a part of the period, not the text's.
    if (/^\s*alone\b/i.test(masked.slice(d.end, d.end + 8))) continue;
    // ("results from the 2023/24 evaluation" names 2023/24; "from 2019" starts a span.)
    // ("Highlights from 2023/24", "figures from Q2" name that year or quarter: a span needs an end,
    // "from 2021/22 to 2023/24", "from 2021/22 onwards".)
    const fromNamedYear = (d.kind === 'financial-year' || d.kind === 'quarter' || d.kind === 'academic-year') && !/^\s*(?:to|until|till|through|[-–]|onwards?)\b/i.test(masked.slice(d.end, d.end + 12));
    if (/\b(?:(since|by|as of|as at|until|after|before|established|founded|launched|set up)\s+(?:in\s+|the\s+)?)$/i.test(masked.slice(Math.max(from, d.start - 20), d.start))) continue;
    if (!fromNamedYear && /\bfrom\s+(?:in\s+)?$/i.test(masked.slice(Math.max(from, d.start - 20), d.start))) continue;
    const s = spanOf(d, { y: ry, m: rm, d: rd }, false);
    if (s && s.end <= reportDate && s.end >= earliest) found = s;
  }
  return found;
}

/**
 * The position a title states ("Outputs to 31 March 2024", "Position as at 30 September 2023"):
 * the financial year up to that day (or month), for figures that name no period of their own,
 * and the day itself for running totals. Null when the title states none.
 */
export function positionOfTitle(dates: DateExpression[], masked: string, reportDate: string): Span | null {
  // A title is short and no list item; "from March to May" is a span, not a position.
  if (masked.trim().length > 100 || /^\s*(?:[-•*–]|\d+[.)])\s/.test(masked)) return null;
  const at = dateAfter([...dates].reverse(), masked, reportDate, /\b(?:to|as\s+at|as\s+of|up\s+to|ending)\s+$/i, (d) => (d.kind === 'day' || d.kind === 'month') && !/\b(?:from|between)\b/i.test(masked.slice(0, d.start)));
  if (!at) return null;
  const [y, m] = at.end.split('-').map(Number) as [number, number];
  return { start: iso(m >= 4 ? y : y - 1, 4, 1), end: at.end, precision: at.precision };
}

/**
 * The span of the first of `dates` that `cue` brings in ("as at 31 March 2024", "correct as of Oct
 * 28") and `fits`, and that has ended by the report; null when there is none.
 */
function dateAfter(dates: DateExpression[], masked: string, reportDate: string, cue: RegExp, fits: (d: DateExpression) => boolean): Span | null {
  const [ry, rm, rd] = reportDate.split('-').map(Number) as [number, number, number];
  for (const d of dates) {
    if (!fits(d) || !cue.test(masked.slice(Math.max(0, d.start - 40), d.start))) continue;
    const s = spanOf(d, { y: ry, m: rm, d: rd }, false);
    if (s && s.end <= reportDate) return s;
  }
  return null;
}

/** The period a table's column header names ("2022/23", "Q1 2020/21", "March 2021"), or null. */
export function periodOfHeader(header: string, dates: DateExpression[], reportDate: string): Span | null {
  const [ry, rm, rd] = reportDate.split('-').map(Number) as [number, number, number];
  for (const d of dates) {
    if (d.kind === 'day' || d.kind === 'relative') continue;
    const s = spanOf(d, { y: ry, m: rm, d: rd }, false);
    if (s) return s;
  }
  return null;
}

/**
 * The date a lead-in stamps the figures under it with: "Please see a breakdown of the pilot
 * (correct as of Oct 28):", "Position as at 31 March 2024:". Null when it names no such date.
 */
export function asOfLeadIn(leadIn: string, dates: DateExpression[], reportDate: string): { end: string; precision: DatePrecision } | null {
  const at = dateAfter(dates, leadIn, reportDate, /\b(?:as\s+(?:of|at)|correct\s+(?:as\s+)?(?:of|at)|up\s+to|to\s+the\s+end\s+of|at\s+the\s+end\s+of)\s+(?:the\s+end\s+of\s+)?$/i, (d) => d.kind !== 'relative');
  return at && { end: at.end, precision: at.precision };
}

/** "since this was last reported in October 2019", "Summary April 2021–March 2022". */
export function findDocumentStart(lines: string[]): string | null {
  const head = lines.slice(0, 60).join('\n');
  const month = '(January|February|March|April|May|June|July|August|September|October|November|December)\\s+((?:19|20)\\d\\d)';
  const since = new RegExp(`since (?:this was )?last reported in ${month}`, 'i').exec(head);
  if (since) return iso(Number(since[2]), MONTHS[since[1]!.toLowerCase()]!, 1);
  const range = new RegExp(`${month}\\s*[–-]\\s*${month}`).exec(lines.slice(0, 5).join('\n'));
  if (range) return iso(Number(range[2]), MONTHS[range[1]!.toLowerCase()]!, 1);
  return null;
}

/**
 * Words that bring in an earlier value to compare with: "compared with 40 last year", "up from
 * 31", "increased to 45 per cent, from 38 per cent in 2022/23". What follows them is the earlier
 * value's: its noun is the one before (index.ts), its dates its own.
 */
export const COMPARISON = new RegExp(
  String.raw`(?:\b(?:compared\s+(?:with|to)|up\s+from|down\s+from|${CHANGE_VERBS}\s+(?:by\s+(?:around\s+|about\s+|over\s+|almost\s+|nearly\s+)?[\d.,]+\s*(?:%|per\s*cent)?\s+)?from|(?:increase|rise|decrease|fall|drop|growth)\s+(?:in\s+(?:the\s+)?(?:[\w-]+\s+){1,2}?)?(?:on|over|from)|against|versus)|,\s*from)`,
  'i',
);

/**
 * Words that bring in the running total the number before adds to: "…, bringing the total placed
 * since 2021 to 126", "taking the pool to 400". The total counts what that number counts.
 */
export const RUNNING_TOTAL_TO = /\b(?:bringing|taking|brings|takes|brought|took)\s+(?:the|its|our|their)\s+(?:[\w-]+\s+){0,6}?to/i;

/**
 * COMPARISON followed by its value, within three words; or a running total brought in after the
 * number ("…, bringing the total placed since 2021 to 126"), whose dates are its own too.
 * (Made once: it is read for every number.)
 */
const COMPARISON_WITH_VALUE = new RegExp(`${COMPARISON.source}\\s+(?:[£\\w-]+\\s+){0,3}?\\d|${RUNNING_TOTAL_TO.source}\\s+[£\\d]`, 'i');

export function readPeriod(input: PeriodInput): PeriodReading {
  const [ry, rm, rd] = input.reportDate.split('-').map(Number) as [number, number, number];
  const report = { y: ry, m: rm, d: rd };
  // A comparison or running total brought in after the number is its value's, words and dates:
  // in "57 councils so far, compared with 40 last year", last year is the 40's.
  const comparison = COMPARISON_WITH_VALUE.exec(input.masked.slice(input.numberStart, input.sentenceEnd));
  const comparisonAt = comparison ? input.numberStart + comparison.index : Infinity;
  const windowText = comparisonAt < input.windowEnd ? input.window.slice(0, Math.max(0, comparisonAt - input.windowStart)) : input.window;

  let basis: Basis;
  // What people said they will do ("70 per cent of delegates saying they intend to stand") is a
  // finding of now, not a plan: only the words before a reporting verb can make it planned.
  const said = /\b(say|says|said|saying|told us|tell us|report(?:ed|s|ing)?|agree[ds]?|felt|feel)\b/i.exec(windowText);
  // ("twice as many as the council had planned", "more than expected": a comparison with a plan, not one.)
  // ("Since the fund was announced, 442 pools will have benefited": a future perfect after "since" counts to now.)
  const unplanned = (text: string) =>
    text
      .replace(/\b(?:than|as)\s+(?:[\w'’-]+\s+){0,4}?(?:planned|expected|forecast|projected|anticipated|predicted)\b/gi, '')
      .replace(/^(?=[^]*\bsince\b)([^]*?)\bwill\s+have\s+(?:been\s+)?[a-z]+(?:ed|en)\b/i, '$1');
  if (PLANNED.test(unplanned(said ? windowText.slice(0, said.index) : windowText))) basis = 'planned';
  else basis = 'period';
  // A list opened by "Since the programme started:" or "So far:" is of running totals; one
  // opened by "We will:" of plans.
  // (So is one that opens a plan's items: "The council's spending plan includes:".)
  if (basis === 'period' && input.leadIn && (PLANNED.test(input.leadIn) || /\bplans?\s+(?:includes?|comprises?|covers?|sets?\s+out)\b[^.]*:\s*$/i.test(input.leadIn))) basis = 'planned';
  // "We are holding two bigger 'wrap up' events in July", written in June: an event arranged for
  // a month still ahead is a plan (as "in July" alone, after the report's month, is not).
  if (
    basis === 'period' &&
    /\b(?:are|is|am)\s+(?:now\s+|also\s+)?(?:holding|hosting|running|organising|organizing|staging|putting\s+on)\b/i.test(input.masked.slice(input.clauseStart, input.numberStart)) &&
    input.dates.some((d) => d.kind === 'month' && d.year === null && d.month !== null && d.month > rm && d.start >= input.clauseStart && d.end <= input.clauseEnd)
  )
    basis = 'planned';
  // "…and expect to train 1,000 staff": an expectation before the number is a plan; after it
  // ("100 schemes … expected to deliver") it is about something else.
  if (basis === 'period' && /\b(?:expects?|expected|expecting)\s+to\b/i.test(input.masked.slice(input.windowStart, input.numberStart))) basis = 'planned';
  // "A further 20 councils are expected to join": what the number's own verb expects is a plan —
  // not a number inside another subject ("Support for over 100 schemes is expected to deliver"),
  // nor in a clause before ("150 homes have been retrofitted - and work is due to start").
  if (
    basis === 'period' &&
    /^[^.;:,]{0,60}?\b(?:are|is|were|was)\s+(?:now\s+|also\s+)?(?:expected|due|set|scheduled|forecast|projected)\s+to\s+(?!be\s+(?:higher|lower|more|less|greater)\b)/i.test(input.masked.slice(input.numberStart, input.clauseEnd)) &&
    !/\b(?:for|of|in|with|to|from|by|on|at|than)\s+(?:(?:over|more\s+than|around|about|nearly|almost|up\s+to|some|the)\s+)?$/i.test(input.masked.slice(input.sentenceStart, input.numberStart))
  )
    basis = 'planned';
  const sentence = input.masked.slice(input.sentenceStart, input.sentenceEnd);
  // What a committee is asked to approve is a plan, every number of it: "The recommendation
  // sought approval of 13 grant applications, totalling £129,000", "That the awards, totalling
  // £129,600, … be approved".
  const sentenceBefore = input.masked.slice(input.sentenceStart, input.numberStart);
  if (basis === 'period' && (APPROVAL.test(sentenceBefore) || FORECAST.test(sentenceBefore) || RESOLUTION.test(sentence))) basis = 'planned';
  // A fund's award announced is made now: "Greater Manchester will receive £78m from the
  // scheme", "Seven councils to get funding", "26 towns … will share over £600m", "the LGA will
  // provide the eight councils with a £20,000 grant each" — its sum and those who get it are counted
  // now, as the corpus's readers label them; what the money is for is the plan ("… to decarbonise
  // 15 public bodies").
  if (AWARD_ANNOUNCED.test(sentence)) {
    const purpose = /\bto\s+(?!(?:receive|get|share|be)\b)[a-z]+\s+(?:(?:up\s+to|more\s+than|over|around|some|nearly|almost|a\s+further|an\s+extra)\s+)?$/i.test(input.masked.slice(Math.max(input.sentenceStart, input.numberStart - 50), input.numberStart));
    if (purpose) basis = 'planned';
    else if (basis === 'planned' && !APPROVAL.test(sentenceBefore) && !FORECAST.test(sentenceBefore) && !RESOLUTION.test(sentence) && !PLANNED.test(unplanned(windowText.replace(/\b(?:will|to|are\s+to|is\s+to|set\s+to)\s+(?:each\s+|also\s+|now\s+|collectively\s+)?(?:receive|get|share|be\s+given|be\s+allocated|be\s+awarded|provide)\b|\bwill\s+see\b/gi, ' ')))) basis = 'period';
  }
  // What money is given "to upgrade 93 buildings including 56 schools" or "to create more than 1000
  // new jobs" pays for a plan: the numbers of its purpose are planned — not those who get it
  // ("announced to support 325 swimming pools", "a further £34 million to these 83 areas").
  if (basis === 'period' && input.slug !== 'money-awarded' && input.slug !== 'money-saved') {
    const beforeNumber = input.masked.slice(input.sentenceStart, input.numberStart);
    const pound = beforeNumber.lastIndexOf('£');
    if (
      pound >= 0 &&
      !/£\s*$/.test(beforeNumber) &&
      /^£[\d.,]+[^.;£]*?\bto\s+(?!(?:receive|get|share|be|support|help|fund|benefit|reach|the|a|an)\b)[a-z]+\b[^.;£]*$/i.test(beforeNumber.slice(pound)) &&
      !/\b(?:in|to|across|for|among|between|from|with|by)\s+(?:the\s+|these\s+)?(?:(?:over|more\s+than|around|about|nearly|almost|some|up\s+to)\s+)?$/i.test(beforeNumber)
    )
      basis = 'planned';
  }
  const explicitSpan = /\b(between|since|from|during|in the past|over the past|this financial year|every year|each year|per year|a year|[Aa]nnually|in (?:January|February|March|April|May|June|July|August|September|October|November|December))\b/.test(sentence);
  if (basis !== 'planned') {
    // ("Since I was voted in as Mayor, we've upskilled over 40,000": a sentence opening with a
    // "since" clause; not one with "since" inside its first clause, which may date only a part.)
    // ("the highest attendance to date", "our largest cohort so far": a record, not a running total.)
    const record = (text: string) => text.replace(/\b(?:highest|largest|biggest|best|most|greatest|record|strongest|busiest)\s+(?:[\w'’-]+\s+){0,3}?(?:to\s+date|so\s+far|yet)\b/gi, '');
    if ((STRONG_CUMULATIVE.test(record(windowText)) || RUNNING_SPAN.test(input.masked.slice(input.clauseStart, input.numberStart).split(/[,;:]/).pop()!) || RUNNING_SPAN_LEAD.test(input.sentenceLead) || STRONG_CUMULATIVE.test(input.sentenceLead) || STRONG_CUMULATIVE.test(input.leadIn) || /\bsince\b/i.test(input.leadIn) || /(?:^|[:“"‘]\s*)since\b/i.test(input.sentenceLead.trim())) && !/\bbetween\b/i.test(sentence)) basis = 'cumulative';
    else if (!explicitSpan && input.slug && !FLOW.has(input.slug) && WEAK_CUMULATIVE.test(windowText)) basis = 'cumulative';
    else if (!explicitSpan && input.slug && STOCK.has(input.slug)) basis = 'cumulative';
    // "We now work with over 90 per cent of councils in 76 partnerships": who the programme works
    // with now, every number of the sentence.
    else if (!explicitSpan && /\b(?:we|they|it|the\s+(?:programme|scheme|network|service))\s+(?:now\s+)?(?:also\s+)?works?\s+with\b/i.test(sentenceBefore)) basis = 'cumulative';
    // Who a service serves now, in the present tense: "is used by 46 councils", "helps more than
    // 4,000 local people into work", "1,400 people benefit from the service".
    else if (!explicitSpan && PRESENT_SIMPLE.test(`${input.masked.slice(input.clauseStart, input.numberStart)} ${windowText}`)) basis = 'cumulative';
    // Who is in a service now: "we have 1,364 people in residential care", "Of those, 1,031 are
    // in long term care", "217 people receiving Day Care" after "we have".
    // ("we have 217 people receiving Day Care, 324 people receiving a Direct Payment and 161 people in
    // Supported Living": each of the list that "we have" opens.)
    else if (!explicitSpan && (/\b(?:we|they|it|the\s+(?:council|service|programme|scheme))\s+(?:now\s+|currently\s+|still\s+)?(?:have|has)\s+(?:(?:over|more\s+than|around|about|nearly|almost|some|just\s+over|just\s+under)\s+)?(?:[\d,]+\s+[^.;:]*?(?:,|\band)\s+(?:(?:over|more\s+than|around|about|nearly|almost|some)\s+)?)?$/i.test(input.masked.slice(input.clauseStart, input.numberStart)) || /^[\d,.]*\s+(?:[\w'’-]+\s+){0,3}?(?:are|is)\s+(?:currently\s+|now\s+|still\s+)?(?:in|on|receiving|living\s+in|supported\s+(?:in|by)|enrolled|registered|accommodated|housed|placed)\b/i.test(input.masked.slice(input.numberStart, input.sentenceEnd)))) basis = 'cumulative';
  }
  const future = basis === 'planned';

  // Date expressions of the sentence, nearest to the number first.
  const sentenceDates = input.dates.filter((d) => d.start >= input.sentenceStart && d.end <= input.sentenceEnd);
  const clauseDates = sentenceDates.filter((d) => d.start >= input.clauseStart && d.end <= input.clauseEnd);
  // A date in brackets dates only the numbers in the same brackets: in "99 per cent … (up from
  // 22 per cent in 2021/22)" the year is the 22's.
  const bracketOf = (at: number) => {
    const open = input.masked.lastIndexOf('(', at);
    const close = input.masked.lastIndexOf(')', at);
    return open > close && open >= input.sentenceStart ? open : -1;
  };
  const numberBracket = bracketOf(input.numberStart);
  // Brackets after the number, with no other number between, that hold only a date date the
  // number's clause: "there were 4800 visits to our website (since June 2019)", "12 councils (as
  // at March 2020)".
  const bracketedAfter = (d: DateExpression) => {
    const open = bracketOf(d.start);
    if (open < 0 || numberBracket >= 0 || open < input.numberStart || open > input.windowEnd || !/^\D*[\d,.]+\D*$/.test(input.masked.slice(input.numberStart, open))) return false;
    // (A date's own text may take in the closing bracket.)
    const close = input.masked.indexOf(')', d.start);
    return close >= 0 && /^\(\s*(?:since|from|as\s+(?:of|at)|until|to|by|in|during)?\s*$/i.test(input.masked.slice(open, d.start)) && /^\s*$/.test(input.masked.slice(Math.min(d.end, close), close));
  };
  // "Annually, around 250 volunteers…" is a typical year, as of now; "its current recruitment
  // process has attracted 2,000" is now: neither takes a period stated before it or beside it.
  // ("with 27 now taking part": "now" in the number's own phrase, between commas.)
  const ownPhrase = `${input.masked.slice(input.windowStart, input.numberStart).split(/[,;:]/).pop()}${input.masked.slice(input.numberStart, input.windowEnd).split(/[,;:]/)[0]}`;
  const now = /\b([Aa]nnually|each year|every year|per year|current|currently|at present|presently|(?:most\s+)?recent|tell us|tells us)\b/.test(windowText) || /\bnow\s+(?:[a-z]+ing|in|on|at)\b/i.test(ownPhrase);
  // A year naming a plan or a strategy ("its 2019 plan", "the 2030 vision") dates nothing.
  const naming = (d: DateExpression) => d.kind === 'year' && /^\s+(?:[a-z]+\s+)?(?:plans?|strateg(?:y|ies)|visions?|targets?|ambitions?|manifesto|frameworks?|elections?|budget|act|action\s+plan)\b/i.test(input.masked.slice(d.end, d.end + 30));
  // The date of an earlier value the number is compared with before it is that value's: in "grown
  // from 25 councils in 2021/22 to 71 this year", 2021/22 is the 25's.
  const earlier = COMPARISON_WITH_VALUE.exec(input.masked.slice(input.sentenceStart, input.numberStart));
  const earlierAt = earlier ? input.sentenceStart + earlier.index : Infinity;
  // A "since" phrase trailing the number before is that number's: in "planted 324,647 trees since
  // our Climate Emergency Declaration in 2019, with 115,983 trees planted between 2023-2024" the
  // 2019 is not the 115,983's.
  const sincesTheNumberBefore = (d: DateExpression) =>
    d.end <= input.numberStart && /\d[^,;\d]*\bsince\b[^,;\d]*$/i.test(input.masked.slice(input.sentenceStart, d.start)) && /^[^\d]*,/.test(input.masked.slice(d.end, input.numberStart));
  const near = (d: DateExpression) =>
    !naming(d) &&
    !sincesTheNumberBefore(d) &&
    !(d.start > earlierAt && d.end <= input.numberStart) &&
    (bracketOf(d.start) === numberBracket || bracketOf(d.start) < 0 || bracketedAfter(d)) && (!now || (d.start >= input.windowStart && d.end <= input.windowEnd)) && d.start < comparisonAt;
  const ownDates = clauseDates.filter(near);
  const ownSentenceDates = sentenceDates.filter(near);
  const inSentence = ownDates.length || input.clauseEnd - input.clauseStart < input.sentenceEnd - input.sentenceStart ? ownDates : ownSentenceDates;
  const cue = (d: DateExpression) => input.masked.slice(Math.max(input.sentenceStart, d.start - 24), d.start).toLowerCase();
  let start: string | null = null;
  let end: string | null = null;
  let precision: DatePrecision | null = null;

  // "between April and January", "from March to June 2020", "Between Jan and February"
  for (let i = 0; i + 1 < inSentence.length && !end; i++) {
    const a = inSentence[i]!;
    const b = inSentence[i + 1]!;
    const gap = input.masked.slice(a.end, b.start);
    // ("throughout September and October", "during May and June": two months make one span.)
    const months = a.kind === 'month' && b.kind === 'month' && /\b(throughout|during|in|over)\s*$/i.test(cue(a));
    if (/^\s*(and|to|until|[-–])\s*$/i.test(gap) && (/\b(between|from)\s*$/.test(cue(a)) || months)) {
      const sb = spanOf(b, report, future);
      if (!sb) continue;
      const [by] = sb.end.split('-').map(Number) as [number];
      // The start is the latest occurrence not after the end.
      const aa: DateExpression = { ...a, year: a.year ?? (a.month && b.month && a.month > b.month ? by - 1 : by) };
      const sa = spanOf(aa, report, future);
      if (!sa) continue;
      start = sa.start;
      end = sb.end;
      precision = sb.precision;
    }
  }
  if (!end && inSentence.length) {
    const ordered = [...inSentence].sort(
      (a, b) => Math.abs(a.start - input.numberStart) - Math.abs(b.start - input.numberStart),
    );
    for (const d of ordered) {
      const s = spanOf(d, report, future);
      if (!s) continue;
      const c = cue(d);
      // "since April", "since launching in May": a running total as of the report (LABELLING.md).
      // "launched in September 2023 and has delivered more than 80": since then, as of the report.
      const launched = /\b(?:launched|started|began|opened|was set up|was established)\s+(?:in\s+)?$/i.test(c) && /^,?\s+and\s+(?:has|have)\b/i.test(input.masked.slice(d.end, d.end + 20));
      // "since it began in 2014", "since the hub was launched in May", "Since it was launched by
      // the PCC in 2012", "Since launching the Youth Diversion Fund in August 2021" (who launched it,
      // or what, may come between), "since launch in": as of the report too. So is an event named
      // and then when it was: "since our Climate Emergency Declaration in 2019", "since the Russian
      // invasion in February", "since the last Board meeting in June".
      const sinceStart = /\bsince\s+(?:(?:[\w'’-]+\s+){0,5}?(?:started|began|opened|launched|was\s+(?:set\s+up|launched|established|created|announced|introduced))(?:\s+(?:by|the|its|our|their)\b(?:\s+[\w'’-]+){0,4}?)?|launch|start|inception|creation|opening|(?:our|its|their|the|this|that)\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+|[a-z]+ing(?:\s+up|\s+on)?(?:\s+(?:the|its|our|their|a|an)\b(?:\s+[\w'’-]+){0,4}?)?)\s+(?:(?:in|on|of)\s+)?$/i.test(
        input.masked.slice(Math.max(input.sentenceStart, d.start - 60), d.start),
      );
      // "Our November webinar … has since been viewed 1,230 times": the date is the subject's; what
      // came after it is counted as of the report.
      const sinceThen = d.end <= input.numberStart && /\b(?:has|have|had)\s+since\b|\bsince\s+then\b/i.test(input.masked.slice(d.end, input.numberStart));
      if (launched || sinceStart || sinceThen || /\bsince\s+(?:the\s+(?:start|end|beginning)\s+of\s+|the\s+)?$|\bsince\s+launching\s+(?:at\s+the\s+end\s+of\s+|in\s+)?$/.test(c)) {
        if (basis === 'period') basis = 'cumulative';
        if (!end) end = input.reportDate;
        precision = input.reportPrecision;
        break;
      }
      // "the financial year ending 31 March 2023", "the 12 months to March 2023", "the six months
      // ended September": a span of that length ending then, not the day or month itself.
      const length = /\b(?:(?:financial|calendar|academic)\s+)?year\s+(?:ending|ended|to|up\s+to)\s+(?:on\s+)?$|\b(\d{1,2}|three|six|nine|twelve|eighteen)\s+months\s+(?:ending|ended|to|up\s+to)\s+(?:on\s+)?$/i.exec(c);
      if (length) {
        const words: Record<string, number> = { three: 3, six: 6, nine: 9, twelve: 12, eighteen: 18 };
        const months = length[1] ? (words[length[1].toLowerCase()] ?? Number(length[1])) : 12;
        const [y, m, dd] = s.end.split('-').map(Number) as [number, number, number];
        const back = y * 12 + (m - 1) - months;
        const [by, bm] = [Math.floor(back / 12), (back % 12) + 1];
        const bd = Math.min(dd, lastDay(by, bm));
        start = bd === lastDay(by, bm) ? (bm === 12 ? iso(by + 1, 1, 1) : iso(by, bm + 1, 1)) : iso(by, bm, bd + 1);
        end = s.end;
        precision = s.precision;
        break;
      }
      if (/\b(as of|as at|by|until|up to|week ending|(?:by|as of|as at|at) the end of)\s*$/i.test(c)) {
        end = s.end;
        precision = s.precision;
        if (basis === 'period') basis = 'cumulative';
        break;
      }
      if (/\bweek of\s*$/.test(c) && d.kind === 'day') {
        const [y, m, dd] = s.start.split('-').map(Number) as [number, number, number];
        const t = new Date(Date.UTC(y, m - 1, dd + 6));
        start = s.start;
        end = iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
        precision = 'day';
        break;
      }
      // "in February", "on 8 April", "during March", "in 2020/21", "in the autumn"
      // A financial or academic year still under way when the report was written: what was done
      // in it so far, from its start to the report ("more than 300 bulletins have been published
      // during the 2020/21 financial year", in February 2021). Not to the year's end: the rest of
      // the year had not happened.
      if (s.end > input.reportDate && basis === 'period' && (d.kind === 'financial-year' || d.kind === 'academic-year') && s.start <= input.reportDate) {
        start = s.start;
        end = input.reportDate;
        precision = input.reportPrecision;
        break;
      }
      // A year wholly after the report, named ("we are providing a further £34 million to these
      // areas in 2019-20", written in March 2019): the money is for that year, and dated so.
      if (s.start > input.reportDate && basis === 'period' && d.year !== null && (d.kind === 'financial-year' || d.kind === 'academic-year' || d.kind === 'year')) {
        start = s.start;
        end = s.end;
        precision = s.precision;
        break;
      }
      // ("For the funding cycle covering the next 12 months, 65 projects have had their contracts
      // renewed": what is done now is not dated by the span ahead.)
      if (s.end > input.reportDate && basis !== 'planned' && (d.kind !== 'relative' || d.relative?.direction === 'next')) continue;
      start = s.start;
      end = s.end;
      precision = s.precision;
      break;
    }
  }
  if (/\bthis financial year\b|\bsince the start of the financial year\b/i.test(sentence) && !start) {
    const fy = rm >= 4 ? ry : ry - 1;
    start = iso(fy, 4, 1);
    if (!end) {
      end = basis === 'planned' ? iso(fy + 1, 3, 31) : input.reportDate;
      precision = basis === 'planned' ? 'month' : input.reportPrecision;
    }
  }
  // "In the previous four years of the programme, the LGA has funded 126 projects": the years
  // before this one, to the end of the last financial year over.
  if (!end && /\b(?:in|over|during)\s+the\s+(?:previous|past|last)\s+(?:\w+\s+)?years\s+of\s+the\s+(?:programme|scheme|project|fund|initiative)\b/i.test(sentence)) {
    const fyEnd = rm > 3 || (rm === 3 && rd === 31) ? ry : ry - 1;
    end = iso(fyEnd, 3, 31);
    precision = 'month';
  }
  if (!end && input.carried && basis === 'period' && !now) {
    start = input.carried.start;
    end = input.carried.end;
    precision = input.carried.precision;
  }
  // In a text that gives no span of its own (a news item, a feature), what "has" been done with
  // no date is the running total so far: "Nearly 7,500 people have benefited", "the library has
  // loaned 307 devices"; so is a total ("A total of 217 courses were delivered", "In total just
  // over 41,000 started"). A report covering a period says what was done in it.
  // (Not what a round, phase or cohort of it did: "Round two saw 50 projects awarded a total of
  // £18.4 million", "In the first round 25 library services received a total of £5m" — the round
  // is the period.)
  if (
    !end &&
    basis === 'period' &&
    !input.carried &&
    !input.documentPeriod &&
    !input.documentStart &&
    !ROUND_FRAME.test(sentence) &&
    (PRESENT_PERFECT.test(`${input.masked.slice(input.clauseStart, input.numberStart)} ${windowText}`) || /\b(?:in\s+total|a\s+total\s+of|total(?:ling)?|overall)\b/i.test(`${input.masked.slice(input.sentenceStart, input.numberStart)} ${windowText}`))
  )
    basis = 'cumulative';
  if (!end && input.documentPeriod && basis === 'cumulative') {
    end = input.documentPeriod.end;
    precision = input.documentPeriod.precision;
  }
  if (!end) {
    end = input.reportDate;
    precision = input.reportPrecision;
  }
  // "up from 31 the previous year", "against 40 the year before": the same span a year earlier
  // than the figures around it (LABELLING.md: a prior-period value is a figure for that period).
  // (Not where dates.ts read the phrase as a span of its own: "Over the previous year, 84 businesses…".)
  const comparedYear = /\b(?:the\s+(?:previous|prior|preceding)\s+(?:financial\s+|academic\s+|school\s+)?year|the\s+year\s+before|a\s+year\s+(?:earlier|before)|the\s+same\s+(?:period|quarter|months?|time|point)\s+(?:(?:of|in)\s+)?(?:last|the\s+previous|the\s+prior)\s+year)\b/i.exec(windowText);
  const comparedAt = comparedYear ? input.windowStart + comparedYear.index : -1;
  if (basis !== 'planned' && comparedYear && !input.dates.some((d) => d.start <= comparedAt && comparedAt < d.end)) {
    const back = (date: string) => {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      return iso(y - 1, m, Math.min(d, lastDay(y - 1, m)));
    };
    end = back(end);
    if (start) start = back(start);
  }
  // A total over more than a year of a programme ("between 2014 and 2018", "April 2017 to March
  // 2019") is a running total at the span's end, as the corpus's readers take it.
  if (basis === 'period' && start && end && monthsBetween(start, end) > 13) basis = 'cumulative';
  // A running total stands no later than the report that gives it: "100,000 meals delivered as of
  // November", written on 16 November, stands at the 16th, not the month's end.
  if (basis === 'cumulative' && end > input.reportDate && (!start || start <= input.reportDate)) {
    end = input.reportDate;
    precision = input.reportPrecision;
  }
  if (basis === 'cumulative') start = null;
  else if (!start && basis === 'period' && input.documentStart && input.documentStart <= end) start = input.documentStart;
  return { basis, periodStart: start, periodEnd: end, datePrecision: precision ?? input.reportPrecision };
}
