// What a number counts ("councils", "delegates", "hours of coaching") and which metric of the
// dashboard that suggests. The vocabulary is the metrics' own (seed/metrics.csv definitions):
// councils supported, attendees, coaching hours, downloads, page views, applications,
// expressions of interest, members and subscribers, events delivered, projects funded,
// enquiries handled, money awarded or saved, percentages… A number whose noun is none of these
// ("four libraries", "12 academics", "18 different themes") is probably not a figure of the
// LGA's support activity.
import type { Unit } from '../vocabulary';

/** The metric slugs this vocabulary can suggest (seed/metrics.csv). */
export type MetricSlug =
  | 'councils-supported'
  | 'networks-and-organisations-engaged'
  | 'attendees'
  | 'attendees-per-event'
  | 'coaching-hours'
  | 'people-supported'
  | 'downloads'
  | 'page-views'
  | 'average-monthly-page-views'
  | 'applications'
  | 'expressions-of-interest'
  | 'survey-responses'
  | 'candidates'
  | 'people-placed'
  | 'job-offers'
  | 'members'
  | 'events-delivered'
  | 'average-meetings-per-week'
  | 'days-of-support'
  | 'peer-reviews'
  | 'projects-funded'
  | 'enquiries-handled'
  | 'average-engagements-per-month'
  | 'emails-handled'
  | 'resources-published'
  | 'money-awarded'
  | 'money-saved'
  | 'percentage';

/** The name each slug has in the seed vocabulary: the fallback when a reference lacks the slug. */
export const METRIC_NAMES: Record<MetricSlug, string> = {
  'councils-supported': 'Councils supported',
  'networks-and-organisations-engaged': 'Networks and organisations engaged',
  attendees: 'Attendees',
  'attendees-per-event': 'Attendees per event',
  'coaching-hours': 'Coaching hours',
  'people-supported': 'People coached or trained',
  downloads: 'Downloads',
  'page-views': 'Page views',
  'average-monthly-page-views': 'Average monthly page views',
  applications: 'Applications',
  'expressions-of-interest': 'Expressions of interest',
  'survey-responses': 'Survey responses',
  candidates: 'Candidates',
  'people-placed': 'People placed',
  'job-offers': 'Job offers',
  members: 'Members and subscribers',
  'events-delivered': 'Events delivered',
  'average-meetings-per-week': 'Average meetings per week',
  'days-of-support': 'Days of support',
  'peer-reviews': 'Peer challenges and reviews',
  'projects-funded': 'Projects funded',
  'enquiries-handled': 'Enquiries handled',
  'average-engagements-per-month': 'Average engagements per month',
  'emails-handled': 'Emails handled',
  'resources-published': 'Resources published',
  'money-awarded': 'Money awarded',
  'money-saved': 'Money saved',
  percentage: 'Percentage',
};

export interface CountedReading {
  /** What is counted, in the report's words ("councils", "expressions of interest"). */
  counted: string;
  slug: MetricSlug | null;
  unit: Unit;
}

export interface MetricInput {
  /** Masked text after the number, to the end of its clause (continuation lines appended). */
  after: string;
  /** Masked text of the number's sentence before the number (qualifier words excluded). */
  before: string;
  /** The clause (masked, whole) holding the number, for cue words. */
  clause: string;
  unit: Unit;
  range: 'low' | 'high' | null;
}

// Words that end the noun phrase after a number.
const STOP = new Set(
  (
    'of for to from with in on at by and or who which that whose have has had are is was were will would ' +
    'be been being across through over under between including since during as than per each a an the this ' +
    'these those it its their our we they he she planned scheduled more so into about while where when whom ' +
    'after before via until up out around within amounting involving covering ranging who last next against back'
  ).split(' '),
);

type Rule = { re: RegExp; pick: (input: MetricInput, noun: string) => MetricSlug | null };

// Money given to what the number counts: "25 library services received a total of £5m", "26 towns
// across England share over £600m", "the 12 interventions that had been funded", "£600m awarded
// to 26 new Town Deals" (not what the money is for: "£78m … to decarbonise 15 bodies").
// The words before the number give money to it: "£600m awarded to 26 new Town Deals", "Eco grants
// had been issued to 79 businesses", "£60.5 million of funding has been announced to support 325 pools".
function givenToBefore(i: MetricInput): boolean {
  return (
    /\b(?:awarded|granted|allocated|issued|given|paid)\s+(?:(?:more\s+than|over|almost|nearly|around|some|a\s+total\s+of)\s+)?(?:£[\d.,]+\s*(?:m|million|k|bn)?\s+)?to\s+(?:the\s+)?(?:(?:more\s+than|over|almost|nearly|around|some)\s+)?$/i.test(i.before.slice(-60)) ||
    // ("made payments to 233 small businesses", "has given financial help to more than 500", "£500,000
    // invested in 30 organisations", "over £80,000 was also provided to 24 organisations")
    /\b(?:payments?|financial\s+(?:help|support)|grants?|funding)\s+to\s+(?:(?:more\s+than|over|almost|nearly|around|some)\s+)?$|£[\d.,]+\s*(?:m|million|k|bn)?\s+(?:was\s+|were\s+|has\s+been\s+)?(?:also\s+)?(?:invested\s+in|provided\s+to|distributed\s+to)\s+$/i.test(i.before.slice(-60)) ||
    /\b(?:funding|grants?|£[\d.,]+\s*(?:m|million|k|bn)?)\b[^.;]{0,40}?\bto\s+(?:support|fund|help)\s+(?:(?:up\s+to|over|more\s+than|around|some|nearly|almost)\s+)?$/i.test(i.before.slice(-80))
  );
}

/** Money went to what the number counts, said in so many words ("196 facilities received funding"). */
function moneyWentTo(i: MetricInput): boolean {
  return /^\s*(?:[\w'’-]+\s+){0,4}?(?:that\s+|which\s+)?(?:have\s+|has\s+|had\s+|will\s+)?(?:also\s+)?(?:been\s+|were\s+|was\s+|be\s+)?(?:received|receive|given|awarded|granted|allocated|shared?)\s+(?:[\w'’-]+\s+){0,3}?(?:funding|£|grants?\b|awards?\b|money|a\s+share)/i.test(i.after) || givenToBefore(i);
}

/** What the number counts received, shared or was awarded or funded (of nouns that may be recipients). */
function funded(i: MetricInput): boolean {
  return (
    /^\s*(?:[\w'’-]+\s+){0,4}?(?:(?:across|in)\s+[\w-]+\s+)?(?:that\s+|which\s+)?(?:have\s+|has\s+|had\s+|will\s+)?(?:also\s+)?(?:been\s+|were\s+|was\s+|be\s+)?(?:now\s+)?(?:received|receive|share|shared|awarded|granted|funded|given|allocated\s+(?:grants?|funding))\b/i.test(i.after) ||
    // ("30 companies have now benefitted from £339,000 of funding")
    /^\s*(?:[\w'’-]+\s+){0,3}?(?:have\s+|has\s+)?(?:now\s+)?benefit+ed\s+from\s+(?:£|(?:[\w'’-]+\s+){0,3}?(?:grants?|funding)\b)/i.test(i.after) ||
    givenToBefore(i)
  );
}

const PEOPLE_AS_MEMBERS = /\b(bulletins?|updates?|newsletters?|circulation|mailing|subscri\w*|network of)\b/i;
const ATTENDANCE = /\b(attend\w*|join\w*|delegates?|participat\w*|register\w*|webinars?|events?|sessions?|conferences?|seminars?|workshops?|audience)\b/i;
const DEVELOPMENT = /\b(programmes?|courses?|training|trained|complet\w*|opportunity|coach\w*|mentor\w*|learning)\b/i;

function people(input: MetricInput): MetricSlug {
  if (PEOPLE_AS_MEMBERS.test(input.clause)) return 'members';
  if (ATTENDANCE.test(input.clause)) return input.range ? 'attendees-per-event' : 'attendees';
  return 'people-supported';
}

// Nouns and what they count. The rightmost noun of the phrase is its head ("14 webinar
// summaries" counts summaries), so the table's order only breaks ties.
const RULES: Rule[] = [
  { re: /\bexpressions?\s+of\s+interests?\b/i, pick: () => 'expressions-of-interest' },
  { re: /\b(coaching\s+agreements?)\b/i, pick: () => 'people-supported' },
  { re: /\b(job\s+offers?)\b/i, pick: () => 'job-offers' },
  { re: /\bplacements?\b/i, pick: () => 'people-placed' },
  { re: /\bcandidates?\b/i, pick: () => 'candidates' },
  { re: /\b(applications?|applicants?)\b/i, pick: () => 'applications' },
  { re: /\b(survey\s+)?responses\b/i, pick: () => 'survey-responses' },
  { re: /\bdownloads?\b/i, pick: () => 'downloads' },
  {
    re: /\b(page\s*views?|views|page\s*visits|visits|hits|page-views)\b/i,
    // ("64 follow-up visits", "site visits": visits made are events.)
    // ("Officers have carried out 472 visits": visits someone made.)
    pick: (i, noun) => (/^visits$/i.test(noun) && (/^\s*(?:[\w'’-]+\s+){0,2}?(?:follow[- ]up|site|home|support|peer|in[- ]person|monitoring|field|school|study|outreach|assessment|inspection|advisory)\s+visits\b/i.test(i.after) || namedVisits(i.after) || /\b(?:carried\s+out|conducted|undert(?:ook|aken)|made|completed|paid)\s+(?:(?:over|more\s+than|around|some|nearly|almost|a\s+total\s+of)\s+)?$/i.test(i.before.slice(-50))) ? 'events-delivered' : /^visits$/i.test(noun) && visitsToPlaces(i.clause) ? 'attendees' : /\b(per|a|each)\s+month|monthly\b/i.test(i.clause) ? 'average-monthly-page-views' : 'page-views'),
  },
  // Visitors to places ("13,762 visitors across the Library Service") came; a website's are users.
  { re: /\bvisitors\b/i, pick: (i) => (visitsToPlaces(i.clause) ? 'attendees' : 'members') },
  // Hours of coaching, mentoring or support; hours of other work ("14,500 hours of volunteering") are a measure of their own.
  { re: /\bhours?\b/i, pick: (i) => (/\b(coach\w*|mentor\w*|train\w*|support\w*|advi[cs]\w*|consult\w*|learning)\b/i.test(i.clause) ? 'coaching-hours' : null) },
  { re: /\bdays?\b/i, pick: (i) => (/\bsupport|consultancy|advice|expert/i.test(i.after) ? 'days-of-support' : null) },
  { re: /\b(peer\s+challenges?|peer\s+reviews?|health\s+checks?|diagnostics?|reviews?)\b/i, pick: () => 'peer-reviews' },
  {
    re: /\b(events?|webinars?|sessions?|courses?|meetings?|workshops?|roundtables?|seminars?|masterclass(?:es)?|conferences?|learning\s+sets?|panels?|modules?|briefings?|summits?|forums?\s+meetings|clinics?|programmes)\b/i,
    pick: (i, noun) => {
      // "we delivered 56 programmes" are courses run; "funding programmes" are not events.
      if (/programmes/i.test(noun) && !/\b(deliver\w*|ran|run|held|hosted)\s*(?:[\w-]+\s+){0,3}$/i.test(i.before.slice(-40))) return null;
      if (/meeting/i.test(noun) && /\bweekly\b|\b(per|a|each)\s+week\b/i.test(i.after + ' ' + i.before.slice(-20))) return 'average-meetings-per-week';
      if (/module/i.test(noun) && /\b(develop\w*|e-learning|produc\w*|publish\w*|launch\w*)\b/i.test(i.clause)) return 'resources-published';
      if (/briefing/i.test(noun) && /\b(policy|produc\w*|publish\w*|writ\w*)\b/i.test(i.after + ' ' + i.clause)) return 'resources-published';
      return 'events-delivered';
    },
  },
  // Engagements with councils are councils supported; a social media post's engagements are a
  // measure of their own, which the officer names.
  {
    re: /\b(engagements?)\b/i,
    pick: (i) => (/\b(each|per|a)\s+month\b|\bmonthly\b/i.test(i.clause) ? 'average-engagements-per-month' : /\b(?:councils?|authorities|local\s+government)\b/i.test(i.clause) ? 'councils-supported' : null),
  },
  // (Bids received or submitted are applications: "74 bids were received".)
  { re: /\b(projects?|bids|grants|schemes)\b/i, pick: (i, noun) => (/^bids$/i.test(noun) && /^\s*(?:[\w'’-]+\s+){0,3}?(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:received|submitted|made|lodged)\b/i.test(i.after) ? 'applications' : 'projects-funded') },
  { re: /\b(email\s+communications?|emails?)\b/i, pick: () => 'emails-handled' },
  // Submissions or entries to a fund, a programme or awards are applications: "we've received 18
  // submissions for the Fund", "over 200 entries" to the awards.
  { re: /\b(submissions|expressions\s+of\s+interest|entries)\b/i, pick: (i) => (/\b(?:receiv\w*|submitted|fund|funding|awards?|programme|scheme|competition|applications?|bids?)\b/i.test(`${i.clause} ${i.before.slice(-80)}`) ? 'applications' : null) },
  // (Calls a service made — "7,000 befriending calls were made", "outbound calls to isolated
  // residents" — are work of their own, not enquiries it handled.)
  { re: /\b(enquiries|inquiries|queries|questions|cases|requests|(?<!coaching\s)calls)\b/i, pick: (i, noun) => (/^calls$/i.test(noun) && (/\b(?:befriending|outbound|welfare|wellbeing|check-?in|courtesy|telephone\s+support)\s+calls\b/i.test(i.after) || /^\s*(?:[\w'’-]+\s+){0,3}?(?:were\s+|have\s+been\s+|had\s+been\s+)?made\b/i.test(i.after) || /\b(?:made|making|make)\s+(?:(?:over|more\s+than|around|some|nearly|almost|a\s+total\s+of)\s+)?$/i.test(i.before.slice(-40))) ? null : 'enquiries-handled') },
  // Problems or issues advised on are enquiries: "we advised 16,881 clients with 65,449 different
  // problems", "We advised over 2,920 issues to do with charitable support".
  { re: /\b(problems|issues)\b/i, pick: (i) => (/\b((?<!\b(?:were|was|been|are|is)\s)advis\w*|advice|dealt\s+with|handl\w*|help(?:ed)?\s+with|resolv\w*|assist\w*\s+with)\b/i.test(i.clause) ? 'enquiries-handled' : null) },
  {
    re: /\b(guides?|guidance|documents?|notes|proposals|case\s+studies|toolkits?|bulletins?|editions|circulars|reports?|publications|summaries|examples|answers|resource\s+items|resources|web\s*links|links|routes|films|videos|blogs|workbooks|templates|factsheets|articles|briefing\s+notes|ppns|podcasts)\b/i,
    pick: (i) => (/\bcomment(?:ed|s)?\s+on\b/i.test(i.clause) ? 'enquiries-handled' : 'resources-published'),
  },
  {
    // ("LAs", "LPAs": local (planning) authorities, as reports abbreviate them. A council's area,
    // team or workforce stands for the council: "40 local authority areas", "each of the 12 local
    // authority fostering teams", "14 local government employers".)
    re: /\b(councils?|authorities|local\s+authorities|boroughs|(?:local\s+government|council|local\s+authority)\s+employers|local\s+(?:authority|council|planning\s+authority)\s+areas|(?:local\s+authority|council)\s+(?:[\w-]+\s+){0,2}?teams)\b|\bLP?As\b/i,
    // "8 councils awarded funding", "awarded funding to eight councils": funded projects.
    pick: (i) => (/\b(awarded|granted|win\s+funding|won\s+funding)\b|^\s*(?:[\w-]+\s+){0,2}?with\s+(?:a\s+)?(?:£|grants?\b|funding\b)/i.test(i.after) || /\b(award\w*|grant\w*)\s+(?:\w+\s+){0,2}?(?:funding\s+)?to\s*$/i.test(i.before.slice(-50)) ? 'projects-funded' : 'councils-supported'),
  },
  {
    re: /\b(networks?|groups?|organisations|organizations|forums?|partnerships|associations|bodies)\b/i,
    pick: (i) => (funded(i) ? 'projects-funded' : 'networks-and-organisations-engaged'),
  },
  // Those a fund gave money to are what it funded: "26 towns … share over £600m", "25 library
  // services received a total of £5m", "the 12 interventions that had been funded".
  { re: /\b(towns|services|interventions|deals|clubs|charities|businesses|companies|firms|SMEs|libraries)\b/i, pick: (i) => (funded(i) ? 'projects-funded' : null) },
  { re: /\b(attendees|delegates|participants|attendances?)\b/i, pick: (i) => (i.range ? 'attendees-per-event' : 'attendees') },
  { re: /\b(recipients|subscribers|followers|users|readers)\b/i, pick: () => 'members' },
  {
    re: /\bmembers\b/i,
    pick: (i) => {
      if (PEOPLE_AS_MEMBERS.test(i.clause)) return 'members';
      if (DEVELOPMENT.test(i.clause)) return 'people-supported';
      if (/\b(workshops?|webinars?|events?|conferences?|seminars?|attend\w*)\b/i.test(i.clause)) return 'attendees';
      return 'members';
    },
  },
  {
    re: /\b(people|representatives|staff|colleagues|officers|individuals|councillors|chairs|leaders|chief\s+executives|learners|graduates|trainees|apprentices|volunteers)\b/i,
    pick: (i) => people(i),
  },
];

/**
 * Visits of a kind named before the word ("8,412 Safe and Well visits", "2 free visits") are made
 * to people or places, so they are events; a website's are named by web words ("website visits",
 * "unique visits") or by none ("5,000 visits" to a toolkit's page).
 */
function namedVisits(after: string): boolean {
  const named = /^\s*((?:[\w'’-]+\s+){1,4}?)visits\b/i.exec(after)?.[1];
  if (!named) return false;
  if (/\b(?:page|pages|web|website|websites|site['’]s|online|unique|portal|hub|toolkit|app|digital|virtual)\b/i.test(named)) return false;
  return named.split(/\s+/).some((w) => w && !/^(?:more|further|additional|new|total|separate|individual|extra|monthly|of|the|and|over|around)$/i.test(w));
}

/** Whether visits in this clause are to places people go ("warm welcome locations", "libraries"), not to pages. */
function visitsToPlaces(clause: string): boolean {
  return /\b(?:librar(?:y|ies)|locations?|centres?|centers?|hubs?|spaces?|venues?|buildings?|museums?|galler(?:y|ies)|parks?|pools?|leisure|theatres?|archives?)\b/i.test(clause) && !/\b(?:web\s*sites?|web\s*pages?|pages?|online|portal|digital|app)\b/i.test(clause);
}

/** The noun phrase right after a number: words up to the first stop word or punctuation. */
function nounPhrase(after: string): string {
  // Skip an acronym in brackets ("12 Community Safety Partnership (CSP) chairs").
  // and a name in quotes ("75 'Be a councillor' events" counts events).
  const unbracketed = after.replace(/\(\s*[A-Z][A-Za-z&]{1,9}s?\s*\)/g, ' ');
  const quoted = /^(\s*)['‘"“]([^'’"”]{1,60})['’"”]/.exec(unbracketed);
  let text = quoted ? unbracketed.replace(quoted[0], quoted[1]!) : unbracketed;
  // …unless nothing but the quotes names it: "114 million ‘impressions’ across all channels".
  if (quoted && STOP.has((/^\s*([\w'’-]+)/.exec(text)?.[1] ?? '').toLowerCase())) text = ` ${quoted[2]}${text}`;
  const cut = /[.;:!?()–—,"“”|]|\s-\s/.exec(text);
  const head = cut ? text.slice(0, cut.index) : text;
  const words = head.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let bridged = false;
  for (const [k, w] of words.entries()) {
    const lw = w.toLowerCase().replace(/[’']s$/, '');
    if (STOP.has(lw)) {
      // "9 task and finish groups", "six district and county councils": bridge one "and"
      // when no noun has been seen yet — not into a verb ("35 consultations and gave evidence").
      const verbAfter = /\d/.test(words[k + 1] ?? '') || /^(?:(?:deliver|support|train|receiv|attend|host|publish|produc|provid|help|engag|respond|work|reach|secur|award|fund|launch|complet|hold|creat|develop)(?:ed|s)|gave|ran|held|made|took|won|met|saw|got|put|set|led|did|went|came|became|brought|sent|wrote|spoke|began|grew|built|found|aim|aims|will|would|can|could|is|are|was|were|has|have|had)$/i.test(words[k + 1] ?? '') ||
        // (Any past tense in lower case: "3,150 smoke alarms and referred 418 residents".)
        (/^[a-z]{3,}ed$/.test(words[k + 1] ?? '') && /\d/.test(words[k + 2] ?? ''));
      if ((lw === 'and' || lw === 'or') && !bridged && !verbAfter && out.length > 0 && !RULES.some((r) => r.re.test(out.join(' ')))) {
        bridged = true;
        out.push(w);
        continue;
      }
      break;
    }
    // A number or a sum ends the phrase ("150 local areas reported 3,400 …"), and so does a verb
    // after a plural noun ("450,000 families achieved successful outcomes").
    // ("tier 3 authorities", "phase 1 projects": a label's single digit is part of the name.)
    if (/^[£$€]|^\d[\d,.]*\d|^\d+%/.test(w)) break;
    // (A participle that ends the phrase names the measure: "residents helped", "tasks completed by
    // volunteers"; one with words after it is the sentence's verb.)
    const next = words[k + 1];
    // ("27 councils review their constitutions": a word between a plural noun and a determiner is a verb.)
    if (out.length > 0 && /s$/i.test(out[out.length - 1]!) && /^[a-z]+$/.test(w) && /^(?:their|the|a|an|our|its|his|her|them|new|more)$/i.test(next ?? '')) break;
    if (out.length > 0 && /s$/i.test(out[out.length - 1]!) && /^[a-z]+ed$/.test(w) && next !== undefined && !/^(?:by|in|for|through|across|at|from|with|during|on|under|via|to|since|over|and|or)$/i.test(next) && !/^(?:based|related|led|funded|owned|run)$/.test(w)) break;
    out.push(w);
    if (out.length >= 7) break;
  }
  return out.join(' ').replace(/^[-–]/, '').trim();
}

const GLOBAL_RULES = RULES.map((rule) => ({ rule, re: new RegExp(rule.re.source, 'gi') }));

interface NounMatch {
  at: number;
  end: number;
  noun: string;
  rule: Rule;
}

function nounMatches(text: string): NounMatch[] {
  const out: NounMatch[] = [];
  for (const { rule, re } of GLOBAL_RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ at: m.index, end: m.index + m[0].length, noun: m[0], rule });
  }
  // Earlier first; at the same place, the longer ("peer challenges" over "challenges").
  return out.sort((a, b) => a.at - b.at || b.end - a.end);
}

/**
 * The head noun of a phrase: the first vocabulary noun, carried on through nouns that follow it
 * directly ("10 webinar summaries" counts summaries) but not past other words ("60 delegates
 * heard how councils…" counts delegates).
 */
function classify(phrase: string, input: MetricInput): { noun: string; slug: MetricSlug | null } | null {
  const found = nounMatches(phrase);
  if (!found.length) return null;
  let head = found[0]!;
  for (const m of found) {
    if (m === head) continue;
    if (m.at >= head.at && m.at <= head.end + 1 && m.end > head.end) head = m;
  }
  // A singular noun used as a modifier names what the phrase is about, not what it counts:
  // "Council Tax Support applications" counts applications, "event bookings" bookings.
  const later = found.filter((m) => m.at > head.end && /s$/i.test(m.noun)).pop();
  if (later && !/s$/i.test(head.noun)) head = later;
  // ("182 council buildings": a singular modifier before a plural noun none of the rules knows
  // counts that noun — a new measure, not councils.)
  else if (!/s$/i.test(head.noun) && /^\s+[a-z]+s\b/.test(phrase.slice(head.end))) return null;
  return { noun: head.noun, slug: head.rule.pick(input, head.noun) };
}

/**
 * What the number counts. Returns slug null when the words name nothing in the vocabulary;
 * `counted` is then the phrase as written (or '' when the number stands alone), so the caller
 * can borrow the noun of a number before it ("Forty councils … A further twelve").
 */
export function readCounted(input: MetricInput): CountedReading & { ellipsis: boolean } {
  if (input.unit === 'percent') return { counted: 'per cent', slug: 'percentage', unit: 'percent', ellipsis: false };
  if (input.unit === 'GBP') {
    // (With the words after it, which run on to the next line for a sum alone on its own: "£3.4m" / "saved by councils".)
    // (The sum's own words first: "52 projects worth £3.4m, which have generated £11m in savings"
    // awarded the £3.4m and saved the £11m.)
    const savingWords = /\b(sav(?:e|es|ed|ing|ings)|income|generat\w*|rais(?:e|ed|ing)|reduc\w*\s+(?:running\s+)?costs|capital receipts)\b/i;
    const awardedBefore = /\b(?:worth|award(?:ed|ing)?|grants?\s+(?:of|totalling)|totalling)\s*$/i.test(input.before) && !savingWords.test(input.after.split(/[,;(]/)[0]!);
    const saved = !awardedBefore && savingWords.test(`${input.clause} ${input.after}`);
    return { counted: saved ? 'savings' : 'funding awarded', slug: saved ? 'money-saved' : 'money-awarded', unit: 'GBP', ellipsis: false };
  }
  const after = input.after;
  const eoi = /^\s*(?:[\w-]+\s+){0,3}?expressions?\s+of\s+interests?\b/i.exec(after);
  if (eoi) return { counted: eoi[0].trim(), slug: 'expressions-of-interest', unit: 'count', ellipsis: false };
  // "responded": "all 30 fire authorities responded" counts survey responses.
  if (/^[^.;]{0,60}\bresponded\b/i.test(after)) {
    return { counted: nounPhrase(after) || 'responses', slug: 'survey-responses', unit: 'count', ellipsis: false };
  }
  // "bringing the total number of trained Digital Champions to 1,150": the noun of "number of".
  const numberOf = /\bnumber\s+of\s+((?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+(?:to|is|was|has\s+(?:risen|grown|reached)\s+to|stands\s+at|stood\s+at|reached|rose\s+to|increased\s+to|grew\s+to)\s*$/i.exec(input.before.slice(-120));
  if (numberOf && !nounPhrase(after)) {
    const c = classify(numberOf[1]!, input);
    return { counted: numberOf[1]!, slug: c ? c.slug : null, unit: c ? unitOf(c.slug) : 'count', ellipsis: false };
  }
  // "Remote support days provided by peers totalled 540", "Applications numbered 64": a subject
  // the verb says the number is — its noun, or none, is what the number counts.
  const subject = /(?:^|[.;:,]\s*|\b(?:and|while|whilst|but)\s+)(?:the\s+|our\s+|its\s+|their\s+)?((?:[\w'’-]+\s+){0,5}?[\w'’-]+?)\s+(?:(?:provided|delivered|held|run|made|given|received|awarded|published)\s+(?:by|to|in|for|through|across)\s+(?:[\w'’-]+\s+){0,3}?)?(?:totall?ed|numbered|came\s+to|amounted\s+to|stood\s+at)\s*$/i.exec(input.before.slice(-120));
  if (subject && !nounPhrase(after)) {
    const noun = subject[1]!.replace(/^(?:(?:total|overall)\s+)?number\s+of\s+/i, '');
    const c = classify(noun, input);
    return { counted: c ? noun : nounPhrase(` ${noun}`), slug: c ? c.slug : null, unit: c ? unitOf(c.slug) : 'count', ellipsis: false };
  }
  // "49 applications from 40 councils": who applied, counted with the applications.
  if (/\b(?:applications?|bids|expressions\s+of\s+interest|submissions)\s+from\s*$/i.test(input.before.slice(-40))) {
    const who = nounPhrase(after);
    if (who) return { counted: who, slug: 'applications', unit: 'count', ellipsis: false };
  }
  // "three of the councils involved": the noun after "of the".
  // "nine out of the eleven Boroughs and Districts" counts boroughs too.
  // ("we achieved 32 of our 33 performance goals", "96 of 97 properties inspected": the whole's
  // noun, whatever it is, a new measure if none of the dashboard's.)
  const whole = String.raw`(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty)`;
  const partitive = new RegExp(String.raw`^\s*(?:out\s+)?of\s+(?:(?:the|these|those|our|its|their)\s+(?:${whole}\s+)?|(${whole})\s+)((?:[\w-]+\s+){0,2}?[\w-]+)`, 'i').exec(after);
  if (partitive) {
    const c = classify(partitive[2]!, input);
    if (c) return { counted: partitive[2]!, slug: c.slug, unit: unitOf(c.slug), ellipsis: false };
    if (partitive[1] || /^\s*(?:out\s+)?of\s+(?:our|its|their)\s/i.test(after)) {
      const noun = nounPhrase(after.replace(/^\s*(?:out\s+)?of\s+(?:(?:our|its|their)\s+)?(?:[\d,]+\s+)?/i, ' '));
      if (noun) return { counted: noun, slug: null, unit: 'count', ellipsis: false };
    }
  }
  // "viewed 12,345 times", "downloaded more than 2,000 times", "has met 14 times".
  if (/^\s*times\b/i.test(after)) {
    const verb = input.before.slice(-60);
    const slug: MetricSlug | null = /\bvisit\w*/i.test(verb) && visitsToPlaces(`${input.before} ${input.clause}`)
      ? 'attendees'
      : /\b(view|visit|access)\w*/i.test(verb)
      ? 'page-views'
      : /\bdownload\w*/i.test(verb)
        ? 'downloads'
        : /\b(met|meet)\b/i.test(verb)
          ? 'events-delivered'
          : null;
    return { counted: 'times', slug, unit: 'count', ellipsis: false };
  }
  // "a network of more than 2,200 LGA peers": members, whoever they are.
  if (/\b(network|membership)\s+of\s*$/i.test(input.before.slice(-40))) return { counted: nounPhrase(after) || 'members', slug: 'members', unit: 'count', ellipsis: false };
  // "hosted 15 events, attracting more than 1,100 children", "30 network meetings of over 1000 colleagues": attendees.
  if (/\b(attract\w*|drew|drawing|welcom\w*|(?:events?|meetings?|sessions?|webinars?|conferences?|workshops?)\s+of)\s*$/i.test(input.before.slice(-40)))
    return { counted: nounPhrase(after) || 'attending', slug: input.range ? 'attendees-per-event' : 'attendees', unit: 'count', ellipsis: false };
  // "funding for seven councils", "agreed funding to six commissions", "Twelve councils to share
  // funding", "up to 12 councils will be offered a grant", "Twelve councils have been chosen",
  // "21 councils have been successful in their applications": projects funded, whatever is funded.
  if (/\b(?:fund(?:ing|ed|s)?|grants?)\s+(?:to|for)\s*$/i.test(input.before.slice(-30)) || /^\s*(?:[\w'’-]+\s+){0,3}?(?:to\s+(?:get|share|receive|win)\s+(?:[\w-]+\s+){0,2}?fundings?|(?:will\s+(?:then\s+)?)?be\s+offered\s+(?:a\s+)?grants?|(?:have\s+been\s+|were\s+)?(?:awarded|granted)\s+(?:funding|grants?)|(?:have\s+been\s+|had\s+been\s+|were\s+|are\s+)?(?:chosen|selected)\b|(?:have\s+been\s+|were\s+)successful\s+in\s+their\s+(?:applications?|bids?))\b/i.test(after))
    return { counted: nounPhrase(after) || 'funded', slug: 'projects-funded', unit: 'count', ellipsis: false };
  // "(222) accessed the toolkit": the verb names the measure.
  if (/^\s*\)?\s*(?:have\s+|had\s+)?(accessed|downloaded)\b/i.test(after)) return { counted: 'accessed', slug: 'downloads', unit: 'count', ellipsis: false };
  const phrase = nounPhrase(after);
  // "Nearly 5,000 graduates apply", "330 businesses attending workshops", "attended by over 100
  // businesses": the verb says what is counted, whoever they are.
  const firstNoun = nounMatches(phrase)[0];
  const firstPick = firstNoun && firstNoun.at === 0 ? firstNoun.rule.pick(input, firstNoun.noun) : null;
  // ("245 councils attended our programmes": councils that come are councils supported.)
  const eventsFirst = firstPick === 'events-delivered' || firstPick === 'councils-supported';
  if (/^\s*(?:[\w'’-]+\s+){0,4}?(?:appl(?:y|ied|ying)|submitted\s+applications)\b/i.test(after)) return { counted: phrase || 'applicants', slug: 'applications', unit: 'count', ellipsis: false };
  // ("1,008 children that took part", "93 children (aged 2 – 4 years) attended the clubs", "over
  // 7,500 children … participated in holiday activities": whoever takes part attends — but
  // "2,900 people have taken part in courses" were trained, and the words after say so.)
  if (!eventsFirst && (/^\s*(?:\([^)]{0,40}\)\s*)?(?:[\w'’-]+\s+){0,3}?(?:\([^)]{0,40}\)\s*)?(?:attend(?:ed|ing)?(?!\s+by)|(?:(?:took|taken|take)\s+part|participated)\b(?!\s+in\s+(?:the\s+|a\s+|an\s+|their\s+)?(?:[\w'’,-]+\s+){0,4}?(?:programmes?|courses?|training|schemes?|apprenticeships?)\b))/i.test(after) || /\battended\s+by\s*$/i.test(input.before.slice(-30))))
    return { counted: phrase || 'attending', slug: input.range ? 'attendees-per-event' : 'attendees', unit: 'count', ellipsis: false };
  // "40 hours of team coaching", "6 days support": keep the "of …" part with the noun.
  const withOf = /^\s*(?:[\w-]+\s+){0,2}?(hours?|days?)\s+(?:of\s+)?[\w\s-]{0,30}?(coaching|mentoring|support|training|advice)\b/i.exec(after);
  if (withOf) {
    const slug: MetricSlug = /hour/i.test(withOf[1]!) ? 'coaching-hours' : 'days-of-support';
    return { counted: withOf[0].trim(), slug, unit: slug === 'coaching-hours' ? 'hours' : 'count', ellipsis: false };
  }
  const c = classify(phrase, input);
  if (c) return { counted: phrase, slug: c.slug, unit: unitOf(c.slug), ellipsis: false };
  // "attended by 45", "Numbers attending ranged between 120-180": the noun stands before.
  if (/\b(attended\s+by|attendance\s+of|attracted|audience\s+of|attending\b.*)\s*$/i.test(input.before.slice(-80)) && !phrase) {
    return { counted: 'attending', slug: input.range ? 'attendees-per-event' : 'attendees', unit: 'count', ellipsis: false };
  }
  // "all 14 of the KPIs … had been met": a count of the noun after "of the", named or not.
  if (!phrase && partitive) {
    const noun = nounPhrase(` ${partitive[2]!}`);
    if (noun) return { counted: noun, slug: null, unit: 'count', ellipsis: false };
  }
  // The whole named first, then the part as the subject of its clause: "Of the organisation's
  // 1,107 suppliers, 659 are Scottish", "Out of the 320 peers used to support delivery, 88 were
  // elected members" — the part counts the whole's noun.
  if (!phrase && /^\s*(?:are|were|is|was|have|had|has)\b/i.test(after)) {
    const wholeFirst = new RegExp(String.raw`(?:^|[.;:]\s*|\band\s+)(?:out\s+)?of\s+(?:(?:the|these|those|our|its|their)\s+)?(?:[\w'’-]+['’]s\s+)?(?:${whole}\s+)?((?:[\w-]+\s+){0,2}?[\w-]+)\b[^,.;]{0,80},\s*$`, 'i').exec(input.before);
    const noun = wholeFirst ? nounPhrase(` ${wholeFirst[1]!}`) : '';
    if (noun) {
      const c = classify(noun, input);
      return { counted: noun, slug: c ? c.slug : null, unit: c ? unitOf(c.slug) : 'count', ellipsis: false };
    }
  }
  // What a fund gave money to is what it funded, whatever the dashboard calls it: "196 facilities received funding".
  // (Only where the words say money went to them; people who received a payment are people.)
  if (phrase && !/^(planned|more|further|additional|new)$/i.test(phrase) && !/\b(?:residents|people|persons|families|households|children|pupils|tenants|individuals|carers)\b/i.test(phrase) && moneyWentTo(input)) return { counted: phrase, slug: 'projects-funded', unit: 'count', ellipsis: false };
  return { counted: phrase, slug: null, unit: 'count', ellipsis: phrase === '' || /^(planned|more|further|additional|new)$/i.test(phrase) };
}

/** The nearest vocabulary noun before the number in its sentence: "These guides … we produced four". */
export function nounBefore(input: MetricInput, text = input.before): CountedReading | null {
  let best: NounMatch | null = null;
  for (const m of nounMatches(text)) if (!best || m.at > best.at) best = m;
  if (!best) return null;
  const slug = best.rule.pick({ ...input, after: text.slice(best.at) }, best.noun);
  return { counted: best.noun, slug, unit: unitOf(slug) };
}

export function unitOf(slug: MetricSlug | null): Unit {
  if (slug === 'coaching-hours') return 'hours';
  if (slug === 'money-awarded' || slug === 'money-saved') return 'GBP';
  if (slug === 'percentage') return 'percent';
  return 'count';
}

/**
 * What a count beside a share counts, when its own words name nothing: what the change is in ("An
 * increase in online transactions of 120%, to 45,000"), what the share is of ("approximately 37%
 * (188) of guests"), or its line's label ("Benefits 38% (24,274)"); '' when none says.
 * `before` is the sentence up to the count, `after` the text after it.
 */
export function countBesideAShare(before: string, after: string): string {
  const changed = /\b(?:increase|rise|growth|decrease|fall|drop|reduction)\s+in\s+(?:the\s+)?(?:number\s+of\s+)?([a-z][a-z -]{2,40}?)\s+(?:of|by)\s+\d[\d.]*\s*(?:%|per\s*cent)\s*,?\s*to\s*$/i.exec(before)?.[1];
  if (changed) return changed;
  const ofWhole = /^\s*\)?\s*of\s+(?:the\s+|all\s+|our\s+|its\s+)?([a-z][a-z\s-]{2,30}?)(?=\s+(?:are|were|is|was|have|had|who|that|in|from|said)\b|\s*[.,;]|\s*$)/i.exec(after)?.[1];
  if (ofWhole) return ofWhole;
  const label = /^\W*([A-Za-z][A-Za-z ,'’&-]{0,40}?)\s+\d[\d.]*\s*(?:%|per\s*cent)/.exec(before)?.[1] ?? '';
  return label.split(/\s+/).length <= 4 && !/\b(?:is|are|was|were|has|have|had|equates?|to|of|by|in)\b/i.test(label) ? label : '';
}

export interface MetricRef {
  name: string;
  slug: string;
}

/** The reference metric's name for a slug; by name when the slug differs; else null. */
export function metricName(slug: MetricSlug | null, metrics: MetricRef[]): string | null {
  if (!slug) return null;
  const bySlug = metrics.find((m) => m.slug === slug);
  if (bySlug) return bySlug.name;
  const want = METRIC_NAMES[slug].toLowerCase();
  const byName = metrics.find((m) => m.name.trim().toLowerCase() === want);
  return byName ? byName.name : null;
}
