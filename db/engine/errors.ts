// What kind of error the database gave, asked the same way of both engines: better-sqlite3 names
// a constraint's failure by its code (SQLITE_CONSTRAINT_UNIQUE…), PostgreSQL by its SQLSTATE
// (23505…), and their messages are worded differently.

/** A unique constraint refused the write (a name or address that is already taken). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/**
 * The write waited for a lock another connection held (another server's import, say) and gave up:
 * SQLite's SQLITE_BUSY after its busy timeout, PostgreSQL's lock_not_available (55P03) after its
 * lock timeout, or a deadlock PostgreSQL broke (40P01). Nothing was written; trying again later
 * will do.
 */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === '55P03' || code === '40P01';
}
