// The rollups' triggers on PostgreSQL (docs/decisions/0008 and 0016): the same triggers as
// SQLite's (db/rollups/triggers.ts, written once), each made a PL/pgSQL function and a row trigger
// calling it. What differs, and why:
// - PostgreSQL's trigger WHEN may not hold a subquery, so every condition is tested in the body;
// - a BEFORE trigger must return the row for the write to go on;
// - triggers on one event fire in name order on PostgreSQL (in creation order on SQLite), so each
//   name carries its place in the list;
// - SQLite's two-argument max() is greatest();
// - the search index (figure_text) is a plain table there (PostgreSQL migration 0003): the same
//   triggers keep it;
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { rebuildRollups } from '../rollups/rebuild';
import { TRIGGERS, type TriggerDefinition } from '../rollups/triggers';
import { toPostgresSql } from './dialect';
import type { PostgresConnection } from './postgres';

const HEADER = /^CREATE TRIGGER (\w+) (BEFORE|AFTER) (INSERT|DELETE|UPDATE(?: OF [\w, ]+?)?) ON (\w+)(?:\s+WHEN ([\s\S]+?))? BEGIN\n([\s\S]*)END$/;

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
  const statements = toPostgresSql(body).replace(/\bmax\(([\w.]+),\s*([\w.]+)\)/g, 'greatest($1, $2)');
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

export const POSTGRES_TRIGGERS: PostgresTrigger[] = TRIGGERS.map((t, i) => toPostgresTrigger(t, i + 1));

/** A fingerprint of the triggers' text, kept as the first trigger function's comment. */
const VERSION = crypto.createHash('sha256').update(POSTGRES_TRIGGERS.flatMap((t) => t.sql).join('\n;\n')).digest('hex').slice(0, 16);

/**
 * Installs the triggers and rebuilds the rollups from the figures if the triggers are not the
 * current ones (or `force`), as db/rollups/index.ts does on SQLite, in the caller's transaction.
 * `rebuild: false` for rows that bring their rollups with them (db:copy). Returns whether it did.
 */
export function installRollupsPostgres(db: PostgresConnection, { force = false, rebuild = true }: { force?: boolean; rebuild?: boolean } = {}): boolean {
  const first = POSTGRES_TRIGGERS[0]!.name;
  const current = db.prepare('SELECT obj_description(to_regproc(?), ?)').pluck().get(first, 'pg_proc') as string | null;
  if (!force && current === VERSION) return false;
  const existing = db.prepare("SELECT tgname, tgrelid::regclass::text AS tbl FROM pg_trigger WHERE NOT tgisinternal AND tgname ~ '^r[0-9][0-9]_'").all() as { tgname: string; tbl: string }[];
  for (const { tgname, tbl } of existing) db.exec(`DROP TRIGGER ${tgname} ON ${tbl}; DROP FUNCTION IF EXISTS ${tgname}()`);
  for (const t of POSTGRES_TRIGGERS) for (const statement of t.sql) db.exec(statement);
  if (rebuild) rebuildRollups(db as unknown as Database.Database);
  db.exec(`COMMENT ON FUNCTION ${first}() IS '${VERSION}'`);
  return true;
}
