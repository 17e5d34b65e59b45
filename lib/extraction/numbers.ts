// Every number a line states, the way a person reads it: "2,340", "£120,000", "£25k", "40 per
// cent", "150+", "30 plus", "Forty-two", "a dozen", ranges ("10-15", "120-180", "five to ten"),
// and a thousands group split by formatting ("**12**, **345 views**"). The same reading as
// lib/numbers-in-text.ts, but with offsets, so a proposal can highlight the words.
import type { Unit } from '../vocabulary';
import { SCALES, TENS, UNITS } from '../numbers-in-text';

export interface NumberMention {
  /** Offsets of the number's own words in the line (without qualifier words). */
  start: number;
  end: number;
  value: number;
  unit: Unit;
  /** Written as a numeral ("24") or in words ("twenty-four"). */
  written: 'numeral' | 'word';
  /** "150+", "30 plus", "1,000 or more". */
  plus: boolean;
  /** The lower or upper end of a range ("10-15 members", "between 120-180"). */
  range: 'low' | 'high' | null;
  /** The other end of a range, for context rules that look at both ("2-3 days"). */
  rangeEnd: number | null;
  /** The whole range's span ("18-25"), or the number's own span. */
  groupStart: number;
  groupEnd: number;
}


const UNITS_RE = Object.keys(UNITS).join('|');
const TENS_RE = Object.keys(TENS).join('|');
const WORD_NUMBER = new RegExp(
  `\\b(?:(?:(a|one|two|three|four|five|six|seven|eight|nine)\\s+(hundred|thousand))|(${TENS_RE})(?:[- ](${UNITS_RE.replace('zero|', '')}))?|(${UNITS_RE})|(a\\s+dozen|dozen))\\b`,
  'gi',
);

function wordValue(m: RegExpExecArray): number {
  const lower = (i: number) => m[i]?.toLowerCase();
  if (m[2]) return (lower(1) === 'a' ? 1 : UNITS[lower(1)!]!) * (lower(2) === 'hundred' ? 100 : 1000);
  if (m[3]) return TENS[lower(3)!]! + (m[4] ? UNITS[lower(4)!]! : 0);
  if (m[5]) return UNITS[lower(5)!]!;
  return 12;
}

/** Reads a numeral's digits: "1,153" → 1153, "43.4" → 43.4. Returns null for malformed groups. */
function numeralValue(digits: string): number | null {
  if (digits.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) return null;
    return Number(digits.replace(/,/g, ''));
  }
  return Number(digits);
}

/** All numbers in a masked line, in order. Context (dates, phones…) is judged later. */
export function findNumbers(masked: string): NumberMention[] {
  const out: NumberMention[] = [];

  const numeral = /(£\s?)?(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?/g;
  for (let m = numeral.exec(masked); m; m = numeral.exec(masked)) {
    const start = m.index;
    let end = m.index + m[0].length;
    let value = numeralValue(m[2]! + (m[3] ?? ''));
    if (value === null) continue;
    let unit: Unit = m[1] ? 'GBP' : 'count';
    // A thousands group split by formatting: "12  ,   345" (after masking "**12**, **345").
    const split = /^\s*,\s+(\d{3})(?![\d,])/.exec(masked.slice(end));
    // (And a sum's, by one space: "secured £204, 403 to provide…".)
    if (split && /^\d{1,3}$/.test(m[2]!) && !m[3] && (/\s{2,}|,\s{2,}/.test(masked.slice(end, end + split[0].length)) || (m[1] && /^,\s\d{3}(?![\d,])/.test(masked.slice(end))))) {
      value = Number(m[2]! + split[1]!);
      end += split[0].length;
      numeral.lastIndex = end;
    }
    // A sum's pence after a comma, a slip for a point: "£ 1,557,863,67".
    const pence = unit === 'GBP' && m[2]!.includes(',') && !m[3] ? /^,(\d{2})(?![\d,])/.exec(masked.slice(end)) : null;
    if (pence) {
      value += Number(pence[1]) / 100;
      end += pence[0].length;
      numeral.lastIndex = end;
    }
    // Thousands marked with a point, as some write them: "3.100 new homes" (not 3.1 homes — whole
    // things are counted whole).
    if (unit === 'count' && m[3] && /^\.\d{3}$/.test(m[3]) && /^\d{1,3}$/.test(m[2]!) && /^\s+(?:[a-z-]+\s+){0,2}?(?!(?:hours|years|days|weeks|months|metres|miles|kilometres|tonnes|acres|hectares|times|points|seconds|minutes)\b)[a-z]+s\b/.test(masked.slice(end)))
      value = Number(m[2]! + m[3].slice(1));
    const after = masked.slice(end);
    const scale = /^\s?(k|m|mn|bn|million|billion|thousand)\b/i.exec(after);
    // "£25k", "£1.2m", "40 thousand"; a count's "k" only when written onto the digits ("12.5k views"):
    // "5 m" or "100m" may be metres.
    // …and its "m" onto the digits when people or things follow ("1.5m families", "2m views"), not a
    // measure ("100m sprint", "2m high").
    const countMillions = /^m$/i.test(scale?.[0] ?? '') && /^m\s+(?:[a-z-]+\s+){0,2}?(?:people|residents|families|households|children|users|visitors|visits|views|page\s+views|downloads|impressions|listens|streams|meals|items|calls|contacts|transactions|journeys|trips|hours|learners|customers|members|followers|pupils)\b/i.test(after);
    if (scale && (unit === 'GBP' || /^\s(million|billion|thousand)/i.test(scale[0]) || /^k$/i.test(scale[0]) || countMillions)) {
      value = Math.round(value * SCALES[scale[1]!.toLowerCase()]!);
      end += scale[0].length;
    }
    // "2 million pounds": a sum.
    const pounds = /^\s(?:pounds|pounds\s+sterling)\b/i.exec(masked.slice(end));
    if (pounds && unit === 'count') {
      unit = 'GBP';
      end += pounds[0].length;
    }
    // ("29.9 pc less": the press's "pc" is per cent; a capitalised "PC" is a computer.)
    const pct = /^\s?(%|per\s?cent\b|percent\b)/i.exec(masked.slice(end)) ?? /^\s?(pc)\b/.exec(masked.slice(end));
    if (pct) {
      unit = 'percent';
      end += pct[0].length;
    }
    // "We held 4x online workshops (2x Backlog and 2x Skills)": a count written with a times sign.
    // (Not a size: "4x4 vehicles", "2x2m".)
    const times = unit === 'count' && !m[3] ? /^x(?=\s+[A-Za-z])/.exec(masked.slice(end)) : null;
    if (times) end += 1;
    const plus = /^(\+|[\s-]?plus\b|\s(or|and)\s(more|over|above)\b)/i.exec(masked.slice(end));
    const stop = plus && plus[0] === '+' ? end + 1 : plus && plus[0] === '-plus' ? end + 5 : end;
    // A run of digits too long to be a figure (a reference code, say) is not one: beyond 2^53 a
    // number cannot even be held exactly, and hundreds of digits become Infinity.
    if (!Number.isSafeInteger(Math.round(value))) continue;
    out.push({ start, end: stop, value, unit, written: 'numeral', plus: !!plus, range: null, rangeEnd: null, groupStart: start, groupEnd: stop });
  }

  WORD_NUMBER.lastIndex = 0;
  for (let m = WORD_NUMBER.exec(masked); m; m = WORD_NUMBER.exec(masked)) {
    // "a hundred" is a number; a bare "a" is not (the regex needs hundred/thousand after it).
    let end = m.index + m[0].length;
    // An ordinal written in words ("twenty-seventh", "thirtieth") is not a number, and "net
    // zero", "zero carbon" name a goal, not a count of nothing.
    if (/^-?[a-z]*(?:first|second|third|th)\b/i.test(masked.slice(end)) && !/^\s/.test(masked.slice(end))) continue;
    // "a two-way street", "one-to-one": words, not counts.
    if (/^-(?:way|to-one|off|fold)\b/i.test(masked.slice(end))) continue;
    if (/^zero$/i.test(m[0]) && (/\bnet[\s-]*$/i.test(masked.slice(Math.max(0, m.index - 5), m.index)) || /^[\s-]+(carbon|emissions?|waste|tolerance|hours?)\b/i.test(masked.slice(end)))) continue;
    let unit: Unit = 'count';
    let value = wordValue(m);
    // "almost five million HAF days", "two thousand people": the scale word is part of the number.
    const scale = /^\s(million|billion|thousand)\b/i.exec(masked.slice(end));
    if (scale && value < 1000) {
      value *= { million: 1e6, billion: 1e9, thousand: 1e3 }[scale[1]!.toLowerCase() as 'million' | 'billion' | 'thousand'];
      end += scale[0].length;
    }
    const pounds = /^\s(?:pounds|pounds\s+sterling)\b/i.exec(masked.slice(end));
    if (pounds) {
      unit = 'GBP';
      end += pounds[0].length;
    }
    const pct = /^\s(per\s?cent\b|percent\b)/i.exec(masked.slice(end));
    if (pct) {
      unit = 'percent';
      end += pct[0].length;
    }
    const plus = /^(\s?plus\b|\s(or|and)\s(more|over|above)\b)/i.exec(masked.slice(end));
    out.push({ start: m.index, end, value, unit, written: 'word', plus: !!plus, range: null, rangeEnd: null, groupStart: m.index, groupEnd: end });
  }

  out.sort((a, b) => a.start - b.start);
  markRanges(masked, joinHundreds(masked, out));
  return markShares(masked, out);
}

/** "two hundred and fifty" is 250, one number, not 200 and 50. */
function joinHundreds(masked: string, mentions: NumberMention[]): NumberMention[] {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    if (a.written !== 'word' || b.written !== 'word' || a.unit !== 'count' || a.value % 100 !== 0 || a.value >= 1000 || b.value >= 100) continue;
    if (!/^\s+and\s+$/i.test(masked.slice(a.end, b.start))) continue;
    a.value += b.value;
    a.unit = b.unit;
    a.plus = b.plus;
    a.end = a.groupEnd = b.end;
    mentions.splice(i + 1, 1);
  }
  return mentions;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const FRACTIONS: Record<string, number> = { half: 50, third: 33.33, quarter: 25, fifth: 20, tenth: 10, 'two thirds': 66.67, 'three quarters': 75, 'two fifths': 40, 'three fifths': 60 };

// Shares written as words or ratios are percentages: "one in five" is 20 per cent, "almost half"
// 50, "more than two-thirds" 66.67, "nine out of 10" 90. The whole of "9 in 10" is not a number of its own.
function markShares(masked: string, mentions: NumberMention[]): NumberMention[] {
  let out = mentions;
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (a.unit !== 'count' || b.unit !== 'count' || a.range || b.range || !/^\s+(?:in|out\s+of)\s+$/.test(masked.slice(a.end, b.start))) continue;
    if (![2, 3, 4, 5, 6, 8, 10, 20, 100].includes(b.value) || a.value >= b.value) continue;
    a.value = round2((a.value / b.value) * 100);
    a.unit = 'percent';
    a.end = a.groupEnd = b.end;
    out = out.filter((m) => m !== b);
  }
  const words = /\b(?:(?:a|one)\s+(third|quarter|fifth|tenth)|(two|three)[- ](thirds|quarters|fifths)|(half))\b/gi;
  for (const m of masked.matchAll(words)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = masked.slice(Math.max(0, start - 24), start);
    const after = masked.slice(end, end + 6);
    // A share: "almost half of", "nearly a fifth", "two-thirds (222)" — not "the first half of the year".
    if (!/^\s*(of\b|\()/.test(after) && !/\b(almost|nearly|over|more than|around|about|roughly|approximately|some|just under|just over|less than|fewer than|under)\s*$/i.test(before)) continue;
    if (/\b(first|second|the|a)\s*$/i.test(before) && m[4]) continue;
    const key = m[4] ? 'half' : m[1] ? m[1].toLowerCase() : `${m[2]!.toLowerCase()} ${m[3]!.toLowerCase()}`;
    const value = FRACTIONS[key];
    if (value === undefined) continue;
    out = out.filter((x) => x.end <= start || x.start >= end);
    out.push({ start, end, value, unit: 'percent', written: 'word', plus: false, range: null, rangeEnd: null, groupStart: start, groupEnd: end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A numeral written as a year: "2021", not "2,021" or "£2021". */
const yearLike = (masked: string, n: NumberMention) => n.written === 'numeral' && n.unit === 'count' && /^(?:19|20)\d\d$/.test(masked.slice(n.start, n.end));

/**
 * Verbs of a value changing, as a regex source: "rose", "growing", "expanded", "fell". One list for
 * every rule that reads a change: "rose from 61% to 64%" is no range (below), "increased to 45 per
 * cent, from 38 per cent" brings in an earlier value (period.ts COMPARISON), "the number of events
 * grew …" names what is counted (index.ts).
 */
export const CHANGE_VERBS = String.raw`(?:ris(?:e|es|en|ing)|rose|increas(?:ed|ing)|gr(?:ew|own|owing)|expand(?:ed|ing)|climb(?:ed|ing)|jump(?:ed|ing)|decreas(?:ed|ing)|declin(?:ed|ing)|f(?:ell|allen|alling)|drop(?:ped|ping))`;
const CHANGED_FROM = new RegExp(String.raw`\b(?:${CHANGE_VERBS}|went|gone|improved|improving|moved)\s+from\s+(?:around\s+|about\s+|over\s+)?$`, 'i');

// "10-15 elected members", "between 120-180", "five to ten per cent", "2-3 days": the two ends
// of one range. Percent or money on the second end applies to the first too.
function markRanges(masked: string, mentions: NumberMention[]): void {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    // The end of one range begins no other: in "2019-2020 to 58,489" the 58,489 stands alone.
    if (a.range) continue;
    // Nor does the end of a year or a fraction: in "in 2021/22 to 71 this year" the 71 stands alone.
    if (/\d\s?[/–-]\s?$/.test(masked.slice(Math.max(0, a.start - 2), a.start))) continue;
    const gap = masked.slice(a.end, b.start);
    // Nor a year: in "from 3,000 in July 2021 to 4,800" the 4,800 is where it grew to.
    if (/^\s(to)\s$/.test(gap) && yearLike(masked, a) && !yearLike(masked, b) && /(?:\b(?:in|during|since|of)|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)\s+$/i.test(masked.slice(Math.max(0, a.start - 12), a.start))) continue;
    // "rose from 61% to 64%": a change from one value to another, not a range.
    if (CHANGED_FROM.test(masked.slice(Math.max(0, a.start - 40), a.start))) continue;
    const between = /^\s(and)\s$/.test(gap) && /\bbetween\s+$/i.test(masked.slice(Math.max(0, a.start - 12), a.start));
    if (!/^\s?[-–]\s?$|^\s(to)\s$/.test(gap) && !between) continue;
    if (a.written !== b.written && !/^\s?[-–]\s?$/.test(gap)) continue;
    // "vouchers worth £110 to 28,500 households": a sum given to so many, not a range of money.
    if (a.unit === 'GBP' && b.unit !== 'GBP' && /^\s(to)\s$/.test(gap) && /^\d[\d,]*$/.test(masked.slice(b.start, b.end)) && /^\s+[a-z]/i.test(masked.slice(b.end))) continue;
    // "Phase 1 - £725,000": a label, then a sum; a range of money has its pound sign first ("£4-5m").
    if (b.unit === 'GBP' && a.unit !== 'GBP') continue;
    // "4-5,000" and "between four and five thousand" mean 4,000 to 5,000; "£4-5 million" 4 to 5 million.
    for (const factor of [1e9, 1e6, 1e3]) {
      if (b.value % factor === 0 && b.value / factor < 1000 && a.value * factor <= b.value && a.value < b.value / 100) {
        a.value *= factor;
        break;
      }
    }
    if (b.value <= a.value) continue;
    // A reference's zero-padded part ends no range: "21-070" is minute 70 of 2021.
    if (/^0\d/.test(masked.slice(b.start, b.end))) continue;
    a.range = 'low';
    b.range = 'high';
    a.rangeEnd = b.value;
    b.rangeEnd = a.value;
    a.groupEnd = b.groupEnd = b.end;
    a.groupStart = b.groupStart = a.start;
    if (b.unit === 'percent' && a.unit === 'count') a.unit = 'percent';
    if (a.unit === 'GBP' && b.unit === 'count') b.unit = 'GBP';
  }
}
