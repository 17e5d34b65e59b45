// The observations export: one row per occurrence of a figure in a source, in the seed/import
// columns (lib/figure-row.ts) plus the observation's id, the source's title and when the figure
// last changed. An observation with two sources is two rows sharing observation_id; importing the
// file merges them back into one observation (one fact, one observation).
import Database from 'better-sqlite3';
import { asc, desc, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { FIGURE_COLUMNS } from '../../lib/figure-row';
import type { CsvCell } from '../../lib/csv';
import type { AppDatabase } from '../client';
import { databasePath } from '../client';
import * as schema from '../schema';
import { boards, metrics, observationSources, observations, programmes, sources } from '../schema';
import { figureConditions, type FigureFilters } from './figure-filters';

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
 * Streams the export's rows from a read-only connection of its own: a better-sqlite3 cursor
 * keeps its connection busy until it finishes, and a download must not block other requests.
 * Call close() when done (the CSV stream does, also when the client goes away).
 */
export function openObservationExport(filters: FigureFilters = {}, options: ExportOptions = {}, file = databasePath()) {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema }) as AppDatabase;
  const query = observationExportQuery(db, filters, options);
  const cursor = sqlite.prepare(query.sql).raw().iterate(...(query.params as unknown[])) as IterableIterator<CsvCell[]>;
  return {
    rows: cursor,
    close: () => {
      cursor.return?.();
      sqlite.close();
    },
  };
}
