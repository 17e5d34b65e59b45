// The plain text of an uploaded board report, one paragraph per line — the shape the extractor
// and the sources page read. Word and PDF files are read with maintained libraries (mammoth,
// pdfjs-dist); nothing from a file is ever kept as HTML.

import crypto from 'node:crypto';

export const REPORT_EXTENSIONS = ['.txt', '.md', '.docx', '.pdf'] as const;
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;
export const MAX_REPORT_CHARS = 2_000_000;

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

async function docxText(bytes: Uint8Array): Promise<string> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new ReportFileError('This .docx file is not a Word document.');
  const mammoth = await import('mammoth');
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    // mammoth separates paragraphs with a blank line; ours are one per line.
    return value.replace(/\n\n/g, '\n');
  } catch {
    throw new ReportFileError('This Word document could not be read. Save it again from Word, or paste its text.');
  }
}

interface PdfTextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

/**
 * PDF text comes in visual lines. A line joins the one before it into a paragraph unless the gap
 * above it is clearly larger than the usual line spacing (a new paragraph or heading).
 */
async function pdfText(bytes: Uint8Array): Promise<string> {
  if (new TextDecoder().decode(bytes.subarray(0, 5)) !== '%PDF-') throw new ReportFileError('This .pdf file is not a PDF.');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch {
    throw new ReportFileError('This PDF could not be read. If it is a scan, it has no text to import; paste the text instead.');
  }
  const paragraphs: string[] = [];
  for (let p = 1; p <= Math.min(doc.numPages, 1000); p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const lines: { y: number; height: number; text: string }[] = [];
    let current = '';
    let y: number | null = null;
    let height = 0;
    for (const item of content.items as PdfTextItem[]) {
      if (typeof item.str !== 'string') continue;
      const itemY = item.transform[5] ?? 0;
      // A new visual line starts where the text moves down (or up: a new column or box).
      if (y !== null && item.str && Math.abs(itemY - y) > Math.max(2, (item.height || height) / 2)) {
        lines.push({ y, height, text: current.trim() });
        current = '';
        height = 0;
        y = null;
      }
      if (y === null && item.str) y = itemY;
      current += item.str;
      height = Math.max(height, item.height || 0);
      if (item.hasEOL && y !== null) {
        lines.push({ y, height, text: current.trim() });
        current = '';
        y = null;
        height = 0;
      }
    }
    if (current.trim()) lines.push({ y: y ?? 0, height, text: current.trim() });
    const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((g) => g > 0).sort((a, b) => a - b);
    // Most lines are plain line spacing, so a low quantile of the gaps is that spacing.
    const usual = gaps.length ? gaps[Math.floor(gaps.length / 4)]! : 0;
    let paragraph = '';
    lines.forEach((line, i) => {
      const gap = i ? lines[i - 1]!.y - line.y : 0;
      if (!line.text) {
        if (paragraph) paragraphs.push(paragraph);
        paragraph = '';
        return;
      }
      if (paragraph && (gap > usual * 1.4 || gap < 0)) {
        paragraphs.push(paragraph);
        paragraph = line.text;
      } else paragraph = paragraph ? `${paragraph.replace(/-$/, '')}${paragraph.endsWith('-') ? '' : ' '}${line.text}` : line.text;
    });
    if (paragraph) paragraphs.push(paragraph);
    page.cleanup();
  }
  await doc.destroy();
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
