// The observations export: one row per occurrence of a figure in a source, in the seed/import
// columns (lib/figure-row.ts) plus the observation's id, the source's title and when the figure
// last changed. An observation with two sources is two rows sharing observation_id; importing the
// file merges them back into one observation (one fact, one observation).
import Database from 'better-sqlite3';
import { asc, desc, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { FIGURE_COLUMNS } from '../../lib/figure-row';
import { csvCell, csvLine, type CsvCell } from '../../lib/csv';
import type { AppDatabase } from '../client';
import { databasePath } from '../client';
import * as schema from '../schema';
import { boards, metrics, observationSources, observations, programmes, sources } from '../schema';
import { figureConditions, pairsSql, type FigureFilters } from './figure-filters';

export const OBSERVATION_EXPORT_COLUMNS = [...FIGURE_COLUMNS, 'observation_id', 'source_title', 'last_changed'] as const;

export interface ExportOptions {
  /**
   * 'reported': most recently reported first (the overview's table); 'period': latest period
   * first (the other pages' tables); 'recorded': the order figures were recorded in, a plain
   * table scan — the order of a whole export, which has no table to match.
   */
  order?: 'reported' | 'period' | 'recorded';
  /** At most this many observations (the rows a table shows); all when absent. */
  limit?: number;
}

/** The SQL of the export, built by drizzle, to run as a streaming cursor. */
export function observationExportQuery(db: AppDatabase, filters: FigureFilters = {}, options: ExportOptions = {}) {
  const conditions = figureConditions(filters);
  const order =
    options.order === 'reported'
      ? [desc(observations.reportedOn), desc(observations.periodEnd), desc(observations.id)]
      : options.order === 'period'
        ? [desc(observations.periodEnd), desc(observations.id)]
        : [asc(observations.id)];
  // The table's rows: the first `limit` observations in the table's order.
  const chosen = db
    .select({ id: observations.id })
    .from(observations)
    .innerJoin(programmes, eq(programmes.id, observations.programmeId))
    .innerJoin(boards, eq(boards.id, programmes.boardId))
    .innerJoin(metrics, eq(metrics.id, observations.metricId))
    .where(conditions)
    .orderBy(...order);
  const ids = chosen.limit(options.limit ?? -1).as('chosen');
  const query = db
    .select({
      sourceFile: sources.fileName,
      line: observationSources.line,
      evidence: observationSources.evidence,
      board: boards.name,
      programme: programmes.name,
      metric: metrics.name,
      unit: metrics.unit,
      value: observations.value,
      qualifier: observations.qualifier,
      basis: observations.basis,
      periodStart: observations.periodStart,
      periodEnd: observations.periodEnd,
      datePrecision: observations.datePrecision,
      note: observations.note,
      id: observations.id,
      sourceTitle: sources.title,
      updatedAt: observations.updatedAt,
    })
    .from(observations)
    .innerJoin(programmes, eq(programmes.id, observations.programmeId))
    .innerJoin(boards, eq(boards.id, programmes.boardId))
    .innerJoin(metrics, eq(metrics.id, observations.metricId))
    .leftJoin(observationSources, eq(observationSources.observationId, observations.id))
    .leftJoin(sources, eq(sources.id, observationSources.sourceId))
    .$dynamic();
  // A table shows its first `limit` observations; a whole export needs no such step and reads
  // the table in order, so rows stream without a sort.
  const limited = options.limit ? query.innerJoin(ids, eq(ids.id, observations.id)) : query.where(conditions);
  return limited.orderBy(...order, asc(sources.documentDate), asc(observationSources.line)).toSQL();
}

/**
 * Streams the export as CSV records (lib/csv.ts csvLine) from a read-only connection of its
 * own: a better-sqlite3 cursor keeps its connection busy until it finishes, and a download must
 * not block other requests. Call close() when done (the CSV stream does, also when the client
 * goes away).
 *
 * A whole export (no limit) takes a leaner path, measured by `npm run bench` at a million rows:
 * the cursor reads only the figure's own columns and its source link, and the names of its
 * programme, board, metric and source — a few hundred rows — are written once, up front, as
 * ready CSV text. Both are read in one transaction, so they are one consistent snapshot.
 */
export function openObservationExport(filters: FigureFilters = {}, options: ExportOptions = {}, file = databasePath()) {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema }) as AppDatabase;
  let lines: IterableIterator<string>;
  if (options.limit) {
    const query = observationExportQuery(db, filters, options);
    const cursor = sqlite.prepare(query.sql).raw().iterate(...(query.params as unknown[])) as IterableIterator<CsvCell[]>;
    lines = (function* () {
      for (const row of cursor) yield csvLine(row);
    })();
  } else {
    sqlite.exec('BEGIN');
    lines = wholeExport(sqlite, filters);
  }
  return {
    lines,
    close: () => {
      lines.return?.(undefined);
      if (sqlite.inTransaction) sqlite.exec('COMMIT');
      sqlite.close();
    },
  };
}

/** How many figure ids a whole export reads at a time. */
const EXPORT_BATCH_IDS = 2000;

function* wholeExport(sqlite: Database.Database, filters: FigureFilters): IterableIterator<string> {
  const csv = (...cells: CsvCell[]) => csvLine(cells);
  const programmeNames = new Map(
    (sqlite.prepare('SELECT p.id, b.name, p.name FROM programmes p JOIN boards b ON b.id = p.board_id').raw().all() as [number, string, string][]).map(
      ([id, board, programme]) => [id, csv(board, programme)],
    ),
  );
  const metricNames = new Map(
    (sqlite.prepare('SELECT id, name, unit FROM metrics').raw().all() as [number, string, string][]).map(([id, name, unit]) => [id, csv(name, unit)]),
  );
  const sourceNames = new Map(
    (sqlite.prepare('SELECT id, file_name, title FROM sources').raw().all() as [number, string | null, string][]).map(([id, fileName, title]) => [
      id,
      { file: csvCell(fileName), title: csvCell(title) },
    ]),
  );
  const params: unknown[] = [];
  const where = ['o.deleted_at IS NULL'];
  if (filters.boards?.length || filters.programmes?.length || filters.metrics?.length)
    where.push(`EXISTS (SELECT 1 FROM (${pairsSql(filters, params)}) pairs WHERE pairs.programme_id = o.programme_id AND pairs.metric_id = o.metric_id)`);
  if (filters.from) {
    where.push('o.period_end >= ?');
    params.push(filters.from);
  }
  if (filters.to) {
    where.push('o.period_end <= ?');
    params.push(filters.to);
  }
  // In the order figures were recorded, each figure's sources in document order (as
  // observationExportQuery orders a whole export). Read a range of figure ids at a time: one
  // better-sqlite3 call returning thousands of rows costs far less than a cursor step per row.
  const batch = sqlite
    .prepare(
      // qualifier, basis, the period dates and their precision are one value, joined by SQL:
      // their CHECK constraints (enums, ISO dates) mean none ever needs quoting or the formula
      // guard, and every value read costs more than the SQL that joins them.
      `SELECT os.source_id, os.line, os.evidence, o.programme_id, o.metric_id, o.value,
         o.qualifier || ',' || o.basis || ',' || coalesce(o.period_start, '') || ',' || o.period_end || ',' || o.date_precision,
         o.note, o.id, o.updated_at
       FROM observations o LEFT JOIN observation_sources os ON os.observation_id = o.id LEFT JOIN sources s ON s.id = os.source_id
       WHERE ${where.join(' AND ')} AND o.id > ? AND o.id <= ? ORDER BY o.id, s.document_date, os.line`,
    )
    .raw();
  type Row = [number | null, number | null, string | null, number, number, number, string, string | null, number, string | null];
  const lastId = (sqlite.prepare('SELECT max(id) AS id FROM observations').get() as { id: number | null }).id ?? 0;
  for (let after = 0; after < lastId; after += EXPORT_BATCH_IDS) {
    const rows = batch.all(...params, after, after + EXPORT_BATCH_IDS) as Row[];
    for (const [sourceId, line, evidence, programmeId, metricId, value, period, note, id, updatedAt] of rows) {
      const source = sourceId === null ? undefined : sourceNames.get(sourceId);
      yield `${source ? source.file : ''},${csvCell(line)},${csvCell(evidence)},${programmeNames.get(programmeId)},${metricNames.get(metricId)},${csvCell(value)},` +
        `${period},${csvCell(note)},${id},${source ? source.title : ''},${csvCell(updatedAt)}`;
    }
  }
}
