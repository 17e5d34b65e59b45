// Reading officers' CSV files into figure rows. The format is the seed/export one (lib/figure-row),
// read tolerantly because the files come from spreadsheets: any column order, any header case,
// a BOM, ';' separators and decimal commas from European Excel, "£1,200" values, UK dates.
// Everything here is pure; db/mutations/csv-import.ts compares the rows with the database.
import { isValid, parse as parseDate } from 'date-fns';
import { z } from 'zod';
import { BASES, DATE_PRECISIONS, QUALIFIERS, UNITS, type Basis, type DatePrecision, type Qualifier } from './vocabulary';
import { checkRange, FIGURE_COLUMNS, RANGE_WORDS } from './figure-row';
import { daySchema } from './dates';
import { figureNumber, optionalFigureNumber } from './figure-value';

/** The columns an import understands: the figure format plus the export's figure and total ids. */
export const IMPORT_COLUMNS = [...FIGURE_COLUMNS, 'observation_id', 'part_of_observation_id', 'version'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Without these a file cannot say what a figure is; the rest have defaults or are derived. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['programme', 'metric', 'value', 'qualifier', 'basis', 'period_end'];

// Headings people write for our columns, after lower-casing and turning spaces into "_".
const HEADER_ALIASES: Record<string, ImportColumn> = {
  source: 'source_file',
  source_file_name: 'source_file',
  file: 'source_file',
  line_number: 'line',
  sentence: 'evidence',
  quote: 'evidence',
  programme_name: 'programme',
  program: 'programme',
  metric_name: 'metric',
  amount: 'value',
  figure: 'value',
  start: 'period_start',
  period_from: 'period_start',
  end: 'period_end',
  period_to: 'period_end',
  date: 'period_end',
  as_of: 'period_end',
  precision: 'date_precision',
  notes: 'note',
  comment: 'note',
  id: 'observation_id',
  upper_value: 'upper',
  to: 'upper',
  maximum_value: 'upper',
  part_of_id: 'part_of_observation_id',
};

export function normaliseHeader(heading: string): ImportColumn | null {
  const key = heading
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
  if ((IMPORT_COLUMNS as readonly string[]).includes(key)) return key as ImportColumn;
  return HEADER_ALIASES[key] ?? null;
}

/** The separator of a file, read from its header line: ';' files come from European Excel. */
export function sniffDelimiter(headerLine: string): ',' | ';' | '\t' {
  const count = (ch: string) => headerLine.split(ch).length - 1;
  const candidates: [',' | ';' | '\t', number][] = [
    [',', count(',')],
    [';', count(';')],
    ['\t', count('\t')],
  ];
  return candidates.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * "£1,200", "1 200", "14.000,5" (decimal comma) → "1200" / "14000.5". Returns the text
 * unchanged when it is not a number, so the schema can say what is wrong with it.
 */
export function normaliseNumber(raw: string, decimalComma: boolean): string {
  const s = raw.trim().replace(/^£\s*/, '').replace(/[\s\u00a0\u202f]/g, '');
  if (decimalComma) {
    if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return s.replace(/\./g, '').replace(',', '.');
    if (/^\d+,\d+$/.test(s)) return s.replace(',', '.');
    return s;
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return s.replace(/,/g, '');
  return s;
}

const DATE_FORMATS = ['yyyy-MM-dd', 'dd/MM/yyyy', 'd/M/yyyy', 'dd.MM.yyyy', 'd.M.yyyy', 'dd-MM-yyyy'];

/** "31/03/2021" (UK day first) or "2021-03-31" → "2021-03-31"; anything else unchanged. */
export function normaliseDate(raw: string): string {
  const s = raw.trim();
  if (s === '') return s;
  for (const format of DATE_FORMATS) {
    const d = parseDate(s, format, new Date(2000, 0, 1));
    // date-fns accepts "31/02/2021" as 3 March; keep only dates that read back the same.
    if (isValid(d) && d.getFullYear() >= 1900 && d.getFullYear() <= 2200) {
      const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      return iso;
    }
  }
  return s;
}

// Labels people type for the coded values, mapped to the codes.
const QUALIFIER_WORDS: Record<string, Qualifier> = {
  exact: 'exact', exactly: 'exact', '=': 'exact', '': 'exact',
  at_least: 'at_least', 'at least': 'at_least', over: 'at_least', 'more than': 'at_least', '+': 'at_least', '>=': 'at_least', minimum: 'at_least',
  at_most: 'at_most', 'at most': 'at_most', 'up to': 'at_most', under: 'at_most', '<=': 'at_most', maximum: 'at_most',
  approx: 'approx', approximately: 'approx', about: 'approx', around: 'approx', '~': 'approx', circa: 'approx',
};
const RANGE_QUALIFIER_WORDS: Record<string, string> = { range: 'range', between: 'range' };
const BASIS_WORDS: Record<string, Basis> = {
  period: 'period', 'in period': 'period', 'in-period': 'period',
  cumulative: 'cumulative', 'running total': 'cumulative', 'to date': 'cumulative',
  planned: 'planned', plan: 'planned',
};

const QUALIFIER_MESSAGE = 'Qualifier must be one of exact, at least, at most, approximately, or range (with an upper value)';
const BASIS_MESSAGE = 'Basis must be one of period, running total (cumulative), planned';

const code = <T extends string>(words: Record<string, T>, codes: readonly T[]) => (raw: string) => {
  const s = raw.trim().toLowerCase().replace(/_/g, ' ');
  return (codes as readonly string[]).includes(raw.trim()) ? raw.trim() : (words[s] ?? words[s.replace(/ /g, '_')] ?? raw);
};

const isoDate = (label: string) =>
  daySchema({
    format: `${label} must be a date such as 31/03/2021 or 2021-03-31`,
    notReal: `${label} is not a real calendar date`,
    outside: `${label} must fall between 2000 and 2100`,
  });

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s));

/** One imported row after normalising. Names, not ids: the database resolves them. */
export const importRowSchema = z
  .object({
    source_file: optionalText,
    line: z.union([z.literal('').transform(() => null), z.coerce.number().int('Line must be a whole number').min(1, 'Line must be 1 or more')]),
    evidence: optionalText.pipe(z.string().max(4000, 'Evidence must be under 4,000 characters').nullable()),
    board: optionalText,
    programme: z.string().trim().min(1, 'Programme is required'),
    metric: z.string().trim().min(1, 'Metric is required'),
    unit: z.union([z.literal('').transform(() => null), z.enum(UNITS, { error: `Unit must be one of ${UNITS.join(', ')}` })]),
    value: z
      .string()
      .trim()
      .min(1, 'Value is required')
      .pipe(figureNumber('Value must be a number such as 1153 or £14,000 (put “over” in the qualifier column)')),
    upper: optionalFigureNumber('Upper must be a number such as 30, the top of a range such as 20-30'),
    qualifier: z.enum([...QUALIFIERS, ...RANGE_WORDS], { error: QUALIFIER_MESSAGE }),
    basis: z.enum(BASES, { error: BASIS_MESSAGE }),
    period_start: z.union([z.literal('').transform(() => null), isoDate('Period start').transform((s) => s as string | null)]),
    period_end: z.string().min(1, 'Period end is required').pipe(isoDate('Period end')),
    date_precision: z.union([z.literal('').transform(() => 'day' as DatePrecision), z.enum(DATE_PRECISIONS, { error: 'Date precision must be one of day, month, year' })]),
    note: optionalText.pipe(z.string().max(2000, 'Note must be under 2,000 characters').nullable()),
    observation_id: z.union([z.literal('').transform(() => null), z.coerce.number().int('Observation id must be a whole number').positive('Observation id must be a whole number')]),
    // A breakdown: the total's value (a figure of the same programme, source and line), or its id.
    part_of: optionalFigureNumber('Part of must be the value of the total this figure is part of, such as 171'),
    part_of_observation_id: z.union([
      z.literal('').transform(() => null),
      z.coerce.number().int('Part of observation id must be a whole number').positive('Part of observation id must be a whole number'),
    ]),
    // The version of the figure the file was exported at (the export's version column): a row
    // changing a figure that has changed since is refused, so an old file cannot undo a correction.
    version: z.union([z.literal('').transform(() => null), z.coerce.number().int('Version must be a whole number').positive('Version must be a whole number')]),
  })
  .superRefine((r, ctx) => {
    checkRange(r, ctx);
    if (r.period_start !== null && r.period_start > r.period_end)
      ctx.addIssue({ code: 'custom', path: ['period_end'], message: 'Period end must be on or after period start' });
    if (r.source_file !== null && r.evidence === null)
      ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'Evidence is required when a source file is named: copy the sentence the figure comes from' });
  })
  .transform((r) => ({ ...r, qualifier: (RANGE_WORDS as readonly string[]).includes(r.qualifier) ? ('exact' as const) : (r.qualifier as Qualifier) }));

export type ImportRow = z.output<typeof importRowSchema>;

export interface RowProblem {
  /** The CSV line the record starts on (the header is line 1). */
  row: number;
  column: string | null;
  message: string;
}

export interface HeaderMap {
  /** Column index → our column, or null for a column we do not use. */
  columns: (ImportColumn | null)[];
  ignored: string[];
  missing: ImportColumn[];
}

export function mapHeader(headings: string[]): HeaderMap {
  const columns = headings.map(normaliseHeader);
  const seen = new Set(columns.filter((c): c is ImportColumn => c !== null));
  return {
    columns,
    ignored: headings.filter((_, i) => columns[i] === null).map((h) => h.trim()).filter(Boolean),
    missing: REQUIRED_COLUMNS.filter((c) => !seen.has(c)),
  };
}

/** Normalises and validates one record; returns the row or its problems (one per column). */
export function readImportRecord(
  record: string[],
  header: HeaderMap,
  row: number,
  decimalComma: boolean,
): { ok: true; value: ImportRow } | { ok: false; problems: RowProblem[] } {
  // A NUL character is not text (a binary file, or one damaged): the row is refused, not stored.
  const nul = record.findIndex((cell) => cell.includes('\u0000'));
  if (nul >= 0) return { ok: false, problems: [{ row, column: header.columns[nul] ?? null, message: 'This row has a NUL character in it, which is not text: is the file damaged?' }] };
  const raw: Record<string, string> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, '']));
  header.columns.forEach((column, i) => {
    if (column) raw[column] = record[i] ?? '';
  });
  raw.value = normaliseNumber(raw.value!, decimalComma);
  raw.upper = normaliseNumber(raw.upper!, decimalComma);
  raw.part_of = normaliseNumber(raw.part_of!, decimalComma);
  raw.line = raw.line!.trim();
  raw.observation_id = raw.observation_id!.trim();
  raw.part_of_observation_id = raw.part_of_observation_id!.trim();
  raw.version = raw.version!.trim();
  raw.qualifier = RANGE_QUALIFIER_WORDS[raw.qualifier!.trim().toLowerCase()] ?? code(QUALIFIER_WORDS, QUALIFIERS)(raw.qualifier!);
  raw.basis = code(BASIS_WORDS, BASES)(raw.basis!);
  raw.unit = raw.unit!.trim();
  raw.date_precision = raw.date_precision!.trim().toLowerCase();
  raw.period_start = normaliseDate(raw.period_start!);
  raw.period_end = normaliseDate(raw.period_end!);
  const parsed = importRowSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems: RowProblem[] = [];
  const columnsDone = new Set<string>();
  for (const issue of parsed.error.issues) {
    const column = issue.path.length ? String(issue.path[0]) : null;
    if (column && columnsDone.has(column)) continue;
    if (column) columnsDone.add(column);
    problems.push({ row, column, message: issue.message });
  }
  return { ok: false, problems };
}

/** The dashboard's names an import row is checked against, keyed by lower-cased name and slug. */
export interface ImportReference {
  programmes: Map<string, { id: number; name: string; board: string; boardSlug: string }>;
  metrics: Map<string, { id: number; name: string; unit: string }>;
  sources: Map<string, { id: number }>;
}

export type ReferenceCheck =
  | {
      ok: true;
      programme: { id: number; name: string };
      metric: { id: number; name: string };
      /** The source the row cites, or null when it cites none (the upload is then its source). */
      sourceId: number | null;
    }
  | { ok: false; column: ImportColumn; message: string };

/**
 * Whether a row's programme, board, metric, unit and source are the dashboard's, and its value
 * fits its metric. Pure: the reference is read once per import (db/mutations/csv-import.ts).
 */
export function checkRowReference(r: ImportRow, ref: ImportReference): ReferenceCheck {
  const fail = (column: ImportColumn, message: string): ReferenceCheck => ({ ok: false, column, message });
  const programme = ref.programmes.get(r.programme.toLowerCase());
  if (!programme) return fail('programme', `Programme “${r.programme}” is not in the dashboard; add it first or check the spelling`);
  if (r.board && r.board.toLowerCase() !== programme.board.toLowerCase() && r.board.toLowerCase() !== programme.boardSlug)
    return fail('board', `Programme “${programme.name}” belongs to the ${programme.board}, not “${r.board}”`);
  const metric = ref.metrics.get(r.metric.toLowerCase());
  if (!metric) return fail('metric', `Metric “${r.metric}” is not in the dashboard; add it first or check the spelling`);
  if (r.unit && r.unit !== metric.unit) return fail('unit', `Metric “${metric.name}” is measured in ${metric.unit}, not ${r.unit}`);
  if (metric.unit === 'percent' && r.value > 100) return fail('value', 'A percentage cannot be more than 100');
  let sourceId: number | null = null;
  if (r.source_file) {
    const source = ref.sources.get(r.source_file.toLowerCase());
    if (!source) return fail('source_file', `Source “${r.source_file}” is not in the dashboard; add it first, or leave source_file empty to cite this upload`);
    sourceId = source.id;
  }
  return { ok: true, programme, metric, sourceId };
}

/** Decodes bytes as UTF-8, or as Windows-1252 when the start of the file is not valid UTF-8 (old Excel). */
export function decoderFor(firstChunk: Uint8Array): TextDecoder {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(firstChunk.subarray(0, Math.max(0, firstChunk.length - 4)));
    return new TextDecoder('utf-8');
  } catch {
    return new TextDecoder('windows-1252');
  }
}

/** Why the start of a file is not CSV text (a spreadsheet, or binary), or null when it may be. */
export function looksBinary(chunk: Uint8Array): string | null {
  if (chunk[0] === 0x50 && chunk[1] === 0x4b && chunk[2] === 0x03 && chunk[3] === 0x04) return 'This is a spreadsheet file, not CSV. In Excel choose File → Save As → CSV UTF-8, then upload that file.';
  if (chunk.subarray(0, 4096).includes(0)) return 'This file is not a CSV text file.';
  return null;
}
