import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseReportText, readReportFile } from './report-text';
import { docx } from './fixtures/docx';

const PARAGRAPHS = ['Leadership support', 'Over 600 councillors attended our leadership webinars between April and June.', 'A further 16 sessions are planned.'];

/**
 * A minimal one-page PDF: each entry a line (or a line's pieces, each at its x), a blank gap between
 * paragraphs. A `run` is a line's pieces written in one text object, as PDF printers write a
 * line: pdf.js joins those less than six tenths of the type size apart into one piece.
 */
function pdf(lines: (string | null | [x: number, text: string, size?: number][] | { run: [x: number, text: string][] })[]): Uint8Array {
  let y = 760;
  const show = (x: number, text: string, size = 11) => `BT /F1 ${size} Tf ${x} ${y} Td (${text.replace(/[()\\]/g, (c) => `\\${c}`)}) Tj ET`;
  const ops = lines
    .map((l) => {
      y -= l === null ? 10 : 16;
      return l === null ? '' : typeof l === 'string' ? show(50, l) : 'run' in l ? `BT /F1 11 Tf ${l.run.map(([x, text], k) => `${k ? x - l.run[k - 1]![0] : x} ${k ? 0 : y} Td (${text}) Tj`).join(' ')} ET` : l.map(([x, text, size]) => show(x, text, size)).join('\n');
    })
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // (Latin-1, as the font is WinAnsi-encoded: "£" is one byte, and offsets count bytes.)
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

describe('reading an uploaded report', () => {
  it('reads text and markdown, tidying line endings', async () => {
    expect(await readReportFile('r.txt', new TextEncoder().encode('\uFEFFOne\r\nTwo  \r\n\r\n\r\n\r\nThree'))).toBe('One\nTwo\n\n\n\nThree');
    expect(await readReportFile('R.MD', new TextEncoder().encode('**235 councils** supported'))).toBe('**235 councils** supported');
    // Old Windows files: £ as one byte.
    expect(await readReportFile('r.txt', Uint8Array.from([0xa3, 0x35, 0x6d]))).toBe('£5m');
  });

  it('reads a Word document one paragraph per line', async () => {
    expect(await readReportFile('report.docx', await docx(PARAGRAPHS))).toBe(PARAGRAPHS.join('\n'));
  });

  it('reads a PDF, joining wrapped lines into paragraphs', async () => {
    const text = await readReportFile('report.pdf', pdf(['Leadership support', null, 'Over 600 councillors attended our leadership', 'webinars between April and June.', null, 'A further 16 sessions are planned.']));
    expect(text).toBe(PARAGRAPHS.join('\n'));
  });

  it('parts a PDF table’s cells by gaps that differ, not a justified line’s equal word spaces', async () => {
    // Helvetica 11pt: "Applicant" is 45pt wide, "Amount requested" 90, "Rhu Sailing Club" 82, "£10,000" 40.
    const text = await readReportFile(
      'report.pdf',
      pdf([
        // A heading in larger type, with no more space under it than between lines.
        [[50, 'Grants awarded', 16]],
        'The panel recommends the awards below.',
        null,
        [[50, 'Applicant'], [145, 'Amount requested'], [245, 'Amount awarded']],
        [[50, 'Rhu Sailing Club'], [145, '£10,000'], [245, '£0']],
        null,
        // A justified line: every word space 18pt, wider than a small table's.
        [[50, 'Members'], [113.84, 'approved'], [177.7, 'two'], [212.82, 'awards.']],
      ]),
    );
    expect(text.split('\n')).toEqual(['Grants awarded', 'The panel recommends the awards below.', 'Applicant | Amount requested | Amount awarded', 'Rhu Sailing Club | £10,000 | £0', 'Members approved two awards.']);
  });

  it('parts a compact PDF table’s cells by its columns, though they are closer than a cell gap', async () => {
    // Helvetica 11pt: "Programme" 57pt wide, "Peer support" 63, "Leadership" 54, "Q1" and "Q2" 15, "12" 12.
    const text = await readReportFile(
      'report.pdf',
      pdf([
        'Peer support by quarter',
        null,
        [[50, 'Programme'], [120, 'Q1'], [142, 'Q2']],
        [[50, 'Peer support'], [120, '12'], [142, '15']],
        [[50, 'Leadership'], [120, '30'], [142, '22']],
      ]),
    );
    expect(text.split('\n')).toEqual(['Peer support by quarter', 'Programme | Q1 | Q2', 'Peer support | 12 | 15', 'Leadership | 30 | 22']);
  });

  it('parts a compact PDF table’s cells that pdf.js read as one piece, by the columns of the row next to it', async () => {
    // Helvetica 11pt: "Page views of the toolkit" ends at 168.6 and "Q1 2024/25" at 229.5, less than
    // 6.6pt before the next cell, so pdf.js gives "Page views of the toolkit 210,400".
    const text = await readReportFile(
      'report.pdf',
      pdf([
        'Key performance indicators',
        null,
        { run: [[50, 'Indicator'], [172, 'Q1 2024/25'], [232, 'Q2 2024/25'], [292, 'Target']] },
        [[50, 'Councils supported'], [172, '64'], [232, '71'], [292, '250']],
        { run: [[50, 'Page views of the toolkit'], [172, '210,400'], [232, '198,750'], [292, '900,000']] },
        null,
        'Members noted the figures for the third quarter, which are due in January.',
      ]),
    );
    expect(text.split('\n')).toEqual([
      'Key performance indicators',
      'Indicator | Q1 2024/25 | Q2 2024/25 | Target',
      'Councils supported | 64 | 71 | 250',
      'Page views of the toolkit | 210,400 | 198,750 | 900,000',
      'Members noted the figures for the third quarter, which are due in January.',
    ]);
  });

  it('reads a Word document’s table a row per line, its cells apart', async () => {
    const text = await readReportFile('report.docx', await docx(['Support by programme', [['Programme', 'Councils supported'], ['Remote Peer Support', '23']], 'After the table.']));
    expect(text).toBe('Support by programme\nProgramme | Councils supported\nRemote Peer Support | 23\nAfter the table.');
  });

  // Printed by Chromium from a two-column report page with a running header, "Page N of M"
  // footers and a table (e2e/report-documents.ts; the e2e tests print it afresh and upload it).
  const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name)));

  it('reads a real two-page, two-column PDF: headers, footers and page numbers left out, tables by row, paragraphs whole', async () => {
    const text = await readReportFile('report.pdf', fixture('two-column-report.pdf'));
    const lines = text.split('\n');
    expect(text).not.toMatch(/Improvement and Innovation Board, 15 July 2021|Page \d of 2/);
    expect(lines).toContain('Since April, our peer support team has delivered 42 remote peer challenges and over 450 councillors have attended the peer support webinars.');
    expect(lines.slice(-3)).toEqual(['Programme | Councils supported | Attendees', 'Remote Peer Support | 23 | 410', 'Leadership Essentials | 17 | 138']);
    // A paragraph broken by a column or a page is one line again.
    expect(lines.every((l) => !/^[a-z]/.test(l))).toBe(true);
  });

  it('says which PDF cannot be read: protected by a password, or damaged', async () => {
    await expect(readReportFile('report.pdf', fixture('password-protected.pdf'))).rejects.toThrow('This PDF is protected by a password.');
    const damaged = fixture('two-column-report.pdf').slice(0, 4000);
    await expect(readReportFile('report.pdf', damaged)).rejects.toThrow(/could not be read: it may be damaged|has no text in it/);
    // Pages with no text, as a scan's are: said so.
    await expect(readReportFile('scan.pdf', pdf([]))).rejects.toThrow('This PDF has no text in it: it may be a scan (images of pages). Paste the text instead.');
  });

  it('refuses other files with a plain reason', async () => {
    await expect(readReportFile('report.exe', Uint8Array.from([1, 2]))).rejects.toThrow('Reports can be .txt, .md, .docx, .pdf files; this one is “.exe”.');
    await expect(readReportFile('report.txt', Uint8Array.from([0x41, 0, 0x42]))).rejects.toThrow('This file is not a text file.');
    await expect(readReportFile('report.pdf', new TextEncoder().encode('hello'))).rejects.toThrow('This .pdf file is not a PDF.');
    await expect(readReportFile('report.pdf', new TextEncoder().encode('%PDF-1.4 broken'))).rejects.toThrow(/could not be read/);
    await expect(readReportFile('report.docx', new TextEncoder().encode('not a zip'))).rejects.toThrow('This .docx file is not a Word document.');
    await expect(readReportFile('report.docx', Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0]))).rejects.toThrow(/could not be read/);
    await expect(readReportFile('empty.txt', new Uint8Array())).rejects.toThrow('The file has no text in it.');
  });

  it('drops control characters but keeps the text', () => {
    expect(normaliseReportText('a\u0000b\u0007c\td')).toBe('abc\td');
  });
});
