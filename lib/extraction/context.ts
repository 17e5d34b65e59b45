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

// What people are, not what a programme did for them: "165,000 Londoners live in temporary
// accommodation", "1 in 4 children live in poverty", "an estimated 360,000 people are affected".
const POPULATION_STATE = /^\s?(?:[\w'’-]+\s){0,6}?((?:who\s+)?(?:are|were)\s+eligible|live|living|suffer\w*|experienc(?:e|ed|ing)\b|are\s+affected|affected\s+by|are\s+estimated|is\s+estimated|are\s+homeless|are\s+unemployed|are\s+at\s+risk|are\s+thought|are\s+fuel\s+poor|lost\s+their\s+lives|died|were\s+(?:killed|injured|hurt)|(?:were\s+recorded\s+as\s+having\s+)?sustained\s+(?:\w+\s+)?injur\w*)\b/i;

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
  /** Where the sentence runs on to the next line ("£3.4m" / "saved by councils…"), its words there; else ''. */
  runOn?: string;
  /** The text speaks for a fund or a government funder: its title names one (see speaksForAFund). */
  fundSpeaks?: boolean;
}

const reason = (r: string): ContextVerdict => ({ drop: false, reason: r });
const DROP: ContextVerdict = { drop: true };

// Who funds: government bodies, and the words of a funding announcement.
// "Local government" is the sector itself, not a funder.
const GOVERNMENT = /\b((?<!local\s)government|ministry|mhclg|beis|dfe|dhsc|treasury|chancellor|hmt|department for|department of)\b/i;
const FUNDING = /\b(announc\w*|provided|allocat\w*|fund(?:ing|s)?|grants?|budget|billion)\b|£/i;
const AWARD_OR_SAVING = /\b(gains?|(?:additional|extra)\s+income|award(?:ed|s|ing)?|grant(?:ed|s)?|provid(?:ed|es|ing)\s+(?:[\w-]+\s+){0,3}?£[\d.,]+\s?(?:k|m|million)?\s+(?:of\s+[\w\s-]{1,30}?\s+)?to\b|provid(?:ed|es|ing)\s+(?:[\w'’-]+\s+){1,4}?with\s+(?:(?:more\s+than|over|around|about|nearly|almost|some|a\s+further|an\s+additional)\s+)?£|commit(?:ted|ting)\s+£[\d.,]+\s?(?:k|m|million)?\s+of\s+(?:support|funding|grants?)\s+to\b|disburs(?:ed|ing)|sav(?:e|es|ed|ing|ings)|generat(?:e|es|ed|ing)|rais(?:e|ed|ing)|secur(?:e|ed|ing)|levera?g?e?d?|leverag(?:es|ing)|levered|levering|brokered|paid|(?:projects?|schemes?|bids?|grants?|awards?)\s+worth|distribut(?:ed|ing)|invest(?:ed|ing)|capital receipts|reduc(?:e|ed|ing)\s+(?:running\s+)?costs|cut(?:s|ting)?\s+(?:\w+\s+){0,2}?costs|(?:groups|projects|organisations|charities|councils|authorities|businesses|schemes|clubs|applicants|partnerships|towns|areas)\s+(?:(?:across|in|from)\s+(?:the\s+)?[\w-]+\s+)?(?:have\s+|has\s+|will\s+|to\s+|are\s+to\s+)?(?:now\s+|also\s+)?(?:shared|share)|(?<=£\s?)\d[\d.,]*\s?(?:k|m|million)?\s+to\s+\d[\d,]*\s+(?:[\w-]+\s+){0,3}?(?:groups|projects|organisations|charities|halls|clubs|schemes|businesses|applicants|councils|schools)|supported\s+\d[\d,]*\s+(?:[\w-]+\s+){1,3}?with\s+£|approved\s*\(\s*£|(?:benefits?|entitlements?)\s+(?:being\s+|were\s+|was\s+|had\s+been\s+)?claimed|(?:benefit|welfare)\s+claims|debts?\s+(?:being\s+|was\s+|were\s+)?(?:managed|written\s+off|cleared)|allocated\s+(?:through|via|under)\s+the)\b/i;
// Money coming in to a council or the LGA, rather than given or saved by a programme.
const RECEIVED = /\b(received|receive|receives|receiving|allocat(?:ed|ion)|accept\w*\s+(?:the\s+)?grant|grant\s+allocation|grant\s+of\b|funding\s+of\b|top[- ]up\s+allocation|(?<!(?:councils|authorities|projects|areas|organisations|bids|applicants|groups|businesses|residents|families|households|charities|schools|clubs|people|tenants)\s+(?:have\s+|had\s+)?)been\s+(?:given|provided|granted)\b|budget\s+of\b)/i;

/** Whether the sentence announces government money (whose numbers are outside statistics). */
// A government fund shared out among those it counts: "£60m has been awarded under the Brownfield
// Land Release Fund to nearly 100 local authority regeneration projects", "26 towns across England
// share over £600m"; or a fund named by its name ("the Libraries Improvement Fund", "the Public
// Sector Decarbonisation Scheme (PSDS)"), or its round ("this round's recipients", "the third
// round"), and money going from it to a council it names or to those it counts: "Essex County Council will receive £337,500",
// "£4.9m from the Libraries Improvement Fund for 27 library services", "£107 million allocated
// through the single homelessness accommodation programme". Where the text speaks for the fund,
// what it gives out is its delivery, even when the council is said to receive it.
const SHARED_OUT = /\b(?:award(?:ed|s)?|allocat(?:ed|ing)|shar(?:e|es|ed|ing)|distribut(?:ed|ing)|given|granted|directed|passed\s+(?:[\w£.,]+\s+){0,4}?on\s+to)\b/i;
const RECIPIENTS = String.raw`(?:councils|local\s+authorities|authorities|towns|areas|projects|schemes|partnerships|organisations|groups|bids|deals|services|businesses|charities|applicants|schools|clubs|bodies|forces|commissioners|recipients)`;
const RECIPIENTS_COUNTED = new RegExp(String.raw`(?:\d[\d,]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred))\+?\s+(?:[\w'’-]+\s+){0,4}?${RECIPIENTS}\b`, 'i');
const FUND_NAMED = /\b(?:[A-Z][\w’'-]*\s+){1,6}(?:Fund|Scheme|Programme|Initiative)\b|\b(?:this|the\s+(?:first|second|third|fourth|fifth|latest|final|next))\s+(?:bidding\s+)?round\b|\bround\s+(?:\d|one|two|three|four|five|six)\b|\brecipients\b|\bsuccessful\s+(?:bids|applicants|councils|projects)\b/;
const TO_RECIPIENTS = new RegExp(String.raw`\b(?:to|for|between|among|across)\s+(?:the\s+|these\s+)?(?:\d[\d,]*\s+|[\w'’-]+\s+){0,4}?${RECIPIENTS}\b|\b${RECIPIENTS}\s+(?:[\w'’-]+\s+){0,3}?(?:have\s+|has\s+|will\s+|are\s+to\s+)?(?:received|receive|get|got|been\s+given|be\s+given)\b`, 'i');
// (A council by its name, its words capitalised: "Essex County Council", "Leicester City Council".)
const NAMED_COUNCIL = /\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}\s+(?:City\s+|County\s+|Borough\s+|District\s+)?Council\b(?!\s+Tax)/;
const RECEIVING = /\b(?:receiv(?:e|es|ed|ing)|get|gets|got|given|allocat(?:ed|ing)|award(?:ed|ing)|directed|share\s+of|shared|announced\s+(?:a\s+further\s+|an\s+extra\s+|an\s+additional\s+)?£)/i;
const BILLIONS = /\bbillion\b|£\s?\d[\d.,]*\s?bn\b/i;
/**
 * Whether a text speaks for a fund or a government funder: its opening lines name a fund, scheme
 * or initiative ("… the Public Sector Decarbonisation Scheme") or a government department ("date
 * 2024-01-16 Department for Levelling Up, Housing & Communities"). Then a council it names that
 * "received over £400,000" is one the fund gave to, even where the sentence names no fund.
 */
export function speaksForAFund(openingLines: string): boolean {
  return FUND_NAMED.test(openingLines) || /\b(?:Government\s+(?:announces|has\s+announced|confirms|awards|allocates)\b|Department\s+(?:for|of)\s+[A-Z]|Ministry\s+of\s+[A-Z]|Home\s+Office|HM\s+Treasury|Cabinet\s+Office|DLUHC|MHCLG|DCMS|DfE|DHSC|DESNZ|Homes\s+England|Sport\s+England|Arts\s+Council)/.test(openingLines);
}

// Money announced or allocated "to support 325 swimming pools", or that "went to swimming pools".
const TO_SUPPORT_COUNTED = /£[\d.,]+\s*(?:k|m|million)?\b[^.;]{0,60}?\b(?:to\s+(?:support|fund|help)\s+(?:up\s+to\s+|over\s+|more\s+than\s+|around\s+|some\s+)?\d[\d,]*\s+[a-z]|went\s+to\s+(?:\d[\d,]*\s+)?(?:[a-z]+\s+){0,3}?[a-z]+s\b)/i;
export function isSharedOutByAFund(sentence: string): boolean {
  if (BILLIONS.test(sentence)) return false;
  if (TO_SUPPORT_COUNTED.test(sentence) && /\b(?:funding|fund|announced|allocated|awarded|grants?)\b/i.test(sentence)) return true;
  return (SHARED_OUT.test(sentence) && RECIPIENTS_COUNTED.test(sentence)) || (FUND_NAMED.test(sentence) && RECEIVING.test(sentence) && (TO_RECIPIENTS.test(sentence) || NAMED_COUNCIL.test(sentence)));
}

export function isGovernmentFunding(sentence: string): boolean {
  if (/\bbillion\b|£\s?\d[\d.,]*\s?bn\b/i.test(sentence)) return true;
  const g = GOVERNMENT.exec(sentence);
  return !!g && FUNDING.test(sentence.slice(g.index)) && /\b(announc\w*|allocat\w*|funding|fund\b|grant fund|budget)|£/i.test(sentence);
}

/** The clause after a number, to its end. */
function clauseAfterOf(masked: string, from: number): string {
  return masked.slice(from, from + 160).split(/[.;!?]/)[0]!;
}

export function judgeContext(input: ContextInput): ContextVerdict {
  const { masked, mention } = input;
  // (A number alone on its line, its words on the next — "45" / "councils supported" — is one sentence.)
  const sentence = input.sentence + (input.runOn ?? '');
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
  // A footnote mark ("were eligible.3") and a grade or code after a slash ("grade C/4").
  // ("c.150" is circa: its qualifier, not a footnote.)
  if (mention.written === 'numeral' && ((/[a-z][.,;:)]$/.test(before) && !/\bc\.$/i.test(before)) || /[A-Za-z]\/$/.test(before))) return DROP;
  if (/[A-Za-z][-–]\s?$/.test(before) && mention.written === 'numeral' && mention.range !== 'high') return DROP;
  if (/\bcovid[\s-]*$/i.test(before)) return DROP;
  if (/^\/\d|^\d*\/\d/.test(masked.slice(mention.end)) || /\d\/$/.test(before)) return DROP;
  if (mention.written === 'numeral' && /^(st|nd|rd|th)\b/i.test(after)) return reason('an ordinal');
  // A time on the 24-hour clock: "arrived from 0915", "at 1400 hrs".
  if (mention.written === 'numeral' && /^(?:[01]\d|2[0-3])[0-5]\d$/.test(raw) && (raw.startsWith('0') || /^\s?(?:hrs|hours|h)\b/i.test(after)) && /\b(?:at|from|until|till|by|to|between|and)\s+$/i.test(before))
    return reason('a time of day');
  // A question asks; it does not say what was delivered: "What happened to the other four cases?"
  // (Every number in a question in the corpus's tuning half is labelled not a figure.)
  if (/\?\s*["'”’)]*\s*$/.test(input.sentence)) return reason('in a question, not a statement of what was done');
  // (Work measured by what it did stays a figure: "15km roads resurfaced", "removing a staggering
  // 1033kg of litter", "has already saved 117,000 tonnes of carbon"; a file's size, a height or an
  // allowance of data does not.)
  const measure = /^\s?(km|kg|kwh|mw|m2|sq\.?\s?m|miles|mph|mm|cm|metres|meters|acres|hectares|tonnes|litres|kb|mb|gb)\b/i.exec(afterGroup);
  if (measure) {
    const workDone = /^(?:km|kg|miles|metres|meters|acres|hectares|tonnes)$/i.test(measure[1]!) &&
      (/^\s?[a-z]+\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:resurfaced|repaired|planted|removed|collected|cleared|recycled|restored|created|installed|laid|improved|maintained|treated)\b/i.test(afterGroup) ||
        /\b(?:resurfac\w*|repair\w*|plant\w*|remov\w*|collect\w*|clear\w*|recycl\w*|restor\w*|sav(?:e|ed|es|ing)|divert\w*|prevent\w*)\s+(?:(?:a\s+)?(?:staggering|total\s+of|further|an?\s+additional|over|more\s+than|around|about|nearly|almost|some)\s+)*$/i.test(beforeQualifier));
    if (!workDone) return reason('a measurement');
  }
  // A document's length is a measurement, not delivery: "Slides: 21 pages", "The MoU itself was
  // just 2 pages long". ("2,000 pages viewed" and "page views" are figures.)
  if (mention.unit === 'count' && /^\s?pages?(?:\s+long\b|\s*(?:$|[.,;:)])|\s+[A-Z])/.test(afterGroup)) return reason('a measurement');
  // (But a count with thousands separators run into its noun, a slip for a space, is a count:
  // "over 7,906participants".)
  if (mention.written === 'numeral' && /^[A-Za-z]/.test(after) && mention.unit === 'count' && !measure && !(/^\d{1,3}(?:,\d{3})+$/.test(raw) && /^[a-z]{4,}/.test(after))) return DROP;

  // Page numbers at the end of an agenda line: "Minutes of the last meeting	5 - 12".
  const pages = /\t\s*\d+\s?[-–]\s?\d+\s*$/.exec(input.raw);
  if (pages && mention.start >= pages.index) return reason('page numbers');

  // A committee system's link to a paper: "27 Quarter 4 Corporate Performance report pdf icon
  // PDF 333 KB". The number before the title is the agenda item's.
  if (/\bPDF\s*\d[\d.]*\s*[KM]B\s*$/i.test(input.raw)) return reason('part of a link to a document');

  // A day of a week's date: "Tuesday 19-Friday 22 September".
  if (mention.written === 'numeral' && mention.value <= 31 && /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*$/.test(before)) return DROP;
  // An address: "18 Smith Square", "10 Downing Street".
  if (mention.written === 'numeral' && /^\s(?:[A-Z][a-z]+\s){1,3}(?:Square|Street|Road|Lane|Avenue|Place|Way|Close|Drive|Gardens|Terrace|Crescent|Row|Walk|Hill|Park)\b/.test(afterGroup))
    return reason('an address');
  // A list's number alone on its line ("1."), as committee minutes number their items.
  // (Not a number whose words follow on the next line, as an "in numbers" page sets them: "45" /
  // "councils supported through peer challenge".)
  if (/^\s*\d{1,3}\.?\s*$/.test(input.raw) && (/\.\s*$/.test(input.raw) || !/^\s*[a-z]/.test(input.runOn ?? ''))) return reason('a list number');

  // "Conservative (7)": seats of a political group.
  if (/\b(conservatives?|labour|liberal democrats?|lib dems?|independents?|greens?|green party|plaid cymru|snp)\s*\($/i.test(before))
    return reason('party seats');

  // Labels and rankings: "Phase 8", "Tier 3", "stage two", "top ten", "number one".
  // (A list of labels goes on in bare numbers, "Years 1, 2 and 3"; not "At the end of Q2, 98% of KPIs".)
  // ("In the first round 25 library services received…": a round named by its ordinal; the number counts.)
  const ordinalLabel = /\b(?:first|second|third|fourth|fifth|sixth|final|latest|last|next|previous|current|this|that)\s+(?:phase|round|wave|cohort|stage)\s*$/i.test(before);
  // ("between quarters 3 and 4": quarters in the plural are named, whatever their case.)
  if ((!ordinalLabel && /\b(phase|tier|stage|level|part|round|wave|cohort|key stage|item|appendix|section|paragraph|annex|step|option|chapter|page|line|version|grade|band|issue|edition|volume|vol|kpi|pi|indicator)s?\.?\s*$|\bquarters\s*$/i.test(before)) || /\b(?:Years?|Priority|Priorities|Quarters?|Fund|Objective|Theme|Lot|Workstream|Strand|Goal|Outcome|Round|Cohort|Q|Response|Reference|Ref\.?|Request|FOIR?|EIR|No\.?|Case|Minute)\s*$/.test(before) || (mention.unit === 'count' && /\b(?:Years?|Priority|Priorities|Quarters?|Fund|Objective|Theme|Lot|Workstream|Strand|Goal|Outcome|Round|Cohort|Q)\s*\d+\s*(?:&|and|,)\s*$/.test(before)))
    return reason('a label or stage');
  if (/^\s?[-–]?\s?(stage|tier|step|point)\b(?!\s*\d)/i.test(afterGroup)) return reason('a label or stage');
  // A reference joined to a zero-padded number: the minute "21-070" (minute 70 of 2021).
  if (mention.written === 'numeral' && (/^[-–/]0\d/.test(masked.slice(mention.end)) || (/\d[-–/]$/.test(before) && /^0\d/.test(raw))))
    return reason('a label or stage');
  // A subsection of a numbered reference: the 3 of "section 18(3) of the Care Act".
  if (mention.written === 'numeral' && /\d\($/.test(before) && /^\)/.test(masked.slice(mention.end))) return reason('a label or stage');
  // The end of a run of labels: "quarters one to 20", "phases 2 and 3".
  // ("sections 2.3 and 2.4 of the report": numbered to the decimal.)
  if (/\b(quarters|phases|rounds|waves|cohorts|stages|tiers|years|months|weeks|items|paragraphs|sections|priorities|appendices|annexes)\s+(?:\d+(?:\.\d+)*|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:to|-|–|and|&|,)\s*$/i.test(before))
    return reason('a label or stage');
  // "a year or two": a rough span, not a count.
  if (/\b(?:a|one|next|last|first)\s+(?:day|week|month|year|decade)\s+or\s*$/i.test(beforeQualifier)) return reason('a duration');
  if (/\b(top|number|no\.|the\s+big)\s*$/i.test(before)) return reason('a ranking');
  // The whole a rank is out of: "ranked 52nd most deprived of 317 local authorities".
  if (/\b(?:ranked|ranking|rank|placed|position(?:ed)?)\b[^.;]{0,60}\bof\s*$/i.test(before) && /\d(?:st|nd|rd|th)\b|\b(?:first|second|third|top|bottom|highest|lowest)\b/i.test(before.slice(-70)))
    return reason('a ranking');
  // The size of a place: "a population of 145,000", "home to 300,000 people".
  if (/\b(?:population|populations|residents?\s+numbering|home\s+to)\s+(?:of\s+)?(?:around\s+|about\s+|some\s+|over\s+|almost\s+|nearly\s+|approximately\s+)?$/i.test(before))
    return reason('a description of a place');
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
  // A numeral closing a name of capitalised words, with no noun of its own after it: "Skills
  // Bank 2 commenced delivery", "the youth homelessness hub project, Hotel 1824."
  if (
    mention.written === 'numeral' &&
    mention.unit === 'count' &&
    input.qualifierStart === mention.start &&
    /[a-z,]\s+(?:[A-Z][a-z]+\s|[A-Z]{2,5}\s(?=[A-Z][a-z]+\s)){1,3}$|^(?:[A-Z][a-z]+\s){2,3}$/.test(masked.slice(Math.max(input.qualifierStart - 60, 0), mention.start).replace(/^.*[.;:!?]\s*/, '')) &&
    /^\s*(?:[.,;:)]|$|(?:commenced|began|started|opened|closed|is|was|has|had|will|can|could|may|would|should|which|that)\b)/.test(afterGroup)
  )
    return reason('part of a name');

  // Ages: "18-25 year olds", "18-25s", "aged 16", "under 18s", "over the age of 19".
  // ("aged five to 16": the top of an age range too.)
  if (/^\s?[-–]?\s?(years?|yrs?)[- ]?olds?\b/i.test(afterGroup) || /^s\b/.test(afterGroup) || /\b(aged|ages?\s+of)\s*$/i.test(before) || /\baged\s*$/i.test(beforeQualifier) || /\baged\s+(?:\d{1,2}|[a-z]+)\s+(?:to|-|–|and)\s*$/i.test(beforeQualifier))
    return reason('an age range');

  // Durations: "over 2-3 days", "1.5 days", "45-day", "three-year", "the next 4 months". Hours
  // and days of coaching or support are measured output, not durations.
  // (A share is never a duration: "to 74% six months after it" says when it was measured.)
  const duration = mention.unit !== 'percent' && /^\s?[-–]?\s?(?:(?!per\b|a\b|an\b|each\b|every\b|last\b|this\b|next\b|previous\b|that\b)[a-z]+\s)?(days?|weeks?|weekends?|months?|years?|hours?|minutes?|mins?|hrs?|seconds?|secs?|decades?|nights?)\b/i.exec(afterGroup);
  if (duration) {
    const unit = duration[1]!.toLowerCase();
    const near = masked.slice(mention.groupEnd, mention.groupEnd + 60) + ' ' + before.slice(-30);
    // Effort given is measured too: "spent more than 233 hours", "2,300 days donated", "14,500 hours of work".
    // ("468 volunteer hours pledged", "83 hours of staff time had been used for calls and visits".)
    // ("put in around 950 hours of picking": effort given, the "in" of "put in" no span.)
    const given = !/\b(over|(?<!\bput\s)in|within|across|during|for)\s*$/i.test(beforeQualifier) && /\b(spent|spend|put\s+in|gave|given|donated|volunteered|contributed|deployed|provided|delivered|dedicated|devoted)\s+(?:[\w-]+\s+){0,2}$/i.test(before.slice(-40)) || /^\s?[-–]?\s?(?:[a-z]+\s)?(?:hours?|days?)\s+(?:of\s+)?(?:work|volunteering|volunteer\w*|service|staff\s+time|officer\s+time|support)\b|^\s?[-–]?\s?(?:[a-z]+\s)?(?:hours?|days?)\s+(?:donated|given|volunteered|contributed|pledged)\b|^\s?(?:volunteer(?:ing)?|staff|officer)\s+(?:hours?|days?)\b/i.test(afterGroup);
    // (Thousands of days or hours are provision counted, not a span: "five million HAF days".)
    const measured =
      given ||
      // "362 hours (or 48 working days) – number of volunteering hours spent": what the line says it is.
      /^\s?(?:hours?|days?)\s*(?:\([^)]*\))?\s*[–—-]\s+(?:the\s+)?(?:total\s+)?number\s+of\s+(?:[\w-]+\s+){0,2}(?:hours|days)\b/i.test(afterGroup) ||
      mention.value >= 1000 ||
      (/^hour|^hr/.test(unit) && /\b(coaching|mentoring|training|support|consultancy|advice)\b/i.test(near)) ||
      (/^day/.test(unit) &&
        (/^\s?[-–]?\s?(?:[a-z]+\s)?days?['’]?\s+(?:of\s+)?(?:[a-z]+\s+){0,2}?(support|consultancy|advice|coaching|training|expert\w*|challenge|help)/i.test(afterGroup) ||
          /^\s?[-–]?\s?(peer|expert|consultancy|advisory|support|coaching|training)\s+days?\b/i.test(afterGroup)));
    if (!measured) return reason('a duration');
  }

  // Allowance rates before other rates: "£8.50 per hour" is an allowance, not a figure.
  // (Only the sum the rate is written beside: "an average of £1,000 per day" does not make the
  // sentence's "saves the sector up to £1.5 million" a rate.)
  if (mention.unit === 'GBP' && (/^\s?(?:[\w'’-]+\s){0,2}?(per\s+hour|an\s+hour|per\s+day|a\s+day|hourly)\b/i.test(afterGroup) || /\b(allowance|living wage|hourly rate|day rate|rate)\s+(?:of\s+)?(?:£\s?)?$/i.test(beforeQualifier)))
    return reason('an allowance rate');

  // A body's own spending, in the progressive: "THE Liverpool City Region is investing £68m in
  // adult training", "• Investing £14m to improve and maintain highways" — not money a programme
  // awarded (but what a programme, scheme or fund is investing is: "The 2022-26 grants programme
  // is investing over £6 million each year").
  if (mention.unit === 'GBP' && /(?:^|[^\w\s]\s*|\b(?:is|are|was|were|be|been|by|and|including)\s+)investing\s+(?:(?:over|more\s+than|around|about|nearly|almost|some|a\s+further|an\s+extra|an\s+additional)\s+)?$/i.test(beforeQualifier) && !/\b(?:programme|scheme|fund)\b/i.test(sentence.slice(0, Math.max(0, sentence.indexOf(masked.slice(input.qualifierStart, mention.end))))))
    return reason("a body's own spending, not money awarded or saved");
  // What a budget has spent so far: "spend to the end of September was £9.8m", "expenditure in the
  // year totalled £1.2m" — a budget's position, not money a programme awarded or saved.
  if (mention.unit === 'GBP' && /\b(?:spend|spending|expenditure|outturn)\b(?:\s+(?:to|on|of|for|in|at|by|so|during|over)\b[^.;:£]{0,50}?)?\s+(?:was|is|were|stood\s+at|stands\s+at|totalled|totals|came\s+to|amounted\s+to)\s+(?:just\s+|around\s+|about\s+|over\s+|nearly\s+|almost\s+)?$/i.test(masked.slice(Math.max(0, input.qualifierStart - 90), input.qualifierStart)))
    return reason("a body's own spending, not money awarded or saved");
  // A council's own budget position: "a £14m budget gap", "a funding shortfall of £3m"; and the
  // savings its budget plans to make: "plans in place to deliver £11m savings".
  if (mention.unit === 'GBP' && (/^\s?(?:[\w'’-]+\s){0,2}?(?:budget\s+gap|funding\s+gap|shortfall|deficit|overspend|underspend|budget\s+pressures?)\b/i.test(afterGroup) || /\b(?:budget\s+gap|funding\s+gap|shortfall|deficit|overspend)\s+of\s+(?:around\s+|about\s+|nearly\s+|over\s+)?$/i.test(beforeQualifier)))
    return reason("a council's budget, not money awarded or saved");
  if (mention.unit === 'GBP' && /\bplans?\s+(?:in\s+place\s+)?to\s+(?:deliver|make|achieve|find)\s+(?:[\w'’-]+\s+){0,2}?$/i.test(beforeQualifier) && /^\s?(?:of\s+)?(?:[\w'’-]+\s){0,1}?savings?\b/i.test(afterGroup))
    return reason('a target, not something delivered');
  // What something cost: "the cost of the project was £79,048".
  if (mention.unit === 'GBP' && /\b(?:the\s+)?(?:total\s+)?costs?\s+(?:of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?)?(?:was|is|were|are|came\s+to|totalled|amounted\s+to)\s+(?:just\s+|only\s+|around\s+|about\s+)?$/i.test(beforeQualifier)) return reason('a cost, not money awarded or saved');
  // A price: "at a nominal fee of £60", "tickets cost £15".
  if (mention.unit === 'GBP' && /\b(fees?|price|charge|ticket|tickets|subscription)\s+(?:of\s+|is\s+|was\s+|costs?\s+)?(?:just\s+|only\s+)?(?:£\s?)?$/i.test(beforeQualifier)) return reason('a price, not money awarded or saved');

  // Rates: "per 100,000 people", "300 people a year", "17 new firms per 10,000 head of population".
  if (/\bper\s*$/i.test(beforeQualifier)) return reason('a rate');
  // "On a normal day 12 households will need our support": a typical day's count.
  if (/\b(?:on|in)\s+an?\s+(?:normal|typical|average|usual|ordinary|given)\s+(?:day|week|month|night|weekend)\s*,?\s*$/i.test(beforeQualifier)) return reason('a rate');
  if (mention.unit === 'count' && /^\s?(?:[\w'’-]+\s){0,3}?per\s+(?:\d[\d,]*|thousand|hundred|million)\b/i.test(afterGroup)) return reason('a rate');
  // (A sum of money a year is the year's amount: "investing over £6 million each year".)
  // ("Nearly 5,000 graduates apply every year" is a year's count, not a rate.)
  // (An average over a span is a figure of its own kind: "an average of 593 a week since December",
  // as the dashboard's "Average meetings per week".)
  // ("up from 2,400 a year earlier" is the count a year before, not a rate.)
  if (/^\s?(?:[\w'’-]+\s){0,3}?(?:(a|per)\s(year|annum|week|hour|day|head|person|capita)|(each|every)\s(week|hour|day|head|person))\b(?!\s+(?:earlier|before|ago|previously|prior)\b)/i.test(afterGroup) && !(mention.unit === 'GBP' && /^\s?(?:[\w'’-]+\s){0,3}?(a|per)\s(year|annum)\b/i.test(afterGroup)) && !/\ban\s+average\s+of\s*$|\baverag(?:ed|ing)\s*$/i.test(beforeQualifier))
    return reason('a rate');

  // Breakdowns of a total ("including seven Leadership Academies", "32 of which are chief
  // executives") are figures of their own (LABELLING.md), so nothing is said of them here.
  // "these three councils", "one of five suppliers": a group already counted, not a count.
  if (/\b(these|those)\s*$/i.test(beforeQualifier)) return reason('a known group, not a count');
  // "one of four providers" names a small group; the N of "one of around 100 participating
  // councils" is a count.
  if (/\bone of\s*$/i.test(beforeQualifier) && mention.value <= 10) return reason('a known group, not a count');
  // "no more than 2 places per council": a limit or rule, not something delivered.
  if (/\b(no|not)\s+more\s+than\s*$/i.test(before)) return reason('a limit or rule');

  // A budget and its parts: "a total budget of £2.64m to March 2025, of which £1.9m is grant and
  // £740,000 is for staffing" — what there is to spend, not money awarded or saved.
  if (mention.unit === 'GBP' && /\bbudget\s+(?:of|is|was|for|totals?|totalling)\b/i.test(sentence) && /\bof\s+which\b/i.test(sentence)) return reason('a budget and its parts, not money awarded');
  // A rate of return: "£5 for every £1 spent", "for every £1 of grant … at least £5".
  // ("Every £1 invested in tenancy sustainment saves an estimated £3.40": the same, said first;
  // "Almost £25 was generated for every pound spent": the same, the pound in words.)
  if (/\bfor\s+(?:every|each)\s*(?:£\s?)?$/i.test(beforeQualifier) || (/\b(?:for\s+)?(?:every|each)\s+(?:£|pound\b)/i.test(sentence) && mention.unit === 'GBP'))
    return reason('a rate of return');
  // A cap or allowance per participant: "up to £50,000 to each project", "up to 3 sessions per
  // council", "a £20,000 grant each", "a minimum of three placements".
  const perParticipant = /^\s?(?:[\w'’-]+\s){0,3}?(?:to|for|per|at|in)\s+(?:each|every|per)\b|^\s?(?:[\w'’-]+\s){0,3}?(?:to|for)\s+a\b|^\s?(?:[\w'’-]+\s){0,3}?(?:each|per)\s+(?:project|council|authority|participant|person|application|scheme|bid|area)|^\s?(?:[\w'’-]+\s){0,3}?each\s*(?:[,.;:)]|$)/i.test(afterGroup);
  const cap = /\b(up to|maximum|max\.?|no more than|capped at|capped)\s*(?:of\s+)?$/i;
  if (perParticipant && (cap.test(beforeQualifier) || cap.test(before))) return reason('a cap per participant, not something delivered');
  // "Each school received up to 2 free visits", "Each council can claim up to 5 days": what one
  // taker may have.
  if (/\beach\s+(?:[\w'’-]+\s+){1,3}?(?:received|receives|gets|got|can|could|may|will|is\s+entitled\s+to|are\s+entitled\s+to)\s+(?:[\w-]+\s+){0,2}?(?:up\s+to|a\s+maximum\s+of)\s*$/i.test(before))
    return reason('a cap per participant, not something delivered');
  // "The maximum grant for a single project is £50,000", "projects below £5,000 are decided by
  // officers": the offer's limits and thresholds.
  // ("The lowest grant is £1,000", "the average award was £6,000": the size of one award too.)
  if (/\b(?:maximum|minimum|max\.?|largest\s+possible|lowest|smallest|highest|largest|biggest|average|typical|median)\s+(?:single\s+|individual\s+)?(?:grant|award|amount|payment|funding|contribution|bid|request)s?\b[^.;]{0,50}?\b(?:is|was|will\s+be|are|were)\s*$/i.test(beforeQualifier) ||
      /\b(?:projects?|applications?|grants?|bids?|awards?|requests?|schemes?)\s+(?:of\s+)?(?:below|under|above|less\s+than|exceeding)\s*$/i.test(before))
    return reason('a limit or threshold the offer sets, not something delivered');
  // "3 further events, each for up to 60 delegates".
  if (/\beach\s+(?:for|of|with|taking)\s+(?:up\s+to|a\s+maximum\s+of|no\s+more\s+than)\s*$/i.test(before)) return reason('a cap per participant, not something delivered');
  // "offered grants of up to £100,000", "bursaries worth up to £500": the most one award can be.
  if (mention.unit === 'GBP' && cap.test(before) && /\b(?:grants?|awards?|bursar(?:y|ies)|payments?|vouchers?|loans?)\s+(?:of|worth)\s+(?:up\s+to|a\s+maximum\s+of)\s*$/i.test(before))
    return reason('a cap per participant, not something delivered');
  // "calculated as a percentage of lost turnover up to a maximum of £10,000": money never reaches
  // "a maximum of" by being delivered.
  if (mention.unit === 'GBP' && /\ba\s+maximum\s+of\s*$/i.test(before)) return reason('a cap per participant, not something delivered');
  if (mention.unit === 'GBP' && /^\s?(?:[\w'’-]+\s){0,2}?each\b(?!\s+(?:year|month|week|quarter)\b)/i.test(afterGroup)) return reason('an amount for each participant, not a total');
  // What an offer is worth to each taker: "grants of £1,000 are available", "bursaries of up to £500
  // can be applied for" — the size of one award on offer, not money awarded.
  if (mention.unit === 'GBP' && /\b(?:grants?|awards?|bursar(?:y|ies)|payments?|vouchers?|loans?)\s+of\s*$/i.test(beforeQualifier) && /^[^.;]{0,60}?\b(?:(?:is|are)\s+(?:(?:now|once\s+again|still|also)\s+)?(?:available|on\s+offer|open)|can\s+(?:be\s+)?appl(?:y|ied)|to\s+apply)\b/i.test(afterGroup))
    return reason('an amount for each participant, not a total');
  // The pot an invitation to apply is for: "inviting organisations to apply for a share of the
  // £50,000 investment", "councils can bid for £2m" — on offer, not yet awarded.
  // ("GLOUCESTERSHIRE County Council is offering £50,000 in grant funding": on offer too.)
  if (mention.unit === 'GBP' && (/\b(?:apply|applying|bid|bidding)\s+for\s+(?:a\s+share\s+(?:of\s+)?|part\s+of\s+)?(?:the\s+|a\s+|an\s+)?(?:(?:total|further|additional|new)\s+)?$/i.test(beforeQualifier) || /\b(?:is|are)\s+(?:now\s+|again\s+|once\s+again\s+)?offering\s+(?:up\s+to\s+)?$/i.test(beforeQualifier)))
    return reason('money on offer, not yet awarded');
  // The money there is to spend: "the council had £1.7 million available to fund local
  // businesses", "£170,000 is available for capital projects". ("£2m was made available to 30
  // groups" is given out.)
  if (mention.unit === 'GBP' && /^\s?(?:(?:of\s+)?(?!made\b)[\w-]+\s+){0,2}?(?:(?:is|was|are|were|has\s+been|had\s+been|remains?|remained)\s+)?(?:still\s+|now\s+|also\s+)?available\b/i.test(afterGroup))
    return reason('money on offer, not yet awarded');
  // ("A minimum of £2.5m in additional income" is a sum known to be at least that: money is not an offer's rule.)
  // ("Councils will be limited to leading on 2 applications", "capped at 100 places", "we will cap
  // registrations at 120", "increasing the limit from 100 to 500 attendees".)
  if (mention.unit !== 'GBP' && (/\b(a\s+)?(minimum|maximum)\s+of\s*$/i.test(beforeQualifier) || /\b(a\s+)?(minimum|maximum)\s+of\s*$/i.test(before) || /\b(?:(?:limited|restricted|capped)\s+(?:to|at)\s+(?:[a-z]+ing\s+(?:on\s+|in\s+|for\s+)?)?|cap\s+(?:[\w'’-]+\s+){0,2}at\s*|limit\s+(?:of|from|to)\s*)$/i.test(beforeQualifier)))
    return reason('a minimum or maximum the offer sets, not something delivered');
  // "three or four placements", "two or three times": a rough description, not a count.
  if (/^\s?or\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b/i.test(afterGroup) || /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+or\s*$/i.test(beforeQualifier))
    return reason('a rough description ("three or four"), not a count');
  // "two of the most serious issues": a few of a group, not a count.
  if (/^\s?of\s+the\s+(?:most|biggest|largest|greatest|main|key|\w+est)\b/i.test(afterGroup)) return reason('a known group, not a count');

  // A target named after the number ("the 543,000-tree planting target"), or the government's
  // ("a government initiative to recruit three million apprentices by 2020").
  if (/^\s?[-–]?[\w-]*\s+(?:[\w-]+\s+){0,2}?(?:target|ambition|goal|pledge)s?\b/i.test(afterGroup) && !/^\s?[-–]?\s?(?:[\w-]+\s+){0,2}?(?:against|above|below|over|beyond|than|of)\b/i.test(afterGroup))
    return reason('a target, not something delivered');
  if (/\b(?:government|national|ministerial)(?:['’]s)?\s+(?:initiative|target|ambition|pledge|commitment|aim)\s+(?:is\s+|was\s+)?to\b/i.test(sentence.slice(0, Math.max(0, sentence.indexOf(masked.slice(input.qualifierStart, mention.end))))))
    return reason('a target, not something delivered');
  // A target or ambition is not what was delivered: "exceeded its agreed target of 35,000 meals",
  // "the initial target set nationally was for 22.5%".
  const longBefore = masked.slice(Math.max(0, input.qualifierStart - 100), input.qualifierStart);
  if (
    /\b(target|ambition|aim|goal|trajectory)\s+(?:(?:for|in)\s+(?:[\w'’-]+\s+){1,4}?)?(?:of|was|is)\s*$/i.test(beforeQualifier) ||
    /\btarget(?:ed|ing)?\s*$/i.test(beforeQualifier) ||
    // "surpassed its target to create 4,000 additional apprenticeship opportunities"
    /\b(?:target|ambition|goal|pledge)\s+(?:was\s+|is\s+)?to\s+[a-z]+\s+(?:(?:a\s+further|an\s+extra|an\s+additional|at\s+least|more\s+than|over|up\s+to)\s+)?$/i.test(beforeQualifier) ||
    // "(target: 12)", "Target – 60"
    /\b(?:target|ambition|aim|goal|profile)\s*[:=–—-]\s*$/i.test(beforeQualifier) ||
    // "the programme was tasked with creating 589 new jobs and working with employers to deliver 209 …"
    /\b(?:tasked|charged)\s+with\s+[a-z]+ing\b[^,;:.]*$/i.test(longBefore) ||
    /\b(?:target|ambition)\s+(?:set|agreed)\b[^.;]{0,60}?\b(?:was|is|were)\s+(?:for\s+|set\s+at\s+)?$/i.test(longBefore)
  )
    return reason('a target, not something delivered');

  // A hedged forecast is neither delivered nor a commitment: "Herefordshire can expect at least
  // another 171 guests", "is likely to reach 5,000 as the scheme continues".
  if (/\b(?:can|could|may|might)\s+expect\s+(?:to\s+(?:see|receive|welcome|have)\s+)?(?:(?:at\s+least|up\s+to|around|about|some|over|more\s+than)\s+)?(?:another\s+|a\s+further\s+)?$|\b(?:is|are|was|were)\s+likely\s+to\s+(?:reach|be|exceed|top|hit|pass)\s+(?:(?:at\s+least|around|about|over|more\s+than)\s+)?$/i.test(before))
    return reason('a forecast, not something delivered');
  // A restatement: "(i.e. a third of the workforce)", "the equivalent of one person spending 6 weeks",
  // "enough energy to make 72 million cups of tea".
  if (/(?:\bi\.?\s?e\.?,?|\bthat is,?|\b(?:the\s+)?equivalent\s+(?:of|to)|\bequating\s+to|\benough\s+(?:[\w'’-]+\s+){0,3}?to\s+(?:make|power|fill|boil|heat|run|supply|light|charge)|\bthe\s+(?:same\s+as|size\s+of|weight\s+of|length\s+of))\s*$/i.test(beforeQualifier)) return reason('a restatement of a figure before it');
  // What the economy is estimated to gain: "generating an estimated £19 million for the local
  // economy", "a £5m boost to the region's economy", "£2.1m in economic impact".
  if (mention.unit === 'GBP' && (/^\s?(?:[\w'’-]+\s){0,2}?(?:for|to|into|in)\s+(?:the\s+)?(?:local|regional|national|city['’]s|region['’]s|area['’]s|uk|wider)?\s*econom(?:y|ies)\b|^\s?(?:[\w'’-]+\s){0,3}?(?:economic\s+(?:impact|benefit|value|boost)|boost\s+to\s+(?:the\s+)?(?:[\w'’-]+\s+)?econom|gva|gross\s+value\s+added)\b/i.test(afterGroup) || /\b(?:economic\s+(?:impact|benefit|value)|gva|gross\s+value\s+added)\s+(?:of|worth|estimated\s+at)\s+(?:an?\s+)?(?:estimated\s+)?$/i.test(beforeQualifier)))
    return reason('an estimate of what an economy gained, not money awarded or saved');

  // The whole a share is of: the 10 of "9 in 10 councils", the 317 of "312 of the 317 local
  // authorities", the £2.8m of "£2m of the total £2.8m". The share itself is judged on its own.
  if (/\d[\d,.]*(?:%|k|m|bn|\s?million|\s?billion)?\s+(?:out\s+)?(?:in|of)\s+(?:the\s+)?(?:total\s+|overall\s+)?(?:£\s?)?$/i.test(beforeQualifier) || /\bout\s+of\s+(?:a\s+)?(?:total\s+of\s+)?(?:the\s+)?(?:£\s?)?$/i.test(beforeQualifier))
    return reason('the whole that a share is of');
  // ("This equates to 97% of the total number of starts (1,010)": the whole, named in brackets.)
  if (/\d[\d,.]*\s*(?:%|per\s?cent)\s+of\s+(?:the\s+)?(?:total|overall|whole)\s+(?:number\s+of\s+)?(?:[\w'’-]+\s+){0,3}?\(\s*$/i.test(beforeQualifier))
    return reason('the whole that a share is of');
  // "are among ACE's 54 priority places", "one of the 12 pilots": the group they belong to.
  if (/\b(?:are|is|were|was)\s+(?:all\s+)?among\s+(?:the|its|their|our|[A-Z][\w&-]*['’]s)\s+$/i.test(beforeQualifier))
    return reason('the whole that a share is of');
  // How an offer is laid out: "The programme runs over three residential modules", "split into
  // four stages" (not "delivered over 300 sessions").
  if (mention.value <= 12 && /\b(?:runs?|running|takes?\s+place|spread|split|divided|organised)\s+(?:over|across|into|in)\s*$/i.test(before))
    return reason('it describes how the work is organised, not what it delivered');
  // The size of a team or body: "a 19-strong team", "a team of 12", "a Citizens' Assembly of 38"
  // (but "a team of around 250 volunteers" is a volunteer force, counted).
  // ("It currently employs eight staff": the organisation's own size.)
  if (/^\s?[-–]?\s?strong\b/i.test(afterGroup) || (mention.value <= 50 && /\b(team|assembly|panel|board|committee|jury|group)\s+of\s*$/i.test(beforeQualifier)) || (/\b(?:employs|employed|employing|has\s+a\s+staff\s+of)\s*$/i.test(beforeQualifier) && /^\s?(?:[\w-]+\s+)?(?:staff|people|officers|employees|members\s+of\s+staff|fte)\b/i.test(afterGroup))) return reason('the size of a team');
  // Places, not what happened in them: "in 65 community-based venues", "7 key libraries".
  // (A "site visit" is an event, not a place.)
  // (Places provided or visited are what was delivered: "provide over 150 Warm Welcome locations",
  // "visiting 18 different venues".)
  if (/^\s?(?:[\w-]+\s+){0,2}?(venues?|locations?|sites?)\b(?!\s+visits?\b)/i.test(afterGroup) && !/\b(?:provid\w*|open(?:ed|ing|s)?|set\s+up|establish\w*|creat\w*|launch\w*|visit(?:ed|ing|s)?|toured|ran|run(?:ning)?)\s+$/i.test(beforeQualifier)) return reason('places where the work happened, not what it delivered');
  // A number inside a name: "the LGA Cyber 360 programme", "Project 500 scheme" — a capitalised
  // word before it (not the sentence's first) and a single programme or scheme after it.
  if (mention.unit === 'count' && /\S\s+(?!(?:Over|Around|About|Almost|Nearly|Some|More|Just|Approximately|Roughly|All|The|These|Those|Our|Its|Their|Another|Further|Additional)\s)[A-Z][a-z]+\s+$/.test(beforeQualifier) && /^\s?(?:programme|scheme|fund|initiative|strategy|project|network|framework|challenge|toolkit|tool|platform|app|campaign|academy|offer|package|model)\b(?!s)/i.test(afterGroup))
    return reason('part of a name');
  // "almost three times the amount": a change, which the dashboard works out itself.
  if (/^\s?times\s+(?:the|as|more|higher|larger|bigger|greater)\b/i.test(afterGroup)) return reason('a change, which the dashboard works out itself');
  // Parts of a plan or an offer ("three key areas of activity", "22 different topics", "five
  // overarching recommendations", "4 modules"): how the work is organised, not what it delivered.
  if (/^\s?(?:(?:key|main|different|overarching|individual|core|priority|strategic|broad|thematic|specific|separate|distinct)\s+){0,2}(themes?|topics?|subjects?|areas?|strands?|workstreams?|work\s*streams?|pillars?|priorities|principles?|objectives?|recommendations?|actions?|modules?|elements?|stages?|steps?|components?|domains?|criteria|categories|lots|challenge\s+statements)\b/i.test(afterGroup))
    return reason('it describes how the work is organised, not what it delivered');
  // A title in quotes that opens with the number: ‘10 top-level questions to ask…’.
  // (Not words someone said: “Around two thirds of visitors had never used council services,” said …)
  const quoted = /^([^’”"']{3,120})[’”"']\s*(,?\s*(?:said|says|added|explained|commented|noted|told))?/i.exec(masked.slice(mention.end));
  if (/\S\s*[‘“"']\s*$/.test(beforeQualifier) && !/\b(?:said|says|added|explained|commented|noted|told\s+\w+)\s*[:,]?\s*[‘“"']\s*$/i.test(beforeQualifier) && quoted && !quoted[2] && quoted[1]!.trim().split(/\s+/).length <= 12 && !/^[^’”"']*[’”"']\s*$/.test(masked.slice(mention.end, mention.end + 2)))
    return reason('part of a title');

  // Money: only what a programme awarded, saved, raised or paid out is a figure. Government
  // money, grants a council or the LGA received, contracts paid to the LGA and allowance rates
  // are not.
  if (mention.unit === 'GBP') {
    // (In a text speaking for a fund, a council it names receiving a sum is given it by the fund.)
    // ("The Pulse in Stroud has received almost £300,000": in such a text, whoever received it.)
    const awardOfFund =
      isSharedOutByAFund(sentence) ||
      (!!input.fundSpeaks && !BILLIONS.test(sentence) && RECEIVING.test(sentence) && (TO_RECIPIENTS.test(sentence) || NAMED_COUNCIL.test(sentence) || /\b(?:has|have|had)\s+(?:also\s+)?received\s+(?:[\w'’-]+\s+){0,2}?$/i.test(beforeQualifier)));
    if (isGovernmentFunding(sentence) && !awardOfFund) return reason('government funding');
    // The words before the sum, back to the number before it: "received 177 referrals which
    // resulted in £290k" does not say the £290k was received.
    const window = masked.slice(Math.max(0, mention.start - 80), mention.start);
    const lastDigit = window.search(/\d[^\d]*$/);
    const clauseBefore = lastDigit >= 0 ? window.slice(lastDigit + 1) : window;
    if (/\baverage\s+(?:[\w-]+\s+){0,2}?(?:of\s+)?(?:£\s?)?$/i.test(beforeQualifier)) return reason('an average, not a total');
    const sentenceBefore = sentence.slice(0, Math.max(0, sentence.indexOf(masked.slice(input.qualifierStart, mention.end))));
    // Money others put in: "matched by over £2m in private sector contributions".
    if (/\bmatch(?:ed)?\s+(?:by|with|funding)\s*(?:[\w-]+\s+){0,2}$/i.test(clauseBefore) || /\bmatch(?:ed|es|ing)?\s+(?:the|their|this|its|our)\s+(?:[\w-]+\s+)?(?:grants?|funding|awards?|investment)\s+with\s*(?:[\w-]+\s+){0,2}$/i.test(clauseBefore) || /\bcontributions?\s+(?:to\s+(?:[\w-]+\s+){1,4})?of\s*$/i.test(clauseBefore) || /^\s?(?:[\w-]+\s){0,2}?(?:in\s+)?(?:private[\s-]sector\s+)?(?:match\s+funding|contributions?)\b/i.test(afterGroup))
      return reason('money others put in, not awarded or saved by a programme');
    // What a fund the text speaks for gave out (above): a figure, whoever is said to receive it —
    // but not what each taker may have, nor a payment's rate in brackets ("Winter Fuel Payment (£300)").
    // ("21,906 residents received a payment of £150", "the Council Tax Rebate (£150)": what one
    // taker got, whoever gave it. "A grant of £30,000 to Age UK" may be a fund's whole award.)
    const oneTakersSum = /\ban?\s+(?:[\w-]+\s+)?(?:payment|voucher|bursary|rebate)\s+of\s*$|\b(?:payments?|rebates?|allowances?|vouchers?|bonus(?:es)?)\s*\(\s*$/i.test(beforeQualifier);
    const perTaker = oneTakersSum || /\b(?:each|per|up\s+to|maximum|minimum|of\s+up\s+to)\s*$|\ban?\s+(?:[\w-]+\s+)?(?:grant|award)\s+of\s*$|\beach\s+(?:receive|get|be\s+awarded|be\s+given)\b[^.;£]*$/i.test(beforeQualifier) || /^\s?(?:each|per\s+\w+|a\s+head|payments?)\b/i.test(afterGroup) || (/\(\s*$/.test(beforeQualifier) && /^\s*\)/.test(afterGroup));
    if (awardOfFund && !perTaker) return null;
    if (oneTakersSum) return reason('an amount for each participant, not a total');
    // ("an additional grant of £30,000 to Age UK" is given, not received.)
    // ("received total funding of £307,000 from the LGA" is what the LGA's programme awarded.)
    // ("West Lindsey was allocated £2.7million from the fund" is the council's allocation.)
    if (/^\s?(?:[\w-]+\s){0,2}?from\s+(?:the\s+)?(?:LGA|Local Government Association|programme|fund)\b/i.test(afterGroup) && !/\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+allocated\s*$/i.test(clauseBefore)) return null;
    const givenTo = /^\s?to\s+(?:the\s+)?(?:[A-Z]|local|community|voluntary|charit)/.test(afterGroup);
    // What the programme gives: "We have allocated £279,370", "33 projects received a share of
    // £176,272" — the receivers are those it funds, not a council or the LGA ("residents received a
    // payment of £150" is what each one got).
    if (/\b(?:we|they)\s+(?:have\s+|had\s+)?(?:now\s+|also\s+|already\s+)?allocated\b|\b(?:projects|groups|organisations|charities|businesses|residents|families|households|applicants|schools|clubs|individuals|people)\s+(?:have\s+|had\s+)?(?:each\s+|also\s+|now\s+)?received\b/i.test(clauseBefore) && !/\ban?\s+(?:[\w-]+\s+)?(?:payment|grant|award|voucher|bursary)\s+of\s*$/i.test(clauseBefore)) return null;
    // "The programme's 2024/25 grant from the Department is £1.1 million": what it was given.
    // ("The programme's grant from DLUHC for 2024/25 is £21.5 million": a year between is no matter.)
    if (/\b(?:grants?|funding|allocations?|budget|income)\s+from\s+(?:the\s+)?(?:government|department|ministry|dluhc|mhclg|dfe|dhsc|defra|dwp|home\s+office|treasury|uk\s+government|cabinet\s+office)\b[^.;£]*$/i.test(sentenceBefore))
      return reason('money received, not awarded or saved by a programme');
    if ((RECEIVED.test(clauseBefore) && !givenTo) || /^\s?(?:[\w-]+\s){0,2}?(?:top[- ]up\s+)?allocation\b/i.test(afterGroup) || /\baccept\w*\s+(?:the\s+)?(?:grant|funding|offer of)\b/i.test(sentenceBefore) || /^\s?(?:[\w-]+\s){0,3}?(?:from|by)\s+(?:the\s+)?(?:government|ministry|department|dluhc|mhclg|dfe|dhsc|treasury|uk government|arts council|lottery)/i.test(afterGroup))
      return reason('money received, not awarded or saved by a programme');
    if (AWARD_OR_SAVING.test(sentence)) return null;
    return reason('a sum of money, not awarded or saved by a programme');
  }
  // (The count of those a government fund shared out to is the fund's delivery: "26 towns".)
  if (isGovernmentFunding(sentence) && !(isSharedOutByAFund(sentence) && RECIPIENTS_COUNTED.test(masked.slice(input.qualifierStart, mention.groupEnd + 60).split(/[.;]/)[0]!))) return reason('government funding');

  // Percentages: a share of the people or councils a programme reached ("94 per cent of council
  // leaders said…") is a figure. A change ("20 per cent more than the year before", "an 8.96%
  // increase") is worked out by the dashboard, not stored; "the top 20 per cent most deprived"
  // describes a place; a share of a sum of money or a rate is not a figure of delivery.
  if (mention.unit === 'percent') {
    if (/^\)?\s?(?:[\w-]+\s){0,1}?(more|fewer|less|higher|lower|increase|rise|rises|drop|fall|decrease|reduction|growth|up|down|uplift)\b/i.test(afterGroup) || /\b(increase|rise|fall|drop|growth|reduction|cuts?|up|down|uplift|falling|fell|fallen|rising|rose|risen|dropping|dropped|declining|declined|decreasing|decreased|increasing|increased|growing|grew|grown)\s+(?:of|by)\s*$/i.test(beforeQualifier) || /\bcuts?\s+of\s+[\d.,]+\s*(?:%|per\s?cent|pc)\s+and\s*$/i.test(beforeQualifier) || /\b(?:cut|reduction|increase|rise|fall|drop)\b[^.;,]{0,60}?\b(?:was|were|is|are|stood\s+at)\s*$/i.test(masked.slice(Math.max(0, input.qualifierStart - 100), input.qualifierStart)) || /\b(?:increased|decreased|rose|fell|grew|dropped|reduced|up|down)\s+by\s+[\d,]+\s*\(\s*$/i.test(beforeQualifier))
      return reason('a change, which the dashboard works out itself');
    // "635,115 library starters (+4% on 2022)": a signed per cent, or one "on" an earlier year, is a
    // change too.
    if (/[+−]\s?$|(?:^|[\s(])-$/.test(beforeQualifier) || /^\)?\s?(?:on|compared\s+(?:to|with))\s+(?:the\s+|our\s+)?(?:\d{4}(?:\/\d{2,4})?|last\s+year|the\s+year\s+before|previous\s+year|prior\s+year|same\s+(?:period|time|quarter)|pre-pandemic)\b/i.test(afterGroup))
      return reason('a change, which the dashboard works out itself');
    // "up 9% on the previous year", "down 4 per cent from last year".
    if (/\b(?:up|down|rising|falling)\s*$/i.test(beforeQualifier) && /^\s?(?:on|from|compared|against|year[- ]on[- ]year)\b/i.test(afterGroup)) return reason('a change, which the dashboard works out itself');
    // What an offer pays towards: "councils can claim a 50% bursary", "a 20% discount".
    if (/^\s?(?:[\w-]+\s){0,1}?(?:bursary|bursaries|discount|subsidy|contribution\s+towards|match[\s-]funding\s+rate|grant\s+rate|intervention\s+rate)\b/i.test(afterGroup)) return reason('an allowance rate');
    // "13 per cent above profile": a comparison with a target.
    if (/^\s?(?:[\w-]+\s){0,1}?(above|below|ahead\s+of|behind)\s+(?:the\s+)?(profile|target|plan|forecast|trajectory)\b/i.test(afterGroup)) return reason('a comparison with a target');
    // "increased the uptake of assistive technology by 27%": a change too.
    // ("had exceeded its agreed target of 35,000 meals by 75%": by how much a target was beaten.)
    if (/\bby\s*$/i.test(beforeQualifier) && /\b(increas\w*|reduc\w*|rais\w*|r[io]se|fell|grew|grown|cut|improv\w*|boost\w*|lower\w*|decreas\w*|exceed\w*|surpass\w*|outperform\w*|beat(?:en|ing)?|overachiev\w*|miss(?:ed|ing))\b/i.test(masked.slice(Math.max(0, input.qualifierStart - 160), input.qualifierStart)))
      return reason('a change, which the dashboard works out itself');
    if (/\b(top|bottom|most|least)\s*$/i.test(beforeQualifier) || /^\s?(most|least)\s+deprived\b/i.test(afterGroup)) return reason('a description of a place');
    // A figure set beside an earlier one: "around 114% of the full-year figures for 2019/20".
    if (/^\s?of\s+(?:the\s+)?(?:previous|last|prior|full[- ]year|same|year-earlier|\d{4}(?:\/\d{2})?)\b[^.;]{0,30}?\b(?:figures?|levels?|totals?|numbers?|period|year)\b/i.test(afterGroup))
      return reason('a change, which the dashboard works out itself');
    if (/^\s?of\s+(?:the\s+)?(?:total\s+)?(?:[\w-]+\s+){0,2}?(?:£|budget|grant|funding|costs?|spend|income|receipts|rates\s+income|(?:national\s+)?(?:minimum|living)\s+wage|wages?|salar(?:y|ies)|pay\b|council\s+tax|business\s+rates|rents?\b|arrears|debts?\b|invoices)/i.test(afterGroup)) return reason('a share of a sum of money');
    // "spend was £0.98 million (89%)": a sum's share in brackets after it.
    if (/£\s?[\d.,]+\s?(?:k|m|bn|million|billion)?\s*\(\s*$/i.test(beforeQualifier)) return reason('a share of a sum of money');
    // "The budget of £2.4 million was 78% spent": how much of a sum is used.
    if (/^\s?(?:spent|committed|allocated|claimed|drawn\s+down|utilised)\b/i.test(afterGroup) && /£|\bbudget\b|\bfunding\b|\bgrant\b/i.test(sentence)) return reason('a share of a sum of money');
    // A share of a plan that was not done ("16% of projects had not been fully achieved").
    // (Not people who "had not previously taken part": that is who the programme newly reached.)
    if (/^[^.;]{0,80}\b(had\s+not|have\s+not|has\s+not|not\s+been|missed|failed|were\s+delayed|was\s+delayed|behind)\b(?!\s+(?:previously|before|yet\s+been\s+reached))/i.test(clauseAfterOf(masked, mention.groupEnd).split(/\d/)[0]!))
      return reason('a share of what was not done');
    // A share of a population or of the whole sector ("12 per cent of residents cycle to work",
    // "9 in 10 councils across the country are experiencing…") is an outside statistic unless
    // its clause ties it to the support given.
    const clauseAfter = masked.slice(mention.groupEnd, mention.groupEnd + 160).split(/[.;!?]/)[0]!;
    const ofPopulation = /^\s?of\s+(?:all\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?(residents|population|households|adults|pupils|businesses|people\s+(?:living|in)|emissions)\b/i.test(afterGroup);
    // ("two-thirds of England’s homeless households"; "Councils in England face …, with nine in 10 reporting …")
    const sentenceBefore = masked.slice(Math.max(0, mention.start - 200), input.qualifierStart).split(/[.;!?]\s/).pop()!;
    const ofSector =
      /\b(across|throughout)\s+(?:the\s+)?(country|england|uk|sector|nation)\b|\bnationally\b/i.test(clauseAfter) ||
      /^\s?of\s+(?:the\s+)?(?:england|britain|the\s+uk|uk|the\s+country|london|scotland|wales|the\s+nation)['’]s\b/i.test(afterGroup) ||
      /\b(?:councils|local\s+authorities|authorities)\s+(?:in|across)\s+(?:england|the\s+uk|the\s+country|britain|wales|scotland)\b/i.test(sentenceBefore) ||
      /(?:^|[.;:]\s*)(?:nationally|across\s+(?:the\s+)?(?:country|england|uk)|in\s+(?:england|the\s+uk|britain))\s*,/i.test(sentenceBefore) ||
      // A share of people as they live ("1 in 4 children live in poverty"), or of a place's people
      // ("3 in 10 adults in the borough are inactive").
      POPULATION_STATE.test(afterGroup) ||
      /^\s?(?:of\s+)?(?:all\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:residents|adults|children|households|people|pupils|families)\s+(?:in|across|of)\s+(?:the\s+)?(?:borough|county|city|area|district|region|country|uk|england|wales|scotland|town)\b/i.test(afterGroup) ||
      // A benchmark beside the programme's own: "above the England average of 51%".
      /\b(?:england|national|regional|uk|london|welsh|scottish|county|borough|sector|country|average)\s+(?:average|rate|figure)\s+(?:of|was|is|at)?\s*$/i.test(beforeQualifier);
    // (Who says so is not who was supported: "according to the LGA's workforce survey".)
    // (Whole words only: a window cut through "four" does not say "our".)
    // (And of its own clause: "Our campaign reached 25,000 residents; 3 in 10 adults in the borough are inactive".)
    const wordsBefore = (input.qualifierStart > 40 && /\S/.test(masked[input.qualifierStart - 41] ?? '') ? beforeQualifier.replace(/^\S*/, '') : beforeQualifier).split(';').pop()!;
    // (So does what people say the help did for them: "86% of residents surveyed said they felt
    // more confident online", "would recommend it".)
    const tiedToSupport =
      /\b(?:support|programme|lga\b|offer|peer|train|coach|attend|took part|taking part|participat|engag|reach|us\b|our\b|we\b)/i.test(`${clauseAfter} ${wordsBefore}`.replace(/\baccording\s+to\b[^,;]*/gi, '')) ||
      /\b(?:said|say|says|reported|told\s+us)\b[^.;]{0,40}?\b(?:(?:felt|feel|feeling|were|are|now)\s+(?:much\s+)?(?:more|less|better)\b|would\s+recommend|had\s+improved|has\s+improved|helped\s+them)/i.test(clauseAfter);
    // ("Around 1 in 3 councils report difficulty recruiting, according to the RTPI": someone else's finding.)
    const attributed = /\baccording\s+to\s+(?!(?:our|us|we|the\s+lga|lga|the\s+local\s+government\s+association)\b)/i.test(sentence);
    if ((ofPopulation || ofSector || attributed) && !tiedToSupport) return reason('an outside statistic');
    // A prevalence is the population's: "adult smoking prevalence across the region falling from 26% to 13%".
    if (/\bprevalence\b/i.test(sentenceBefore)) return reason('an outside statistic');
    // The doubts or dissatisfaction a survey found are the sector's opinion, not something a
    // programme delivered: "Nearly half (46%) of council chief executives said they were doubtful
    // over their ability to recover their local economies", "77% said they were 'unsatisfied'".
    if (/^[^.;]{0,80}?\b(?:said|say|says|expressed|had|have|were|are|felt|reported)\s+(?:they\s+(?:were|are|had|have|felt)\s+)?(?:major\s+|serious\s+|some\s+)?(?:doubt(?:s|ful)?|unsatisfied|dissatisfied|concern(?:s|ed)|worried|pessimistic|not\s+confident)\b/i.test(clauseAfterOf(masked, mention.groupEnd).replace(/[‘’'"“”]/g, '')))
      return reason('an outside statistic');
    // What a poll of the public found is the public's view, whoever ran the poll: "Our recent polling
    // shows that 71 per cent of residents trust their council".
    if (/\b(?:polling|polls?|opinion\s+(?:research|survey))\b/i.test(sentenceBefore) && /^\s?of\s+(?:the\s+)?(?:public|residents|people|adults|voters|those\s+polled)\b/i.test(afterGroup)) return reason('an outside statistic');
    return null;
  }

  // Whole things are counted in whole numbers: "43.4 schools" is a reference or a slip, not a count.
  if (mention.unit === 'count' && mention.written === 'numeral' && !Number.isInteger(mention.value) && /^\s?[a-z]{3,}/.test(afterGroup) && !/^\s?(hours?|days?|weeks?|months?|years?|fte|full[- ]time|per\b|times\b|million|thousand|stars?|out\s+of)\b/i.test(afterGroup))
    return reason('a number with a fraction, which cannot count whole things');

  // Someone else's count of a whole country or sector: "Nationally, fire and rescue services
  // attended 153,957 fires (Home Office statistics)", "… (ONS Census 2021)" — a source cited after
  // the number, not a department's initials before it ("DLUHC has allocated £3.25m to 28 projects").
  // (Not where we, us or our did it. Not "according to" alone: "according to a report on results
  // under the LGA's programme" is the programme's own.)
  if (!/\b(?:we|our|us)\b/i.test(sentence) &&
      (/^\W*(?:nationally|across\s+(?:the\s+)?(?:country|england|the\s+uk|uk|wales|scotland|britain)|in\s+(?:england|the\s+uk|britain|wales|scotland))\s*,/i.test(sentence) ||
        /\((?:[^)]*\b(?:statistics|census|ons|office\s+for\s+national\s+statistics|home\s+office|national\s+audit\s+office|nao|dluhc|mhclg|dfe|dwp|nhs\s+digital|nhs\s+england)\b[^)]*)\)/i.test(sentence.slice(Math.max(0, sentence.indexOf(masked.slice(input.qualifierStart, mention.end)))))))
    return reason('an outside statistic');
  // Published statistics of a whole area or market: "Public data for 2021/22 shows … around 980
  // starts". And a total others reached that a programme only helped towards: "have also
  // contributed to the 250 apprenticeship starts".
  if (/\b(?:public|national|official|published|government|ons|dfe)\s+(?:data|statistics|figures)\b[^.;]{0,40}?\bshow(?:s|ed|ing)?\b/i.test(sentence.slice(0, Math.max(0, sentence.indexOf(masked.slice(input.qualifierStart, mention.end))))))
    return reason('an outside statistic');
  // ("contributing to 9 consultations" counts the contributions: only "to the N" is a whole.)
  if (/\bcontribut(?:ed|ing|es)\s+to(?:wards)?\s+the\s+$/i.test(beforeQualifier)) return reason('a total others reached, which the programme helped towards');

  // A need is no delivery: "there is a need for 5,400 foster families", "an additional 370 foster
  // families needed in the North East". ("2 authorities who needed capacity" were helped.)
  if (/\b(?:a|the)\s+need\s+for\s+(?:an?\s+)?(?:(?:additional|further|extra|more)\s+)?$/i.test(beforeQualifier) || /^\s?(?:(?!who\b|that\b|which\b)[\w'’-]+\s+){0,3}?(?:are\s+|is\s+)?(?:still\s+)?needed\b(?!\s+(?:support|help|advice))/i.test(afterGroup))
    return reason('an outside statistic');

  // A count of a population, not of support: "more than 165,000 homeless Londoners live in
  // temporary accommodation", "an estimated 360,000 people are affected".
  if (mention.unit === 'count' && POPULATION_STATE.test(afterGroup) && !/\b(?:support|programme|lga\b|we\b|our\b|us\b|help|reach)/i.test(sentence))
    return reason('an outside statistic');

  // A meeting's own business: who was there ("Present: … (4 members). 2 apologies") and its votes
  // ("Vote: 7 for, 1 against, 2 abstentions").
  if (/^\s*(?:present|apologies(?:\s+for\s+absence)?|in\s+attendance|also\s+present)\b\s*:/i.test(input.raw) || /^\s?(?:apolog(?:y|ies)|members?\s+present|abstentions?|votes?\s+(?:for|against))\b/i.test(afterGroup) && /\b(?:present|apolog|vote|abstain|abstention|meeting|quorum)\w*/i.test(sentence))
    return reason("the meeting's own attendance or votes");
  if (mention.unit === 'count' && /^\s?(?:votes?\s+)?(?:for|against|abstentions?|abstained)\b/i.test(afterGroup) && /\bagainst\b|\babstain|\babstention/i.test(sentence) && /\b(?:vot\w*|abstention|abstained|resolved|motion|carried)\b/i.test(sentence))
    return reason("the meeting's own attendance or votes");
  // A count's change on an earlier one: "180 (9.2%) fewer than in 2019/20", "2 more than last year",
  // "increased by 4 (1.1%)", "less by 100 compared to the previous year", "an increase of 35
  // places", "an approximate 1,800 increase on 2018-2019".
  // ("apprentice numbers up 10,000": what a count rose by, said of the count.)
  if (mention.unit === 'count' && (/^\s?(?:\([^)]*\)\s*)?(?:more|fewer|less|higher|lower)\s+than\b/i.test(afterGroup) || /\b(?:increased|decreased|rose|fell|grew|dropped|reduced|less|fewer|lower|higher)\s+by\s*$/i.test(beforeQualifier) || /\ban?\s+(?:increase|decrease|reduction)\s+of\s*$/i.test(beforeQualifier) || /^\s?(?:[\w-]+\s+)?(?:increase|decrease|rise|fall|reduction)\s+(?:on|from|compared\s+(?:to|with)|over)\b/i.test(afterGroup) || /\b(?:numbers?|figures?|totals?|attendances?|levels?|applications|referrals|starts|visits|visitors|membership|users|downloads|views)\s+(?:were\s+|are\s+|is\s+|was\s+|have\s+been\s+|has\s+been\s+)?(?:up|down)\s+(?:by\s+)?$/i.test(beforeQualifier)))
    return reason('a change, which the dashboard works out itself');
  // What is still to be done: "27 properties awaiting works", "5 actions outstanding".
  // ("40 outstanding volunteers" are excellent ones: "outstanding" means not done only after its noun.)
  if (mention.unit === 'count' && (/^\s?(?:[\w'’-]+\s){0,3}?(?:awaiting|still\s+to\s+be|yet\s+to\s+be|remain(?:ing)?\s+to\s+be|pending)\b/i.test(afterGroup) || /^\s?(?:[\w'’-]+\s){1,3}?outstanding\b/i.test(afterGroup)))
    return reason('a count of what was not done');
  // What did not happen: "999 failed to cash the voucher", "12 councils did not respond".
  // (Not who "did not qualify" for one payment and were helped another way: a group described.)
  // ("nine would not be met within the target date", "Three of the actions were delayed".)
  if (mention.unit === 'count' && /^\s?(?:[\w'’-]+\s){0,3}?(?:failed\s+to|did\s+not\s+(?:complete|attend|take\s+up|respond|cash|claim|start|finish)|didn['’]t\s+(?:complete|attend|take\s+up|respond|cash|claim)|were\s+unable\s+to|was\s+unable\s+to|could\s+not|couldn['’]t|have\s+not\s+yet|has\s+not\s+yet|(?:have|has|are|is)\s+yet\s+to|(?:would|will)\s+not\s+be\s+(?:met|completed|delivered|achieved)|(?:were|was|are|is)\s+(?:delayed|behind\s+schedule|off\s+track|at\s+risk))\b/i.test(afterGroup))
    return reason('a count of what was not done');

  // What a service was called out to or told of — fires, false alarms, incidents, collisions,
  // crimes — is demand on it, not what it delivered: "The Service attended 2,314 false alarms",
  // "43 fly-tipping incidents had been reported".
  if (mention.unit === 'count' && /^\s?(?:[\w'’-]+\s){0,3}?(?:fires|false\s+alarms|incidents|incidences|(?:road\s+traffic\s+)?collisions|crimes|offences|call[- ]outs|emergencies)\b/i.test(afterGroup))
    return reason('incidents a service met, not something it delivered');
  // How a plan is made up: "The Transformation Plan comprised seven programmes and 23 projects".
  if (/\b(?:compris(?:ed|es|ing)|consist(?:s|ed|ing)?\s+of|(?:is|are|was|were)\s+made\s+up\s+of)\s+(?:(?:[\w'’-]+\s+){0,2}?(?:and|,)\s+)?$/i.test(beforeQualifier) || /\b(?:compris(?:ed|es)|consist(?:s|ed)?\s+of)\s+[^.;]*\band\s+$/i.test(beforeQualifier))
    return reason('it describes how the work is organised, not what it delivered');
  // A single thing written "one" ("in one place", "one central location"): not a count worth a figure.
  if (mention.value === 1 && mention.written === 'word') return reason('a single item');
  return null;
}
