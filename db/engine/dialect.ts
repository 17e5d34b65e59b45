// The SQL the data layer writes for SQLite, as PostgreSQL reads it (docs/decisions/0016): every
// rewrite the shared SQL needs, here and nowhere else, each with why. What cannot be rewritten
// safely stays per engine beside the shared code. SQLite functions PostgreSQL lacks under that
// name (group_concat, json_extract) are defined on PostgreSQL by its "sqlite functions" migration
// instead (db/migrations-pg), where a rewrite would need to parse the SQL.
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import * as pgSchema from '../schema-pg';

/** A name or a qualified, possibly quoted, column: o.id, "observations"."id". */
const COLUMN = String.raw`(?:"[^"]+"|[A-Za-z_][\w$]*)(?:\.(?:"[^"]+"|[A-Za-z_][\w$]*))?`;
const PARAM = String.raw`(?:\?|\$\d+)`;

const REWRITES: [RegExp, string | ((match: string, ...groups: string[]) => string), string][] = [
  // SQLite lets a query name the index to use (the figures page's LIMIT needs it); PostgreSQL's
  // planner chooses by itself.
  [/\s+INDEXED\s+BY\s+[A-Za-z_]\w*/gi, '', 'INDEXED BY'],
  // A list passed as one JSON parameter ("id IN (SELECT value FROM json_each(?))"): PostgreSQL's
  // json_each reads objects, not arrays, and its elements come back as text. They are read as the
  // column's type (schema-pg's, by the column's name), so that the column's index serves the
  // lookup; comparing the column as text instead made PostgreSQL read the whole table (15.6 ms
  // against 0.08 ms at 100,000 figures, npm run bench:postgres). A name with no one type is
  // compared as text.
  [new RegExp(String.raw`(${COLUMN})\s+(NOT\s+)?IN\s+\(\s*SELECT\s+value\s+FROM\s+json_each\((${PARAM})\)\s*\)`, 'gi'), listOfColumnType, 'IN json_each'],
  [new RegExp(String.raw`\bjson_each\((${PARAM})\)`, 'gi'), 'json_array_elements_text($1::json) AS value', 'json_each'],
  // "? IS NULL" (an optional filter): PostgreSQL must know a parameter's type, and any value is
  // NULL as text exactly when it is NULL.
  [new RegExp(String.raw`(${PARAM})(\s+IS\s+(?:NOT\s+)?NULL\b)`, 'gi'), '$1::text$2', '? IS NULL'],
  // The figures page's search: FTS5's MATCH on its table is a text search of the table's body
  // (PostgreSQL migration 0003, which also reads the FTS5 query).
  [new RegExp(String.raw`\bfigure_text\s+MATCH\s+(${PARAM})`, 'gi'), "to_tsvector('simple', figure_text.body) @@ fts5_query($1)", 'MATCH'],
  // A column named in camelCase ("u.created_at AS createdAt"): PostgreSQL folds an unquoted name to
  // lower case, SQLite keeps it as written; quoted, both keep it.
  [/\bAS\s+([a-z][a-z0-9]*[A-Z][A-Za-z0-9_]*)\b/g, 'AS "$1"', 'AS camelCase'],
  // A connection's own tables: SQLite's schema "temp" is PostgreSQL's "pg_temp".
  [/(^|[^\w."])temp\.(?=[A-Za-z_"])/gi, '$1pg_temp.', 'temp.'],
  // SQLite's BEGIN IMMEDIATE takes the write lock at once; PostgreSQL locks row by row.
  [/\bBEGIN\s+(?:IMMEDIATE|DEFERRED|EXCLUSIVE)\b/gi, 'BEGIN', 'BEGIN IMMEDIATE'],
  // SQLite's char(10) (a character by its code) is chr() on PostgreSQL, where CHAR names a type.
  [/\bchar\((\d+)\)/gi, 'chr($1)', 'char()'],
  // SQLite's "a IS b" compares NULLs as equal values; PostgreSQL spells it IS NOT DISTINCT FROM.
  [/\bIS\s+NOT\s+(?!NULL\b|TRUE\b|FALSE\b|UNKNOWN\b|DISTINCT\b)(?=[A-Za-z_"(?$])/gi, 'IS DISTINCT FROM ', 'IS NOT'],
  [/\bIS\s+(?!NOT\b|NULL\b|TRUE\b|FALSE\b|UNKNOWN\b|DISTINCT\b)(?=[A-Za-z_"(?$])/gi, 'IS NOT DISTINCT FROM ', 'IS'],
];

/** Every table of schema-pg, as drizzle describes it (its name, columns, keys): read here and by copy-to-postgres.ts. */
export const PG_TABLES = (Object.values(pgSchema) as unknown[])
  .filter((t): t is PgTable => typeof t === 'object' && t !== null && Symbol.for('drizzle:IsDrizzleTable') in t)
  .map((t) => getTableConfig(t));

const COLUMNS = new Map(PG_TABLES.map((config) => [config.name, new Set(config.columns.map((c) => c.name))] as const));

/** Each column name's SQL types across the tables that have it ("id": integer). */
const COLUMN_TYPES = new Map<string, Set<string>>();
for (const config of PG_TABLES) for (const c of config.columns) COLUMN_TYPES.set(c.name, (COLUMN_TYPES.get(c.name) ?? new Set()).add(c.getSQLType()));

/** "column IN (a JSON list)", its elements read as the column's type (see REWRITES). */
function listOfColumnType(_match: string, column: string, not: string | undefined, param: string): string {
  const name = column.split('.').pop()!.replace(/"/g, '');
  const types = COLUMN_TYPES.get(name);
  const type = types?.size === 1 ? [...types][0]! : null;
  const elements = `json_array_elements_text(${param}::json)`;
  if (type === null) return `${column}::text ${not ?? ''}IN (SELECT value FROM ${elements})`;
  return `${column} ${not ?? ''}IN (SELECT value${type === 'text' ? '' : `::${type}`} FROM ${elements})`;
}

/**
 * Each upsert's DO UPDATE SET with the existing row's columns named by their table: bare, they are
 * ambiguous on PostgreSQL ("figures = figure_counts_by_metric.figures + 1").
 */
function qualifyUpserts(sql: string): string {
  return sql.replace(/INSERT INTO (\w+)([\s\S]*?DO UPDATE SET)([\s\S]*?)(;|$)/g, (_m, table: string, middle: string, sets: string, end: string) => {
    const columns = COLUMNS.get(table) ?? new Set<string>();
    const qualified = sets.replace(/(^|[^.\w])([a-z_]+)(?![\w.(])/g, (whole, before: string, name: string, offset: number, text: string) => {
      // Not the column being set ("figures = …"): only names in the values.
      const assigned = /^\s*=/.test(text.slice(offset + whole.length));
      return columns.has(name) && !assigned ? `${before}${table}.${name}` : whole;
    });
    return `INSERT INTO ${table}${middle}${qualified}${end}`;
  });
}

const translated = new Map<string, string>();

/**
 * SQLite-flavoured SQL as PostgreSQL reads it. Quoted strings are left alone: a rewrite applies
 * only to the SQL between them. (Remembered: the data layer's SQL is a few hundred fixed texts.)
 */
export function toPostgresSql(sql: string): string {
  let out = translated.get(sql);
  if (out === undefined) {
    // Split on single-quoted strings; rewrite the parts outside them.
    const parts = sql.split(/('(?:[^']|'')*')/);
    out = qualifyUpserts(parts.map((part, i) => (i % 2 === 1 ? part : REWRITES.reduce((text, [re, to]) => text.replace(re, to as (match: string, ...groups: string[]) => string), part))).join(''));
    if (translated.size < 5000) translated.set(sql, out);
  }
  return out;
}
