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
    } else if (c === '?') out += `$${++n}`;
    else out += c;
  }
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

  constructor(url: string) {
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
