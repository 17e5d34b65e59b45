// Excel workbooks, both ways, with exceljs (a maintained library; streamed when written, so a
// million figures stay within the export's memory).
//
// Written: the same header and rows as the CSV download, on a first sheet whose header row is
// frozen and filtered, with column widths from the content; numbers stay numbers and days
// (YYYY-MM-DD) become dates, so a spreadsheet sorts and sums them; a second sheet, "About",
// says what the file holds. A text cell is stored as text, never as a formula, so the CSV's
// formula guard is not needed (and would change the text).
//
// Read: a sheet (the first, or one chosen by name) as CSV text, so an uploaded workbook goes
// through the very same preview, checks and all-or-nothing commit as a CSV file. Dates become
// YYYY-MM-DD, and so do Excel serial day numbers in the date columns.
import { PassThrough, Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { CsvCell } from './csv';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// exceljs and the zip libraries under it take tens of megabytes once loaded, and every route
// reaches this module: load them only when a workbook is made or read.
const excel = async (): Promise<typeof ExcelJS> => ((await import('exceljs')) as unknown as { default: typeof ExcelJS }).default;
/** The widest a column is made, in characters: long evidence wraps rather than running on. */
const MAX_WIDTH = 60;
/** How many bytes of the file may wait for the client before rows stop being added. */
const BUFFERED_BYTES = 1024 * 1024;
/** How many rows the widths are measured on: enough to be right, few enough to stream. */
const MEASURED_ROWS = 200;

export interface XlsxSheet {
  name: string;
  header: string[];
  rows: Iterable<CsvCell[]> | AsyncIterable<CsvCell[]>;
  /** Called once the rows are written or the download stops (a connection to close). */
  close?: () => void;
}

/** What the rows turned out to hold, for the "About" sheet. */
export interface XlsxStats {
  rows: number;
  /** The first and last day in a period_end column, where the sheet has one. */
  firstDay: string | null;
  lastDay: string | null;
}

/** A cell as the workbook holds it: numbers as numbers, days as dates, the rest as text. */
export function xlsxCell(cell: CsvCell): string | number | Date | null {
  if (cell === null || cell === undefined || cell === '') return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (DAY.test(cell)) {
    const date = new Date(`${cell}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(cell)) return date;
  }
  return cell;
}

const width = (cell: CsvCell) => (cell === null || cell === undefined ? 0 : String(cell).length);

/**
 * A workbook of `sheet` and an "About" sheet of `about` (label, text) lines, as a byte stream.
 * Rows are pulled as the client reads, so a large export never sits in memory.
 */
export function xlsxStream(sheet: XlsxSheet, about: (stats: XlsxStats) => [string, string][]): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const write = async () => {
    // Fast compression: a workbook of a million figures is written while the client waits.
    const ExcelJS = await excel();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
    workbook.creator = 'LGA sector-support impact dashboard';
    workbook.created = new Date();
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.header.length } };
    // Widths from the header and the first rows, set before any row is written (a streamed sheet
    // writes its columns first).
    const iterator = (Symbol.asyncIterator in sheet.rows ? sheet.rows[Symbol.asyncIterator]() : (sheet.rows as Iterable<CsvCell[]>)[Symbol.iterator]()) as
      | AsyncIterator<CsvCell[]>
      | Iterator<CsvCell[]>;
    const first: CsvCell[][] = [];
    let done = false;
    while (first.length < MEASURED_ROWS) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      first.push(next.value);
    }
    ws.columns = sheet.header.map((h, i) => {
      const widest = Math.max(h.length, ...first.map((r) => width(r[i])));
      const dates = first.some((r) => xlsxCell(r[i]) instanceof Date);
      return { header: h, key: `c${i}`, width: Math.min(MAX_WIDTH, Math.max(8, widest + 2)), style: dates ? { numFmt: 'yyyy-mm-dd' } : {} };
    });
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    // exceljs hands a streamed sheet's bytes to the zip without waiting for the compressor, so a
    // large sheet would pile up in memory ahead of it: how much is waiting is read below, and
    // rows wait while it is more than BUFFERED_BYTES.
    // (The zip's streams come from the readable-stream package, which keeps the count in its state.)
    type Sink = { writableLength?: number; _writableState?: { length?: number } };
    const sheetStream = (ws as unknown as { stream: { pipes?: Sink[] } }).stream;
    const waiting = () => (sheetStream.pipes ?? []).reduce((n, p) => n + (p.writableLength ?? p._writableState?.length ?? 0), 0) + out.readableLength;
    const stats: XlsxStats = { rows: 0, firstDay: null, lastDay: null };
    const periodEnd = sheet.header.indexOf('period_end');
    const add = (row: CsvCell[]) => {
      stats.rows++;
      const day = periodEnd >= 0 ? row[periodEnd] : null;
      if (typeof day === 'string' && DAY.test(day)) {
        if (!stats.firstDay || day < stats.firstDay) stats.firstDay = day;
        if (!stats.lastDay || day > stats.lastDay) stats.lastDay = day;
      }
      ws.addRow(row.map(xlsxCell)).commit();
    };
    for (const row of first) add(row);
    while (!done) {
      const next = await iterator.next();
      if (next.done) break;
      add(next.value);
      // Rows read from SQLite come without a pause: give the zip and the client their turn, and
      // wait while the bytes not yet read pile up, so memory stays flat however large the file.
      if (stats.rows % 500 === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        while (waiting() > BUFFERED_BYTES && !out.destroyed) await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
    ws.commit();
    const info = workbook.addWorksheet('About');
    info.columns = [{ width: 24 }, { width: 100 }];
    for (const [label, text] of about(stats)) {
      const row = info.addRow([label, text]);
      row.getCell(1).font = { bold: true };
      row.commit();
    }
    info.commit();
    await workbook.commit();
  };
  write()
    .catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))))
    .finally(() => sheet.close?.());
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** Columns whose numbers are days: an Excel serial day number there is a date. */
const DATE_COLUMN = /(^|_)(date|period_start|period_end|start|end)$/i;

/** Excel's serial day number (1900 date system) as YYYY-MM-DD. */
export function excelSerialToDay(serial: number): string {
  // Day 25569 is 1 January 1970; Excel counts the non-existent 29 February 1900, which this skips.
  const ms = Math.round((serial - 25569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

function cellText(value: ExcelJS.CellValue, dateColumn: boolean): CsvCell {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return dateColumn && value > 0 && value < 2958466 && Number.isInteger(value) ? excelSerialToDay(value) : value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // a hyperlink
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue, dateColumn); // a formula's last value
    if ('error' in value) return '';
  }
  return String(value);
}

/**
 * One sheet of a workbook (the first, or `sheetName`) as CSV text, header first. Throws a plain
 * message when the workbook cannot be read or has no such sheet.
 */
export async function xlsxSheetAsCsv(bytes: Uint8Array, sheetName?: string): Promise<{ csv: string; sheet: string; sheets: string[] }> {
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookProblem('This Excel file could not be read. Open it in Excel and save it again as an .xlsx workbook, or save the sheet as CSV UTF-8.');
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const ws = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!ws) throw new WorkbookProblem(sheetName ? `This workbook has no sheet called “${sheetName.slice(0, 40)}”. Its sheets are: ${sheets.join(', ')}.` : 'This workbook has no sheets.');
  const rows: CsvCell[][] = [];
  let header: string[] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: CsvCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value, n > 1 && DATE_COLUMN.test(header[c - 1] ?? '')));
    if (n === 1 || !header.length) header = cells.map((c) => String(c ?? '').trim());
    else rows.push(cells);
  });
  return { csv: [header, ...rows].map(csvRecord).join('\r\n') + '\r\n', sheet: ws.name, sheets };
}

/** A record as RFC 4180 CSV, the text exactly as the cell holds it (no formula guard: the importer reads it back). */
function csvRecord(cells: CsvCell[]): string {
  return cells.map((c) => {
    const text = c === null || c === undefined ? '' : String(c);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }).join(',');
}

/** Thrown for a workbook that cannot be imported, with a message for the officer. */
export class WorkbookProblem extends Error {}

/**
 * An upload as the bytes of a CSV file, for the CSV importer: a CSV file as it is, and an Excel
 * workbook (known by its first bytes, a zip's) as its chosen sheet, the first by default.
 */
export async function* uploadAsCsv(body: AsyncIterable<Uint8Array>, sheetName?: string): AsyncIterable<Uint8Array> {
  const iterator = body[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  if (!(head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)) {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    return;
  }
  const chunks: Uint8Array[] = [head];
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) chunks.push(next.value);
  let csv: string;
  try {
    ({ csv } = await xlsxSheetAsCsv(Buffer.concat(chunks), sheetName));
  } catch (error) {
    throw error instanceof WorkbookProblem ? error : new WorkbookProblem('This Excel file could not be read. Open it in Excel and save it again as an .xlsx workbook, or save the sheet as CSV UTF-8.');
  }
  yield new TextEncoder().encode(csv);
}
