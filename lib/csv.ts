// CSV for spreadsheets, quoted one way everywhere (csvCell; csvCellSql is the same rule as SQL for
// the export's hot path): RFC 4180 quoting, a UTF-8 byte-order mark (so Excel reads £ and –
// correctly), CRLF line ends, and a guard against formula injection: a text cell starting with =,
// +, -, @, tab or carriage return gets a leading apostrophe so a spreadsheet shows it as text
// instead of running it. Genuine numbers are written as numbers, so a negative change (−155)
// stays a number: the guard never touches a value that is a JavaScript number. lib/csv.test.ts
// holds csvCell byte for byte equal to the csv-stringify library over random and hostile cells.

export type CsvCell = string | number | null | undefined;

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as it should be written: numbers as plain numbers, dangerous text defused. */
export function guardCell(cell: CsvCell): string | number {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function toCsv(header: string[], rows: CsvCell[][], options: { bom?: boolean } = {}): string {
  let body = `${csvLine(header)}\r\n`;
  for (const row of rows) body += `${csvLine(row)}\r\n`;
  return (options.bom === false ? '' : BOM) + body;
}

/** `?bom=0` leaves the byte-order mark out (for tools that do not want it). */
/** A CSV column: its heading and what each row writes in it. Lists of these describe a download. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvCell;
}

/** The heading line and rows of a download described by `columns`. */
export function csvTable<T>(columns: CsvColumn<T>[], rows: T[]): { header: string[]; rows: CsvCell[][] } {
  return { header: columns.map((c) => c.header), rows: rows.map((r) => columns.map((c) => c.value(r))) };
}

export function wantsBom(searchParams: URLSearchParams): boolean {
  return searchParams.get('bom') !== '0';
}

/** A file name made only of safe characters: what and when. */
export function csvFileName(parts: string[], extension: 'csv' | 'xlsx' = 'csv'): string {
  return `${parts.map((p) => p.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '')).filter(Boolean).join('-')}.${extension}`;
}

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/**
 * One cell: guarded (guardCell), then quoted where it holds a quote, comma, CR or LF. Written by
 * hand because it is the hot path of a million-row export, where csv-stringify's general
 * machinery costs more than reading the rows; lib/csv.test.ts holds it equal to csv-stringify.
 */
export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

/**
 * csvCell as an SQL expression over a text column (NULL gives ''), for text SQLite joins into a
 * longer value on the export's hot path (db/export/batches.ts). The same rules: the
 * formula guard on the first character, then quotes where the text has a quote, comma, CR or LF.
 * instr, not GLOB, because GLOB stops at a NUL character. lib/csv.test.ts holds the two equal.
 */
export function csvCellSql(column: string): string {
  const guarded = `CASE WHEN unicode(${column}) IN (61, 43, 45, 64, 9, 13) THEN '''' || ${column} ELSE ${column} END`;
  const needsQuotes = `instr(${column}, '"') OR instr(${column}, ',') OR instr(${column}, char(13)) OR instr(${column}, char(10))`;
  return `CASE WHEN ${column} IS NULL THEN '' WHEN ${needsQuotes} THEN '"' || replace(${guarded}, '"', '""') || '"' ELSE ${guarded} END`;
}

/** One record, without its line end. */
export function csvLine(cells: CsvCell[]): string {
  let line = csvCell(cells[0]);
  for (let i = 1; i < cells.length; i++) line += `,${csvCell(cells[i])}`;
  return line;
}

/**
 * A CSV as a byte stream, pulled in chunks of rows from an iterator: only one chunk is held in
 * memory at a time, and nothing is read before the client asks for it. `onClose` runs when the
 * stream ends or the client goes away (to close a database cursor).
 */
export function csvStream(
  header: string[],
  rows: Iterator<CsvCell[]>,
  options: { bom?: boolean; chunkRows?: number; onClose?: () => void } = {},
): ReadableStream<Uint8Array> {
  const lines: Iterator<string> = {
    next: () => {
      const next = rows.next();
      return next.done ? { done: true, value: undefined } : { done: false, value: csvLine(next.value) };
    },
    return: (value?: unknown) => {
      rows.return?.(value);
      return { done: true, value: undefined };
    },
  };
  return csvLinesStream(header, lines, options);
}

/** The same from records already written as CSV (csvLine), one string a record. */
export function csvLinesStream(
  header: string[],
  lines: Iterator<string>,
  options: { bom?: boolean; chunkRows?: number; onClose?: () => void } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunkRows = options.chunkRows ?? 2000;
  let closed = false;
  const finish = () => {
    if (!closed) {
      closed = true;
      options.onClose?.();
    }
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(toCsv(header, [], { bom: options.bom })));
    },
    pull(controller) {
      try {
        let chunk = '';
        let n = 0;
        for (let next = lines.next(); !next.done; next = lines.next()) {
          chunk += `${next.value}\r\n`;
          if (++n >= chunkRows) break;
        }
        if (n) controller.enqueue(encoder.encode(chunk));
        if (n < chunkRows) {
          finish();
          controller.close();
        }
      } catch (error) {
        finish();
        controller.error(error);
      }
    },
    cancel() {
      lines.return?.();
      finish();
    },
  });
}
