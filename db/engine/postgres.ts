// A synchronous PostgreSQL connection with the part of better-sqlite3's interface the data layer
// uses (docs/decisions/0016): prepare(sql).get/all/run/iterate, .pluck() and .raw(), exec and
// transaction. It talks to the server through libpq's synchronous calls, so code written for the
// embedded SQLite file can run its SQL on PostgreSQL unchanged where the SQL is shared.
//
// What it does for the SQL: the rewrites of dialect.ts, then "?" placeholders become "$1", "$2"…
// (never inside quotes or comments). What it does for the values: integers, floats and numerics come back as numbers and
// booleans as 1 and 0, as SQLite gives them; text stays text. Nothing else is translated here —
// SQL that only SQLite understands belongs beside the shared code, per engine (decision 0016).
import { createRequire } from 'node:module';
import { toPostgresSql } from './dialect';

/** The libpq addon's synchronous calls used here (the `libpq` package, optional). */
interface LibPq {
  connectSync(conninfo: string): void;
  execParams(text: string, params: (string | null)[]): void;
  prepare(name: string, text: string, nParams: number): void;
  execPrepared(name: string, params: (string | null)[]): void;
  exec(text: string): void;
  resultStatus(): string;
  resultErrorMessage(): string;
  errorMessage(): string;
  resultErrorFields(): { sqlState?: string } | undefined;
  ntuples(): number;
  nfields(): number;
  fname(column: number): string;
  ftype(column: number): number;
  getvalue(row: number, column: number): string;
  getisnull(row: number, column: number): boolean;
  cmdTuples(): string;
  /** 0 idle, 1 active, 2 in a transaction, 3 in a failed transaction (PQtransactionStatus). */
  transactionStatus(): number;
  finish(): void;
  // For a statement's column types without running it (describe), and for COPY … TO STDOUT read
  // without blocking the event loop (copyOut).
  describePrepared(name: string): void;
  sendQuery(text: string): boolean;
  /** Whether there was a result to take (PQgetResult; it blocks while isBusy()). */
  getResult(): boolean;
  isBusy(): boolean;
  consumeInput(): boolean;
  /** One row of COPY data; 0 when none has arrived yet (async), -1 when the COPY is done, -2 on an error. */
  getCopyData(async: boolean): Buffer | number;
  startReader(): void;
  stopReader(): void;
  once(event: 'readable', listener: () => void): void;
  cancel(): unknown;
}

/** Whether PostgreSQL can be reached from this installation (the optional `libpq` addon built). */
export function postgresDriverAvailable(): boolean {
  try {
    loadLibPq();
    return true;
  } catch {
    return false;
  }
}

function loadLibPq(): new () => LibPq {
  return createRequire(import.meta.url)('libpq') as new () => LibPq;
}

/**
 * Whether a connection is PostgreSQL's (this file's), not better-sqlite3's: the one place that asks.
 * By its brand, not instanceof: the production build may hold this module more than once (one copy
 * per chunk), and a connection made by one copy is not an instance of another's class.
 */
export function isPostgresClient(client: unknown): client is PostgresConnection {
  return (client as { engine?: unknown } | null)?.engine === 'postgres';
}

/** Connections just closed, kept from the garbage collector until libuv has let them go (close()). */
const closing = new Set<LibPq>();

/** A PostgreSQL error with its SQLSTATE (23505 a unique violation, 40001 a serialisation failure…). */
export class PostgresError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'PostgresError';
  }
}

// Type OIDs (pg_type): the numeric ones come back as numbers, bool as 1/0, json and jsonb as the
// value they hold (SQLite's json_extract gives a number as a number).
const NUMERIC_TYPES = new Set([20, 21, 23, 26, 700, 701, 1700]);
const BOOL = 16;
/** How many prepared statements a connection keeps (the data layer's SQL is a few hundred texts; an import's staging table's are new each time). */
const PREPARED_PER_CONNECTION = 1000;
const JSON_TYPES = new Set([114, 3802]);

export type Param = string | number | bigint | boolean | null | undefined | Date;
type Transaction<Args extends unknown[], Result> = ((...args: Args) => Result) & Record<'immediate' | 'deferred' | 'exclusive', (...args: Args) => Result>;
type Row = Record<string, unknown>;

/**
 * "?" placeholders as "$n", skipping quoted strings, quoted identifiers and comments. (A "?" in
 * a string literal is text, not a parameter.)
 */
export function numberPlaceholders(sql: string): string {
  return replacePlaceholders(sql, (n) => `$${n}`);
}

/** Each "?" placeholder (the nth, from 1) replaced by what `by` gives, outside strings, quoted names and comments. */
function replacePlaceholders(sql: string, by: (n: number) => string): string {
  let out = '';
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '?') out += by(++n);
    else out += c;
  }
  return out;
}

/**
 * A value as an SQL literal, for the statements that take no parameters (COPY): text quoted as
 * standard_conforming_strings reads it (PostgreSQL's default since 9.1, which a connection that
 * relies on this should set), numbers as written, NULL. Typed by its context, as a parameter is.
 */
export function sqlLiteral(value: Param): string {
  const text = asText(value);
  if (text === null) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) throw new Error(`Not a number PostgreSQL can read: ${text}`);
    // In brackets, so that a minus sign never meets another to start a comment.
    return text.startsWith('-') ? `(${text})` : text;
  }
  // PostgreSQL's text holds no NUL; as a parameter libpq would cut the value there.
  if (text.includes('\0')) throw new Error('A text value holds a NUL character');
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A statement as PostgreSQL reads it (the dialect's rewrites) with its parameters written in as
 * literals (sqlLiteral): for the statements that take none, such as COPY's query.
 */
export function withLiterals(sql: string, params: Param[]): string {
  let count = 0;
  const out = replacePlaceholders(toPostgresSql(sql), (n) => {
    count = n;
    if (n > params.length) throw new Error(`${params.length} parameters for a statement that takes more`);
    return sqlLiteral(params[n - 1]);
  });
  if (count !== params.length) throw new Error(`${params.length} parameters for a statement that takes ${count}`);
  return out;
}

/** A parameter as libpq sends it: text, or null (the benchmark's psql floor writes the same values). */
export function asText(value: Param): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** One prepared statement, run as often as wanted. */
export class PostgresStatement {
  private mode: 'object' | 'pluck' | 'raw' = 'object';

  constructor(
    private readonly connection: PostgresConnection,
    readonly source: string,
  ) {}

  /** The first column of each row, alone (better-sqlite3's pluck). */
  pluck(on = true): this {
    this.mode = on ? 'pluck' : 'object';
    return this;
  }

  /** Each row as an array of its values in column order (better-sqlite3's raw). */
  raw(on = true): this {
    this.mode = on ? 'raw' : 'object';
    return this;
  }

  get(...params: Param[]): unknown {
    return this.rows(params)[0];
  }

  all(...params: Param[]): unknown[] {
    return this.rows(params);
  }

  *iterate(...params: Param[]): IterableIterator<unknown> {
    yield* this.rows(params);
  }

  /**
   * Runs the statement; `changes` is how many rows it changed and, as better-sqlite3 gives it,
   * `lastInsertRowid` the id an insert took (asked of the server only when read, straight after).
   */
  run(...params: Param[]): { changes: number; lastInsertRowid: number } {
    this.connection.execute(this.source, params);
    const connection = this.connection;
    return {
      changes: connection.changes(),
      get lastInsertRowid() {
        return connection.lastInsertId();
      },
    };
  }

  private rows(params: Param[]): unknown[] {
    const pq = this.connection.execute(this.source, params);
    const names = Array.from({ length: pq.nfields() }, (_, c) => pq.fname(c));
    const types = Array.from({ length: pq.nfields() }, (_, c) => pq.ftype(c));
    const value = (r: number, c: number): unknown => {
      if (pq.getisnull(r, c)) return null;
      const text = pq.getvalue(r, c);
      if (NUMERIC_TYPES.has(types[c]!)) return Number(text);
      if (types[c] === BOOL) return text === 't' ? 1 : 0;
      if (JSON_TYPES.has(types[c]!)) return JSON.parse(text) as unknown;
      return text;
    };
    const out: unknown[] = [];
    for (let r = 0; r < pq.ntuples(); r++) {
      if (this.mode === 'pluck') out.push(value(r, 0));
      else if (this.mode === 'raw') out.push(names.map((_, c) => value(r, c)));
      else {
        const row: Row = {};
        names.forEach((name, c) => (row[name] = value(r, c)));
        out.push(row);
      }
    }
    return out;
  }
}

/**
 * One synchronous connection (a "postgres://" URL or libpq connection string). Like the app's
 * SQLite connection it blocks while the server answers: a round trip on a local socket costs tens
 * of microseconds (decision 0016's measurements).
 */
export class PostgresConnection {
  /** Which engine this is (isPostgresClient). */
  readonly engine = 'postgres' as const;
  private readonly pq: LibPq;
  private depth = 0; // transaction nesting: BEGIN at 0, SAVEPOINTs inside
  private readonly prepared = new Map<string, string>(); // SQL → the name it is prepared under
  private preparedCount = 0;
  private open = true;

  /** url: the libpq connection string (kept, so a test or a script can open another on the same database). */
  constructor(readonly url: string) {
    const PQ = loadLibPq();
    this.pq = new PQ();
    try {
      this.pq.connectSync(url);
    } catch (error) {
      throw new PostgresError(`Could not connect to PostgreSQL: ${(error as Error).message.trim() || this.pq.errorMessage().trim()}`, undefined);
    }
  }

  prepare(sql: string): PostgresStatement {
    return new PostgresStatement(this, numberPlaceholders(toPostgresSql(sql)));
  }

  /** Runs SQL with no parameters: one or more statements separated by semicolons. */
  exec(sql: string): void {
    const translated = toPostgresSql(sql);
    this.pq.exec(translated);
    this.check(translated);
  }

  /** The type (pg_type OID) of each column a query gives, from the server's description of it, without running it. */
  columnTypes(sql: string): number[] {
    this.pq.prepare('', sql, 0);
    this.check(sql);
    this.pq.describePrepared('');
    this.check(sql);
    return Array.from({ length: this.pq.nfields() }, (_, c) => this.pq.ftype(c));
  }

  /**
   * Starts `COPY … TO STDOUT` (PostgreSQL's SQL, not rewritten) and gives its data a row at a
   * time, as Buffers, in batches of about `bytes` (read). Unlike every other call here it does
   * not block while the server works: it waits for the socket on the event loop, so a long
   * export leaves the process free to answer other requests. Until read() has returned null,
   * nothing else may run on the connection; stop() abandons the COPY (close the connection next).
   */
  copyOut(sql: string): { read(bytes: number): Promise<Buffer[] | null>; stop(): void } {
    const pq = this.pq;
    if (!pq.sendQuery(sql)) throw new PostgresError(`${pq.errorMessage().trim()}\n  in: ${sql.slice(0, 200)}`, undefined);
    let state: 'starting' | 'copying' | 'done' = 'starting';
    const readable = () =>
      new Promise<void>((resolve, reject) => {
        pq.once('readable', () => {
          pq.stopReader();
          if (pq.consumeInput()) resolve();
          else reject(new PostgresError(pq.errorMessage().trim(), undefined));
        });
        pq.startReader();
      });
    /** The next result, waiting for it without blocking; false when there are no more. */
    const nextResult = async () => {
      while (pq.isBusy()) await readable();
      return pq.getResult();
    };
    return {
      read: async (bytes) => {
        if (state === 'starting') {
          if (!(await nextResult())) throw new PostgresError('COPY gave no result', undefined);
          this.check(sql);
          if (pq.resultStatus() !== 'PGRES_COPY_OUT') throw new PostgresError(`Not a COPY … TO STDOUT (${pq.resultStatus()})`, undefined);
          state = 'copying';
        }
        const rows: Buffer[] = [];
        let size = 0;
        while (state === 'copying' && size < bytes) {
          const row = pq.getCopyData(true);
          if (typeof row !== 'number') {
            rows.push(row);
            size += row.length;
          } else if (row === 0) await readable();
          else if (row === -1) {
            // The COPY's own result (an error that stopped it midway comes here), then no more.
            state = 'done';
            while (await nextResult()) this.check(sql);
          } else throw new PostgresError(`${pq.errorMessage().trim()}\n  in: ${sql.slice(0, 200)}`, pq.resultErrorFields()?.sqlState);
        }
        return rows.length || state !== 'done' ? rows : null;
      },
      stop: () => {
        if (state === 'done') return;
        state = 'done';
        pq.stopReader();
        // Ask the server to stop now: closing the connection alone leaves a long sort running until its first row.
        pq.cancel();
      },
    };
  }

  /** Whether a transaction is open on this connection (by transaction() or an exec'd BEGIN). */
  get inTransaction(): boolean {
    return this.depth > 0 || this.pq.transactionStatus() !== 0;
  }

  /**
   * fn inside a transaction, as better-sqlite3's transaction(): committed when fn returns, rolled
   * back when it throws (the error passes on). Called inside another, it is a savepoint.
   */
  transaction<Args extends unknown[], Result>(fn: (...args: Args) => Result): Transaction<Args, Result> {
    const run = (...args: Args) => {
      const savepoint = this.depth > 0 ? `sp_${this.depth}` : null;
      this.exec(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN');
      this.depth++;
      try {
        const result = fn(...args);
        this.depth--;
        this.exec(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT');
        return result;
      } catch (error) {
        this.depth--;
        this.exec(savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}` : 'ROLLBACK');
        throw error;
      }
    };
    // better-sqlite3's .immediate/.deferred/.exclusive choose when SQLite takes its write lock;
    // PostgreSQL locks row by row, so all three are the same transaction.
    return Object.assign(run, { immediate: run, deferred: run, exclusive: run });
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.pq.finish();
    // The addon closes its socket watcher on the event loop's next turn; if the connection were
    // collected before then, libuv would read freed memory (and abort). Keep it until that turn.
    closing.add(this.pq);
    setImmediate(() => setImmediate(() => closing.delete(this.pq)));
  }

  /**
   * @internal Runs one statement with its parameters and leaves its result on the connection. A
   * statement with parameters is prepared on the server once per connection (parsed and planned
   * once, as better-sqlite3 does), at most PREPARED_PER_CONNECTION of them.
   */
  execute(sql: string, params: Param[]): LibPq {
    if (!params.length) {
      this.pq.exec(sql);
      this.check(sql);
      return this.pq;
    }
    let name = this.prepared.get(sql);
    if (name === undefined) {
      if (this.prepared.size >= PREPARED_PER_CONNECTION) {
        const [oldest, oldName] = this.prepared.entries().next().value!;
        this.prepared.delete(oldest);
        this.pq.exec(`DEALLOCATE ${oldName}`);
      }
      name = `s${++this.preparedCount}`;
      this.pq.prepare(name, sql, params.length);
      this.check(sql);
      this.prepared.set(sql, name);
    }
    this.pq.execPrepared(name, params.map(asText));
    this.check(sql);
    return this.pq;
  }

  /** @internal The last id an identity column or sequence gave on this connection (0 if none yet). */
  lastInsertId(): number {
    // (lastval() fails when no id has been given yet, which would spoil a transaction: a savepoint keeps it.)
    const inside = this.inTransaction;
    if (inside) this.pq.exec('SAVEPOINT last_insert_id');
    this.pq.exec('SELECT lastval()');
    const id = this.pq.resultStatus() === 'PGRES_TUPLES_OK' ? Number(this.pq.getvalue(0, 0)) : 0;
    if (inside) this.pq.exec(id ? 'RELEASE SAVEPOINT last_insert_id' : 'ROLLBACK TO SAVEPOINT last_insert_id');
    return id;
  }

  /** @internal Rows the last statement changed. */
  changes(): number {
    return Number(this.pq.cmdTuples() || 0);
  }

  private check(sql: string): void {
    const status = this.pq.resultStatus();
    if (status === 'PGRES_FATAL_ERROR' || status === 'PGRES_BAD_RESPONSE' || status === 'PGRES_NONFATAL_ERROR') {
      const message = (this.pq.resultErrorMessage() || this.pq.errorMessage()).trim();
      throw new PostgresError(`${message}\n  in: ${sql.slice(0, 200)}`, this.pq.resultErrorFields()?.sqlState);
    }
  }
}
