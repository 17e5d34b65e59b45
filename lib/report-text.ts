// The plain text of an uploaded board report, one paragraph per line — the shape the extractor
// and the sources page read. Word and PDF files are read with maintained libraries (mammoth,
// pdfjs-dist); nothing from a file is ever kept as HTML.

import crypto from 'node:crypto';
import zlib from 'node:zlib';

export const REPORT_EXTENSIONS = ['.txt', '.md', '.docx', '.pdf'] as const;
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;
export const MAX_REPORT_CHARS = 2_000_000;
/** The most a .docx may hold once unzipped, and how many parts: a real report is a few megabytes. */
export const MAX_DOCX_OPENED_BYTES = 64 * 1024 * 1024;
export const MAX_DOCX_PARTS = 2000;

export class ReportFileError extends Error {
  readonly status = 400;
}

const extensionOf = (fileName: string) => fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';

/**
 * Line endings, odd spaces and control characters tidied; one paragraph per line. Lines are never
 * added or removed, so a line number means the same in the file and in the stored text.
 */
export function normaliseReportText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    // Control characters other than tab and newline carry no meaning in a report.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .trimEnd();
}

/** The identity of a report's text: the same report imported twice has the same hash. */
export function contentHash(text: string): string {
  return crypto.createHash('sha256').update(normaliseReportText(text)).digest('hex');
}

function decodeText(bytes: Uint8Array): string {
  if (bytes.subarray(0, 8192).includes(0)) throw new ReportFileError('This file is not a text file. Upload a .txt, .md, .docx or .pdf report.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** A node of the document mammoth reads from a .docx (mammoth's own document model). */
interface DocxNode {
  type: string;
  value?: string;
  children?: DocxNode[];
}

/**
 * A Word document's text: a line per paragraph, and a line per table row with its cells apart by
 * " | " (so a row reads "Remote Peer Support | 23 | 410", and a reader knows which column a number
 * is in). mammoth reads the document; its raw text would put every cell on a line of its own.
 */
function docxLines(node: DocxNode): string[] {
  const textOf = (n: DocxNode): string =>
    n.type === 'text' ? (n.value ?? '') : n.type === 'tab' ? ' ' : n.type === 'break' ? ' ' : (n.children ?? []).map(textOf).join(n.type === 'tableCell' ? ' ' : '');
  if (node.type === 'paragraph') return [textOf(node)];
  if (node.type === 'table')
    return (node.children ?? [])
      .filter((row) => row.type === 'tableRow')
      .map((row) => (row.children ?? []).filter((cell) => cell.type === 'tableCell').map((cell) => textOf(cell).replace(/\s+/g, ' ').trim()).join(' | '));
  return (node.children ?? []).flatMap(docxLines);
}

/**
 * Refuses a .docx that would open to more than MAX_DOCX_OPENED_BYTES or MAX_DOCX_PARTS (a zip
 * bomb: 1 MB that inflates to gigabytes), before mammoth opens it. Each part is inflated with a
 * cap on its output (zlib's maxOutputLength), so sizes the zip merely declares are not trusted.
 * JSZip (mammoth's own zip reader) lists the parts; its CompressedObject (`_data`) is how JSZip
 * 3 holds a part's raw bytes, which its public API does not expose.
 */
async function checkDocxOpenedSize(bytes: Uint8Array): Promise<void> {
  const { default: JSZip } = await import('jszip');
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return; // not a readable zip: mammoth says so in its own words below
  }
  const parts = Object.values(zip.files).filter((f) => !f.dir);
  const tooBig = () =>
    new ReportFileError('This file is far larger once opened than a report can be (it may be built to do that), so it was not read. Save the report again, or paste its text.');
  if (parts.length > MAX_DOCX_PARTS) throw tooBig();
  let opened = 0;
  for (const part of parts) {
    const data = (part as unknown as { _data?: { compressedContent?: Uint8Array; compression?: { magic?: string } } })._data;
    const raw = data?.compressedContent;
    if (!raw) continue;
    const room = MAX_DOCX_OPENED_BYTES - opened;
    if (data.compression?.magic === '\x08\x00') {
      try {
        opened += zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, room) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
        return; // damaged: mammoth says so below
      }
    } else opened += raw.length;
    if (opened > MAX_DOCX_OPENED_BYTES) throw tooBig();
  }
}

async function docxText(bytes: Uint8Array): Promise<string> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ReportFileError('This .docx file is not a Word document.');
  await checkDocxOpenedSize(bytes);
  const mammoth = await import('mammoth');
  let lines: string[] = [];
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        transformDocument: (document: DocxNode) => {
          lines = docxLines(document);
          return document;
        },
      } as Parameters<typeof mammoth.convertToHtml>[1],
    );
  } catch {
    throw new ReportFileError('This Word document could not be read: it may be damaged or protected. Save it again from Word, or paste its text.');
  }
  return lines.join('\n');
}

interface PdfTextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  width: number;
  height: number;
}

/** A visual line of a PDF page: its text (table cells apart by " | "), where it is, and how tall. */
interface PdfLine {
  page: number;
  y: number;
  height: number;
  text: string;
  /** Near the top or the bottom edge of its page, where running headers and footers are. */
  margin: boolean;
}

/** "3", "Page 3", "Page 3 of 12", "3 of 12", "3/12", "- 3 -": a page number and nothing else. */
const PAGE_NUMBER = /^[-–—\s]*(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?[-–—\s]*$/i;

/** A run of text on a visual line: where it starts and ends, the gap before it, its type size. */
interface Piece {
  str: string;
  x: number;
  end: number;
  gap: number;
  size: number;
}

/**
 * The visual lines of one page. Pieces far apart on one line are cells of a table: " | " between
 * them. Where a line's gaps differ, as a table's columns do, three quarters of the type size
 * parts cells ("Amount requested", then "Amount awarded" 12pt on, at 12pt); where they are all
 * alike, as a justified line's word spaces are however wide, only three times the size does; a
 * single gap parts cells at one and a half times the size. And in a compact table, whose cells may
 * be closer than that, a line whose pieces stand in columns with the line above or below it (see
 * rowOver) has a cell in each piece that more than a word space parts from the one before.
 */
function pageLines(items: PdfTextItem[], page: number, pageHeight: number): PdfLine[] {
  const raw: { y: number; height: number; pieces: Piece[] }[] = [];
  let pieces: Piece[] = [];
  let y: number | null = null;
  let height = 0;
  let lastEnd: number | null = null;
  const close = () => {
    if (y !== null && pieces.some((p) => p.str.trim())) raw.push({ y, height, pieces });
    pieces = [];
    y = null;
    height = 0;
    lastEnd = null;
  };
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const itemY = item.transform[5] ?? 0;
    const itemX = item.transform[4] ?? 0;
    // A new visual line starts where the text moves down (or up: a new column or box).
    if (y !== null && item.str && Math.abs(itemY - y) > Math.max(2, (item.height || height) / 2)) close();
    // White space between items says nothing the gap between them does not: the gap decides.
    if (item.str && !item.str.trim()) {
      if (item.hasEOL) close();
      continue;
    }
    if (item.str) {
      if (y === null) y = itemY;
      const size = item.height || height || 10;
      const end = itemX + (item.width || 0);
      pieces.push({ str: item.str, x: itemX, end, gap: lastEnd === null ? 0 : itemX - lastEnd, size });
      lastEnd = end;
      height = Math.max(height, item.height || 0);
    }
    if (item.hasEOL) close();
  }
  close();

  for (let i = 0; i < raw.length; i++) {
    const pieces = partedByColumns(raw[i]!, raw[i - 1]) ?? partedByColumns(raw[i]!, raw[i + 1]);
    if (pieces) raw[i] = { ...raw[i]!, pieces };
  }
  return raw.map((line, i) => {
    const parts = line.pieces;
    const row = rowOver(line, raw[i - 1]) || rowOver(line, raw[i + 1]);
    const wide = parts.filter((p, k) => k > 0 && p.gap > p.size * 0.1 && !/\s$/.test(parts[k - 1]!.str) && !/^\s/.test(p.str)).map((p) => p.gap);
    const alike = wide.length >= 2 && Math.max(...wide) - Math.min(...wide) < 0.5;
    const apart = (p: Piece) =>
      (wide.length < 2 ? p.gap > Math.max(12, p.size * 1.5) : alike ? p.gap > Math.max(24, p.size * 3) : p.gap > Math.max(6, p.size * 0.75)) ||
      (row && p.gap > p.size * 0.35);
    let current = '';
    parts.forEach((p, k) => {
      if (k > 0 && apart(p)) current = `${current.trimEnd()} | `;
      else if (k > 0 && p.gap > p.size * 0.1 && !/\s$/.test(current) && !/^\s/.test(p.str)) current += ' ';
      current += p.str;
    });
    const fromEdge = Math.min(line.y, pageHeight - line.y);
    return { page, y: line.y, height: line.height, text: current.replace(/\s+/g, ' ').trim(), margin: fromEdge < pageHeight * 0.08 };
  });
}

/** Whether two pieces of neighbouring lines stand in one column: starting, ending or centred together. */
const aligned = (p: Piece, q: Piece) => Math.abs(q.x - p.x) < 1.5 || Math.abs(q.end - p.end) < 1.5 || Math.abs(q.x + q.end - p.x - p.end) < 3;

/**
 * A row of a table: as many pieces as the line above or below, each after the first starting,
 * ending or centred where that line's does (prose lines, even justified ones, seldom match piece
 * for piece).
 */
const rowOver = (line: { pieces: Piece[] }, other: { pieces: Piece[] } | undefined) =>
  !!other && line.pieces.length >= 2 && other.pieces.length === line.pieces.length && line.pieces.every((p, k) => k === 0 || aligned(p, other.pieces[k]!));

/**
 * pdf.js joins runs of text less than six tenths of the type size apart into one piece, a space
 * between them, so a compact table's cells can come as one: "Page views of LG Inform 210,400",
 * "Q1 2025/26 Q2 2025/26 Target 2025/26". Where the line above or below stands in columns, a
 * piece that runs over one of its column starts is parted at the word that begins there (where
 * that is, estimated from the piece's width with its characters taken as equally wide), if the
 * line then stands piece for piece with that one and each cell parted off is a few words at most.
 * Null if nothing is parted.
 */
function partedByColumns(line: { pieces: Piece[] }, other: { pieces: Piece[] } | undefined): Piece[] | null {
  if (!other || other.pieces.length < 2 || other.pieces.length <= line.pieces.length) return null;
  const starts = other.pieces.slice(1).map((p) => p.x);
  const out: Piece[] = [];
  for (const p of line.pieces) {
    const inside = starts.filter((x) => x > p.x + p.size * 0.5 && x < p.end - p.size * 0.5);
    const perChar = (p.end - p.x) / Math.max(1, p.str.length);
    // Each column start inside the piece, and the word that begins nearest it.
    const cuts: { at: number; x: number }[] = [];
    for (const x of inside) {
      let best = -1;
      let distance = Infinity;
      for (let k = 1; k < p.str.length; k++) {
        if (p.str[k - 1] !== ' ' || p.str[k] === ' ') continue;
        const d = Math.abs(p.x + k * perChar - x);
        if (d < distance) [best, distance] = [k, d];
      }
      if (best > 0 && distance <= Math.max(perChar * 1.5, p.size * 0.5) && !cuts.some((c) => c.at === best)) cuts.push({ at: best, x });
    }
    if (!cuts.length) {
      out.push(p);
      continue;
    }
    cuts.sort((a, b) => a.at - b.at);
    const bounds = [{ at: 0, x: p.x }, ...cuts];
    bounds.forEach((b, k) => {
      const next = bounds[k + 1];
      const str = p.str.slice(b.at, next?.at ?? p.str.length).trim();
      const end = next ? p.x + (next.at - 1) * perChar : p.end;
      out.push({ str, x: b.x, end, gap: k === 0 ? p.gap : p.size, size: p.size });
    });
  }
  const partedOff = out.slice(1).filter((p) => !line.pieces.includes(p)); // (the row's label may be long)
  if (out.length === line.pieces.length || partedOff.some((p) => p.str.split(' ').length > 6)) return null;
  return rowOver({ pieces: out }, other) ? out : null;
}

/**
 * Lines repeated at the top or bottom of several pages (running headers and footers, once their
 * digits are set aside: "Page 3 of 12"), and page numbers: not part of the report's text.
 */
function runningLines(lines: PdfLine[], pages: number): Set<PdfLine> {
  const key = (l: PdfLine) => l.text.replace(/\d+/g, '#').toLowerCase();
  const pagesOf = new Map<string, Set<number>>();
  for (const l of lines) if (l.margin) pagesOf.set(key(l), (pagesOf.get(key(l)) ?? new Set()).add(l.page));
  const repeated = (l: PdfLine) => (pagesOf.get(key(l))?.size ?? 0) >= Math.max(2, Math.ceil(pages / 2));
  return new Set(lines.filter((l) => l.margin && (repeated(l) || PAGE_NUMBER.test(l.text))));
}

/**
 * PDF text comes in visual lines, page by page (and column by column, in the order the PDF writes
 * them). Running headers, footers and page numbers are left out; table rows keep their cells
 * apart with " | ". A line joins the one before it into a paragraph unless the gap above it is
 * clearly larger than the usual line spacing (a new paragraph or heading) — or, across a column
 * or a page, unless the sentence before it has ended and it does not start in lower case.
 */
async function pdfText(bytes: Uint8Array): Promise<string> {
  if (new TextDecoder().decode(bytes.subarray(0, 5)) !== '%PDF-') throw new ReportFileError('This .pdf file is not a PDF.');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === 'PasswordException') throw new ReportFileError('This PDF is protected by a password. Save a copy without the password, or paste its text.');
    throw new ReportFileError('This PDF could not be read: it may be damaged. Save it again, or paste its text.');
  }
  const lines: PdfLine[] = [];
  const pages = Math.min(doc.numPages, 1000);
  for (let p = 1; p <= pages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    lines.push(...pageLines(content.items as PdfTextItem[], p, page.getViewport({ scale: 1 }).height));
    page.cleanup();
  }
  await doc.destroy();
  if (!lines.length) throw new ReportFileError('This PDF has no text in it: it may be a scan (images of pages). Paste the text instead.');
  const running = runningLines(lines, pages);
  const body = lines.filter((l) => !running.has(l));

  // The usual line spacing of each page: most lines are plain spacing, so a low quantile of the gaps.
  const usualGap = new Map<number, number>();
  for (let p = 1; p <= pages; p++) {
    const onPage = body.filter((l) => l.page === p);
    const gaps = onPage.slice(1).map((l, i) => onPage[i]!.y - l.y).filter((g) => g > 0).sort((a, b) => a - b);
    usualGap.set(p, gaps.length ? gaps[Math.floor(gaps.length / 4)]! : 0);
  }
  const paragraphs: string[] = [];
  let paragraph = '';
  body.forEach((line, i) => {
    const previous = body[i - 1];
    const samePage = previous?.page === line.page;
    const gap = previous && samePage ? previous.y - line.y : -1;
    const usual = usualGap.get(line.page) ?? 0;
    const table = line.text.includes(' | ') || previous?.text.includes(' | ');
    // A column or page break: the paragraph goes on where its sentence has not ended.
    const runsOn = gap < 0 && /^[a-z]/.test(line.text) && !/[.!?:]["'”’)]*$/.test(paragraph);
    // A change of type size starts a paragraph: a heading over its text ("Community Grants Fund"
    // at 24pt, then the text at 12pt).
    const resized = !!previous && previous.height > 0 && line.height > 0 && Math.abs(previous.height - line.height) > Math.min(previous.height, line.height) * 0.2;
    if (paragraph && (table || resized || (gap > usual * 1.4 && !runsOn) || (gap < 0 && !runsOn))) {
      paragraphs.push(paragraph);
      paragraph = line.text;
    } else paragraph = paragraph ? `${paragraph.replace(/-$/, '')}${paragraph.endsWith('-') ? '' : ' '}${line.text}` : line.text;
  });
  if (paragraph) paragraphs.push(paragraph);
  return paragraphs.join('\n');
}

/** Reads an uploaded report; throws ReportFileError with a plain reason for anything else. */
export async function readReportFile(fileName: string, bytes: Uint8Array): Promise<string> {
  if (bytes.length > MAX_REPORT_BYTES) throw new ReportFileError('The file is larger than 20 MB.');
  const extension = extensionOf(fileName);
  let text: string;
  if (extension === '.txt' || extension === '.md') text = decodeText(bytes);
  else if (extension === '.docx') text = await docxText(bytes);
  else if (extension === '.pdf') text = await pdfText(bytes);
  else throw new ReportFileError(`Reports can be ${REPORT_EXTENSIONS.join(', ')} files; this one is “${extension || 'without an extension'}”.`);
  text = normaliseReportText(text);
  if (!text.trim()) throw new ReportFileError('The file has no text in it.');
  if (text.length > MAX_REPORT_CHARS) throw new ReportFileError('The report is longer than 2 million characters; split it into parts.');
  return text;
}
