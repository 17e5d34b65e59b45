// Moving an installation: every table of a SQLite file copied into an empty PostgreSQL database
// (docs/decisions/0016), then each table's row count and checksum compared on both sides before
// the copy is committed. Everything — the schema's migrations, the rows, the checks — is one
// PostgreSQL transaction: when anything fails, the target is left as empty as it was.
//
// Sessions are not copied (everyone signs in again on the new installation). The figures page's
// search index (figure_text: SQLite's FTS5 table cannot be read back) is built again from the
// copied figures; every other table is copied, rollups included.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { PG_TABLES } from './dialect';
import { migratePostgres, PG_MIGRATIONS_FOLDER } from './migrate-pg';
import { installRollupsPostgres } from './rollups-pg';
import { rebuildFigureText } from '../rollups/rebuild';
import type { PostgresConnection } from './postgres';

export class CopyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyError';
  }
}

export interface TableCopy {
  table: string;
  rows: number;
  /** sha256 of the table's rows, each as JSON in column order, sorted: the same on both sides. */
  checksum: string;
}

/** Tables a copy leaves out, and why. */
export const NOT_COPIED: Record<string, string> = {
  sessions: 'everyone signs in again on the new installation',
};

/** Tables the migrations fill on PostgreSQL too: compared, not copied. */
const FILLED_BY_MIGRATIONS = new Set(['calendar_months']);

const BATCH = 500;

interface TablePlan {
  name: string;
  columns: string[];
  key: string[];
  /** Columns referring to the same table ("part_of_id"): written after every row is in. */
  selfReferences: string[];
  dependsOn: string[];
}

function plans(): TablePlan[] {
  const all = PG_TABLES.map((config) => {
    const refs = config.foreignKeys.map((fk) => {
      const r = fk.reference();
      return { table: getTableConfig(r.foreignTable).name, columns: r.columns.map((c) => c.name) };
    });
    const key = config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
    return {
      name: config.name,
      columns: config.columns.map((c) => c.name),
      key,
      selfReferences: refs.filter((r) => r.table === config.name).flatMap((r) => r.columns),
      dependsOn: [...new Set(refs.map((r) => r.table).filter((name) => name !== config.name))],
    };
  });
  // Parents before children.
  const ordered: TablePlan[] = [];
  const placed = new Set<string>();
  while (ordered.length < all.length) {
    const ready = all.filter((t) => !placed.has(t.name) && t.dependsOn.every((d) => placed.has(d)));
    if (!ready.length) throw new CopyError(`The tables' foreign keys go round in a circle: ${all.filter((t) => !placed.has(t.name)).map((t) => t.name).join(', ')}`);
    for (const t of ready.sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push(t);
      placed.add(t.name);
    }
  }
  return ordered.filter((t) => !(t.name in NOT_COPIED));
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A row's values as they compare on both engines: numbers as numbers, text as text. */
function canonical(row: unknown[]): string {
  return JSON.stringify(row.map((v) => (typeof v === 'bigint' ? Number(v) : v === undefined ? null : v)));
}

/** sha256 of a table's rows, each as JSON in column order, sorted: the same whichever engine they came from. */
export function checksum(rows: unknown[][]): string {
  const hash = crypto.createHash('sha256');
  for (const line of rows.map(canonical).sort()) hash.update(line).update('\n');
  return hash.digest('hex');
}

/**
 * Copies the SQLite database into the PostgreSQL one, which must hold no rows. Returns what was
 * copied, table by table, once every count and checksum agrees; throws CopyError (and leaves the
 * target as it was) otherwise.
 */
export function copyToPostgres(source: Database.Database, target: PostgresConnection, migrationsFolder = PG_MIGRATIONS_FOLDER): TableCopy[] {
  const tables = plans();
  const sourceTables = new Set(source.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  const missing = tables.filter((t) => !sourceTables.has(t.name)).map((t) => t.name);
  if (missing.length) throw new CopyError(`The SQLite file lacks ${missing.join(', ')}: migrate it first (npm run db:migrate).`);
  const report: TableCopy[] = [];
  // One read transaction on the SQLite side too: every table as of one moment, even while the app
  // goes on writing (in WAL mode a reader keeps its snapshot).
  source.exec('BEGIN');
  try {
    target.transaction(() => {
      // The rows first, then the rollups' triggers: the rows carry their rollups with them.
      migratePostgres(target, migrationsFolder, { rollups: false });
      const holding = tables.filter((t) => !FILLED_BY_MIGRATIONS.has(t.name) && (target.prepare(`SELECT count(*) FROM ${quote(t.name)}`).pluck().get() as number) > 0).map((t) => t.name);
      if (holding.length) throw new CopyError(`The PostgreSQL database is not empty (${holding.join(', ')} hold rows): copy into a new, empty database.`);
      for (const t of tables) copyTable(t);
      // (The search index is not among the copied tables: built here from the copied figures.)
      installRollupsPostgres(target, { force: true, rebuild: false });
      rebuildFigureText(target as unknown as Database.Database);
    })();
  } finally {
    source.exec('COMMIT');
  }
  return report;

  function copyTable(t: TablePlan): void {
    try {
      report.push(copyRows(t));
    } catch (error) {
      if (error instanceof CopyError) throw error;
      throw new CopyError(`${t.name}: ${(error as Error).message.split('\n')[0]} Nothing was copied.`);
    }
  }

  function copyRows(t: TablePlan): TableCopy {
    const columnList = t.columns.map(quote).join(', ');
    const rows = source.prepare(`SELECT ${columnList} FROM ${quote(t.name)}`).raw().all() as unknown[][];
    const selfAt = t.selfReferences.map((c) => t.columns.indexOf(c));
    for (let i = 0; i < rows.length && !FILLED_BY_MIGRATIONS.has(t.name); i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const values = batch.map((row) => `(${row.map(() => '?').join(', ')})`).join(', ');
      const params = batch.flatMap((row) => row.map((v, c) => (selfAt.includes(c) ? null : (v as string | number | null))));
      target.prepare(`INSERT INTO ${quote(t.name)} (${columnList}) OVERRIDING SYSTEM VALUE VALUES ${values}`).run(...params);
    }
    // References to rows of the same table, now that every row is there.
    if (selfAt.length) {
      const keyAt = t.key.map((k) => t.columns.indexOf(k));
      const update = target.prepare(`UPDATE ${quote(t.name)} SET ${t.selfReferences.map((c) => `${quote(c)} = ?`).join(', ')} WHERE ${t.key.map((k) => `${quote(k)} = ?`).join(' AND ')}`);
      for (const row of rows) if (selfAt.some((c) => row[c] !== null)) update.run(...selfAt.map((c) => row[c] as number | null), ...keyAt.map((k) => row[k] as number | string));
    }
    // Identity columns go on from the highest id copied.
    if (t.columns.includes('id') && t.key.length === 1 && t.key[0] === 'id') {
      const sequence = target.prepare('SELECT pg_get_serial_sequence(?, ?)').pluck().get(t.name, 'id') as string | null;
      if (sequence) target.prepare(`SELECT setval(?, coalesce((SELECT max(id) FROM ${quote(t.name)}), 1), (SELECT count(*) > 0 FROM ${quote(t.name)}))`).get(sequence);
    }
    const copied = target.prepare(`SELECT ${columnList} FROM ${quote(t.name)}`).raw().all() as unknown[][];
    const before = checksum(rows);
    const after = checksum(copied);
    if (copied.length !== rows.length || before !== after)
      throw new CopyError(`${t.name}: ${rows.length} rows in SQLite, ${copied.length} in PostgreSQL${before !== after ? ', and their contents differ' : ''}. Nothing was copied.`);
    return { table: t.name, rows: rows.length, checksum: after };
  }
}
