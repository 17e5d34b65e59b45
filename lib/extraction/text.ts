// The shape of a report as a reader sees it: lines, their list markers, the label a paragraph
// opens with ("Planning Futures Programme (PFP): …"), headings, paragraphs that run over several
// lines, and sentences. Everything here keeps offsets into the original line, because a
// proposal's evidence must be a verbatim substring of its line.

/**
 * The line with its light markdown (`**bold**`, `<u>underline</u>`, `[link](#)`, `*italic*`)
 * turned into spaces of the same length. Offsets stay valid, and numbers split by markup
 * ("**12**, **345 views**") read as they would on the page.
 */
export function maskMarkup(line: string): string {
  return line
    .replace(/\]\([^)\s]*\)/g, (s) => ' '.repeat(s.length))
    .replace(/\*\*|__|<\/?u>|[[*`\t]/g, (s) => ' '.repeat(s.length));
}

export interface Span {
  start: number;
  end: number;
}

// A list marker or paragraph number at the start of a line: "- ", "• ", "2.1. ", "- 4.1 ",
// "12.3. ", "3) ", "(iv) ". A bare number without a dot ("12 meetings were held") is a count, not numbering.
const LIST_PREFIX = /^\s*(?:[-•–*]\s*)?(?:o\s+)?(?:(?:\d{1,3}\.)+\d{0,3}\s+|\d{1,3}\.\d{1,3}\s+|\(?(?:[a-z]|\d{1,3}|[ivx]{1,5})\)\s+)?/;

export function listPrefixLength(masked: string): number {
  const m = LIST_PREFIX.exec(masked);
  return m ? m[0].length : 0;
}

export function hasListMarker(masked: string): boolean {
  return /^\s*(?:[-•–*]\s|\d{1,3}(?:\.\d{1,3})*\.\s|\d{1,3}\.\d{1,3}\s|\(?(?:[a-z]|\d{1,3}|[ivx]{1,5})\)\s)/.test(masked);
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|etc|cllr|mr|mrs|ms|dr|st|no|vs|approx|inc|ltd|co|cf|para|p|pp|a\.m|p\.m|c)\.)$/i;

/** Sentence spans of a (masked) line, from `from` on; ends exclude trailing spaces. */
export function sentenceSpans(masked: string, from = 0): Span[] {
  const spans: Span[] = [];
  let start = from;
  const re = /[.!?](?=\s+(?:["'‘“(\[]?[A-Z0-9£]|[-•]\s))/g;
  re.lastIndex = from;
  for (let m = re.exec(masked); m; m = re.exec(masked)) {
    const end = m.index + 1;
    const before = masked.slice(Math.max(start, m.index - 8), end);
    if (ABBREVIATIONS.test(before)) continue;
    // "Return to... schemes": an ellipsis does not end a sentence.
    if (masked[m.index - 1] === '.' ) continue;
    pushTrimmed(spans, masked, start, end);
    start = end;
  }
  pushTrimmed(spans, masked, start, masked.length);
  return spans;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}

/** Clauses of a sentence, split at semicolons: "surveying had 41 candidates…; trading standards had 23…". */
export function clauseSpans(masked: string, sentence: Span): Span[] {
  const out: Span[] = [];
  let start = sentence.start;
  for (let i = sentence.start; i < sentence.end; i++) {
    if (masked[i] === ';') {
      pushTrimmed(out, masked, start, i);
      start = i + 1;
    }
    // (So does a dash before "and" or "but": "150 homes have been retrofitted - and work is due
    // to start on 400 more".)
    if (/[-–—]/.test(masked[i]!) && masked[i - 1] === ' ' && /^ (?:and|but) /.test(masked.slice(i + 1, i + 6))) {
      pushTrimmed(out, masked, start, i);
      start = i + 1;
    }
  }
  pushTrimmed(out, masked, start, sentence.end);
  return out;
}

// Section names that organise a report but name no programme or board.
const GENERIC_HEADINGS =
  /^(headlines|other activit(y|ies)|background|summary|purpose of report|recommendations?(\/s)?|actions?|next steps(\/recommendations)?|financial implications|implications for wales|agenda|attendance|apologies|social media|key messages|contact|document is restricted|for (information|discussion|decision)\.?)$/i;

export interface LineInfo {
  index: number; // 0-based
  raw: string;
  masked: string;
  blank: boolean;
  prefixLength: number; // list marker / paragraph number
  heading: boolean;
  majorHeading: boolean; // a heading that starts a new section (not "Headlines", "Other activity")
  continuation: boolean; // carries on the previous line's paragraph
  paragraph: number; // index of the line that starts this paragraph
  label: string | null; // "Planning Futures Programme (PFP)" from "… (PFP): The programme…"
  labelSpan: Span | null;
  /**
   * For a list item, the label it stands under: its parent item's ("4. **Tenant
   * panels** –" for "4.1 …") or the lead-in line that opened the list ("Progress on the
   * three schemes so far:").
   */
  inheritedLabel: string | null;
}

function numbering(masked: string): { top: string; sub: boolean } | null {
  const m = /^\s*(?:[-•–*]\s*)?(\d{1,3})\.(\d{1,3})?\.?\s/.exec(masked);
  return m ? { top: m[1]!, sub: !!m[2] } : null;
}

function endsParagraph(masked: string): boolean {
  return /[.!?:)”"']\s*$/.test(masked.trimEnd()) || /[.!?]\s*\**\s*$/.test(masked);
}

const COUNT_WORDS = 'two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dozen'.split(' ');
// ("LGA announces nine Digital Pathfinders councils": a number word in lower case counts, whatever follows.)
const COUNTING_WORD = new RegExp(`\\b(?:${COUNT_WORDS.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})\\s+[‘'"“]?[a-z]|[a-z]\\s+(?:${COUNT_WORDS.join('|')})\\s+[‘'"“]?[A-Z]`);

/** The cells of a table row as report-text.ts writes them ("A | 23 | 410"), with offsets; null if not a row. */
export function tableCells(line: string): { text: string; start: number; end: number }[] | null {
  if (!line.includes(' | ')) return alignedCells(line);
  // A Markdown row's outer pipes ("| Northtown | 120 | 95 |") are not cells.
  const lead = /^\s*\|\s/.exec(line)?.[0].length ?? 0;
  const trail = /\s\|\s*$/.exec(line.slice(lead))?.[0].length ?? 0;
  const inner = line.slice(lead, line.length - trail);
  const out: { text: string; start: number; end: number }[] = [];
  // Cells are split at each "|" with a space either side, so an empty cell ("Total | | £5,900")
  // keeps its place.
  let start = lead;
  for (const part of inner.split(/(?<= )\|(?= )/)) {
    const text = part.trim();
    const from = text ? start + part.indexOf(text) : start + 1;
    out.push({ text, start: from, end: from + text.length });
    start += part.length + 1;
  }
  return out.length >= 2 ? out : null;
}

/**
 * The cells of a row laid out with tabs or runs of three or more spaces, as text copied from a PDF
 * or a spreadsheet is ("Learners enrolled       3,200     3,412"); null if not such a row. (Two
 * spaces after a full stop separate sentences; a list marker or paragraph number before a gap is
 * not a cell.)
 */
function alignedCells(line: string): { text: string; start: number; end: number }[] | null {
  if (!/\S(?:\t| {3,})\S/.test(line)) return null;
  const out: { text: string; start: number; end: number }[] = [];
  for (const m of line.matchAll(/\S+(?: {1,2}\S+)*/g)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  if (out.length < 2) return null;
  if (/^(?:[-•·–*o§]|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,5})[.)]?)$/i.test(out[0]!.text)) return null;
  return out;
}

/**
 * A header row's cells as the rows below it are laid out: a header laid out with spaces often
 * leaves the column of row labels blank ("              Q1     Q2    Total" over "Peer challenges
 * 12   9   21"), so it has one cell fewer, each over the row's cell after the label. Then the
 * header gets an empty first cell; otherwise its cells as they are.
 */
export function headerCellsOver(header: { text: string; start: number; end: number }[], row: { text: string; start: number; end: number }[] | null): { text: string; start: number; end: number }[] {
  if (!row || header.length !== row.length - 1 || header[0]!.start < row[0]!.end) return header;
  return [{ text: '', start: 0, end: 0 }, ...header];
}

/** A Markdown table's rule under its header ("|---|:--:|", "| --- | --- |"): no row of figures. */
export const isTableRule = (line: string): boolean => /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$/.test(line);

/**
 * Which lines are rows of a table: two or more lines in a row with the same number of cells, each
 * cell short. A line of prose with a "|" in it, or a single such line, is text.
 */
export function tableRows(lines: string[]): boolean[] {
  const cellsOf = lines.map((l) => tableCells(l));
  const shape = cellsOf.map((cells) => (cells && cells.every((c) => c.text.length <= 80) ? cells.length : 0));
  // A header with its label column left blank heads the rows below it (headerCellsOver).
  cellsOf.forEach((cells, i) => {
    const below = cellsOf[i + 1];
    if (cells && below && shape[i + 1]! >= 3 && shape[i + 1] === shape[i + 2] && headerCellsOver(cells, below) !== cells) shape[i] = shape[i + 1]!;
  });
  // A rule under the header joins the header to the rows below it.
  lines.forEach((l, i) => {
    if (isTableRule(l) && i > 0) shape[i] = shape[i - 1]!;
  });
  return shape.map((n, i) => n >= 2 && (shape[i - 1] === n || shape[i + 1] === n));
}

function looksLikeHeading(masked: string, prefixLength: number): boolean {
  const t = masked.trim();
  if (!t || t.length > 100) return false;
  // A table row ("Programme | Councils supported | Attendees") is a row, not a heading.
  if (/ \| .* \| | \| \S/.test(t) && t.split(' | ').length >= 2 && !/[.!?]$/.test(t)) return false;
  if (prefixLength > 0 && /^\s*[-•]/.test(masked)) return false;
  if (/[.,;:]$/.test(t)) return false;
  if (/\.\s+[A-Z]/.test(t.slice(prefixLength))) return false;
  const body = t.replace(/^(\d+(\.\d+)*\.?\s+)/, '');
  if (!/^[A-Z_]/.test(body)) return false;
  if (body.split(/\s+/).length > 12) return false;
  if (/\b(and|or|the|of|to|a|an|with|for|in)$/i.test(body)) return false;
  // Headings carry no figures: digits other than in "COVID-19" or "Appendix 1" rule a line out.
  const stripped = body.replace(/covid[- ]?19/gi, '').replace(/^appendix\s+\d+/i, '');
  if (/\d/.test(stripped)) return false;
  // Nor number words counting something: "Eight councils win funding", "back twenty ‘Kickstart’
  // posts" is a headline's sentence ("One Public Estate", a name, is not).
  if (COUNTING_WORD.test(stripped)) return false;
  return true;
}

/** Text before a label separator at the start of a paragraph, if it reads like a label. */
function findLabel(raw: string, masked: string, from: number): { label: string; span: Span } | null {
  const rest = masked.slice(from);
  // "**Tenant panels:** …", "Youth safety fund: …", "**Safer Streets Academy** – …"
  const m = /^\s*([^:–—]{2,110}?)\s*(?::\s|\s[–—-]\s|\s?[–—]\s?)/.exec(rest);
  if (!m) {
    // A bold or underlined lead-in with no separator: "**Peer reviews** The …"
    const bold = /^\s*(?:[-•–]\s*)?(?:[\d.]+\s+)?\*\*([^*]{2,100})\*\*/.exec(raw);
    if (bold) {
      const s = bold[0].length - 2 - bold[1]!.length;
      return { label: bold[1]!.trim(), span: { start: s, end: s + bold[1]!.length } };
    }
    return null;
  }
  const label = m[1]!.trim();
  if (!label || label.split(/\s+/).length > 14) return null;
  if (/[.!?]\s/.test(label.replace(/\.\.\./g, ''))) return null;
  if (!/^[A-Z]/.test(label.replace(/^[\s'‘"“]+/, ''))) return null;
  // A page's particulars ("Published: 12 March 2024", "Contact officer: …") label no paragraph.
  if (/^(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|date|dated)(?:\s+on)?|author|written\s+by|report\s+(?:author|by)|by|contact(?:\s+officer)?|tel(?:ephone)?|phone(?:\s+no)?|e-?mail|ref(?:erence)?|meeting|venue|time|notes?|sources?|nb|key)$/i.test(label)) return null;
  const start = from + rest.indexOf(label);
  return { label, span: { start, end: start + label.length } };
}

export function analyseLines(text: string): LineInfo[] {
  const rawLines = text.split(/\r?\n/);
  const infos: LineInfo[] = [];
  let lastNonBlank: LineInfo | null = null;
  let leadIn: string | null = null; // a line ending with ":" that opens a list
  const numberedLabels = new Map<string, string | null>(); // "16" → label of item 16
  for (let i = 0; i < rawLines.length; i++) {
    const raw = rawLines[i]!;
    const masked = maskMarkup(raw);
    const blank = masked.trim() === '';
    const prefixLength = blank ? 0 : listPrefixLength(masked);
    const info: LineInfo = {
      index: i,
      raw,
      masked,
      blank,
      prefixLength,
      heading: false,
      majorHeading: false,
      continuation: false,
      paragraph: i,
      label: null,
      labelSpan: null,
      inheritedLabel: null,
    };
    if (!blank) {
      const marker = hasListMarker(masked);
      const firstChar = masked.slice(prefixLength).trimStart()[0] ?? '';
      const prevOpen = lastNonBlank !== null && !lastNonBlank.heading && !endsParagraph(lastNonBlank.masked);
      // A line that opens with its own "Label:" starts a paragraph even after an unfinished one.
      const ownLabel = /^[A-Z]/.test(firstChar) && /^[^:.]{2,60}:\s/.test(masked.slice(prefixLength).trimStart());
      info.continuation =
        !marker && lastNonBlank !== null && !lastNonBlank.heading && ((prevOpen && !ownLabel) || /[a-z]/.test(firstChar));
      if (info.continuation && lastNonBlank) info.paragraph = lastNonBlank.paragraph;
      if (!info.continuation && looksLikeHeading(masked, prefixLength)) {
        info.heading = true;
        const body = masked.trim().replace(/^(\d+(\.\d+)*\.?\s+)/, '');
        info.majorHeading = !marker && !GENERIC_HEADINGS.test(body.trim());
      }
      if (!info.continuation && !info.heading) {
        const found = findLabel(raw, masked, prefixLength);
        if (found) {
          info.label = found.label.replace(/\*\*|<\/?u>|\[|\]\([^)]*\)/g, '').trim();
          info.labelSpan = found.span;
        }
        const num = numbering(masked);
        // A top-level numbered paragraph ("14.") is a sibling, not an item of the list before it.
        if (num && !num.sub) leadIn = null;
        if (num && num.sub && numberedLabels.get(num.top)) info.inheritedLabel = numberedLabels.get(num.top)!;
        else if (marker && leadIn) info.inheritedLabel = leadIn;
        if (num && !num.sub) numberedLabels.set(num.top, info.label);
        if (!marker) leadIn = null;
      }
      if (info.heading) {
        leadIn = null;
        numberedLabels.clear();
      } else if (info.continuation && lastNonBlank) {
        info.inheritedLabel = lastNonBlank.inheritedLabel;
      }
      if (!info.heading && /:\s*$/.test(masked)) {
        const opener = info.continuation ? infos[info.paragraph] : info;
        leadIn = opener?.label ?? masked.slice(prefixLength).trim();
      }
      lastNonBlank = info;
    }
    infos.push(info);
  }
  return infos;
}
