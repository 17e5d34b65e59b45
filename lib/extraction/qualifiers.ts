// The words beside a number that change what it claims: "over 600" is at least 600, "up to 40"
// at most 40, "nearly 400" about 400. The curators read "nearly" and "almost" as approximate
// (docs/decisions/0002 and seed/figures.csv), not as an upper bound, and so do we.
import type { Qualifier } from '../vocabulary';

// Longest phrases first, so "no more than" wins over "more than".
const BEFORE: [RegExp, Qualifier][] = [
  [/\b(?:no|not)\s+more\s+than\s*$/i, 'at_most'],
  [/\b(?:no|not)\s+(?:fewer|less)\s+than\s*$/i, 'at_least'],
  // ("entries surpassed 200", "sales topped 1,000": more than the number said.)
  [/\b(?:more\s+than|over|in\s+excess\s+of|at\s+least|upwards?\s+of|above|exceeding|a\s+minimum\s+of|surpass(?:ed|es|ing)?|exceeded|topped)\s*$/i, 'at_least'],
  [/\b(?:up\s+to|as\s+many\s+as|as\s+much\s+as|fewer\s+than|less\s+than|(?<!\bjust\s+)under|at\s+most|a\s+maximum\s+of|(?<!\bjust\s+)below)\s*$/i, 'at_most'],
  // ("Just under 74,000", "just below £1m": about that, as "almost" is.)
  [/\b(?:nearly|almost|around|approximately|approx\.?|about|some|roughly|circa|c\.|close\s+to|near|nearing|approaching|in\s+the\s+region\s+of|just\s+shy\s+of|just\s+(?:under|below)|the\s+best\s+part\s+of|getting\s+on\s+for|an\s+estimated|estimated(?:\s+(?:award|total|value|cost|spend|saving|savings|amount))?|an\s+average\s+of|on\s+average)\s*$/i, 'approx'],
];

export interface QualifierReading {
  qualifier: Qualifier;
  /** Where the qualifier's words start in the line (for highlighting "over 600"). */
  start: number;
  /** The words themselves, lower-cased: "over", "up to", "+", "ranged between". */
  words: string | null;
}

/**
 * The qualifier of a number at [start, end) of a masked line. `plus` is a trailing "+" or
 * "plus"; `range` is the number's end of a range ("20-30").
 */
export function readQualifier(masked: string, start: number, plus: boolean, range: 'low' | 'high' | null): QualifierReading {
  const before = masked.slice(Math.max(0, start - 40), start);
  // A range ("20-30", "between 4-5,000") is one figure from its low end to its high end: exact,
  // or approximate ("around 20-30"). Its high end is read with the low one, not on its own.
  if (range === 'low' || range === 'high') {
    const approx = BEFORE[BEFORE.length - 1]![0].exec(before);
    return approx && range === 'low' ? { qualifier: 'approx', start: start - before.length + approx.index, words: approx[0].trim().toLowerCase() } : { qualifier: 'exact', start, words: 'range' };
  }
  if (plus) return { qualifier: 'at_least', start, words: '+' };
  // "An average of 15" is not an estimate; it is an average, which a metric says.
  for (const [re, q] of BEFORE) {
    const m = re.exec(before);
    if (!m) continue;
    const words = m[0].trim().toLowerCase();
    if (/average/.test(words)) return { qualifier: 'exact', start, words: null };
    // "over the" / "under the" are prepositions only when no number follows: here one does.
    return { qualifier: q, start: start - before.length + m.index, words };
  }
  return { qualifier: 'exact', start, words: null };
}
