// Date expressions in a line: "11 May", "July 15", "2 June 2020", "December (14)", "October
// 2019", "2020/21", "early 2021", "in the autumn", "over the next 4 months". They serve two
// purposes: numbers inside them are not figures (a day of the month, a year), and they date the
// figures near them (period.ts). Years are left open here; period.ts fixes them from the report
// date, because "in March" means a different year in a March report than in a July one.

export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

// Capitalised only, so "may" the verb is not a month.
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\b\\.?';
const ORD = '(?:st|nd|rd|th)?';

export type DateKind = 'day' | 'month' | 'year' | 'financial-year' | 'academic-year' | 'last-year' | 'quarter' | 'years' | 'season' | 'relative' | 'yesterday';

export interface DateExpression {
  start: number;
  end: number;
  kind: DateKind;
  year: number | null;
  month: number | null; // 1-12
  day: number | null;
  /** Last day of a day list ("2nd and 3rd March") or of a year range. */
  endDay: number | null;
  endYear: number | null;
  /** "early 2021", "late 2020", "mid-February". */
  part: 'early' | 'late' | 'mid' | null;
  /** The seasons, and the school holidays named by their feast ("over Easter 2024", "the Christmas holidays"). */
  season: 'spring' | 'summer' | 'autumn' | 'winter' | 'easter' | 'christmas' | null;
  /** Relative spans: "the next 4 months", "the past year". */
  relative: { direction: 'next' | 'past'; months: number } | null;
  /** "Q3", "the second quarter": 1-4 of a financial year (April–June is the first). */
  quarter?: number;
  /** An academic year of schools (pupils, SEND, early years): September to August, where further and adult education's runs August to July. */
  school?: boolean;
  /** "last financial year" (rather than "last year"); on a relative span, "the last year": the last financial year to have ended. */
  financial?: boolean;
  /** Offsets of digits inside the expression that are not figures (days, years). */
  numberSpans: { start: number; end: number }[];
}

function blank(start: number, end: number, kind: DateKind): DateExpression {
  return { start, end, kind, year: null, month: null, day: null, endDay: null, endYear: null, part: null, season: null, relative: null, numberSpans: [] };
}

function digitSpans(text: string, offset: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/\d+/g)) spans.push({ start: offset + m.index, end: offset + m.index + m[0].length });
  return spans;
}

const COUNT_WORDS = /^\s+(councils?|people|attendees|attendances|delegates|members|projects|events|webinars|authorities|applications|participants|residents|children|families|households|visits|visitors|volunteers|young\s+people|places|homes|businesses|jobs)\b/i;

/** Words of schooling, after which an academic year is a school's (September to August). */
const SCHOOLING = /\b(?:schools?|pupils?|SEND|EHC\w*|special\s+educational|nurser(?:y|ies)|early\s+years|key\s+stage|holiday\s+activities)\b/i;

/** Date expressions of a masked line, without overlaps, in order. */
export function findDates(masked: string): DateExpression[] {
  const found: DateExpression[] = [];
  const taken = (s: number, e: number) => found.some((d) => s < d.end && e > d.start);
  const add = (d: DateExpression) => {
    if (!taken(d.start, d.end)) found.push(d);
  };
  const run = (re: RegExp, make: (m: RegExpExecArray) => DateExpression | null) => {
    for (let m = re.exec(masked); m; m = re.exec(masked)) {
      const d = make(m);
      if (d) add(d);
    }
  };

  // "2025-07-30": a date written the ISO way.
  run(/\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/g, (m) => {
    const d = blank(m.index, m.index + m[0].length, 'day');
    d.year = Number(m[1]);
    d.month = Number(m[2]);
    d.day = d.endDay = Number(m[3]);
    d.numberSpans = digitSpans(m[0], m.index);
    return d;
  });
  // "1st and 2nd June", "9 May", "4 February 2021", "16th January 2021", "8 Feb"
  run(new RegExp(`\\b(\\d{1,2})${ORD}((?:\\s*(?:,|and|&|-|–|to)\\s*\\d{1,2}${ORD})*)\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(\\d{4}))?`, 'g'), (m) => {
    const day = Number(m[1]);
    if (day < 1 || day > 31) return null;
    const d = blank(m.index, m.index + m[0].length, 'day');
    d.day = day;
    const more = [...(m[2] ?? '').matchAll(/\d{1,2}/g)];
    d.endDay = more.length ? Number(more[more.length - 1]![0]) : day;
    d.month = MONTHS[m[3]!.toLowerCase().replace('.', '')]!;
    d.year = m[4] ? Number(m[4]) : null;
    d.numberSpans = digitSpans(m[0], m.index);
    return d;
  });
  // "July 15", "March 12, when", "June 3 at"
  run(new RegExp(`\\b${MONTH}\\s+(\\d{1,2})${ORD}\\b(?![\\d,.]\\d)(?:,?\\s+(\\d{4}))?`, 'g'), (m) => {
    const rest = masked.slice(m.index + m[0].length);
    if (!m[3] && COUNT_WORDS.test(rest)) return null; // "In April 12 councils…"
    const day = Number(m[2]);
    if (day < 1 || day > 31) return null;
    const d = blank(m.index, m.index + m[0].length, 'day');
    d.month = MONTHS[m[1]!.toLowerCase().replace('.', '')]!;
    d.day = day;
    d.endDay = day;
    d.year = m[3] ? Number(m[3]) : null;
    d.numberSpans = digitSpans(m[0], m.index);
    return d;
  });
  // "December (14)", "June (4, 9 and 21)"
  run(new RegExp(`\\b${MONTH}\\s*\\((\\d{1,2})((?:\\s*(?:,|and)\\s*\\d{1,2})*)\\)`, 'g'), (m) => {
    const d = blank(m.index, m.index + m[0].length, 'day');
    d.month = MONTHS[m[1]!.toLowerCase().replace('.', '')]!;
    d.day = Number(m[2]);
    d.numberSpans = digitSpans(m[0], m.index);
    return d;
  });
  // "early 2021", "late 2020", "mid-2020"
  run(/\b(early|late|mid)[- ]?(\d{4})\b/gi, (m) => {
    const d = blank(m.index, m.index + m[0].length, 'year');
    d.part = m[1]!.toLowerCase() as 'early' | 'late' | 'mid';
    d.year = Number(m[2]);
    d.numberSpans = digitSpans(m[0], m.index);
    return d;
  });
  // "October 2019", "October (2020)", "autumn of 2020", "spring 2020"
  run(new RegExp(`\\b${MONTH}\\s*\\(?((?:19|20)\\d\\d)\\)?`, 'g'), (m) => {
    const d = blank(m.index, m.index + m[0].length, 'month');
    d.month = MONTHS[m[1]!.toLowerCase().replace('.', '')]!;
    d.year = Number(m[2]);
    d.numberSpans = digitSpans(m[0], m.index);
    return d;
  });
  run(/\b(spring|summer|autumn|winter|easter|christmas)(?:\s+of)?\s+((?:19|20)\d\d)\b/gi, (m) => {
    const d = blank(m.index, m.index + m[0].length, 'season');
    d.season = m[1]!.toLowerCase() as DateExpression['season'];
    d.year = Number(m[2]);
    d.numberSpans = digitSpans(m[0], m.index);
    return d;
  });
  run(/(?<!\bthe\s)\blast\s+year\b|\blast\s+(financial)\s+year\b/gi, (m) => ({ ...blank(m.index, m.index + m[0].length, 'last-year'), financial: !!m[1] }));
  // Quarters of a financial year: "Q1", "Quarter 3", "the second quarter", "the 3rd quarter",
  // "quarter three", "Q3 2020/21". A quarter's number, in words too, is its name, not a count.
  run(/\b(?:Q([1-4])|(first|second|third|fourth|[1-4](?:st|nd|rd|th))\s+quarter|[Qq]uarter\s+([1-4]|one|two|three|four)\b)(?:\s+(?:of\s+)?((?:19|20)\d\d)\s?[/–-]\s?(?:\d{2}|\d{4}))?\b/gi, (m) => {
    const d = blank(m.index, m.index + m[0].length, 'quarter');
    const ordinal = (word: string) => ({ first: 1, second: 2, third: 3, fourth: 4, one: 1, two: 2, three: 3, four: 4 })[word.toLowerCase() as 'first'] ?? Number.parseInt(word, 10);
    d.quarter = Number(m[1] ?? ordinal(m[3] ?? m[2]!));
    d.year = m[4] ? Number(m[4]) : null;
    d.numberSpans = digitSpans(m[0], m.index);
    if (m[3] && !/\d/.test(m[3])) {
      const at = m.index + m[0].toLowerCase().indexOf(m[3].toLowerCase(), 7);
      d.numberSpans.push({ start: at, end: at + m[3].length });
    }
    return d;
  });
  // Financial years and year ranges: "2019/20", "2020/21", "2021-22", "2019/2020", "2019-21";
  // an academic year ("the 2021/22 academic year", "Academic Year (AY) 2022-23") runs August to July,
  // a school year ("the 2021/22 school year", or an academic year in a sentence about pupils,
  // SEND or early years) September to August.
  run(/\b((?:19|20)\d\d)\s?[/–-]\s?(\d{4}|\d{2})\b/g, (m) => {
    const first = Number(m[1]);
    const second = m[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (second <= first || second - first > 10) return null;
    const near = masked.slice(Math.max(0, m.index - 24), m.index + m[0].length + 20);
    const academic = /\bacademic\s+year\b|\bAY\b|\bschool\s+year\b/i.test(near);
    const d = blank(m.index, m.index + m[0].length, second === first + 1 ? (academic ? 'academic-year' : 'financial-year') : 'years');
    if (academic) d.school = /\bschool\s+year\b/i.test(near) || SCHOOLING.test(masked);
    d.year = first;
    d.endYear = second;
    d.numberSpans = digitSpans(m[0], m.index);
    return d;
  });
  // "the 2020 to 2021 financial year": the financial year 2020/21.
  run(/\b((?:19|20)\d\d)\s+to\s+((?:19|20)\d\d)\s+(financial|academic)\s+year\b/gi, (m) => {
    const first = Number(m[1]);
    if (Number(m[2]) !== first + 1) return null;
    const d = blank(m.index, m.index + m[0].length, /academic/i.test(m[3]!) ? 'academic-year' : 'financial-year');
    if (d.kind === 'academic-year') d.school = SCHOOLING.test(masked);
    d.year = first;
    d.endYear = first + 1;
    d.numberSpans = digitSpans(m[0], m.index);
    return d;
  });
  // An older year after a word of time: "built before 1919", "since 1896".
  run(/\b(?:before|after|since|until|in|from|by|circa)\s+(1[89]\d\d)\b(?![,.]\d)(?!\s+(?:people|residents|councils|children|families|households|homes|visits|members))/gi, (m) => {
    const at = m.index + m[0].length - 4;
    const d = blank(at, at + 4, 'year');
    d.year = Number(m[1]);
    d.numberSpans = digitSpans(m[1]!, at);
    return d;
  });
  // A year on its own: "in 2020", "since 2012", "the 2020s". Not "over 2000 people".
  run(/\b((?:19[5-9]|20\d)\d)(s)?\b(?![,.]\d)/g, (m) => {
    const before = masked.slice(Math.max(0, m.index - 14), m.index);
    if (/(£\s?|over\s|more than\s|nearly\s|around\s|almost\s|about\s|a total of\s)$/i.test(before)) return null;
    if (COUNT_WORDS.test(masked.slice(m.index + m[0].length))) return null;
    const d = blank(m.index, m.index + m[0].length, 'year');
    d.year = Number(m[1]);
    d.numberSpans = digitSpans(m[0], m.index);
    return d;
  });
  // Months and seasons without a year: "In February", "since September", "in the autumn".
  run(new RegExp(`\\b${MONTH}`, 'g'), (m) => {
    // "May" at the start of a sentence may be the verb; months elsewhere are capitalised.
    if (m[1] === 'May' && /(^|[.!?]\s+)$/.test(masked.slice(0, m.index))) return null;
    if (m[1] === 'Mar' || m[1] === 'Jun' || m[1] === 'Jul') return null;
    const d = blank(m.index, m.index + m[0].length, 'month');
    d.month = MONTHS[m[1]!.toLowerCase().replace('.', '')]!;
    return d;
  });
  run(/\b(spring|summer|autumn|winter)\b|\b(?:over|at|during|in|since|for)\s+(?:the\s+)?(easter|christmas)\b/gi, (m) => {
    if (m[2]) {
      const feast = blank(m.index + m[0].length - m[2].length, m.index + m[0].length, 'season');
      feast.season = m[2].toLowerCase() as DateExpression['season'];
      return feast;
    }
    // ("winter warmth advice", "summer reading challenge", "winter pressures funding": a season
    // naming a thing, not a time — unless a time word leads it in, "during the winter".)
    if (!/\b(?:this|last|next|the|in|over|during|since|throughout|by|until|from|each|every|early|late|mid|of)\s*$/i.test(masked.slice(Math.max(0, m.index - 12), m.index)) && /^\s+(?!(?:holidays?|months?|term|terms|period|season|break|half[- ]term|of)\b)[A-Za-z]/.test(masked.slice(m.index + m[0].length)))
      return null;
    // ("through the Summer Reading Challenge in 2023", "the Winter Grant Scheme": a name in
    // capitals, whatever leads it in.)
    if (/^[A-Z]/.test(m[1]!) && /^\s+(?!(?:Holidays?|Months?|Terms?|Period|Season|Break|Half[- ]Terms?|Of)\b)[A-Z][a-z]/.test(masked.slice(m.index + m[0].length))) return null;
    const d = blank(m.index, m.index + m[0].length, 'season');
    d.season = m[1]!.toLowerCase() as DateExpression['season'];
    return d;
  });
  // "held yesterday evening": the day before the report's.
  run(/\byesterday\b/gi, (m) => blank(m.index, m.index + m[0].length, 'yesterday'));
  run(/\b(?:early|the beginning of|the start of)\s+next\s+year\b/gi, (m) => {
    const d = blank(m.index, m.index + m[0].length, 'relative');
    d.part = 'early';
    d.relative = { direction: 'next', months: 12 };
    return d;
  });
  // "last year", "last financial year": in a UK council's or the LGA's report, the financial year
  // before the one the report is written in (a report of September 2019 means 2018/19).

  // "over the next 4 months", "in the next few weeks", "the past year"
  run(/\b(?:the\s+)?(next|coming|past|last)\s+(\d{1,2}|few|two|three|four|five|six|twelve)?\s*(months?|year)\b/gi, (m) => {
    const words: Record<string, number> = { few: 1, two: 2, three: 3, four: 4, five: 5, six: 6, twelve: 12 };
    const n = m[2] ? (/\d/.test(m[2]) ? Number(m[2]) : words[m[2].toLowerCase()]!) : 1;
    const months = /year/i.test(m[3]!) ? 12 * n : n;
    // "in the last year": the last financial year to have ended, as the corpus's
    // readers date it ("Almost 400 new jobs were created in the last year", written in January
    // 2025, stands at March 2024) — not "the last 12 months", which run to the report.
    // (It dates its own sentence only: unlike "last year", it names no period for the text after it.)
    const d = blank(m.index, m.index + m[0].length, 'relative');
    d.relative = { direction: /next|coming/i.test(m[1]!) ? 'next' : 'past', months };
    // ("the past year" stays twelve months to the report: the seeds and the corpus date it so.)
    d.financial = !m[2] && /year/i.test(m[3]!) && /^last$/i.test(m[1]!);
    // The number of a relative span is a duration, judged in context.ts, not dropped here.
    return d;
  });
  // "Over the previous year, 84 businesses had engaged": opening a sentence, the span of its
  // figures, as "in the last year" is (not a comparison, "up from 31 the previous year").
  run(/(?:^|[.;:!?]\s+)(?:over|during|throughout|in)\s+the\s+previous\s+year\b/gi, (m) => {
    const at = m.index + m[0].search(/[A-Za-z]/);
    const d = blank(at, m.index + m[0].length, 'relative');
    d.relative = { direction: 'past', months: 12 };
    d.financial = true;
    return d;
  });
  return found.sort((a, b) => a.start - b.start);
}

/** Times of day: "11.00 am", "11.00 -12.00", "10:30". Their numbers are not figures. */
export function findTimes(masked: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of masked.matchAll(/(?<![£\d.,])\b\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?![\d])/gi)) {
    const t = m[0];
    if (/[.:]00\b|am|pm|:\d\d/i.test(t)) out.push({ start: m.index, end: m.index + t.length });
  }
  return out;
}

/** Telephone numbers: "020 7946 0018", "07700 900123", "0207 7946 0321". */
export function findPhones(masked: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of masked.matchAll(/(?<![\d,.£])(?:\+44\s?|0)\d{2,4}(?:[ -]\d{3,6}){1,2}(?![\d,])/g)) {
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
