// Prepared statements kept per connection, for the read queries the pages run on every request:
// preparing costs about as much as running a small query, and `npm run bench` counts it.
// Only for .all() and .get() with rows as arrays (raw): a statement is shared by every caller of
// the same SQL on the connection, so never hold one across an iterate() or change its mode.
import type Database from 'better-sqlite3';
import { isPostgresClient } from './engine/postgres';

const MAX_PER_CONNECTION = 200;
const caches = new WeakMap<Database.Database, Map<string, Database.Statement<unknown[]>>>();

/** The statement for this SQL on this connection, reading rows as arrays. */
export function rawStatement(sqlite: Database.Database, sql: string): Database.Statement<unknown[]> {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    // SQL built from filters varies (one placeholder per value); keep the cache bounded.
    if (cache.size >= MAX_PER_CONNECTION) cache.delete(cache.keys().next().value!);
    statement = sqlite.prepare<unknown[]>(sql).raw(true);
    cache.set(sql, statement);
  }
  return statement;
}

const queries = new WeakMap<Database.Database, Map<string, unknown>>();

/**
 * A drizzle query built and prepared once per connection (`.prepare()`, values as
 * sql.placeholder()), for queries of a fixed shape that every page runs.
 */
export function keptQuery<Q>(db: { $client: Database.Database }, key: string, build: () => Q): Q {
  let kept = queries.get(db.$client);
  if (!kept) queries.set(db.$client, (kept = new Map()));
  if (!kept.has(key)) kept.set(key, build());
  return kept.get(key) as Q;
}

/** Forgets this connection's statements (the benchmark does, to see every statement prepared). */
export function forgetStatements(sqlite: Database.Database): void {
  caches.delete(sqlite);
  queries.delete(sqlite);
}

/**
 * A token that changes whenever the database may have changed: a write on this connection
 * (total_changes) or a commit on any other (data_version). Null on PostgreSQL (db/engine), which
 * keeps no such counter per connection: a caller keying a cache on it reads again instead.
 */
export function changeVersion(sqlite: Database.Database): string | null {
  if (isPostgresClient(sqlite)) return null;
  const [changes, dataVersion] = rawStatement(sqlite, 'SELECT total_changes(), (SELECT data_version FROM pragma_data_version)').get() as [number, number];
  return `${changes}:${dataVersion}`;
}
