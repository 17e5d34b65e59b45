// Loads the curated dataset (seed/*.csv, read from the working folder) into the database,
// idempotently and atomically: everything is validated before anything is written, the whole
// load is one transaction, and running it again finds every row already present and changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { AppDatabase } from './client';
import { ADDITIVITY, DATE_PRECISIONS, METRIC_CATEGORIES, UNITS } from '../lib/vocabulary';
import type { NumberLabel } from '../lib/data-quality';
import { figureRowSchema, occurrenceFactKey, type FigureRow } from '../lib/figure-row';
import { contentHash } from '../lib/report-text';
import { env } from '../lib/env';
import { SEED_ACTOR } from './mutations/audit';
import { figureWriter, type FigureValues } from './mutations/figure-writer';

export const SEED_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'seed');
// The board reports themselves live outside the project (../shared/reports). When they are
// there, the loader stores each report's full text so the sources page can show it.
export const DEFAULT_REPORTS_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), '../shared/reports');

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const optional = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : s));

const boardRow = z.object({ slug, name: z.string().trim().min(1), description: optional });
const metricRow = z.object({
  slug,
  name: z.string().trim().min(1),
  unit: z.enum(UNITS),
  category: z.enum(METRIC_CATEGORIES),
  additivity: z.enum(ADDITIVITY),
  definition: z.string().trim().min(1),
});
const programmeRow = z.object({ slug, name: z.string().trim().min(1), board: z.string().trim().min(1), theme: optional });
const sourceRow = z.object({
  file_name: z.string().trim().min(1),
  title: z.string().trim().min(1),
  document_date: isoDate,
  date_precision: z.enum(DATE_PRECISIONS),
  meeting_board: optional,
  meeting_date: z.union([z.literal('').transform(() => null), isoDate]),
  // The months the report gives an account of (docs/decisions/0006).
  covers_from: z.union([z.literal('').transform(() => null), isoDate]).optional().transform((v) => v ?? null),
  covers_to: z.union([z.literal('').transform(() => null), isoDate]).optional().transform((v) => v ?? null),
});

export class SeedError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The seed data has ${problems.length} problem(s):\n${problems.slice(0, 50).join('\n')}`);
    this.name = 'SeedError';
  }
}

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
}

function parseAll<T extends z.ZodType>(
  schema: T,
  rows: Record<string, string>[],
  label: string,
  problems: string[],
): (z.output<T> & { row: number })[] {
  const out: (z.output<T> & { row: number })[] = [];
  rows.forEach((row, i) => {
    const parsed = schema.safeParse(row);
    // row: the CSV row number (the header is row 1), so problems can point at it.
    if (parsed.success) out.push({ ...(parsed.data as object), row: i + 2 } as z.output<T> & { row: number });
    else
      for (const issue of parsed.error.issues)
        problems.push(`${label} row ${i + 2}, ${issue.path.join('.') || 'row'}: ${issue.message}`);
  });
  return out;
}

export interface SeedDataset {
  boards: z.output<typeof boardRow>[];
  metrics: z.output<typeof metricRow>[];
  programmes: z.output<typeof programmeRow>[];
  sources: z.output<typeof sourceRow>[];
  figures: (FigureRow & { row: number })[];
}

/** Reads and validates the seed CSVs, cross-checking names; throws SeedError listing every problem. */
export function readSeedDataset(dir: string = SEED_DIR): SeedDataset {
  const problems: string[] = [];
  const boards = parseAll(boardRow, readCsv(path.join(dir, 'boards.csv')), 'boards.csv', problems);
  const metrics = parseAll(metricRow, readCsv(path.join(dir, 'metrics.csv')), 'metrics.csv', problems);
  const programmes = parseAll(programmeRow, readCsv(path.join(dir, 'programmes.csv')), 'programmes.csv', problems);
  const sources = parseAll(sourceRow, readCsv(path.join(dir, 'sources.csv')), 'sources.csv', problems);
  const figures = parseAll(figureRowSchema, readCsv(path.join(dir, 'figures.csv')), 'figures.csv', problems);

  const boardNames = new Set(boards.map((b) => b.name));
  const programmeBoard = new Map(programmes.map((p) => [p.name, p.board]));
  const metricUnit = new Map(metrics.map((m) => [m.name, m.unit]));
  const sourceFiles = new Set(sources.map((s) => s.file_name));
  programmes.forEach((p) => {
    if (!boardNames.has(p.board)) problems.push(`programmes.csv row ${p.row}: unknown board "${p.board}"`);
  });
  sources.forEach((s) => {
    if (s.meeting_board && !boardNames.has(s.meeting_board))
      problems.push(`sources.csv row ${s.row}: unknown meeting board "${s.meeting_board}"`);
  });
  figures.forEach((f) => {
    const where = `figures.csv row ${f.row}`;
    if (!sourceFiles.has(f.source_file)) problems.push(`${where}: unknown source file "${f.source_file}"`);
    const board = programmeBoard.get(f.programme);
    if (board === undefined) problems.push(`${where}: unknown programme "${f.programme}"`);
    else if (board !== f.board)
      problems.push(`${where}: programme "${f.programme}" belongs to "${board}", not "${f.board}"`);
    const unit = metricUnit.get(f.metric);
    if (unit === undefined) problems.push(`${where}: unknown metric "${f.metric}"`);
    else if (unit !== f.unit) problems.push(`${where}: metric "${f.metric}" is measured in ${unit}, not ${f.unit}`);
    if (f.part_of !== null && !totalOf(figures, f))
      problems.push(`${where}: part_of ${f.part_of} names no figure of ${f.programme} with that value (and no part_of of its own) on line ${f.line} of ${f.source_file}`);
  });
  sources.forEach((s) => {
    if ((s.covers_from === null) !== (s.covers_to === null) || (s.covers_from && s.covers_to && s.covers_from > s.covers_to))
      problems.push(`sources.csv row ${s.row}: covers_from and covers_to go together, the first on or before the second`);
  });
  if (problems.length) throw new SeedError(problems);
  return { boards, metrics, programmes, sources, figures };
}

export interface SeedResult {
  observationsCreated: number;
  sourcesLinked: number;
  observations: number;
  sources: number;
  occurrences: number;
}

/**
 * The total a part (a breakdown, part_of) belongs to: the figure of the same programme, source and
 * line whose value is the part's part_of, itself not a part.
 */
export function totalOf<F extends FigureRow>(figures: F[], part: FigureRow): F | undefined {
  return figures.find(
    (f) => f !== part && f.part_of === null && f.source_file === part.source_file && f.line === part.line && f.programme === part.programme && f.value === part.part_of,
  );
}

/** Groups figure occurrences into facts: one fact, one observation (docs/decisions/0002). */
export function groupFacts(figures: FigureRow[]): FigureRow[][] {
  const groups = new Map<string, FigureRow[]>();
  for (const f of figures) {
    const key = occurrenceFactKey(f);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()];
}

function mergedNote(group: FigureRow[]): string | null {
  const notes = [...new Set(group.map((f) => f.note).filter((n): n is string => !!n))];
  return notes.length ? notes.join(' / ') : null;
}

export function loadSeed(
  db: AppDatabase,
  options: { dir?: string; reportsDir?: string; dataset?: SeedDataset } = {},
): SeedResult {
  const data = options.dataset ?? readSeedDataset(options.dir);
  const reportsDir = options.reportsDir ?? env().REPORTS_DIR ?? DEFAULT_REPORTS_DIR;
  const sqlite = db.$client;
  let observationsCreated = 0;
  let sourcesLinked = 0;

  const run = sqlite.transaction(() => {
    const upsertBoard = sqlite.prepare(
      'INSERT INTO boards (slug, name, description) VALUES (?, ?, ?) ON CONFLICT (slug) DO NOTHING',
    );
    for (const b of data.boards) upsertBoard.run(b.slug, b.name, b.description);
    const boardId = new Map(
      (sqlite.prepare('SELECT id, name FROM boards').all() as { id: number; name: string }[]).map((r) => [r.name, r.id]),
    );

    const upsertMetric = sqlite.prepare(
      `INSERT INTO metrics (slug, name, unit, category, definition, additivity)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (slug) DO NOTHING`,
    );
    for (const m of data.metrics)
      upsertMetric.run(m.slug, m.name, m.unit, m.category, m.definition, m.additivity);
    const metricId = new Map(
      (sqlite.prepare('SELECT id, name FROM metrics').all() as { id: number; name: string }[]).map((r) => [r.name, r.id]),
    );

    const upsertProgramme = sqlite.prepare(
      'INSERT INTO programmes (slug, name, board_id, theme) VALUES (?, ?, ?, ?) ON CONFLICT (slug) DO NOTHING',
    );
    for (const p of data.programmes) upsertProgramme.run(p.slug, p.name, boardId.get(p.board), p.theme);
    const programmeId = new Map(
      (sqlite.prepare('SELECT id, name FROM programmes').all() as { id: number; name: string }[]).map((r) => [
        r.name,
        r.id,
      ]),
    );

    const upsertSource = sqlite.prepare(
      `INSERT INTO sources (title, document_date, date_precision, meeting_board_id, meeting_date, file_name, covers_from, covers_to)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (file_name) DO NOTHING`,
    );
    const fillText = sqlite.prepare(
      'UPDATE sources SET text = ?, content_hash = ? WHERE file_name = ? AND text IS NULL',
    );
    for (const s of data.sources) {
      upsertSource.run(
        s.title,
        s.document_date,
        s.date_precision,
        s.meeting_board ? boardId.get(s.meeting_board) : null,
        s.meeting_date,
        s.file_name,
        s.covers_from,
        s.covers_to,
      );
      const file = path.join(/*turbopackIgnore: true*/ reportsDir, s.file_name);
      if (fs.existsSync(file)) {
        const text = fs.readFileSync(file, 'utf8');
        fillText.run(text, contentHash(text), s.file_name);
      }
    }
    const sourceId = new Map(
      (sqlite.prepare('SELECT id, file_name FROM sources WHERE file_name IS NOT NULL').all() as {
        id: number;
        file_name: string;
      }[]).map((r) => [r.file_name, r.id]),
    );

    const figures = figureWriter(sqlite, SEED_ACTOR);
    const reason = 'Loaded from the curated seed dataset';

    // Totals before their parts, so that a part can name its total's id.
    const groups = groupFacts(data.figures).sort((a, b) => Number(a[0]!.part_of !== null) - Number(b[0]!.part_of !== null));
    const idOfOccurrence = new Map<FigureRow, number>();
    for (const group of groups) {
      const f = group[0]!;
      const pid = programmeId.get(f.programme)!;
      const mid = metricId.get(f.metric)!;
      const total = f.part_of === null ? null : idOfOccurrence.get(totalOf(data.figures, f)!)!;
      const values: FigureValues = {
        programmeId: pid,
        metricId: mid,
        value: f.value,
        upper: f.upper,
        qualifier: f.qualifier,
        basis: f.basis,
        periodStart: f.period_start,
        periodEnd: f.period_end,
        datePrecision: f.date_precision,
        note: mergedNote(group),
        partOfId: total,
      };
      // A fact already loaded is found by its key and its first citation, so that two distinct
      // facts that look alike, each cited at its own line, are each found again.
      let id = figures.findFact(values, { sourceId: sourceId.get(f.source_file)!, line: f.line });
      if (id === null) {
        id = figures.add(values, reason).id;
        observationsCreated += 1;
      }
      for (const occurrence of group) {
        idOfOccurrence.set(occurrence, id);
        const sid = sourceId.get(occurrence.source_file)!;
        if (figures.cite(id, { sourceId: sid, line: occurrence.line, evidence: occurrence.evidence }, reason)) sourcesLinked += 1;
      }
    }
  });
  run.immediate();

  const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  return {
    observationsCreated,
    sourcesLinked,
    observations: count('SELECT count(*) AS n FROM observations WHERE deleted_at IS NULL'),
    sources: count('SELECT count(*) AS n FROM sources'),
    occurrences: count('SELECT count(*) AS n FROM observation_sources'),
  };
}

/** True when the database has never been seeded (no boards at all). */
export function isEmpty(db: AppDatabase): boolean {
  return (db.$client.prepare('SELECT count(*) AS n FROM boards').get() as { n: number }).n === 0;
}

const numberLabelRow = z.object({
  file: z.string().min(1),
  line: z.coerce.number().int().min(1),
  value: z.coerce.number(),
  include: z.enum(['yes', 'no']).transform((v) => v === 'yes'),
});

/**
 * Every number mention in the five reports, labelled by the conventions of ../shared/LABELLING.md:
 * whether a careful reader would store it as a figure. npm run data:check holds the dataset to it.
 */
export function readNumberLabels(dir: string = SEED_DIR): NumberLabel[] {
  const problems: string[] = [];
  const labels = parseAll(numberLabelRow, readCsv(path.join(dir, 'number-labels.csv')), 'number-labels.csv', problems);
  if (problems.length) throw new SeedError(problems);
  return labels;
}
