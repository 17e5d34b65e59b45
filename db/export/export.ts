// The observations export: one row per occurrence of a figure in a source, in the seed/import
// columns (lib/figure-row.ts) plus the observation's id, the source's title, when the figure
// last changed and its version. An observation with two sources is two rows sharing observation_id; importing the
// file merges them back into one observation (one fact, one observation).
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { and, asc, eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { alias } from 'drizzle-orm/sqlite-core';
import { env } from '../../lib/env';
import { FIGURE_BASE_COLUMNS } from '../../lib/figure-row';
import { formatQualified } from '../../lib/qualifiers';
import type { Qualifier, Unit } from '../../lib/vocabulary';
import { csvLine, csvLinesStream, toCsv, type CsvCell } from '../../lib/csv';
import type { AppDatabase } from '../client';
import { databaseEngine, databasePath, getDb } from '../client';
import * as schema from '../schema';
import { boards, metrics, observationSources, observations, programmes, sources } from '../schema';
import { wholeExportReader } from './batches';
import { copyCsvStream } from './copy-pg';
import { figureConditions, figureOrderBy, searchConditions } from '../queries/figure-filters';
import { type FigureFilters, type FigureSearch } from '../../lib/filters';
import type { FigureOrder } from '../../lib/figure-search';

// The figure columns, the figure's id, then its range and the total it is part of (empty for most
// figures: after the id, so the export's lean path writes them only where they are not), its
// total's id, the source's title and when the figure last changed. Imports read columns by name.
export const OBSERVATION_EXPORT_COLUMNS = [
  ...FIGURE_BASE_COLUMNS,
  'observation_id',
  'upper',
  'part_of',
  'part_of_observation_id',
  'source_title',
  'last_changed',
  // The figure's version: an import that changes the figure is refused if it has changed since.
  'version',
] as const;

export interface ExportOptions {
  /**
   * The table's order (lib/figure-search.ts FIGURE_ORDERS: 'reported', most recently reported
   * first, the overview's; 'period', latest period first, the other pages'), or 'recorded': the
   * order figures were recorded in, a plain table scan — that of a whole export, which has no
   * table to match.
   */
  order?: FigureOrder | 'recorded';
  /** At most this many observations (the rows a table shows); all when absent. */
  limit?: number;
  /** After skipping this many (a later page of the figures page). */
  offset?: number;
}

/** The figure a part belongs to. */
const totals = alias(observations, 'total');

/** The SQL of the export, built by drizzle, to run as a streaming cursor. */
export function observationExportQuery(db: AppDatabase, filters: FigureSearch = {}, options: ExportOptions = {}) {
  const conditions = and(figureConditions(filters), ...searchConditions(filters));
  // NULLs ordered as SQLite orders them, on both engines (figureOrderBy): the same rows in the same order.
  const order = figureOrderBy(options.order ?? 'recorded', { nullsAsSqlite: true });
  // The table's rows: the first `limit` observations in the table's order.
  const chosen = db
    .select({ id: observations.id })
    .from(observations)
    .innerJoin(programmes, eq(programmes.id, observations.programmeId))
    .innerJoin(boards, eq(boards.id, programmes.boardId))
    .innerJoin(metrics, eq(metrics.id, observations.metricId))
    .where(conditions)
    .orderBy(...order);
  const ids = chosen.limit(options.limit ?? -1).offset(options.offset ?? 0).as('chosen');
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
      upper: observations.upperValue,
      partOf: totals.value,
      partOfId: observations.partOfId,
      sourceTitle: sources.title,
      updatedAt: observations.updatedAt,
      version: observations.version,
    })
    .from(observations)
    .innerJoin(programmes, eq(programmes.id, observations.programmeId))
    .innerJoin(boards, eq(boards.id, programmes.boardId))
    .innerJoin(metrics, eq(metrics.id, observations.metricId))
    .leftJoin(observationSources, eq(observationSources.observationId, observations.id))
    .leftJoin(sources, eq(sources.id, observationSources.sourceId))
    .leftJoin(totals, eq(totals.id, observations.partOfId))
    .$dynamic();
  // A table shows its first `limit` observations; a whole export needs no such step and reads
  // the table in order, so rows stream without a sort.
  const limited = options.limit || options.offset ? query.innerJoin(ids, eq(ids.id, observations.id)) : query.where(conditions);
  // A figure's sources in document order; a source's id settles ties, so that every path (and
  // db/export/batches.ts, which orders them in JavaScript) writes the same bytes. No line comes
  // first, as SQLite orders NULL (spelled out for PostgreSQL, which would put it last).
  return limited
    .orderBy(...order, asc(sources.documentDate), sql`${observationSources.line} asc nulls first`, asc(observationSources.sourceId))
    .toSQL();
}

/**
 * The export as a CSV byte stream, header first, from read-only connections of its own: a
 * better-sqlite3 cursor keeps its connection busy until it finishes, and a download must not
 * block other requests. Everything is read in one snapshot of the database, and each
 * connection closes when the stream ends or the client goes away.
 *
 * On PostgreSQL (`postgresUrl`, DATABASE_URL's database by default) the server writes the CSV:
 * COPY of the full query, on a connection of its own (db/export/copy-pg.ts), for every filter,
 * search, order and limit. On SQLite, a table's rows (a limit) come through the full query; a
 * whole export takes the lean path (db/export/batches.ts) and, when it is large and the machine
 * has cores to spare, its batches are written by worker threads, one connection each
 * (parallelExport).
 */
export function observationExportStream(
  filters: FigureSearch = {},
  options: ExportOptions = {},
  {
    file = databasePath(),
    postgresUrl = databaseEngine() === 'postgres' ? env().DATABASE_URL : undefined,
    bom = true,
    parallel,
    db,
  }: { file?: string; postgresUrl?: string; bom?: boolean; parallel?: ParallelOptions; db?: AppDatabase } = {},
): ReadableStream<Uint8Array> {
  const header = toCsv([...OBSERVATION_EXPORT_COLUMNS], [], { bom });
  // A database of its own (the figures as a board saw them, db/as-seen.ts) has no file for the
  // workers to open. It is small, and may be closed once a newer one is built: read it at once.
  if (db) {
    const query = observationExportQuery(db, filters, options);
    const rows = db.$client.prepare(query.sql).raw().all(...(query.params as unknown[])) as CsvCell[][];
    return csvLinesStream([...OBSERVATION_EXPORT_COLUMNS], rows.map(csvLine)[Symbol.iterator](), { bom });
  }
  if (postgresUrl) return copyCsvStream(postgresUrl, [...OBSERVATION_EXPORT_COLUMNS], (own) => observationExportQuery(own, filters, options), { bom });
  // A table's rows, an order other than the recorded one, or a search (which the lean path does
  // not read) come through the full query.
  if (options.limit || options.offset || (options.order && options.order !== 'recorded') || filters.search || filters.bases?.length) {
    const { lines, close } = openTableExport(filters, options, file);
    return csvLinesStream([...OBSERVATION_EXPORT_COLUMNS], lines, { bom, onClose: close });
  }
  return chunkStream(new TextEncoder().encode(header), parallelExport(filters, file, parallel));
}

/** The Excel export's columns: the CSV's, then the value as the dashboard shows it ("over 600", "20–30"). */
export const OBSERVATION_XLSX_COLUMNS = [...OBSERVATION_EXPORT_COLUMNS, 'value_shown'] as const;

/**
 * The export's rows as cells (for the Excel workbook), in the same order and with the same
 * columns as the CSV, then the value as shown; from a read-only connection of its own, or `db`
 * (the figures as a board saw them). `close` ends the connection.
 */
export function observationExportRows(
  filters: FigureSearch = {},
  options: ExportOptions = {},
  { file = databasePath(), db }: { file?: string; db?: AppDatabase } = {},
): { rows: Iterable<CsvCell[]>; close: () => void } {
  db ??= databaseEngine() === 'postgres' ? getDb() : undefined;
  const sqlite = db ? db.$client : openConnection(file);
  const query = observationExportQuery(db ?? (drizzle(sqlite, { schema }) as AppDatabase), filters, options);
  const statement = sqlite.prepare(query.sql).raw();
  // A database of its own is small and may be closed once a newer one is built: read it at once.
  const cursor = (db ? statement.all(...(query.params as unknown[])) : statement.iterate(...(query.params as unknown[]))) as Iterable<CsvCell[]>;
  const at = (name: (typeof OBSERVATION_EXPORT_COLUMNS)[number]) => OBSERVATION_EXPORT_COLUMNS.indexOf(name);
  const [value, qualifier, unit, upper] = [at('value'), at('qualifier'), at('unit'), at('upper')];
  const rows = (function* () {
    for (const row of cursor) yield [...row, formatQualified(Number(row[value]), row[qualifier] as Qualifier, row[unit] as Unit, row[upper] === null ? null : Number(row[upper]))];
  })();
  return { rows, close: () => (db ? undefined : sqlite.close()) };
}

function openConnection(file: string) {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** A table's rows through the full query, as CSV records (lib/csv.ts csvLine). */
function openTableExport(filters: FigureSearch, options: ExportOptions, file: string) {
  const sqlite = openConnection(file);
  const db = drizzle(sqlite, { schema }) as AppDatabase;
  const query = observationExportQuery(db, filters, options);
  const cursor = sqlite.prepare(query.sql).raw().iterate(...(query.params as unknown[])) as IterableIterator<CsvCell[]>;
  const lines = (function* () {
    for (const row of cursor) yield csvLine(row);
  })();
  return {
    lines,
    close: () => {
      lines.return?.(undefined);
      sqlite.close();
    },
  };
}

/** A stream of the header, then each chunk the generator gives, pulled as the client reads. */
function chunkStream(header: Uint8Array, chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(header);
    },
    async pull(controller) {
      try {
        // Empty batches (ids with no figures under the filters) are skipped, not enqueued.
        for (;;) {
          const next = await chunks.next();
          if (next.done) return controller.close();
          if (!next.value.length) continue;
          return controller.enqueue(next.value);
        }
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

export interface ParallelOptions {
  /**
   * How many worker threads; fewer than 2 means the one-thread path. Default: EXPORT_WORKERS (at
   * most the cores), else one (lib/env.ts); a filtered export, always one.
   */
  workers?: number;
  /** Worker threads only from this many figure ids (below it, starting them costs more than they save). */
  fromIds?: number;
  /** For tests: runs while the export holds the write lock, just before the workers begin. */
  whileLocked?: () => void;
}

/** Whole exports of fewer figure ids than this are written on one thread. */
const PARALLEL_FROM_IDS = 50_000;
/** Batches each worker may have written ahead of the download: its shared slots. */
const BATCHES_AHEAD = 2;

/**
 * A whole export's batches in order. Measured by `npm run bench` at a million rows: reading the
 * rows into JavaScript and writing them as text is most of the time. One thread does it a little
 * faster than sqlite3 -csv; on two cores, two workers take a little over half as long. The main
 * thread only copies their bytes out and streams them, so it stays free for other requests.
 *
 * One snapshot across connections: the workers begin their read transactions while this thread
 * holds the database's write lock (BEGIN IMMEDIATE on a connection of its own), so no write can
 * commit between them. Where the lock cannot be had (another write holds it for longer than the
 * busy timeout, or the file is read-only), the export is written on one thread instead.
 */
async function* parallelExport(filters: FigureFilters, file: string, options: ParallelOptions = {}): AsyncGenerator<Uint8Array> {
  // A filtered export reads only its own figures, through the indexes (db/export/batches.ts): one
  // thread, since starting workers costs more than most such exports take.
  const filtered = !!(filters.boards?.length || filters.programmes?.length || filters.metrics?.length || filters.from || filters.to);
  const workers = filtered ? 1 : (options.workers ?? Math.min(env().EXPORT_WORKERS ?? 1, os.availableParallelism()));
  const ids = workers >= 2 ? maxFigureId(file) : 0;
  if (workers < 2 || ids < (options.fromIds ?? PARALLEL_FROM_IDS)) return yield* oneThreadExport(filters, file);
  const pool = Array.from({ length: workers }, (_, worker) => new ExportWorker(file, filters, worker, workers));
  try {
    await Promise.all(pool.map((w) => w.ready()));
    const batches = await beginTogether(file, pool, options.whileLocked);
    if (!batches) {
      pool.forEach((w) => w.stop());
      return yield* oneThreadExport(filters, file);
    }
    for (let index = 0; index < batches; index++) yield await pool[index % workers]!.nextBatch(index);
  } finally {
    pool.forEach((w) => w.stop());
  }
}

/**
 * Begins every worker's read transaction while holding the write lock, so that all read one
 * snapshot; resolves to the number of batches, or null where the lock cannot be had.
 */
async function beginTogether(file: string, pool: ExportWorker[], whileLocked?: () => void): Promise<number | null> {
  let lock: Database.Database | undefined;
  try {
    lock = new Database(file, { fileMustExist: true });
    lock.pragma('busy_timeout = 5000');
    lock.exec('BEGIN IMMEDIATE');
  } catch (error) {
    lock?.close();
    if (error instanceof Database.SqliteError) return null;
    throw error;
  }
  try {
    whileLocked?.();
    const batches = await Promise.all(pool.map((w) => w.begin()));
    if (new Set(batches).size !== 1) throw new Error(`export workers read different snapshots (${batches.join(', ')} batches)`);
    return batches[0]!;
  } finally {
    lock.exec('ROLLBACK');
    lock.close();
  }
}

function maxFigureId(file: string): number {
  const sqlite = openConnection(file);
  try {
    return (sqlite.prepare('SELECT max(id) AS id FROM observations').get() as { id: number | null }).id ?? 0;
  } finally {
    sqlite.close();
  }
}

/** A whole export on this thread: one connection, one read transaction. */
function* oneThreadExport(filters: FigureFilters, file: string): Generator<Uint8Array> {
  const sqlite = openConnection(file);
  const encoder = new TextEncoder();
  try {
    sqlite.exec('BEGIN');
    const reader = wholeExportReader(sqlite, filters);
    for (let index = 0; index < reader.batches; index++) yield encoder.encode(reader.batchText(index));
  } finally {
    if (sqlite.inTransaction) sqlite.exec('COMMIT');
    sqlite.close();
  }
}

type Pending<T> = { resolve: (value: T) => void; reject: (error: unknown) => void };
/** A batch a worker has written: its bytes are the first `length` of its shared slot. */
type WrittenBatch = { slot: number; buffer: SharedArrayBuffer; length: number };

/** The main thread's side of one export worker (db/export/worker.ts). */
class ExportWorker {
  private readonly thread: Worker;
  private readonly batches = new Map<number, WrittenBatch>();
  private failure: unknown;
  // What this thread is waiting for from the worker: at most one of each at a time.
  private readonly pending: { ready?: Pending<void>; begun?: Pending<number>; batch?: Pending<Uint8Array> & { index: number } } = {};
  private isReady = false;

  constructor(file: string, filters: FigureFilters, worker: number, workers: number) {
    // Bundled by Next.js (Turbopack), the entry is JavaScript. Run from source (tsx, vitest), it
    // is TypeScript, which Node 20 loads in a worker through tsx's require hook (not `--import
    // tsx`, which makes the worker load its entry as ESM, where Node 20 ignores the hook).
    this.thread = new Worker(new URL('./worker.ts', import.meta.url), {
      workerData: { file, filters, worker, workers, slots: BATCHES_AHEAD },
      execArgv: import.meta.url.endsWith('.ts') ? ['--require', 'tsx/cjs'] : undefined,
      // A batch is a few hundred kilobytes of text: a small young generation suffices
      // (docs/decisions/0009); the old generation's cap stops a runaway worker before it takes the
      // server's memory.
      resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 128 },
    });
    this.thread.on('message', (m: { ready?: true; begun?: number; batch?: number } & Partial<WrittenBatch>) => {
      if (m.ready) {
        this.isReady = true;
        this.pending.ready?.resolve();
      }
      if (m.begun !== undefined) this.pending.begun?.resolve(m.begun);
      if (m.batch !== undefined) {
        this.batches.set(m.batch, { slot: m.slot!, buffer: m.buffer!, length: m.length! });
        this.deliver();
      }
    });
    this.thread.on('error', (error) => this.fail(error));
    this.thread.on('exit', (code) => this.fail(new Error(`export worker stopped (exit code ${code})`)));
  }

  ready(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      if (this.isReady) return resolve();
      this.pending.ready = { resolve, reject };
    });
  }

  /** Begins the worker's read transaction; resolves to its number of batches. */
  begin(): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.pending.begun = { resolve, reject };
      this.thread.postMessage({ begin: true });
    });
  }

  /** Batch `index`, copied out of the worker's slot, which the worker may then write again. */
  nextBatch(index: number): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.pending.batch = { index, resolve, reject };
      this.deliver();
    });
  }

  stop() {
    this.failure ??= new Error('export stopped');
    void this.thread.terminate();
  }

  private deliver() {
    const wanted = this.pending.batch;
    if (!wanted) return;
    const written = this.batches.get(wanted.index);
    // A worker that has sent its last batch has ended: batches it sent are still delivered (the
    // shared memory lives on while this thread holds it).
    if (written === undefined) return this.failure ? wanted.reject(this.failure) : undefined;
    this.batches.delete(wanted.index);
    this.pending.batch = undefined;
    const bytes = new Uint8Array(written.buffer, 0, written.length).slice();
    this.thread.postMessage({ free: written.slot });
    wanted.resolve(bytes);
  }

  /** The worker failed or ended: whatever is still awaited from it fails (after its last batch, nothing is). */
  private fail(error: unknown) {
    this.failure ??= error;
    for (const p of [this.pending.ready, this.pending.begun, this.pending.batch]) p?.reject(this.failure);
  }
}
