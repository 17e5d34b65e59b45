// The rollups' triggers on PostgreSQL (docs/decisions/0008 and 0016): the same triggers as
// SQLite's (db/rollups/triggers.ts, written once), each made a PL/pgSQL function and a row trigger
// calling it. What differs, and why:
// - PostgreSQL's trigger WHEN may not hold a subquery, so every condition is tested in the body;
// - a BEFORE trigger must return the row for the write to go on;
// - triggers on one event fire in name order on PostgreSQL (in creation order on SQLite), so each
//   name carries its place in the list;
// - SQLite's two-argument max() is greatest();
// - in an upsert's DO UPDATE SET, PostgreSQL needs the existing row's columns named with the table
//   ("figures = figure_counts_by_metric.figures + 1"): bare, they are ambiguous there;
// - the search index's triggers are left out: search is not on PostgreSQL yet.
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { TRIGGERS, type TriggerDefinition } from '../rollups/triggers';
import * as pgSchema from '../schema-pg';
import { toPostgresSql } from './dialect';
import type { PostgresConnection } from './postgres';

const HEADER = /^CREATE TRIGGER (\w+) (BEFORE|AFTER) (INSERT|DELETE|UPDATE(?: OF [\w, ]+?)?) ON (\w+)(?:\s+WHEN ([\s\S]+?))? BEGIN\n([\s\S]*)END$/;

/** Triggers PostgreSQL does not have yet, by name. */
export const NOT_ON_POSTGRES = (t: TriggerDefinition) => t.name.startsWith('figure_text_');

const COLUMNS = new Map(
  (Object.values(pgSchema) as unknown[])
    .filter((t): t is PgTable => typeof t === 'object' && t !== null && Symbol.for('drizzle:IsDrizzleTable') in t)
    .map((t) => {
      const config = getTableConfig(t);
      return [config.name, new Set(config.columns.map((c) => c.name))] as const;
    }),
);

/** Each upsert's DO UPDATE SET with the existing row's columns named by their table. */
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

export interface PostgresTrigger {
  name: string;
  table: string;
  sql: string[];
}

/** One SQLite trigger as PostgreSQL's function and trigger. */
export function toPostgresTrigger(t: TriggerDefinition, place: number): PostgresTrigger {
  const m = HEADER.exec(t.sql.trim());
  if (!m) throw new Error(`The trigger ${t.name} is not in the shape this translation reads.`);
  const [, , timing, event, table, when, body] = m as unknown as [string, string, 'BEFORE' | 'AFTER', string, string, string | undefined, string];
  const name = `r${String(place).padStart(2, '0')}_${t.name}`;
  const result = timing === 'BEFORE' ? (event === 'DELETE' ? 'OLD' : 'NEW') : 'NULL';
  const statements = qualifyUpserts(toPostgresSql(body).replace(/\bmax\(([\w.]+),\s*([\w.]+)\)/g, 'greatest($1, $2)'));
  const guard = when ? `  IF (${toPostgresSql(when.trim())}) IS NOT TRUE THEN RETURN ${result}; END IF;\n` : '';
  return {
    name,
    table,
    sql: [
      `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $trigger$\nBEGIN\n${guard}${statements}  RETURN ${result};\nEND\n$trigger$`,
      `CREATE TRIGGER ${name} ${timing} ${event} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
    ],
  };
}

export const POSTGRES_TRIGGERS: PostgresTrigger[] = TRIGGERS.map((t, i) => ({ t, i })).filter(({ t }) => !NOT_ON_POSTGRES(t)).map(({ t, i }) => toPostgresTrigger(t, i + 1));

/** Drops the rollups' triggers and creates them again (in the caller's transaction). */
export function installRollupsPostgres(db: PostgresConnection): void {
  const existing = db.prepare("SELECT tgname, tgrelid::regclass::text AS tbl FROM pg_trigger WHERE NOT tgisinternal AND tgname ~ '^r[0-9][0-9]_'").all() as { tgname: string; tbl: string }[];
  for (const { tgname, tbl } of existing) db.exec(`DROP TRIGGER ${tgname} ON ${tbl}; DROP FUNCTION IF EXISTS ${tgname}()`);
  for (const t of POSTGRES_TRIGGERS) for (const statement of t.sql) db.exec(statement);
}
