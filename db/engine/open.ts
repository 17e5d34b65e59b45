// The app's database handle on PostgreSQL (docs/decisions/0016): drizzle's better-sqlite3 driver
// over the synchronous PostgreSQL connection, which offers it the same calls (prepare, get, all,
// run, raw). The query builder's SQL and the hand-written SQL both go through the connection's
// dialect rewrites (dialect.ts), so one data layer serves both engines where its SQL is shared.
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { AppDatabase } from '../client';
import * as schema from '../schema';
import { PostgresConnection } from './postgres';

/** The handle, and its connection (to close it). */
export function openPostgresDatabase(url: string): { db: AppDatabase; connection: PostgresConnection } {
  const connection = new PostgresConnection(url);
  return { db: drizzle(connection as never, { schema }) as unknown as AppDatabase, connection };
}
