// What kind of error the database gave, asked the same way of both engines: better-sqlite3 names
// a constraint's failure by its code (SQLITE_CONSTRAINT_UNIQUE…), PostgreSQL by its SQLSTATE
// (23505…), and their messages are worded differently.

/** A unique constraint refused the write (a name or address that is already taken). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
