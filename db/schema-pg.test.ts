// db/schema-pg.ts mirrors db/schema.ts (docs/decisions/0016): the same tables, columns, keys,
// indexes and constraint names, so that the app's SQL means the same on both engines. Read from
// drizzle's table configs, no database needed: a column, index or constraint added to one schema
// only fails here. (What a CHECK says is translated, GLOB to a regular expression: only its name is
// compared; the generated migrations show both.)
import { Column, getTableName, is, SQL, StringChunk } from 'drizzle-orm';
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';

import * as sqliteSchema from './schema';
import * as pgSchema from './schema-pg';

/** What a column is stored as, by engine: the same kind on both, or the app reads other values (a boolean has none: it fails). */
const KINDS: Record<string, string> = {
  SQLiteInteger: 'integer',
  SQLiteReal: 'real',
  SQLiteText: 'text',
  PgInteger: 'integer',
  PgSerial: 'integer',
  PgBigInt53: 'integer',
  PgDoublePrecision: 'real',
  PgText: 'text',
};

interface ColumnShape {
  kind: string;
  notNull: boolean;
  primaryKey: boolean;
  generatedId: boolean;
  default: unknown;
  onUpdate: boolean;
  enumValues: readonly string[] | null;
}

interface IndexShape {
  columns: string[];
  unique: boolean;
  where: string | null;
}

interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  foreignKeys: string[];
  indexes: Record<string, IndexShape>;
  checks: string[];
}

/** The SQL of an index expression or WHERE clause, with columns by name and whitespace evened out. */
function sqlText(chunk: unknown): string {
  if (is(chunk, SQL)) return chunk.queryChunks.map(sqlText).join('');
  if (is(chunk, StringChunk)) return chunk.value.join('');
  if (is(chunk, Column)) return chunk.name;
  if (typeof chunk === 'string') return chunk;
  throw new Error(`Unexpected chunk in index SQL: ${String(chunk)}`);
}
const evenSpaces = (text: string) => text.replace(/\s+/g, ' ').trim();

/** An index column: a column (or, on PostgreSQL, an indexed column) by name, an expression by its text. */
function indexColumn(column: unknown): string {
  if (is(column, SQL)) return evenSpaces(sqlText(column));
  if (column !== null && typeof column === 'object' && 'name' in column && typeof column.name === 'string') return column.name;
  throw new Error(`Unexpected index column: ${String(column)}`);
}

type Config = ReturnType<typeof sqliteTableConfig> | ReturnType<typeof pgTableConfig>;

function shapeOf(config: Config): TableShape {
  const compositeKey = config.primaryKeys.flatMap((key) => key.columns.map((column) => column.name));
  const columns: Record<string, ColumnShape> = {};
  const indexes: Record<string, IndexShape> = {};
  for (const column of config.columns as Column[]) {
    const kind = KINDS[column.columnType];
    if (!kind) throw new Error(`${config.name}.${column.name}: no kind for ${column.columnType}`);
    columns[column.name] = {
      kind,
      notNull: column.notNull,
      primaryKey: column.primary || compositeKey.includes(column.name),
      generatedId: ('autoIncrement' in column && column.autoIncrement === true) || column.generatedIdentity !== undefined,
      default: column.default === undefined ? null : is(column.default, SQL) ? 'sql' : column.default,
      onUpdate: column.onUpdateFn !== undefined,
      enumValues: column.enumValues ?? null,
    };
    // A column's .unique(): a unique index on SQLite, a unique constraint (and its index) here.
    if (column.isUnique) indexes[column.uniqueName ?? `${column.name}_unique`] = { columns: [column.name], unique: true, where: null };
  }
  for (const unique of config.uniqueConstraints) {
    indexes[unique.name ?? '(unnamed)'] = { columns: unique.columns.map((column) => column.name), unique: true, where: null };
  }
  for (const index of config.indexes) {
    const { name, columns: indexed, unique, where } = index.config;
    indexes[name ?? '(unnamed)'] = {
      columns: (indexed as unknown[]).map(indexColumn),
      unique,
      where: where === undefined ? null : evenSpaces(sqlText(where)),
    };
  }
  const foreignKeys = config.foreignKeys
    .map((key) => {
      const { columns: from, foreignColumns, foreignTable } = key.reference();
      const to = `${getTableName(foreignTable)}(${foreignColumns.map((column) => column.name).join(', ')})`;
      const actions = `on delete ${key.onDelete ?? 'no action'} on update ${key.onUpdate ?? 'no action'}`;
      return `(${from.map((column) => column.name).join(', ')}) -> ${to} ${actions}`;
    })
    .sort();
  const primaryKey =
    compositeKey.length > 0 ? compositeKey : (config.columns as Column[]).filter((column) => column.primary).map((column) => column.name);
  return { columns, primaryKey, foreignKeys, indexes, checks: config.checks.map((c) => c.name).sort() };
}

const sqliteTables = new Map(
  Object.values(sqliteSchema)
    .filter((value) => is(value, SQLiteTable))
    .map((table) => [getTableName(table), sqliteTableConfig(table)] as const),
);
const pgTables = new Map(
  Object.values(pgSchema)
    .filter((value) => is(value, PgTable))
    .map((table) => [getTableName(table), pgTableConfig(table)] as const),
);

describe('the PostgreSQL schema mirrors the SQLite schema', () => {
  it('has the same tables', () => {
    expect(sqliteTables.size).toBeGreaterThanOrEqual(26);
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
  });

  it.each([...sqliteTables.keys()].sort())('%s has the same columns, keys, indexes and checks', (name) => {
    const sqlite = sqliteTables.get(name);
    const pg = pgTables.get(name);
    if (!sqlite || !pg) throw new Error(`${name} is missing from one schema`);
    expect(shapeOf(pg)).toEqual(shapeOf(sqlite));
  });
});
