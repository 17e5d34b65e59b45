// Numbers that are not figures of the LGA's support activity: dates and years, paragraph and
// page numbers, phone numbers, durations ("over 2-3 days", "the next 4 months"), ages ("18-25
// year olds"), rates ("per 100,000 people"), government funding ("£1.6bn", "funding for 40
// projects"), party seats ("Labour (7)"), allowance rates, breakdowns of a total ("12 of which
// are directors") and parts of names ("COVID-19", "Tier 3", "the Five Counties
// Forum"). docs/decisions/0002 lists them; reports/README.md calls them "not figures".
//
// A rule here either drops the number (numbering and dates, which nobody would tick) or gives a
// plain-words reason, so the officer sees the number unticked with why.
import type { NumberMention } from './numbers';

export type ContextVerdict = { drop: true } | { drop: false; reason: string } | null;

export interface ContextInput {
  masked: string; // the whole masked line
  raw: string; // the line as written (tabs kept)
  mention: NumberMention;
  sentence: string; // masked sentence text holding the number
  /** Start of the qualifier words ("over 600"), or the number's start. */
  qualifierStart: number;
  prefixLength: number;
  /** Spans inside date and time expressions, and list numbering: not figures. */
  inDate: boolean;
}

const reason = (r: string): ContextVerdict => ({ drop: false, reason: r });
const DROP: ContextVerdict = { drop: true };

// Who funds: government bodies, and the words of a funding announcement.
// "Local government" is the sector itself, not a funder.
const GOVERNMENT = /\b((?<!local\s)government|ministry|mhclg|beis|dfe|dhsc|treasury|chancellor|hmt|department for|department of)\b/i;
const FUNDING = /\b(announc\w*|provided|allocat\w*|fund(?:ing|s)?|grants?|budget|billion)\b|£/i;
const AWARD_OR_SAVING = /\b(award(?:ed|s)?|grant(?:ed|s)?|sav(?:ed|ing|ings)|generat(?:ed|ing))\b/i;

/** Whether the sentence announces government money (whose numbers are outside statistics). */
export function isGovernmentFunding(sentence: string): boolean {
  if (/\bbillion\b|£\s?\d[\d.,]*\s?bn\b/i.test(sentence)) return true;
  const g = GOVERNMENT.exec(sentence);
  return !!g && FUNDING.test(sentence.slice(g.index)) && /\b(announc\w*|allocat\w*|funding|fund\b|grant fund|budget)|£/i.test(sentence);
}

export function judgeContext(input: ContextInput): ContextVerdict {
  const { masked, mention, sentence } = input;
  const before = masked.slice(Math.max(0, mention.start - 40), mention.start);
  const beforeQualifier = masked.slice(Math.max(0, input.qualifierStart - 40), input.qualifierStart);
  const after = masked.slice(mention.end, mention.end + 80);
  const afterGroup = masked.slice(mention.groupEnd, mention.groupEnd + 80);
  const raw = masked.slice(mention.start, mention.end);

  // List and paragraph numbering ("2.1.", "- 7.3.") and numbers inside date expressions.
  if (mention.start < input.prefixLength) return DROP;
  if (input.inDate) return DROP;

  // Parts of names and codes: "COVID-19", "COVID 19", "Wave2", "5G", "PPN 01/21".
  if (/[A-Za-z]$/.test(before) && mention.written === 'numeral') return DROP;
  if (/[A-Za-z][-–]\s?$/.test(before) && mention.written === 'numeral' && mention.range !== 'high') return DROP;
  if (/\bcovid[\s-]*$/i.test(before)) return DROP;
  if (/^\/\d|^\d*\/\d/.test(masked.slice(mention.end)) || /\d\/$/.test(before)) return DROP;
  if (mention.written === 'numeral' && /^(st|nd|rd|th)\b/i.test(after)) return reason('an ordinal');
  if (/^\s?(km|kg|kwh|mw|m2|sq\.?\s?m|miles|mph|mm|cm|metres|meters|acres|hectares|tonnes|litres)\b/i.test(afterGroup))
    return reason('a measurement');
  if (mention.written === 'numeral' && /^[A-Za-z]/.test(after) && mention.unit === 'count') return DROP;

  // Page numbers at the end of an agenda line: "Minutes of the last meeting	5 - 12".
  const pages = /\t\s*\d+\s?[-–]\s?\d+\s*$/.exec(input.raw);
  if (pages && mention.start >= pages.index) return reason('page numbers');

  // "Conservative (7)": seats of a political group.
  if (/\b(conservatives?|labour|liberal democrats?|lib dems?|independents?|greens?|green party|plaid cymru|snp)\s*\($/i.test(before))
    return reason('party seats');

  // Labels and rankings: "Phase 8", "Tier 3", "stage two", "top ten", "number one".
  if (/\b(phase|tier|stage|level|part|round|wave|cohort|key stage|item|appendix|section|paragraph|annex|step|option|chapter|page|line|version|grade|band)\s*$/i.test(before))
    return reason('a label or stage');
  if (/^\s?[-–]?\s?(stage|tier|step|point)\b(?!\s*\d)/i.test(afterGroup)) return reason('a label or stage');
  if (/\b(top|number|no\.)\s*$/i.test(before)) return reason('a ranking');
  if (/^\s?x\s?\d/i.test(after) || /\d\s?x\s?$/i.test(before)) return reason('a multiplier');

  // A number word written with a capital in mid-sentence, before another capitalised word, is
  // part of a name: "the Five Counties Forum".
  if (
    mention.written === 'word' &&
    /^[A-Z]/.test(raw) &&
    /[a-z,]\s+$/.test(before) &&
    /^\s+[A-Z][a-z]/.test(after)
  )
    return reason('part of a name');

  // Ages: "18-25 year olds", "18-25s", "aged 16", "under 18s".
  if (/^\s?[-–]?\s?(years?|yrs?)[- ]?olds?\b/i.test(afterGroup) || /^s\b/.test(afterGroup) || /\baged\s*$/i.test(before))
    return reason('an age range');

  // Durations: "over 2-3 days", "1.5 days", "45-day", "three-year", "the next 4 months". Hours
  // and days of coaching or support are measured output, not durations.
  const duration = /^\s?[-–]?\s?(?:(?!per\b|a\b|an\b|each\b|every\b)[a-z]+\s)?(days?|weeks?|weekends?|months?|years?|hours?|minutes?|mins?|hrs?|decades?|nights?)\b/i.exec(afterGroup);
  if (duration) {
    const unit = duration[1]!.toLowerCase();
    const near = masked.slice(mention.groupEnd, mention.groupEnd + 60) + ' ' + before.slice(-30);
    const measured =
      (/^hour|^hr/.test(unit) && /\b(coaching|mentoring|training|support|consultancy|advice)\b/i.test(near)) ||
      (/^day/.test(unit) && /^\s?[-–]?\s?(?:[a-z]+\s)?days?['’]?\s+(?:of\s+)?(support|consultancy|advice|coaching|training|expert)/i.test(afterGroup));
    if (!measured) return reason('a duration');
  }

  // Allowance rates before other rates: "£8.50 per hour" is an allowance, not a figure.
  if (mention.unit === 'GBP' && /\b(per\s+hour|an\s+hour|allowance|per\s+day|hourly|living wage)\b/i.test(sentence))
    return reason('an allowance rate');

  // Rates: "per 100,000 people", "300 people a year".
  if (/\bper\s*$/i.test(beforeQualifier)) return reason('a rate');
  if (/^\s?(?:[\w'’-]+\s){0,3}?(a|per|each|every)\s(year|annum|week|hour|day|head|person|capita)\b/i.test(afterGroup))
    return reason('a rate');

  // Breakdowns of a total stated alongside it: "(12 of which are …)", "including more than 20".
  if (/^\s+(of which|of whom)\b/i.test(after)) return reason('a part of a total');
  if (/\b(including|includes|incl\.?|of whom|of which)\s*$/i.test(beforeQualifier)) return reason('a part of a total');
  // "the three councils not yet signed up", "one of five suppliers": a known group, not a count.
  if (/\b(the|these|those)\s*$/i.test(beforeQualifier)) return reason('a known group, not a count');
  if (/\bone of\s*$/i.test(beforeQualifier)) return reason('a known group, not a count');
  // "no more than 2 places per council": a limit or rule, not something delivered.
  if (/\b(no|not)\s+more\s+than\s*$/i.test(before)) return reason('a limit or rule');

  // Money: only what a programme awarded or saved is a figure. Government money, contracts paid
  // to the LGA and allowance rates are not.
  if (mention.unit === 'GBP') {
    if (isGovernmentFunding(sentence)) return reason('government funding');
    if (AWARD_OR_SAVING.test(sentence)) return null;
    return reason('a sum of money, not awarded or saved by a programme');
  }
  if (isGovernmentFunding(sentence)) return reason('government funding');

  // Percentages: a programme's reach among councils, participants or its own plan is a figure;
  // other percentages (of residents, of a grant, a fee uplift) are outside statistics.
  if (mention.unit === 'percent') {
    const reach = /^\s*(?:of\s+)?(?:all\s+)?(?:the\s+)?(?:[\w-]+\s){0,2}?(councils|authorities|local authorities|planned|participants|attendees|respondents|members|delegates|employers|eligible|our|its)\b/i;
    if (reach.test(afterGroup) || /\b(participation|response|completion|satisfaction)\s+rate\s+of\s*$/i.test(beforeQualifier)) return null;
    return reason('an outside statistic');
  }

  // A single thing is written "a" or "one": not a count worth a figure.
  if (mention.value === 1) return reason('a single item');
  return null;
}
