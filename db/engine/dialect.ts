// The SQL the data layer writes for SQLite, as PostgreSQL reads it (docs/decisions/0016): every
// rewrite the shared SQL needs, here and nowhere else, each with why. What cannot be rewritten
// safely stays per engine beside the shared code. SQLite functions PostgreSQL lacks under that
// name (group_concat, json_extract) are defined on PostgreSQL by its "sqlite functions" migration
// instead (db/migrations-pg), where a rewrite would need to parse the SQL.

/** A name or a qualified, possibly quoted, column: o.id, "observations"."id". */
const COLUMN = String.raw`(?:"[^"]+"|[A-Za-z_][\w$]*)(?:\.(?:"[^"]+"|[A-Za-z_][\w$]*))?`;
const PARAM = String.raw`(?:\?|\$\d+)`;

const REWRITES: [RegExp, string, string][] = [
  // SQLite lets a query name the index to use (the figures page's LIMIT needs it); PostgreSQL's
  // planner chooses by itself.
  [/\s+INDEXED\s+BY\s+[A-Za-z_]\w*/gi, '', 'INDEXED BY'],
  // A list passed as one JSON parameter ("id IN (SELECT value FROM json_each(?))"): PostgreSQL's
  // json_each reads objects, not arrays, and its elements come back as text, so the column is
  // compared as text (ids and slugs both read the same as text).
  [new RegExp(String.raw`(${COLUMN})\s+(NOT\s+)?IN\s+\(\s*SELECT\s+value\s+FROM\s+json_each\((${PARAM})\)\s*\)`, 'gi'), '$1::text $2IN (SELECT value FROM json_array_elements_text($3::json))', 'IN json_each'],
  [new RegExp(String.raw`\bjson_each\((${PARAM})\)`, 'gi'), 'json_array_elements_text($1::json) AS value', 'json_each'],
  // "? IS NULL" (an optional filter): PostgreSQL must know a parameter's type, and any value is
  // NULL as text exactly when it is NULL.
  [new RegExp(String.raw`(${PARAM})(\s+IS\s+(?:NOT\s+)?NULL\b)`, 'gi'), '$1::text$2', '? IS NULL'],
  // SQLite's "a IS b" compares NULLs as equal values; PostgreSQL spells it IS NOT DISTINCT FROM.
  [/\bIS\s+NOT\s+(?!NULL\b|TRUE\b|FALSE\b|UNKNOWN\b|DISTINCT\b)(?=[A-Za-z_"(?$])/gi, 'IS DISTINCT FROM ', 'IS NOT'],
  [/\bIS\s+(?!NOT\b|NULL\b|TRUE\b|FALSE\b|UNKNOWN\b|DISTINCT\b)(?=[A-Za-z_"(?$])/gi, 'IS NOT DISTINCT FROM ', 'IS'],
];

/**
 * SQLite-flavoured SQL as PostgreSQL reads it. Quoted strings are left alone: a rewrite applies
 * only to the SQL between them.
 */
export function toPostgresSql(sql: string): string {
  // Split on single-quoted strings; rewrite the parts outside them.
  const parts = sql.split(/('(?:[^']|'')*')/);
  return parts.map((part, i) => (i % 2 === 1 ? part : REWRITES.reduce((text, [re, to]) => text.replace(re, to), part))).join('');
}
