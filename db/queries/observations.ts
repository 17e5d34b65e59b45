import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { figureConditions, figureOrderBy, searchConditions } from './figure-filters';
import { pairsSql } from './figure-pairs';
import { type FigureFilters, type FigureSearch } from '../../lib/filters';
import type { FigureOrder } from '../../lib/figure-search';
import { keptQuery, rawStatement } from '../statements';
import type { AppDatabase } from '../client';
import { boards, metrics, observationSources, observations, programmes, sources } from '../schema';
import type { Basis, DatePrecision, Qualifier, Unit } from '../../lib/vocabulary';

export interface ObservationSourceRef {
  sourceId: number;
  title: string;
  documentDate: string;
  fileName: string | null;
  line: number | null;
  evidence: string;
}

export interface ObservationRow {
  id: number;
  value: number;
  /** The top of a range ("20–30"), or null. */
  upper: number | null;
  qualifier: Qualifier;
  basis: Basis;
  periodStart: string | null;
  periodEnd: string;
  datePrecision: DatePrecision;
  note: string | null;
  programme: { slug: string; name: string };
  board: { slug: string; name: string };
  metric: { slug: string; name: string; unit: Unit };
  sources: ObservationSourceRef[];
  /** The figure this one is a breakdown of, or null. */
  partOf: number | null;
}

/** Sources of each observation, in document order, keyed by observation id. */
export function listSourcesFor(db: AppDatabase, ids: number[]): Map<number, ObservationSourceRef[]> {
  const bySource = new Map<number, ObservationSourceRef[]>();
  if (!ids.length) return bySource;
  // One statement, prepared once, whatever the number of ids: they travel as one JSON array
  // (a list of 500 placeholders cost more to build and prepare on every page than to run).
  // Rows are read as values, named by position here: drizzle's mapping into objects cost more.
  const rows = keptQuery(db, 'listSourcesFor', () =>
    db
      .select({
        observationId: observationSources.observationId,
        sourceId: sources.id,
        title: sources.title,
        documentDate: sources.documentDate,
        fileName: sources.fileName,
        line: observationSources.line,
        evidence: observationSources.evidence,
      })
      .from(observationSources)
      .innerJoin(sources, eq(sources.id, observationSources.sourceId))
      .where(sql`${observationSources.observationId} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`)
      .orderBy(sources.documentDate, observationSources.line)
      .prepare(),
  ).values({ ids: JSON.stringify(ids) }) as [number, number, string, string, string | null, number | null, string][];
  for (const [observationId, sourceId, title, documentDate, fileName, line, evidence] of rows) {
    const ref = { sourceId, title, documentDate, fileName, line, evidence };
    const list = bySource.get(observationId);
    if (list) list.push(ref);
    else bySource.set(observationId, [ref]);
  }
  return bySource;
}

// The columns and joins every figure listing needs: the figure, its programme, board and metric.
const OBSERVATION_COLUMNS = {
      id: observations.id,
      value: observations.value,
      upper: observations.upperValue,
      qualifier: observations.qualifier,
      basis: observations.basis,
      periodStart: observations.periodStart,
      periodEnd: observations.periodEnd,
      datePrecision: observations.datePrecision,
      note: observations.note,
      programmeSlug: programmes.slug,
      programmeName: programmes.name,
      boardSlug: boards.slug,
      boardName: boards.name,
      metricSlug: metrics.slug,
      metricName: metrics.name,
      unit: metrics.unit,
      partOf: observations.partOfId,
};

function selectObservationRows<E extends Record<string, SQLiteColumn>>(db: AppDatabase, extra?: E) {
  return db
    .select({ ...OBSERVATION_COLUMNS, ...(extra ?? ({} as E)) })
    .from(observations)
    .innerJoin(programmes, eq(programmes.id, observations.programmeId))
    .innerJoin(boards, eq(boards.id, programmes.boardId))
    .innerJoin(metrics, eq(metrics.id, observations.metricId))
    .$dynamic();
}

type FlatRow = Omit<ObservationRow, 'programme' | 'board' | 'metric' | 'sources'> & {
  programmeSlug: string;
  programmeName: string;
  boardSlug: string;
  boardName: string;
  metricSlug: string;
  metricName: string;
  unit: Unit;
};

function toObservationRow(r: FlatRow, sources: ObservationSourceRef[]): ObservationRow {
  return {
    id: r.id,
    value: r.value,
    upper: r.upper,
    partOf: r.partOf,
    qualifier: r.qualifier,
    basis: r.basis,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    datePrecision: r.datePrecision,
    note: r.note,
    programme: { slug: r.programmeSlug, name: r.programmeName },
    board: { slug: r.boardSlug, name: r.boardName },
    metric: { slug: r.metricSlug, name: r.metricName, unit: r.unit },
    sources,
  };
}

// A row of OBSERVATION_COLUMNS as values, in their order: the figures tables read 500 rows a page,
// and drizzle's mapping of each into an object cost more than reading them.
type ValuesRow = [
  id: number,
  value: number,
  upper: number | null,
  qualifier: Qualifier,
  basis: Basis,
  periodStart: string | null,
  periodEnd: string,
  datePrecision: DatePrecision,
  note: string | null,
  programmeSlug: string,
  programmeName: string,
  boardSlug: string,
  boardName: string,
  metricSlug: string,
  metricName: string,
  unit: Unit,
  partOf: number | null,
];

function fromValues(r: ValuesRow): FlatRow {
  const [id, value, upper, qualifier, basis, periodStart, periodEnd, datePrecision, note, programmeSlug, programmeName, boardSlug, boardName, metricSlug, metricName, unit, partOf] = r;
  return { id, value, upper, qualifier, basis, periodStart, periodEnd, datePrecision, note, programmeSlug, programmeName, boardSlug, boardName, metricSlug, metricName, unit, partOf };
}

/**
 * Figures matching the filters (a figure is in a period when its period end is) and any search,
 * with their programme, board, metric and sources, in the order asked for: `'reported'`, the most
 * recently reported first (by the date of the latest report they appear in), is the default;
 * `'document'` is the order they first appear in the source `filters.sourceId`.
 */
export function listObservations(
  db: AppDatabase,
  filters: FigureSearch & { sourceId?: number } = {},
  options: { limit?: number; offset?: number; order?: FigureOrder | 'document' } = {},
): ObservationRow[] {
  const conditions: (SQL | undefined)[] = [figureConditions(filters), ...searchConditions(filters)];
  if (filters.sourceId !== undefined)
    conditions.push(
      sql`${observations.id} IN (SELECT observation_id FROM ${observationSources} WHERE source_id = ${filters.sourceId})`,
    );
  const orderName = options.order ?? 'reported';
  const order =
    orderName === 'document'
      ? [sql`(SELECT min(coalesce(line, 0)) FROM ${observationSources} WHERE observation_id = ${observations.id} AND source_id = ${filters.sourceId ?? null})`, observations.id]
      : figureOrderBy(orderName);
  const limit = options.limit ?? 500;
  const offset = options.offset ?? 0;
  const where = and(...conditions);
  let rows;
  // The index holding each order, where one does ('programme' has none: it sorts its matches).
  const orderIndex = { reported: 'observations_reported_idx', period: 'observations_period_end_idx', earliest: 'observations_period_end_idx', value: 'observations_value_idx' } as const;
  const index = orderName in orderIndex ? orderIndex[orderName as keyof typeof orderIndex] : null;
  if (index && filters.sourceId === undefined && !filters.search && walkOrderIndex(db, filters, limit + offset)) {
    // Many figures match: walk the index that holds the table's order, checking the filters as
    // it goes, and stop at the limit — rather than sorting every match. SQLite's planner cannot
    // know how soon a LIMIT is reached, so the index is named (on PostgreSQL, drop INDEXED BY).
    const ids = (
      runKept(
        db,
        sql`SELECT ${observations.id} AS id FROM ${observations} INDEXED BY ${sql.raw(index)}
            JOIN ${programmes} ON ${programmes.id} = ${observations.programmeId} JOIN ${boards} ON ${boards.id} = ${programmes.boardId}
            JOIN ${metrics} ON ${metrics.id} = ${observations.metricId}
            WHERE ${where} ORDER BY ${sql.join(order, sql`, `)} LIMIT ${limit} OFFSET ${offset}`,
      ) as [number][]
    ).map((r) => r[0]);
    const byIds = keptQuery(db, 'observationsByIds', () =>
      selectObservationRows(db).where(sql`${observations.id} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`).prepare(),
    );
    const byId = new Map((ids.length ? (byIds.values({ ids: JSON.stringify(ids) }) as ValuesRow[]) : []).map((r) => [r[0], fromValues(r)]));
    rows = ids.map((id) => byId.get(id)!);
  } else {
    // The listing's SELECT … JOIN … is the same every time: built by drizzle once, with only the
    // conditions and the order built per call (building the whole select cost as much as running it).
    const conditions = dialect.sqlToQuery(where ?? sql`1`);
    const ordering = dialect.sqlToQuery(sql.join(order, sql`, `));
    rows = (
      rawStatement(db.$client, `${listingSelect(db)} where ${conditions.sql} order by ${ordering.sql} limit ? offset ?`).all(
        ...conditions.params,
        ...ordering.params,
        limit,
        offset,
      ) as ValuesRow[]
    ).map(fromValues);
  }
  const refs = listSourcesFor(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toObservationRow(r, refs.get(r.id) ?? []));
}

/**
 * How many live figures match the filters and any search: the count a list of them says it shows
 * part of. Without words to search, counted from the rollups and indexes rather than the figures:
 * the whole dataset from the figure counts, a period by one seek of the series index per
 * programme, metric and basis (at a million figures, a join counting every row took 100 ms).
 */
export function countObservations(db: AppDatabase, filters: FigureSearch = {}): number {
  if (!filters.search) {
    const params: unknown[] = [];
    const pairs = pairsSql(filters, params);
    if (!filters.from && !filters.to && !filters.bases?.length)
      return ((rawStatement(db.$client, `SELECT sum(c.figures) FROM figure_counts_by_metric c JOIN (${pairs}) pairs ON pairs.programme_id = c.programme_id AND pairs.metric_id = c.metric_id`).get(...params) as [number | null])[0] ?? 0);
    const bases = filters.bases?.length ? filters.bases : ['period', 'cumulative', 'planned'];
    params.push(...bases, filters.from ?? '0000-01-01', filters.to ?? '9999-12-31');
    return (
      rawStatement(
        db.$client,
        `WITH pairs AS (${pairs})
         SELECT count(*) FROM pairs JOIN observations o INDEXED BY observations_series_idx
           ON o.programme_id = pairs.programme_id AND o.metric_id = pairs.metric_id AND o.basis IN (${bases.map(() => '?').join(', ')})
          AND o.period_end BETWEEN ? AND ? AND o.deleted_at IS NULL`,
      ).get(...params) as [number]
    )[0];
  }
  const where = and(figureConditions(filters), ...searchConditions(filters));
  const query = sql`SELECT count(*) FROM ${observations}
    JOIN ${programmes} ON ${programmes.id} = ${observations.programmeId} JOIN ${boards} ON ${boards.id} = ${programmes.boardId}
    JOIN ${metrics} ON ${metrics.id} = ${observations.metricId} WHERE ${where}`;
  return (runKept(db, query)[0]![0] as number) ?? 0;
}

const dialect = new SQLiteSyncDialect();

let listingSelectText: string | undefined;
/** The figure listing's SELECT of OBSERVATION_COLUMNS FROM its joins, as SQL text, built once. */
function listingSelect(db: AppDatabase): string {
  return (listingSelectText ??= dialect.sqlToQuery(selectObservationRows(db).getSQL()).sql);
}

/**
 * Rows of a query built by drizzle, as arrays, through a statement kept for its SQL (the SQL of
 * a table's query depends only on which filters are set): built afresh, but prepared once.
 */
function runKept(db: AppDatabase, query: SQL): unknown[][] {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return rawStatement(db.$client, text).all(...params) as unknown[][];
}

/**
 * Whether walking the order index beats sorting the matches: it reads about (all figures /
 * matches) × limit entries, sorting reads every match. The figure-count rollup gives the number
 * of live figures matching the board, programme and metric filters in one small query.
 */
function walkOrderIndex(db: AppDatabase, filters: FigureFilters, limit: number): boolean {
  const params: unknown[] = [];
  const pairs = pairsSql(filters, params);
  const count = (sql: string, p: unknown[] = []) => ((rawStatement(db.$client, sql).get(...p) as [number | null])[0] ?? 0);
  const all = count('SELECT sum(figures) AS n FROM figure_counts_by_metric');
  const matching = filters.boards?.length || filters.programmes?.length || filters.metrics?.length
    ? count(`SELECT sum(c.figures) AS n FROM figure_counts_by_metric c JOIN (${pairs}) pairs ON pairs.programme_id = c.programme_id AND pairs.metric_id = c.metric_id`, params)
    : all;
  return matching > 0 && matching * matching > all * limit;
}

/** The most recently reported figures, for the overview's table. */
export function listLatestObservations(db: AppDatabase, limit = 25, filters: FigureFilters = {}): ObservationRow[] {
  return listObservations(db, filters, { limit, order: 'reported' });
}

export interface DatasetTotals {
  observations: number;
  sources: number;
  programmes: number;
  boards: number;
}

export function getDatasetTotals(db: AppDatabase): DatasetTotals {
  const one = (sql: string) => (rawStatement(db.$client, sql).get() as [number])[0];
  return {
    // Live figures, from the rollup the triggers keep (db/schema.ts): a count(*) reads every row.
    observations: one('SELECT coalesce(sum(figures), 0) AS n FROM figure_counts_by_metric'),
    sources: one('SELECT count(*) AS n FROM sources'),
    programmes: one('SELECT count(*) AS n FROM programmes'),
    boards: one('SELECT count(*) AS n FROM boards'),
  };
}

/** Where each figure stands in a source: observation, line and evidence, in text order. */
export function listOccurrencesInSource(db: AppDatabase, sourceId: number) {
  return db
    .select({ observationId: observationSources.observationId, line: observationSources.line, evidence: observationSources.evidence })
    .from(observationSources)
    .innerJoin(observations, eq(observations.id, observationSources.observationId))
    .where(and(eq(observationSources.sourceId, sourceId), isNull(observations.deletedAt)))
    .orderBy(observationSources.line)
    .all();
}

/** One figure, deleted or not, with its sources: the figure's own page. */
export function getObservation(db: AppDatabase, id: number): (ObservationRow & { deletedAt: string | null; version: number }) | undefined {
  const row = selectObservationRows(db, { deletedAt: observations.deletedAt, version: observations.version }).where(eq(observations.id, id)).get();
  if (!row) return undefined;
  return { ...toObservationRow(row, listSourcesFor(db, [id]).get(id) ?? []), deletedAt: row.deletedAt, version: row.version };
}

/** Figures deleted most recently, for the officers' "recently deleted" list. */
export function listDeletedObservations(db: AppDatabase, limit = 50) {
  return db.$client
    .prepare(
      `SELECT o.id, o.value, o.upper_value AS upper, o.qualifier, o.deleted_at AS deletedAt, p.name AS programme, m.name AS metric, m.unit
       FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN metrics m ON m.id = o.metric_id
       WHERE o.deleted_at IS NOT NULL ORDER BY o.deleted_at DESC LIMIT ?`,
    )
    .all(limit) as { id: number; value: number; upper: number | null; qualifier: 'exact' | 'at_least' | 'at_most' | 'approx'; deletedAt: string; programme: string; metric: string; unit: 'count' | 'hours' | 'GBP' | 'percent' }[];
}

export interface AuditFilters {
  user?: string;
  entity?: string;
  from?: string;
  to?: string;
}

/** The audit trail, newest first, filtered by who, what kind of record and when. */
export function listAuditEntries(db: AppDatabase, f: AuditFilters, limit = 200) {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, value: string) => {
    where.push(clause);
    params.push(value);
  };
  if (f.user) add('actor = ?', f.user);
  if (f.entity) add('entity_type = ?', f.entity);
  if (f.from) add('at >= ?', f.from);
  // Timestamps are ISO text: everything on the 'to' day sorts before "<to>T99".
  if (f.to) add('at < ?', `${f.to}T99`);
  return db.$client
    .prepare(
      `SELECT id, at, actor, action, entity_type AS entityType, entity_id AS entityId, reason FROM audit_log
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    )
    .all(...params, limit) as { id: number; at: string; actor: string; action: string; entityType: string; entityId: number; reason: string | null }[];
}

export function listAuditActors(db: AppDatabase): string[] {
  return (db.$client.prepare('SELECT DISTINCT actor FROM audit_log ORDER BY actor').all() as { actor: string }[]).map((r) => r.actor);
}

/** A figure in a few words, for a total shown above its parts or a part listed under its total. */
export interface FigureSummary {
  id: number;
  value: number;
  upper: number | null;
  qualifier: Qualifier;
  basis: Basis;
  metric: { slug: string; name: string; unit: Unit };
  programme: string;
  deleted: boolean;
}

const summaryRow = (r: { id: number; value: number; upper: number | null; qualifier: Qualifier; basis: Basis; metricSlug: string; metricName: string; unit: Unit; programme: string; deletedAt: string | null }): FigureSummary => ({
  id: r.id,
  value: r.value,
  upper: r.upper,
  qualifier: r.qualifier,
  basis: r.basis,
  metric: { slug: r.metricSlug, name: r.metricName, unit: r.unit },
  programme: r.programme,
  deleted: r.deletedAt !== null,
});

const SUMMARY_SQL = `SELECT o.id, o.value, o.upper_value AS upper, o.qualifier, o.basis, m.slug AS metricSlug, m.name AS metricName, m.unit, p.name AS programme,
  o.deleted_at AS deletedAt, o.part_of_id AS partOf FROM observations o JOIN metrics m ON m.id = o.metric_id JOIN programmes p ON p.id = o.programme_id`;

/** The live parts (breakdowns) of each of the given figures, keyed by the total's id. */
export function listPartsOf(db: AppDatabase, ids: number[]): Map<number, FigureSummary[]> {
  const parts = new Map<number, FigureSummary[]>();
  if (!ids.length) return parts;
  const rows = rawStatement(
    db.$client,
    `${SUMMARY_SQL} WHERE o.part_of_id IN (SELECT value FROM json_each(?)) AND o.deleted_at IS NULL ORDER BY o.part_of_id, o.value DESC, o.id`,
  ).all(JSON.stringify(ids)) as unknown[][];
  for (const [id, value, upper, qualifier, basis, metricSlug, metricName, unit, programme, deletedAt, partOf] of rows as [number, number, number | null, Qualifier, Basis, string, string, Unit, string, string | null, number][]) {
    const list = parts.get(partOf) ?? [];
    list.push(summaryRow({ id, value, upper, qualifier, basis, metricSlug, metricName, unit, programme, deletedAt }));
    parts.set(partOf, list);
  }
  return parts;
}

/** One figure in a few words (the total a part belongs to), deleted or not. */
export function getFigureSummary(db: AppDatabase, id: number): FigureSummary | undefined {
  const row = rawStatement(db.$client, `${SUMMARY_SQL} WHERE o.id = ?`).get(id) as unknown[] | undefined;
  if (!row) return undefined;
  const [rid, value, upper, qualifier, basis, metricSlug, metricName, unit, programme, deletedAt] = row as [number, number, number | null, Qualifier, Basis, string, string, Unit, string, string | null];
  return summaryRow({ id: rid, value, upper, qualifier, basis, metricSlug, metricName, unit, programme, deletedAt });
}
