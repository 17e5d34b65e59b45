// The export's fast path on PostgreSQL (docs/decisions/0016): a query's rows as CSV written by
// the server, `COPY (…) TO STDOUT (FORMAT csv)`, streamed to the response on a connection of the
// export's own, with the same bytes as lib/csv.ts writes on SQLite. PostgreSQL's own, so it sits
// here beside the shared export (export.ts), which chooses it.
//
// COPY's CSV quotes a value exactly where csvCell does (a quote, comma, CR or LF in it; quotes
// doubled), so the query's cells are handed to it as text that is already what csvCell would
// quote — the rest of csvCell done in SQL, by each column's type:
// - text: the formula guard (a leading apostrophe before = + - @ tab CR); an empty text as NULL,
//   which COPY writes as nothing (an empty string it would write as "");
// - integers: as PostgreSQL writes them, which is as JavaScript does;
// - double precision: as JavaScript's String(number) writes it (jsNumberSql), not as PostgreSQL
//   does (1e+15 for 1000000000000000, 1e-05 for 0.00001);
// - NULL: nothing, on both.
// (COPY would also quote a lone \. in a query of one column, which no export is.) Each row COPY
// ends in LF; ours end in CRLF, added here as the rows are copied into a chunk. And the heading,
// with its byte-order mark, is written here as on SQLite.
//
// Not the `pg` package's COPY stream (decision 0016 first thought of it): the connection's own
// libpq, read without blocking (PostgresConnection.copyOut), does the same with no second driver.
import { toCsv } from '../../lib/csv';
import { openPostgresDatabase, type AppDatabase } from '../client';
import { withLiterals, type Param } from '../engine/postgres';

/** About this many bytes of rows per chunk of the download. */
const CHUNK_BYTES = 64 * 1024;

// pg_type OIDs of the columns an export may have.
const TEXT_TYPES = new Set([25, 1043, 1042, 19]); // text, varchar, char, name
const INTEGER_TYPES = new Set([21, 23, 20]); // smallint, integer, bigint (exact in JavaScript to 2^53)
const FLOAT8 = 701;

/**
 * The rows of `query` (built on the export's own connection: SQLite-flavoured SQL, as the data
 * layer writes it, with its parameters), as the CSV csvStream would write them under `header`:
 * one snapshot (a read-only, repeatable-read transaction), read as the client reads, and the
 * connection closed when the rows end, fail or the client goes away.
 */
export function copyCsvStream(
  url: string,
  header: string[],
  query: (db: AppDatabase) => { sql: string; params: unknown[] },
  { bom = true }: { bom?: boolean } = {},
): ReadableStream<Uint8Array> {
  const { db, connection } = openPostgresDatabase(url);
  let copy: ReturnType<typeof connection.copyOut>;
  try {
    // Shortest exact floats (the default since PostgreSQL 12, set in case a server says otherwise),
    // UTF-8 bytes, and quotes as sqlLiteral writes them. No JIT: the cells' long expressions
    // (jsNumberSql's rare branch counts in the plan's cost) made the server compile for seconds
    // what it then ran in a fraction of one (measured: 2.6 s against 0.3 s at 100,000 rows).
    connection.exec("SET extra_float_digits = 1; SET client_encoding = 'UTF8'; SET standard_conforming_strings = on; SET jit = off");
    connection.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { sql, params } = query(db);
    // COPY's query takes no parameters: they are written into it.
    const select = withLiterals(sql, params as Param[]);
    const columns = connection.columnTypes(select).map((type, i) => ({ name: `c${i + 1}`, type }));
    if (columns.length !== header.length) throw new Error(`The export's query gives ${columns.length} columns for ${header.length} headings`);
    // Named by position (the query's own names repeat: two tables' "value"). The query's ORDER
    // BY is kept: a subquery with one is read as it is, not merged into the outer query.
    const cells = columns.map(({ name, type }) => cellSql(`q.${name}`, type));
    copy = connection.copyOut(`COPY (SELECT ${cells.join(', ')} FROM (${select}) AS q(${columns.map((c) => c.name).join(', ')})) TO STDOUT (FORMAT csv)`);
  } catch (error) {
    connection.close();
    throw error;
  }
  const close = () => {
    copy.stop();
    connection.close();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(toCsv(header, [], { bom })));
    },
    async pull(controller) {
      try {
        const rows = await copy.read(CHUNK_BYTES);
        if (rows) return controller.enqueue(crlfRows(rows));
        connection.exec('COMMIT');
        connection.close();
        controller.close();
      } catch (error) {
        close();
        controller.error(error);
      }
    },
    cancel() {
      close();
    },
  });
}

/** COPY's rows, each ending in LF (CRLF from a server on Windows), as one chunk of rows ending in CRLF. */
function crlfRows(rows: Buffer[]): Uint8Array {
  let size = 0;
  for (const row of rows) size += row.length + 1;
  const chunk = new Uint8Array(size);
  let at = 0;
  for (const row of rows) {
    // (A CR before the last LF is a line end's: unquoted, a value holds no CR.)
    const end = row.length >= 2 && row[row.length - 2] === 13 ? row.length - 2 : row.length - 1;
    chunk.set(row.subarray(0, end), at);
    at += end;
    chunk[at++] = 13;
    chunk[at++] = 10;
  }
  return chunk.subarray(0, at);
}

/** A column of type `type` as the text csvCell would quote (or NULL), by the rules at the top. */
function cellSql(column: string, type: number): string {
  if (TEXT_TYPES.has(type)) return csvTextSql(column);
  if (INTEGER_TYPES.has(type)) return column;
  if (type === FLOAT8) return jsNumberSql(column);
  throw new Error(`The export cannot write a column of type ${type} by COPY`);
}

/** csvCell's formula guard on a text column (lib/csv.ts: = + - @ tab CR, by their codes), and '' as NULL. */
export function csvTextSql(column: string): string {
  return `CASE WHEN ascii(${column}) IN (61, 43, 45, 64, 9, 13) THEN '''' || ${column} WHEN ${column} <> '' THEN ${column} END`;
}

/** 2^53: from here doubles are even integers, and PostgreSQL's digits can be longer than JavaScript's (jsNumberSql). */
const EXACT_INTEGERS = 9007199254740992;
/** The largest double, as PostgreSQL writes it: rounded to fewer digits it can pass it (2e308), which no double holds. */
const MAX_DOUBLE = '1.7976931348623157e308';

/**
 * A double precision as JavaScript's String(number) writes it (ECMAScript's Number::toString):
 * the shortest digits that read back as the same double, plain from 1e-7 up to 1e21 and with an
 * exponent outside ("1e+21", "1.5e-7"); NaN and infinities as NULL (csvCell writes them as
 * nothing); -0 as "0".
 *
 * PostgreSQL (extra_float_digits 1) gives the same shortest digits but writes an exponent outside
 * 1e-4 to 1e15, and pads it ("1e-05"): those are rewritten. And where a shorter number lies
 * exactly halfway to the next double, JavaScript takes it (it reads back as this double, ties to
 * even) and PostgreSQL does not (1190221810550000128 is "1.1902218105500001e+18" there,
 * "1190221810550000000" in JavaScript). That happens only from 2^53, where every double is an
 * integer: there the shortest is found by rounding to 1, 2, … 17 digits until one reads back.
 */
export function jsNumberSql(x: string): string {
  const text = `${x}::text`;
  const sign = `CASE WHEN ${x} < 0 THEN '-' ELSE '' END`;
  // PostgreSQL's exponent form, d.ddde±XX, taken apart: its digits, and how many of them come
  // before the decimal point (JavaScript's n).
  const mantissa = `split_part(ltrim(${text}, '-'), 'e', 1)`;
  const exponent = `split_part(${text}, 'e', 2)::int`;
  const digits = `replace(${mantissa}, '.', '')`;
  const k = `length(${digits})`;
  const n = `(${exponent} + 1)`;
  // From 2^53: the shortest integer that reads back as the double, with an exponent from 1e21.
  const large = `(SELECT CASE WHEN length(c) <= 21 THEN c ELSE left(d, 1) || CASE WHEN length(d) > 1 THEN '.' || substr(d, 2) ELSE '' END || 'e+' || (length(c) - 1) END
      FROM (SELECT r::text AS c, rtrim(r::text, '0') AS d FROM (SELECT round(v, p - length(v::text)) AS r, p FROM (SELECT abs(${x})::text::numeric AS v) a, generate_series(1, 17) AS p) r
        WHERE CASE WHEN r <= ${MAX_DOUBLE} THEN r::float8 = abs(${x}) END ORDER BY p LIMIT 1) s)`;
  return `CASE WHEN ${x} IS NULL OR ${x} IN ('NaN', 'Infinity', '-Infinity') THEN NULL
    WHEN ${x} = 0 THEN '0'
    WHEN abs(${x}) >= ${EXACT_INTEGERS}::float8 THEN ${sign} || ${large}
    WHEN strpos(${text}, 'e') = 0 THEN ${text}
    WHEN ${n} BETWEEN ${k} AND 21 THEN ${sign} || ${digits} || repeat('0', ${n} - ${k})
    WHEN ${n} BETWEEN 1 AND 21 THEN ${sign} || left(${digits}, ${n}) || '.' || substr(${digits}, ${n} + 1)
    WHEN ${n} BETWEEN -5 AND 0 THEN ${sign} || '0.' || repeat('0', -${n}) || ${digits}
    ELSE ${sign} || ${mantissa} || 'e' || CASE WHEN ${exponent} < 0 THEN '-' ELSE '+' END || abs(${exponent}) END`;
}
