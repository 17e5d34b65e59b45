// Boards, programmes, metrics and sources with the counts their index pages show.
// Counts come from the figure-count rollups (db/schema.ts), kept by triggers in the same
// transaction as every write, so these lists cost the same at a million figures as at a hundred.
import { and, between, count, countDistinct, desc, eq, isNull, max, ne, sql, sum } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { keptQuery } from '../statements';
import { bucketOf, bucketsBetween } from '../../lib/fiscal-periods';
import { FIRST_DAY, LAST_DAY } from '../../lib/fiscal-periods';
import { boards, figureCountsByMetric, figureCountsBySource, metrics, observations, programmes, sources } from '../schema';

const live = isNull(observations.deletedAt);

/** A programme's latest period end, from the live (programme, period end) index: one seek. */
const latestOfProgramme = sql<string | null>`(SELECT max(o.period_end) FROM ${observations} o WHERE o.programme_id = ${programmes.id} AND o.deleted_at IS NULL)`;

/** Live figures per programme, from the rollup. */
function figuresPerProgramme(db: AppDatabase) {
  return db
    .select({ programmeId: figureCountsByMetric.programmeId, figures: sum(figureCountsByMetric.figures).as('figures') })
    .from(figureCountsByMetric)
    .groupBy(figureCountsByMetric.programmeId)
    .as('programme_figures');
}

export interface BoardSummary {
  slug: string;
  name: string;
  description: string | null;
  programmes: number;
  figures: number;
  latest: string | null;
}

/** Every board, or only the one with `slug`. */
export function listBoards(db: AppDatabase, slug?: string): BoardSummary[] {
  const rows = keptQuery(db, slug === undefined ? 'listBoards' : 'listBoards:slug', () => {
    const counts = figuresPerProgramme(db);
    return db
      .select({
        slug: boards.slug,
        name: boards.name,
        description: boards.description,
        programmes: countDistinct(programmes.id),
        figures: sql<number>`coalesce(sum(${counts.figures}), 0)`.mapWith(Number),
        latest: sql<string | null>`max(${latestOfProgramme})`,
      })
      .from(boards)
      .leftJoin(programmes, eq(programmes.boardId, boards.id))
      .leftJoin(counts, eq(counts.programmeId, programmes.id))
      .where(slug === undefined ? undefined : eq(boards.slug, sql.placeholder('slug')))
      .groupBy(boards.id)
      .orderBy(boards.name)
      .prepare();
  }).values({ slug }) as [string, string, string | null, number, number, string | null][];
  // Rows as values, named by position (see listProgrammes).
  return rows.map(([slug, name, description, programmes, figures, latest]) => ({ slug, name, description, programmes, figures: Number(figures), latest }));
}

export function getBoard(db: AppDatabase, slug: string): BoardSummary | undefined {
  return listBoards(db, slug)[0];
}

export interface ProgrammeSummary {
  slug: string;
  name: string;
  theme: string | null;
  board: { slug: string; name: string };
  figures: number;
  latest: string | null;
}

/** Every programme, a board's programmes, or only the one with `slug`. */
export function listProgrammes(db: AppDatabase, only: { board?: string; slug?: string } = {}): ProgrammeSummary[] {
  const byBoard = only.board !== undefined;
  const bySlug = only.slug !== undefined;
  const rows = keptQuery(db, `listProgrammes:${byBoard}:${bySlug}`, () => {
    const counts = figuresPerProgramme(db);
    return db
      .select({
        slug: programmes.slug,
        name: programmes.name,
        theme: programmes.theme,
        boardSlug: boards.slug,
        boardName: boards.name,
        figures: sql<number>`coalesce(${counts.figures}, 0)`.mapWith(Number),
        latest: latestOfProgramme,
      })
      .from(programmes)
      .innerJoin(boards, eq(boards.id, programmes.boardId))
      .leftJoin(counts, eq(counts.programmeId, programmes.id))
      .where(and(byBoard ? eq(boards.slug, sql.placeholder('board')) : undefined, bySlug ? eq(programmes.slug, sql.placeholder('slug')) : undefined))
      .orderBy(programmes.name)
      .prepare();
    // Rows as arrays (.values()), in the order selected: drizzle's mapping of each row into an
    // object cost more than the query for the filter lists every page shows.
  }).values({ board: only.board, slug: only.slug }) as [string, string, string | null, string, string, number, string | null][];
  return rows.map(([slug, name, theme, boardSlug, boardName, figures, latest]) => ({ slug, name, theme, board: { slug: boardSlug, name: boardName }, figures: Number(figures), latest }));
}

export function getProgramme(db: AppDatabase, slug: string): ProgrammeSummary | undefined {
  return listProgrammes(db, { slug })[0];
}

export interface MetricSummary {
  slug: string;
  name: string;
  unit: 'count' | 'hours' | 'GBP' | 'percent';
  category: string;
  additivity: 'additive' | 'within_programme' | 'non_additive';
  definition: string;
  figures: number;
  programmes: number;
  /** The first and last period end of its live figures (null when it has none). */
  firstPeriodEnd: string | null;
  lastPeriodEnd: string | null;
}

/** Every metric, or only the one with `slug`. */
export function listMetrics(db: AppDatabase, slug?: string): MetricSummary[] {
  const rows = keptQuery(db, slug === undefined ? 'listMetrics' : 'listMetrics:slug', () =>
    db
      .select({
        slug: metrics.slug,
        name: metrics.name,
        unit: metrics.unit,
        category: metrics.category,
        additivity: metrics.additivity,
        definition: metrics.definition,
        figures: sql<number>`coalesce(sum(${figureCountsByMetric.figures}), 0)`.mapWith(Number),
        programmes: count(figureCountsByMetric.programmeId),
        // Two seeks each in the (metric, period end) index of live figures.
        first: sql<string | null>`(SELECT min(o.period_end) FROM observations o WHERE o.metric_id = ${metrics.id} AND o.deleted_at IS NULL)`,
        last: sql<string | null>`(SELECT max(o.period_end) FROM observations o WHERE o.metric_id = ${metrics.id} AND o.deleted_at IS NULL)`,
      })
      .from(metrics)
      .leftJoin(figureCountsByMetric, eq(figureCountsByMetric.metricId, metrics.id))
      .where(slug === undefined ? undefined : eq(metrics.slug, sql.placeholder('slug')))
      .groupBy(metrics.id)
      .orderBy(metrics.name)
      .prepare(),
  ).values({ slug }) as [string, string, MetricSummary['unit'], string, MetricSummary['additivity'], string, number, number, string | null, string | null][];
  // Rows as values, named by position (see listProgrammes).
  return rows.map(([slug, name, unit, category, additivity, definition, figures, programmes, firstPeriodEnd, lastPeriodEnd]) => ({
    slug,
    name,
    unit,
    category,
    additivity,
    definition,
    figures: Number(figures),
    programmes,
    firstPeriodEnd,
    lastPeriodEnd,
  }));
}

export interface MetricCatalogueEntry {
  /** The programmes that report it, most figures first. */
  programmes: { slug: string; name: string; board: string; figures: number }[];
  /** The financial quarters from its first figure to its last, and how many of them have a figure. */
  quarters: { first: string; last: string; span: number; withFigures: number } | null;
}

/** What the metric catalogue says of one metric beyond its summary: who reports it, and when. */
export function getMetricCatalogue(db: AppDatabase, metricSlug: string): MetricCatalogueEntry {
  const sqlite = db.$client;
  const programmes = sqlite
    .prepare(
      `SELECT p.slug, p.name, b.name AS board, c.figures FROM figure_counts_by_metric c JOIN metrics m ON m.id = c.metric_id
       JOIN programmes p ON p.id = c.programme_id JOIN boards b ON b.id = p.board_id WHERE m.slug = ? AND c.figures > 0 ORDER BY c.figures DESC, p.name`,
    )
    .all(metricSlug) as MetricCatalogueEntry['programmes'];
  // The months with live figures, from the (metric, period end) index, then their quarters.
  const months = sqlite
    .prepare(`SELECT DISTINCT substr(o.period_end, 1, 7) FROM observations o JOIN metrics m ON m.id = o.metric_id WHERE m.slug = ? AND o.deleted_at IS NULL`)
    .pluck()
    .all(metricSlug) as string[];
  const quarters = [...new Set(months.map((m) => bucketOf(`${m}-01`, 'quarter').token))];
  if (!months.length) return { programmes, quarters: null };
  const sorted = [...months].sort();
  const span = bucketsBetween(`${sorted[0]}-01`, `${sorted.at(-1)}-01`, 'quarter');
  return { programmes, quarters: { first: span[0]!.label, last: span.at(-1)!.label, span: span.length, withFigures: quarters.length } };
}

export function getMetric(db: AppDatabase, slug: string): MetricSummary | undefined {
  return listMetrics(db, slug)[0];
}

/** The latest date any delivered figure (not a plan) covers: the anchor for default periods. */
export function getLatestFigureDate(db: AppDatabase): string | null {
  const row = keptQuery(db, 'getLatestFigureDate', () =>
    db
        .select({ latest: max(observations.periodEnd) })
        .from(observations)
        // Only days the dashboard holds: an absurd stored date must not become every page's default.
        .where(and(live, ne(observations.basis, 'planned'), between(observations.periodEnd, FIRST_DAY, LAST_DAY)))
        .prepare(),
    ).get();
    return row?.latest ?? null;
  }

  export interface SourceSummary {
    id: number;
    title: string;
    documentDate: string;
    datePrecision: 'day' | 'month' | 'year';
    fileName: string | null;
    figures: number;
    hasText: boolean;
  }

  /** Every source, or only the one with `id`. */
  export function listSources(db: AppDatabase, id?: number): SourceSummary[] {
    return db
      .select({
        id: sources.id,
        title: sources.title,
        documentDate: sources.documentDate,
        datePrecision: sources.datePrecision,
        fileName: sources.fileName,
        // Live figures only (a deleted figure is not one of the report's figures any more), from
        // the rollup the triggers keep: counting a million links took two seconds.
        figures: sql<number>`coalesce(${figureCountsBySource.figures}, 0)`,
        hasText: sql<number>`${sources.text} IS NOT NULL`.mapWith(Boolean),
      })
      .from(sources)
      .leftJoin(figureCountsBySource, eq(figureCountsBySource.sourceId, sources.id))
      .where(id === undefined ? undefined : eq(sources.id, id))
      .orderBy(desc(sources.documentDate), sources.title)
      .all();
  }

  export interface SourceDetail extends SourceSummary {
    text: string | null;
    meetingDate: string | null;
    meetingBoard: string | null;
    /** The months the report gives an account of, where it says. */
    covers: { from: string; to: string } | null;
  }

  export function getSource(db: AppDatabase, id: number): SourceDetail | undefined {
    const summary = listSources(db, id)[0];
    if (!summary) return undefined;
    const row = db
      .select({ text: sources.text, meetingDate: sources.meetingDate, meetingBoard: boards.name, coversFrom: sources.coversFrom, coversTo: sources.coversTo })
      .from(sources)
      .leftJoin(boards, eq(boards.id, sources.meetingBoardId))
      .where(eq(sources.id, id))
      .get();
    return {
      ...summary,
      text: row?.text ?? null,
      meetingDate: row?.meetingDate ?? null,
      meetingBoard: row?.meetingBoard ?? null,
      covers: row?.coversFrom && row.coversTo ? { from: row.coversFrom, to: row.coversTo } : null,
    };
  }

  /** Names by id, to show programmes and metrics in a figure's history in words. */
  export function getNamesById(db: AppDatabase): { programme: Map<number, string>; metric: Map<number, string> } {
    const read = (table: 'programmes' | 'metrics') =>
      new Map((db.$client.prepare(`SELECT id, name FROM ${table}`).all() as { id: number; name: string }[]).map((r) => [r.id, r.name]));
    return { programme: read('programmes'), metric: read('metrics') };
  }

/** The slugs among those given that name no board, programme or metric: a link may be old or mistyped. */
export function findUnknownSlugs(db: AppDatabase, wanted: { boards?: string[]; programmes?: string[]; metrics?: string[] }) {
  const unknown = (table: 'boards' | 'programmes' | 'metrics', slugs: string[] = []) =>
    slugs.length
      ? (db.$client.prepare(`SELECT value FROM json_each(?) WHERE value NOT IN (SELECT slug FROM ${table})`).pluck().all(JSON.stringify(slugs)) as string[])
      : [];
  return { boards: unknown('boards', wanted.boards), programmes: unknown('programmes', wanted.programmes), metrics: unknown('metrics', wanted.metrics) };
}

export interface TextlessSource {
  id: number;
  title: string;
  documentDate: string;
  datePrecision: string;
  fileName: string | null;
}

/** Sources registered without their text (by the seed or "Add a source"), newest first: a report import can give them it. */
export function listSourcesWithoutText(db: AppDatabase): TextlessSource[] {
  return db.$client
    .prepare('SELECT id, title, document_date AS documentDate, date_precision AS datePrecision, file_name AS fileName FROM sources WHERE text IS NULL ORDER BY document_date DESC')
    .all() as TextlessSource[];
}

/** The retired ones of a kind (hidden from the pickers of new figures; db/mutations/reference-edit.ts). */
export function retiredSlugs(db: AppDatabase, kind: 'programme' | 'metric'): Set<string> {
  return new Set(db.$client.prepare(`SELECT slug FROM ${kind === 'programme' ? 'programmes' : 'metrics'} WHERE retired_at IS NOT NULL`).pluck().all() as string[]);
}
