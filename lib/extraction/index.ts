// Figure extraction from board reports (issue: "propose figures from a report"). Reads a
// report's plain text and proposes one figure per number it states: the value with its
// qualifier, what it counts, a suggested metric, programme and board, its basis and period,
// and — for numbers that are probably not figures (dates, ages, durations, government
// funding…) — a plain-words reason, so the officer sees them unticked.
//
// The rules are general reading rules (see the modules beside this file); nothing here knows
// any particular report. scripts/eval-extract.ts measures them against seed/figures.csv.
import type { Basis, DatePrecision, Qualifier, Unit } from '../vocabulary';
import { judgeContext, speaksForAFund } from './context';
import { findDates, findPhones, findTimes } from './dates';
import { countBesideAShare, metricName, nounBefore, readCounted, unitOf, type CountedReading, type MetricSlug } from './metric';
import { CHANGE_VERBS, findNumbers, type NumberMention } from './numbers';
import { COMPARISON, asOfLeadIn, RUNNING_TOTAL_TO, findDocumentStart, periodOfHeader, positionOfTitle, readPeriod, statedPeriod, type Span as PeriodSpan } from './period';
import { EMPTY_CONTEXT, namedProgramme, ProgrammeMatcher, type Context, type ProgrammeRef } from './programme';
import { readQualifier } from './qualifiers';
import { readerFeatures, readerReason, type FeatureInput, type Features } from './scorer';
import { analyseLines, clauseSpans, headerCellsOver, isTableRule, sentenceSpans, tableCells, tableRows, type LineInfo, type Span } from './text';

export interface ReferenceNames {
  boards: { name: string; slug: string }[];
  programmes: { name: string; slug: string; board: string /* board name */; theme: string | null }[];
  metrics: { name: string; slug: string; unit: Unit; definition?: string | null }[];
}

export interface ExtractOptions {
  reportDate: string; // ISO YYYY-MM-DD, the report's date
  datePrecision?: DatePrecision; // of reportDate, default 'day'
  reference: ReferenceNames;
  /**
   * Leave the reader out: each number keeps the rules' verdict, and carries the reader's features.
   * For scripts/train-scorer.ts, and for tests of the rules themselves. The app never sets this.
   */
  rulesOnly?: boolean;
  /**
   * The report's title as the officer gave it at import ("Quarter Three 2022/23 Performance
   * Report"): where the text's own first lines name no period, the period its title names is the
   * figures' (as a title line in the text would be). What follows a dash or a bracket is a
   * description, not the title, and is not read ("Annual Report 2020/21 – agenda item (Surrey)").
   */
  title?: string;
}

export interface Proposal {
  line: number; // 1-based line of the text
  evidence: string; // verbatim substring of that line: the sentence holding the number
  numberStart: number; // offsets of the number's words within `evidence` (for highlighting),
  numberEnd: number; //   covering e.g. "over 600" or "£120,000" or "Thirty-four"
  value: number;
  qualifier: Qualifier;
  unit: Unit; // count | hours | GBP | percent
  counted: string; // what is counted, in the report's words ("councils", "delegates")
  metric: string | null; // suggested metric NAME from reference.metrics, or null
  programme: string | null; // suggested programme NAME from reference.programmes, or null
  board: string | null; // suggested board NAME (the programme's board when a programme is found)
  basis: Basis;
  periodStart: string | null;
  periodEnd: string;
  datePrecision: DatePrecision;
  likelyContext: boolean; // true = probably not a figure — shown unticked
  contextReason: string | null; // plain words, e.g. "a year", "an age range", "government funding"
  upper: number | null; // the top of a range ("20-30": value 20, upper 30), else null
  /** Where no metric fits: a name for a new one, from what is counted ("Social workers"), for the officer to confirm. */
  proposedMetric: string | null;
  /** Where no programme fits: a name the document gives one (a heading or label), for the officer to confirm. */
  proposedProgramme: string | null;
  /** A table's cell: its column's header and its row's first cell, as the table gives them (null where it has none). */
  table: { column: string | null; row: string | null } | null;
  /** Only with `rulesOnly`: the reader's features of the number (every number the rules read, proposed or set apart). */
  features?: Features;
}

interface Reading {
  counted: string;
  slug: MetricSlug | null;
}

/** Widens a span over markup next to it, so evidence keeps "**120 councils**" whole. */
function withMarkup(line: LineInfo, span: Span, floor: number): Span {
  let { start, end } = span;
  while (start > floor && line.masked[start - 1] === ' ' && !/\s/.test(line.raw[start - 1]!)) start--;
  while (end < line.raw.length && line.masked[end] === ' ' && !/\s/.test(line.raw[end]!)) end++;
  return { start, end };
}


/** The words before a part or an earlier value of the number before it: "of whom", "including", a COMPARISON. */
const PART_OR_EARLIER = new RegExp(`(?:\\bof\\s+(?:whom|which|them|these|those)|\\bincluding|${COMPARISON.source}|${RUNNING_TOTAL_TO.source})\\s+$`, 'i');

/** A sentence's subject "the number of …", up to its verb: "The number of reading events also saw a growth of 52%, from". */
const NUMBER_OF_SUBJECT = new RegExp(String.raw`\bnumber\s+of\s+((?:[\w'’-]+\s+){0,7}?[\w'’-]+?)\s+(?:also\s+|has\s+|have\s+|had\s+)?(?:${CHANGE_VERBS}|saw|went|doubled|tripled|trebled|was|were|is|are|reached|stood)\b[^.;]*$`, 'i');

/** A row or column of a table in thousands: "(000s)", "('000)", "£000", "£k", "(thousands)". */
const IN_THOUSANDS = /\(\s*£?\s*'?000s?'?\s*\)|£\s*'?000s?\b|\(\s*£k\s*\)|\(\s*thousands?\s*\)|\bin\s+thousands\b/i;
/** A sentence that opens by breaking down the figure before it: "This breaks down to", "Of these,", "Of whom". */
const BREAKDOWN = /^\s*(?:(?:this|these|that|the\s+total|which)\s+(?:[\w-]+\s+){0,2}?(?:breaks?\s+down|(?:is|was|were|are)\s+(?:made\s+up|split|broken\s+down)|comprises?|comprised|splits?)\b|of\s+(?:these|those|them|whom|which|this|that)\b)/i;
/** A table's column of targets or plans ("Target", "Target 23/24", "Annual target", "Plan for 2024"): not what was delivered. */
const TARGET_HEADER = /^(?:annual\s+|full[- ]year\s+|year\s+)?(?:targets?|profile|plan|planned|forecast|budget|baseline|ambition)\b/i;
// A column of sums says whose money they are: "Amount awarded", "Grant approved", "Savings" hold what
// a programme gave or saved; "Amount requested", "Project cost", "Match funding" what others asked
// for, spent or put in.
const ASKED_HEADER = /\b(?:request(?:ed|s)?|applied|asked|sought|bids?|bid\s+for|costs?|budget|match|contributions?|eligible|income|spend|spent)\b/i;
const AWARDED_HEADER = /\b(?:award(?:ed|s)?|grants?|approved|agreed|allocat(?:ed|ions?)|paid|offered|funding|funded|savings?|saved)\b/i;

/** A paragraph's label as a name: without an article before it, with a capital. */
function labelAsName(label: string): string {
  const name = label.replace(/^(?:the|our|an?|its|this)\s+/i, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

// A line that is only its date ("23rd March 2021", "Date: 7 July 2023"); a day named with its
// weekday ("Thursday 13 October 2022"): the report's day, not a figure's cut-off ("as of week ending 19 February").
const DATELINE = /^[\s,.:;–-]*(?:(?:date|published|posted|updated|last\s+updated|meeting\s+date|issued)\s*:?)?[\s,.:;–-]*$/i;
const WEEKDAY_BEFORE = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s*[-–]\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s*)?$/i;

/**
 * A report dated only to its month ("October 2019") that names a day of that month near its
 * start — its meeting, its event, the day it was published ("Thursday 13 October 2022", "On
 * Friday 18th October 2019 we published…") — is dated that day: its undated figures stand then.
 */
export function dayTheReportNames(lines: LineInfo[], reportDate: string, precision: DatePrecision): { reportDate: string; datePrecision: DatePrecision } {
  if (precision !== 'month') return { reportDate, datePrecision: precision };
  const [year, month] = reportDate.split('-').map(Number) as [number, number];
  let day: number | null = null;
  for (const line of lines.filter((l) => !l.blank).slice(0, 20))
    for (const d of findDates(line.masked))
      if (d.kind === 'day' && d.year === year && d.month === month && d.day !== null && (DATELINE.test(line.masked.replace(line.masked.slice(d.start, d.end), '')) || WEEKDAY_BEFORE.test(line.masked.slice(0, d.start))))
        day = Math.max(day ?? 0, d.endDay ?? d.day);
  return day === null ? { reportDate, datePrecision: precision } : { reportDate: `${reportDate.slice(0, 8)}${String(day).padStart(2, '0')}`, datePrecision: 'day' };
}

export function extractFigures(text: string, given: ExtractOptions): Proposal[] {
  const lines = analyseLines(text);
  const options = { ...given, ...dayTheReportNames(lines, given.reportDate, given.datePrecision ?? 'day') };
  const reportPrecision = options.datePrecision;
  const matcher = new ProgrammeMatcher(options.reference.programmes, options.reference.boards, text);
  const documentStart = findDocumentStart(lines.slice(0, 60).map((l) => l.raw));
  // The period the title names ("Communications support – 2022/23 highlights"): the figures'
  // period where nothing nearer says otherwise.
  // (A title is a line of a few words: a paragraph opening the text names no period for the rest,
  // "…set up after US-led forces withdrew from Afghanistan last summer".)
  const title = lines.filter((l) => !l.blank).slice(0, 2).filter((l) => l.raw.length <= 160);
  // After the text's own, the title the officer gave at import, up to any dash or bracket.
  const ownTitle = options.title?.replace(/\s+[–—(].*$|\s+-\s.*$/, '').trim();
  const titleGiven = ownTitle ? analyseLines(ownTitle) : [];
  // Or, failing those, the period a report says it covers near its start: "This report updates
  // members on the programme for April to September 2024".
  const documentPeriod =
    [...title, ...titleGiven].reduce<PeriodSpan | null>(
      (found, l) => found ?? statedPeriod(findDates(l.masked), l.masked, 0, l.masked.length, options.reportDate) ?? positionOfTitle(findDates(l.masked), l.masked, options.reportDate),
      null,
    ) ??
    lines
      .slice(0, 40)
      .filter((l) => /\bthis\s+(?:report|paper|update|briefing|note)\s+(?:updates|covers|sets\s+out|summarises|provides|gives|describes|reports)\b/i.test(l.masked))
      .reduce<PeriodSpan | null>((found, l) => found ?? statedPeriod(findDates(l.masked), l.masked, 0, l.masked.length, options.reportDate), null);
  let currentPeriod = documentPeriod;
  // Whether the text speaks for a fund or a government funder (context.ts).
  const fundSpeaks = speaksForAFund(lines.filter((l) => !l.blank).slice(0, 3).map((l) => l.masked).join('\n'));
  // The date a running total was given "as at" or "by the end of" ("47,768 visits had been carried
  // out by the end of March 2018"): the undated counts after it in the section stand then too.
  // (Or a lead-in gave it, "correct as of Oct 28:": it stands for the lines under it, through a
  // table's title, until a blank line.)
  let asOf: { end: string; precision: DatePrecision; line: number; sentence: number; leadIn?: boolean } | null = null;
  let leadIn = ''; // the last line ending with ":" in the section ("Since the programme started:")
  const proposals: Proposal[] = [];

  // Where we are in the report.
  let majorHeading = '';
  let minorHeading = '';
  let sectionBoard: string | null = null;
  let carriedLabel: string | null = null; // label of the last labelled paragraph in the section
  let recent: ProgrammeRef | null = null; // programme last named in the section
  let paragraphLabel: string | null = null;
  let paragraphContext: Context = EMPTY_CONTEXT; // the paragraph's sentences so far
  let paragraphText = '';
  let previousReading: Reading | null = null; // last number's reading in the paragraph
  let listReading: Reading | null = null; // what the list's items so far counted ("• 1,772 apprentices …")
  let tableHeader: string[] | null = null; // the header row of the table being read
  let tableCaption: string | null = null; // the heading right above that header ("Attendance to HAF provision")
  // Lines of tables: two or more rows in a row with the same number of cells (a single line
  // with a "|" in it is just text).
  const inTable = tableRows(lines.map((l) => l.masked));
  // The next non-blank line after each line, for sentences that run on.
  const nextNonBlank: (LineInfo | undefined)[] = new Array(lines.length);
  for (let i = lines.length - 1, seen: LineInfo | undefined; i >= 0; i--) {
    nextNonBlank[i] = seen;
    if (!lines[i]!.blank) seen = lines[i];
  }

  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    // (An "as at" date stands for what follows it in its own run of lines: a blank line, a list
    // item or a labelled paragraph starts afresh.)
    if (line.blank || (!line.continuation && (line.prefixLength > 0 || line.label) && !asOf?.leadIn)) asOf = null;
    if (line.blank) continue;
    if (line.heading && !inTable[li]) {
      currentPeriod = documentPeriod;
      if (!asOf?.leadIn) asOf = null;
      leadIn = '';
      if (line.majorHeading) {
        majorHeading = line.masked.trim();
        minorHeading = '';
        recent = null;
        const boards = matcher.boardsIn(majorHeading);
        if (boards.length) sectionBoard = boards[boards.length - 1]!.name;
      } else minorHeading = line.masked.trim();
      carriedLabel = null;
      previousReading = null;
      listReading = null;
      continue;
    }
    if (line.prefixLength === 0) listReading = null;
    if (!line.continuation) {
      if (paragraphLabel) carriedLabel = paragraphLabel;
      paragraphLabel = [line.label, line.inheritedLabel].filter(Boolean).join(' ') || null;
      paragraphContext = { words: new Set(), sequence: [] };
      paragraphText = '';
      previousReading = null;
    }
    // A table read row by row ("Programme | Councils supported | Attendees", then
    // "Remote Peer Support | 23 | 410"): a number counts what its column's header names, and
    // belongs to the programme its row is labelled with.
    const cells = inTable[li] ? tableCells(line.masked) : null;
    if (inTable[li] && isTableRule(line.masked)) continue;
    if (!cells) tableHeader = null;
    // (A header names periods, not counts: "2022/23", "23/24", "Q1", "April 2024" leave no digit behind.)
    else if (!cells.some((c) => /\d/.test(findDates(c.text).reduceRight((text, d) => text.slice(0, d.start) + text.slice(d.end), c.text).replace(/\b(?:19|20)\d\d(?:\s?[/–-]\s?\d{2,4})?\b|\b\d\d\/\d\d\b/g, '')))) {
      tableHeader = headerCellsOver(cells, li + 1 < lines.length ? tableCells(lines[li + 1]!.masked) : null).map((c) => c.text);
      const above = li > 0 ? lines[li - 1]! : null;
      tableCaption = above && above.heading && !inTable[li - 1] ? above.masked.trim() : null;
      continue;
    }
    const rowLabel = cells && !/\d/.test(cells[0]!.text) && cells[0]!.text ? cells[0]!.text : null;
    const headingContext = matcher.context(`${majorHeading} ${minorHeading}`);
    const labelContext = rowLabel ? matcher.context(rowLabel) : paragraphLabel ? matcher.context(paragraphLabel) : EMPTY_CONTEXT;
    const carriedContext = !paragraphLabel && carriedLabel ? matcher.context(carriedLabel) : EMPTY_CONTEXT;

    const masked = line.masked;
    const mentions = findNumbers(masked);
    // (Not a year that is the low end of a range of counts: "2000-3000 people", "between 2000 and 3000".)
    const dates = findDates(masked).filter((d) => !mentions.some((m) => m.range === 'low' && m.start === d.start && m.end === d.end && (m.rangeEnd! < 1900 || m.rangeEnd! > 2099)));
    const fixed = [...findTimes(masked), ...dates.flatMap((d) => d.numberSpans)];
    const phones = findPhones(masked);
    // Text after the line, when the sentence runs on to the next line ("six district and" …).
    const next = nextNonBlank[li];
    // (A table's row is whole on its line: it does not run on to the next row.)
    const runOn = next && next.continuation && !inTable[li] ? ' ' + next.masked.slice(0, sentenceSpans(next.masked)[0]?.end ?? 0) : '';

    for (const sentence of sentenceSpans(masked, line.prefixLength)) {
      const sentenceText = masked.slice(sentence.start, sentence.end);
      const sentenceContext = matcher.context(sentenceText);
      const clauses = clauseSpans(masked, sentence);
      const inSentence = mentions.filter((m) => m.start >= sentence.start && m.start < sentence.end);
      let lastInSentence: (Reading & { end: number }) | null = null;
      // The last number in the sentence that counted something, named or not: "4,000 residents …,
      // of whom 1,200", "57 councils …, compared with 40 last year".
      let lastCounted: (Reading & { start: number; end: number }) | null = null;
      const evidenceSpan = withMarkup(line, sentence, line.prefixLength);
      const evidence = line.raw.slice(evidenceSpan.start, evidenceSpan.end);

      // The sentence's numbers that are not parts of dates or times.
      const countable = inSentence.filter((m) => m.range !== 'high' && !fixed.some((s) => m.start >= s.start && m.start < s.end));
      const handled = new Set<NumberMention>();
      for (const phone of phones) {
        if (phone.start < sentence.start || phone.start >= sentence.end) continue;
        for (const m of inSentence) if (m.start >= phone.start && m.end <= phone.end) handled.add(m);
        proposals.push(
          contextProposal(line, evidence, evidenceSpan.start, phone, Number(masked.slice(phone.start, phone.end).replace(/\D/g, '')), 'a phone number', options.reportDate, reportPrecision),
        );
      }

      for (let mi = 0; mi < inSentence.length; mi++) {
        const mention = inSentence[mi]!;
        if (handled.has(mention)) continue;
        // A range's high end is read with its low end: one figure, "20-30".
        if (mention.range === 'high') continue;
        const clause = clauses.find((c) => mention.start >= c.start && mention.start < c.end) ?? sentence;
        const clauseText = masked.slice(clause.start, clause.end);
        const q = readQualifier(masked, mention.start, mention.plus, mention.range);
        const qualifierStart = Math.max(q.start, sentence.start);
        const inDate = fixed.some((s) => mention.start >= s.start && mention.start < s.end);
        // A number alone on its line, as an "in numbers" page sets one, is read with the words under it.
        const aloneOnLine = masked.trim() === masked.slice(qualifierStart, mention.groupEnd).trim();
        const verdict = judgeContext({ masked, raw: line.raw, mention, sentence: sentenceText, qualifierStart, prefixLength: line.prefixLength, inDate, runOn: aloneOnLine ? runOn : '', fundSpeaks });
        if (verdict && verdict.drop) continue;

        // What it counts.
        const atClauseEnd = clause.end >= sentence.end && sentence.end >= masked.trimEnd().length;
        // A number in brackets counts the noun after them: "a record number of (5000+) applications".
        const bracketed = /\(\s*$/.test(masked.slice(sentence.start, qualifierStart)) && /^\s*\)\s+[a-z]/i.test(masked.slice(mention.groupEnd, clause.end));
        const rest = masked.slice(mention.groupEnd, clause.end);
        const after = (bracketed ? rest.replace(/^\s*\)/, '') : rest) + (atClauseEnd ? runOn : '');
        const before = masked.slice(sentence.start, qualifierStart);
        const metricInput = { after, before, clause: clauseText, unit: mention.unit, range: mention.range };
        let counted: CountedReading & { ellipsis: boolean } = readCounted(metricInput);
        // A number that leads its line, then a dash and what it is: "1,392 – the number of times
        // residents were supported by the hub", "732 – tasks completed by volunteers".
        const described = !before.trim() && !counted.counted ? /^\s*[–—-]\s+(?:the\s+)?(?:total\s+)?(?:number\s+of\s+)?(.+)$/i.exec(after) : null;
        if (described) {
          const byDescription = readCounted({ ...metricInput, after: ` ${described[1]}`, clause: described[1]! });
          if (byDescription.counted) counted = { ...byDescription, ellipsis: false };
        }
        // In a table, the column's header says what the number counts, or, when the header is a
        // period ("2022/23", "Q1"), dates it and the row's label says what it counts.
        const column = cells && tableHeader ? cells.findIndex((c) => mention.start >= c.start && mention.start < c.end) : -1;
        let columnPeriod: PeriodSpan | null = null;
        let columnCounts = false;
        let rowIsMeasure = false; // the row's label says what is counted, so it names no programme
        const cell = column > 0 ? cells![column]! : null;
        // Only a cell that is just a number takes its header's words: a cell with a sentence of
        // its own ("We retrofitted 120 homes") is read as a sentence.
        const bare = cell !== null && /^[\s£$€+~≈<>\-–−]*(?:over|more than|around|about|nearly|almost|up to|c\.?|approx\.?)?[\s£$€]*[\d.,]+\s*(?:%|k|m|bn|million)?\+?\s*$/i.test(cell.text);
        if (column > 0 && bare && tableHeader![column]) {
          const header = tableHeader![column]!;
          const headerDates = findDates(header);
          columnPeriod = periodOfHeader(header, headerDates, options.reportDate);
          // A column headed by a quarter or a year counts what happened in it, whatever the
          // measure would be read as elsewhere (page views to date).
          columnCounts = columnPeriod !== null && columnPeriod.start < columnPeriod.end && !TARGET_HEADER.test(header.trim());
          // A "Total" column after columns of periods ("Q1 | Q2 | Total") spans those the row
          // has numbers in (a quarter not yet reported, "-", is not in its total).
          if (!columnPeriod && /^(?:total|totals|year\s+to\s+date|ytd|cumulative)$/i.test(header.trim())) {
            const spans = tableHeader!
              .slice(1, column)
              .map((h, k) => (/\d/.test(cells![k + 1]?.text ?? '') ? periodOfHeader(h, findDates(h), options.reportDate) : null))
              .filter((p): p is PeriodSpan => p !== null);
            if (spans.length >= 2) columnPeriod = { start: spans.reduce((a, p) => (p.start < a ? p.start : a), spans[0]!.start), end: spans.reduce((a, p) => (p.end > a ? p.end : a), spans[0]!.end), precision: spans[spans.length - 1]!.precision };
          }
          const read = (words: string) => readCounted({ after: ` ${words}`, before: '', clause: words, unit: mention.unit, range: mention.range });
          // ("Target | Actual", "Total", "Outturn": a column of values, whose row says what they count.)
          const generic = /^(?:target|targets|actual|actuals|total|totals|number|no\.?|value|count|outturn|achieved|delivered|result|results|performance|progress|to\s+date|profile|plan|planned|forecast|budget|baseline)$/i.test(header.trim());
          const byHeader = columnPeriod || generic ? null : read(header);
          const byRow = rowLabel ? read(rowLabel) : null;
          // (The table's caption says what it counts when neither its column nor its row does:
          // "Attendance to HAF provision" over "Holiday | Primary | Secondary | Total".)
          const byCaption = tableCaption ? read(tableCaption) : null;
          const best = byHeader?.slug ? byHeader : byRow?.slug ? byRow : byCaption?.slug ? byCaption : byHeader?.counted ? byHeader : byRow;
          if (best) counted = { ...best, counted: best.counted || (columnPeriod ? (rowLabel ?? '') : header), ellipsis: false };
          rowIsMeasure = best === byRow;
        } else if (column > 0 && bare && rowLabel && !counted.slug && !counted.counted.trim()) {
          rowIsMeasure = true;
          // A table with no header row: "Households supported | 1,200" counts what its row names.
          const byRow = readCounted({ after: ` ${rowLabel}`, before: '', clause: rowLabel, unit: mention.unit, range: mention.range });
          counted = { ...byRow, counted: byRow.counted || rowLabel, ellipsis: false };
        }
        // A line that labels its number: "Priority 3, tackling poverty through employment – 5,696",
        // "Councils supported: 45". The label says what it counts, as a table's row would.
        // ("KPI 1: Households prevented from homelessness – 312 (target 300)", "Number of
        // apprenticeships started – 45 against a target of 60": a target after it is its own.)
        if (!cell && !counted.slug && !counted.counted.trim() && /^[\s.,;)]*(?:\((?:target|plan|profile|aim)\b[^)]*\)|against\s+(?:a|the|its)\s+(?:target|plan|profile)\s+of\s+[£\d][\d,.]*%?)?[\s.,;]*$/i.test(masked.slice(mention.groupEnd))) {
          // (Under a lead-in naming what the list counts — "the number of interventions delivered
          // in the relevant period:" — each item's label says only which part: "ii) Priority 2,
          // tackling sexual and domestic violence – 270,407" counts interventions.)
          const leadNoun = line.prefixLength > 0 ? /\bnumber\s+of\s+([a-z][a-z\s-]{2,40}?)(?:\s+(?:delivered|provided|made|received|supported|completed|held|awarded|funded|in|during|by|for|over|across|at|to)\b|\s*:\s*$)/i.exec(leadIn)?.[1] : undefined;
          const label = leadNoun ?? /([A-Za-z][^.;:–—]{2,80}?)\s*(?:[–—:]|\s-)\s*$/.exec(before)?.[1]?.replace(/^(?:[ivxlc]+|\d+|[a-z])[).]\s+/i, '').replace(/^(?:the\s+)?(?:total\s+)?number\s+of\s+/i, '');
          if (label) {
            rowIsMeasure = true;
            const byLabel = readCounted({ after: ` ${label}`, before: '', clause: label, unit: mention.unit, range: mention.range });
            counted = { ...byLabel, counted: byLabel.counted || label, ellipsis: false };
          }
        }
        // A part or an earlier value of the number before it counts what that counts: "of whom
        // 1,200 were helped into work", "including 4,382 to households at risk", "compared with 40
        // last year", "up from 31".
        // (Before borrowing the nearest noun: "around 3,100 practitioners, up from 2,400 a year
        // earlier" counts practitioners, whatever else the sentence names.)
        // ("Of the 33 measures, 32 were achieved": a part of the whole the sentence opens with.)
        const partOfOpening = lastCounted !== null && /^\s*of\s+(?:the|its|our|their|these|those)\s+$/i.test(masked.slice(sentence.start, lastCounted.start)) && /^[\s\w'’-]{1,60},\s*$/.test(masked.slice(lastCounted.end, qualifierStart));
        const partOrEarlier = !counted.slug && counted.ellipsis && !verdict && lastCounted !== null && (PART_OR_EARLIER.test(masked.slice(lastCounted.end, qualifierStart)) || partOfOpening);
        if (partOrEarlier && lastCounted)
          counted = { counted: lastCounted.counted, slug: lastCounted.slug, unit: lastCounted.slug ? unitFor(lastCounted.slug, mention.unit) : mention.unit, ellipsis: true };
        if (!counted.slug && !partOrEarlier && counted.ellipsis && !verdict) {
          // "A further twelve have been supported": the noun of the number before it.
          const borrowed = lastInSentence ?? nounBefore(metricInput) ?? previousReading ?? nounBefore(metricInput, paragraphText);
          // (A count is never a percentage: "Benefits 38% (24,274)" counts what its line's label
          // names; with no label it names no measure.)
          // ("An increase in online transactions of 120%, to 45,000" counts online transactions.)
          if (borrowed && borrowed.slug === 'percentage' && mention.unit !== 'percent')
            counted = { counted: countBesideAShare(masked.slice(sentence.start, mention.start), masked.slice(mention.groupEnd)), slug: null, unit: mention.unit, ellipsis: false };
          else if (borrowed && borrowed.slug) counted = { counted: borrowed.counted, slug: borrowed.slug, unit: unitFor(borrowed.slug, mention.unit), ellipsis: true };
        }
        // A count that names nothing may still be a figure of what its sentence has named, though
        // none of the dashboard's measures: "The number of reading events grew … from 330 to over
        // 500" counts reading events; "444 installations, followed by Liverpool with 254" and "150
        // homes have been retrofitted … 400 more" count installations and homes. That names the
        // measure if the reader proposes the number; whether it is a figure stays the reader's
        // judgement of a number that names nothing itself. (Proposed by the rules outright, six
        // more such numbers were ticked on the test half and two were figures: its precision
        // floor caught it.)
        let namedBySentence: (Reading & { unit: Unit }) | null = null;
        if (!counted.slug && !counted.counted.trim() && !partOrEarlier && !verdict && mention.unit === 'count') {
          const subject = NUMBER_OF_SUBJECT.exec(masked.slice(sentence.start, mention.start))?.[1];
          const earlier = subject ? readCounted({ after: ` ${subject}`, before: '', clause: subject, unit: mention.unit, range: mention.range }) : null;
          if (earlier && (earlier.slug || earlier.counted.trim())) namedBySentence = { counted: earlier.counted || subject!, slug: earlier.slug, unit: earlier.unit };
          else if (lastCounted && !lastCounted.slug && lastCounted.counted.trim()) namedBySentence = { counted: lastCounted.counted, slug: null, unit: mention.unit };
        }
        // "The 39 projects cover England, with 14 located in the North": a part named by a
        // participle alone counts what the sentence's count before it counts.
        if (!counted.slug && lastInSentence?.slug && lastInSentence.slug !== 'percentage' && mention.unit === 'count' && /^[a-z]+ed$/i.test(counted.counted.trim()))
          counted = { counted: lastInSentence.counted, slug: lastInSentence.slug, unit: unitFor(lastInSentence.slug, mention.unit), ellipsis: true };
        // A breakdown ("56 programmes, including seven Leadership Academies, 39 …") counts what
        // its total counts, whatever its own words. (A count is no part of a sum of money: in "will
        // get £24,253,008 to upgrade 93 buildings including 56 schools" the schools are buildings.)
        if (!counted.slug && lastInSentence?.slug && (unitOf(lastInSentence.slug) === 'GBP') === (mention.unit === 'GBP') && /\b(including|includ(?:es|ed)|of which|comprising|made up of)\b/i.test(masked.slice(lastInSentence.end, mention.start)))
          counted = { counted: counted.counted, slug: lastInSentence.slug, unit: unitFor(lastInSentence.slug, mention.unit), ellipsis: false };
        // A list of topics after a count of enquiries counts enquiries too: "We advised over 2,920
        // issues to do with charitable support, 358 education, 2,227 employment, 822 financial services".
        if (!counted.slug && lastInSentence?.slug === 'enquiries-handled' && mention.unit === 'count' && /^[^.;:\d]*(?:,|\band)\s*$/.test(masked.slice(lastInSentence.end, mention.start)))
          counted = { counted: counted.counted, slug: lastInSentence.slug, unit: mention.unit, ellipsis: false };
        let reason = verdict ? verdict.reason : null;
        // A sum in a column headed by whose money it is: the header decides (and the reader, which
        // does not see the header, does not overrule it).
        // The header over a cell that is just a number (a cell with a sentence of its own is read as one).
        const header = cells && tableHeader && column > 0 && bare ? (tableHeader[column] ?? '').trim() : '';
        const sumsHeader = mention.unit === 'GBP' ? header : '';
        let headerDecides = false;
        if (sumsHeader && mention.value === 0) reason = 'nothing awarded';
        else if (sumsHeader && ASKED_HEADER.test(sumsHeader)) reason = /\b(?:costs?|spend|spent|budget)\b/i.test(sumsHeader) ? 'a cost, not money awarded or saved' : 'money asked for or put in, not awarded or saved by a programme';
        else if (sumsHeader && AWARDED_HEADER.test(sumsHeader) && (!reason || reason === 'a sum of money, not awarded or saved by a programme')) {
          reason = null;
          headerDecides = true;
        }
        // A table's column of targets or plans ("Output | Target | Actual") is not what was delivered.
        if (!reason && header && TARGET_HEADER.test(header))
          reason = 'a target, not something delivered';
        // Nor is a column of changes ("| 2022/23 | 2023/24 | Change |"): the dashboard works them out.
        if (!reason && header && /^(?:%\s*)?(?:change|difference|variance|increase|decrease|growth|movement|trend)(?:\s*\(%\)|\s*%)?$/i.test(header))
          reason = 'a change, which the dashboard works out itself';
        // "three workshops for planners, one for officers and one for councillors": each "one" of
        // the enumeration counts what its first number counts.
        if (reason === 'a single item' && lastCounted && /(?:,|\band)\s*$/.test(before) && /^\s+(?:for|in|at|with|to|on)\b/i.test(after)) {
          reason = null;
          counted = { counted: lastCounted.counted, slug: lastCounted.slug, unit: lastCounted.slug ? unitFor(lastCounted.slug, mention.unit) : mention.unit, ellipsis: true };
        }
        // A part of a number set apart is set apart with it ("2.2% of residents …, including three schools").
        const previous = proposals[proposals.length - 1];
        if (!reason && mi > 0 && previous?.contextReason === 'an outside statistic' && previous.line === line.index + 1 && /\b(including|of which|comprising)\b/i.test(masked.slice(inSentence[mi - 1]!.groupEnd, mention.start)))
          reason = previous.contextReason;
        // A list under "The programme aims to:" or "Our targets:" is of targets, not deliveries —
        // its items, not a sentence that says what is or has been ("27 projects have been approved").
        if (!reason && /\b(?:aims?\s+to|aim\s+is\s+to|ambitions?\s+(?:is|are)\s+to|targets?|ambitions?|goals?|objectives?)\b[^.;]*:\s*$/i.test(leadIn) && !/\b(?:been|was|were|has|have|had|are|is|as\s+of|to\s+date|so\s+far)\b/i.test(sentenceText))
          reason = 'a target, not something delivered';
        // A share that names no group of its own, after an outside statistic in the same paragraph,
        // goes on about the same people: "61 per cent of residents were satisfied … Nearly three
        // quarters (72 per cent) said they trusted their council" — unless it speaks of the support.
        if (
          !reason &&
          mention.unit === 'percent' &&
          previous?.contextReason === 'an outside statistic' &&
          previous.unit === 'percent' &&
          previous.line === line.index + 1 &&
          !/^\s*(?:\)\s*)?of\b/i.test(masked.slice(mention.groupEnd)) &&
          !/\b(?:we|our|us|support\w*|programme|lga|offer|train\w*|coach\w*|attend\w*|took\s+part|particip\w*)\b/i.test(sentenceText)
        )
          reason = previous.contextReason;
        // What a number counts need not be one of the dashboard's measures: a number counting
        // something ("56 conferences", "19 social workers") is proposed, with a new metric named
        // after what it counts for the officer to confirm. Only a number counting nothing is set apart.
        // A list's item that opens with its number and says only where or by whom ("• 510 in
        // maintained schools", "• 838 by businesses") counts what the items before it counted.
        if (!reason && !counted.slug && !counted.counted.trim() && listReading && line.prefixLength > 0 && !before.trim() && /^\s+(?:in|by|from|at|through|via|across|to|for|with|on|within)\b/i.test(after))
          counted = { counted: listReading.counted, slug: listReading.slug, unit: listReading.slug ? unitFor(listReading.slug, mention.unit) : mention.unit, ellipsis: true };
        const phrase = counted.counted.replace(/\s+/g, ' ').trim();
        if (!reason && !counted.slug && !phrase) reason = 'no measure named';
        let proposedMetric = !counted.slug && phrase ? newMetricName(phrase) : null;
        const reading: Reading = { counted: counted.counted, slug: counted.slug };
        if (phrase && !reason) lastCounted = { ...reading, start: mention.start, end: mention.groupEnd };
        if (phrase && !reason && line.prefixLength > 0 && !before.trim()) listReading = reading;
        if (counted.slug) {
          // A breakdown's parts keep pointing at their total.
          if (!lastInSentence || !/\b(including|includ(?:es|ed)|of which|comprising|made up of)\b/i.test(masked.slice(lastInSentence.end, mention.start)) || lastInSentence.slug !== counted.slug)
            lastInSentence = { ...reading, end: mention.groupEnd };
          previousReading = reading;
        }

        // Programme and board.
        const clauseContext = clause === sentence ? sentenceContext : matcher.context(clauseText);
        const candidate = matcher.match(
          [
            matcher.context(counted.counted),
            labelContext,
            clauseContext,
            sentenceContext,
            // A table's row is its own: the rows above it name other programmes.
            rowLabel ? EMPTY_CONTEXT : paragraphContext,
            rowLabel ? EMPTY_CONTEXT : carriedContext,
            EMPTY_CONTEXT,
            headingContext,
          ],
          paragraphLabel || rowLabel ? null : recent,
        );
        const programme = candidate ? candidate.programme : null;
        const board = programme ? programme.board : sectionBoard;
        // None of the dashboard's programmes: the nearest one the document names itself, from the
        // clause outwards to the headings, or the paragraph's own label ("Tenant voice network:").
        // (Named only for a number proposed in the end, once the reader has decided.)
        const nameProgramme = (): string | null =>
          programme
            ? null
            : (namedProgramme(masked.slice(clause.start, qualifierStart).split(/[,;]\s+(?:and\s+|but\s+|while\s+)?/).pop()!) ??
              namedProgramme(clauseText) ??
              namedProgramme(sentenceText) ??
              // (A "Total" row names no programme.)
              (rowLabel && !rowIsMeasure && rowLabel.split(/\s+/).length <= 8 && !/^(?:(?:grand\s+|sub[\s-]?)?totals?|overall|all)\b/i.test(rowLabel) ? rowLabel : null) ??
              // ("The libraries improvement offer:" names the libraries improvement offer.)
              (paragraphLabel && !rowIsMeasure ? (namedProgramme(paragraphLabel) ?? (paragraphLabel.split(/\s+/).length <= 6 && !/\d/.test(paragraphLabel) && !/\b(?:is|are|was|were|has|have|had|will|would)\b/i.test(paragraphLabel) ? labelAsName(paragraphLabel) : null)) : null) ??
              namedProgramme(paragraphText) ??
              namedProgramme(`${majorHeading} ${minorHeading}`));

        // Basis and period.
        const prev = inSentence[mi - 1];
        // (The top of this number's own range, "10-12", is not the next number.)
        // (Nor is the day of a date after it: "145 as at 14 December 2018" reads on to its month.)
        const nextMention = inSentence.slice(mi + 1).find((m) => m.start >= mention.groupEnd && !dates.some((d) => d.kind === 'day' && m.start >= d.start && m.start < d.end));
        // A sentence wrapped onto the next line ("A further 17 challenges are" / "booked for the
        // second half of the year.") is read whole: its words and dates there are its own too.
        const wrapped = atClauseEnd && runOn ? runOn : '';
        const periodText = masked + wrapped;
        const windowStart = Math.max(clause.start, prev ? prev.end : clause.start);
        const windowEnd = nextMention ? Math.min(clause.end, nextMention.start) : clause.end + wrapped.length;
        const period = readPeriod({
          window: periodText.slice(windowStart, windowEnd),
          windowStart,
          windowEnd,
          firstNumberStart: countable[0]?.start ?? mention.start,
          numbersInSentence: countable.length,
          masked: periodText,
          sentenceStart: sentence.start,
          sentenceEnd: sentence.end + wrapped.length,
          clauseStart: clause.start,
          clauseEnd: clause.end + wrapped.length,
          numberStart: mention.start,
          dates: wrapped ? findDates(periodText) : dates,
          slug: counted.slug,
          reportDate: options.reportDate,
          reportPrecision,
          documentStart,
          carried: currentPeriod,
          documentPeriod,
          leadIn,
          // The sentence's opening phrase ("To date,", "In the previous two years of the programme,").
          sentenceLead: (() => {
            const comma = masked.slice(sentence.start, mention.start).search(/,|\s[–-]\s/);
            return comma < 0 ? '' : masked.slice(sentence.start, sentence.start + comma);
          })(),
        });

        if (columnCounts && period.basis === 'cumulative') period.basis = 'period';
        const sentenceDated = dates.some((d) => d.start >= sentence.start && d.end <= sentence.end);
        // (Under a lead-in, its own date is the one the period reading carries.)
        const undated = period.periodEnd === options.reportDate || (asOf?.leadIn && period.periodEnd === asOf.end);
        if (asOf && !bare && period.basis === 'period' && !sentenceDated && undated)
          Object.assign(period, { basis: 'cumulative', periodStart: null, periodEnd: asOf.end, datePrecision: asOf.precision });
        // (A running total of its own words under such a lead-in stands at its date too: "No. into
        // permanent accommodation - cumulative 149", "No. currently in perm accommodation 132".)
        else if (asOf?.leadIn && !bare && period.basis === 'cumulative' && !sentenceDated && undated)
          Object.assign(period, { periodEnd: asOf.end, datePrecision: asOf.precision });
        else if (!bare && period.basis === 'cumulative' && period.periodEnd !== options.reportDate && /\b(?:as\s+(?:of|at)|(?:by|at|to)\s+the\s+end\s+of|up\s+to)\s+(?:the\s+end\s+of\s+)?(?:\d|[A-Z])/.test(sentenceText))
          asOf = { end: period.periodEnd, precision: period.datePrecision, sentence: sentence.start, line: li };
        if (columnPeriod) Object.assign(period, { periodStart: period.basis === 'cumulative' ? null : columnPeriod.start, periodEnd: columnPeriod.end, datePrecision: columnPeriod.precision });
        // A breakdown of the figure before it, in a sentence of its own that names no date ("The
        // library has 302 devices out on loan. This breaks down to 110 laptops, 84 tablets …", "Of
        // these, 40 were …"): its parts stand as and when their total, the figure before, does.
        if (!bare && !sentenceDated && previous && !previous.likelyContext && previous.line === line.index + 1 && period.basis !== 'planned' && BREAKDOWN.test(masked.slice(sentence.start, mention.start)))
          Object.assign(period, { basis: previous.basis, periodStart: previous.periodStart, periodEnd: previous.periodEnd, datePrecision: previous.datePrecision });

        // The reader (scorer.ts) weighs the rules' verdict with the words around the number, and decides.
        const input: FeatureInput = {
          value: mention.value,
          unit: counted.slug ? counted.unit : mention.unit,
          written: mention.written,
          qualifier: q.qualifier,
          range: mention.range === 'low',
          slug: counted.slug,
          phrase,
          borrowed: counted.ellipsis,
          before,
          after,
          sentence: sentenceText,
          basis: period.basis,
          inList: line.prefixLength > 0,
          labelled: paragraphLabel !== null,
          numbersInSentence: inSentence.length,
          ruleReason: reason,
          tableCell: !!bare,
        };
        const features = options.rulesOnly ? readerFeatures(input) : undefined;
        if (!options.rulesOnly && !headerDecides) reason = readerReason(input);

        if (reason === null && namedBySentence) {
          counted = { ...namedBySentence, ellipsis: true };
          proposedMetric = counted.slug ? null : newMetricName(counted.counted);
        }
        const unit: Unit = counted.slug ? counted.unit : mention.unit;
        // A table's cell in thousands, as its row or column says ("Page views (000s)", "£'000").
        const scale = bare && IN_THOUSANDS.test(`${cells?.[0]?.text ?? ''} ${column > 0 ? (tableHeader?.[column] ?? '') : ''}`) ? 1000 : 1;
        proposals.push({
          line: line.index + 1,
          evidence,
          numberStart: qualifierStart - evidenceSpan.start,
          numberEnd: Math.min(mention.range === 'low' ? mention.groupEnd : mention.end, evidenceSpan.end) - evidenceSpan.start,
          value: mention.value * scale,
          qualifier: q.qualifier,
          unit,
          counted: counted.counted.replace(/\s+/g, ' ').trim(),
          metric: metricName(counted.slug, options.reference.metrics),
          programme: programme ? programme.name : null,
          board,
          basis: period.basis,
          periodStart: period.periodStart,
          periodEnd: period.periodEnd,
          datePrecision: period.datePrecision,
          likelyContext: reason !== null,
          contextReason: reason,
          upper: mention.range === 'low' && mention.rangeEnd !== null ? mention.rangeEnd * scale : null,
          proposedMetric: reason ? null : proposedMetric,
          proposedProgramme: reason ? null : nameProgramme(),
          table: cell ? { column: tableHeader?.[column]?.trim() || null, row: cells![0]!.text.trim() || null } : null,
          ...(features ? { features } : {}),
        });
      }

      // The period this sentence names stands for the figures after it that name none.
      // (Within or after the title's period: "up from 40 in 2021/22" in a 2022/23 report compares, it does not re-date.)
      const stated = statedPeriod(dates, masked, sentence.start, sentence.end, options.reportDate);
      if (stated && (!documentPeriod || stated.start >= documentPeriod.start)) {
        currentPeriod = stated;
        // (Not the sentence that gave the "as at" date: its own date is the one that carries.)
        if (asOf && !(asOf.line === li && asOf.sentence === sentence.start)) asOf = null;
      }
      // Remember the programme this sentence names, for the sentences after it.
      const named = matcher.match([EMPTY_CONTEXT, EMPTY_CONTEXT, EMPTY_CONTEXT, sentenceContext], null);
      if (named) recent = named.programme;
      // A new object, never changed in place: the matcher remembers contexts by identity.
      paragraphContext = {
        words: new Set([...paragraphContext.words, ...sentenceContext.words]),
        sequence: [...paragraphContext.sequence, ...sentenceContext.sequence],
      };
      paragraphText += ' ' + sentenceText;
    }
    // A lead-in ("Since the programme started:") governs the list under it: its items, and the
    // fragments that are not whole sentences; a whole sentence of its own ends its reach.
    const body = masked.slice(line.prefixLength).trim();
    if (/:\s*$/.test(body)) {
      const spans = sentenceSpans(masked, line.prefixLength);
      const last = spans[spans.length - 1];
      leadIn = last ? masked.slice(last.start, last.end) : body;
      const stamp = asOfLeadIn(leadIn, findDates(leadIn), options.reportDate);
      if (stamp) asOf = { ...stamp, line: li, sentence: -1, leadIn: true };
    } else if (line.prefixLength === 0 && /^[A-Z]/.test(body) && /[.!?]["”’']?$/.test(body)) leadIn = '';
  }
  return proposals;
}

/** A new metric's name from what a number counts: "social workers" → "Social workers". */
/**
 * A new metric's name from what the number counts: its first five words, without quotation marks,
 * list marks or a dangling joining word ("Impressions and" → "Impressions", "New residents
 * parking zones ·" → "New residents parking zones").
 */
export function newMetricName(phrase: string): string {
  let words = phrase.replace(/["“”‘’']/g, '').split(' ').slice(0, 5);
  while (words.length > 1 && /^(?:and|or|of|to|by|for|with|the|a|an|in|on|at|including|[·•–—-])$/i.test(words[words.length - 1]!)) words = words.slice(0, -1);
  const name = words.join(' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function unitFor(slug: MetricSlug, unit: Unit): Unit {
  if (slug === 'coaching-hours') return 'hours';
  return unit;
}

function contextProposal(
  line: LineInfo,
  evidence: string,
  evidenceStart: number,
  span: Span,
  value: number,
  reason: string,
  reportDate: string,
  precision: DatePrecision,
): Proposal {
  return {
    line: line.index + 1,
    evidence,
    numberStart: span.start - evidenceStart,
    numberEnd: span.end - evidenceStart,
    value,
    qualifier: 'exact',
    unit: 'count',
    counted: '',
    metric: null,
    programme: null,
    board: null,
    basis: 'period',
    periodStart: null,
    periodEnd: reportDate,
    datePrecision: precision,
    likelyContext: true,
    contextReason: reason,
    upper: null,
    proposedMetric: null,
    proposedProgramme: null,
    table: null,
  };
}
