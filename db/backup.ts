// Backups and restores of the database file. A backup uses SQLite's online backup API (through
// better-sqlite3), which copies a consistent snapshot page by page while the app goes on reading
// and writing. A restore refuses any file that fails PRAGMA integrity_check or was written by a
// schema this code does not know, and replaces the database in one rename, so a refused or
// failed restore leaves the database as it was.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from './migrate';

export class BackupError extends Error {}

/** The schema versions this code knows: the folderMillis of each committed migration. */
function knownSchemaVersions(migrationsFolder = MIGRATIONS_FOLDER): Set<number> {
  return new Set(readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis));
}

/** Why the file cannot be restored, or null if it can. Opens it read-only. */
export function checkDatabaseFile(file: string, migrationsFolder = MIGRATIONS_FOLDER): string | null {
  if (!fs.existsSync(file)) return `${file} does not exist`;
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const problems = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') return `${file} fails SQLite's integrity check: ${problems.slice(0, 3).join('; ')}`;
    const hasMigrations = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
    if (!hasMigrations) return `${file} is not a dashboard database (it has no migration record)`;
    const version = (sqlite.prepare('SELECT max(created_at) AS v FROM "__drizzle_migrations"').get() as { v: number | null }).v;
    if (version === null || !knownSchemaVersions(migrationsFolder).has(Number(version)))
      return `${file} has schema version ${version ?? 'none'}, which this version of the dashboard does not know`;
    return null;
  } catch (error) {
    return `${file} cannot be read as a SQLite database: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    sqlite?.close();
  }
}

/** Copies the live database to `destination` while the app runs, then checks the copy. */
export async function backupDatabase(source: string, destination: string): Promise<{ pages: number }> {
  if (fs.existsSync(destination)) throw new BackupError(`${destination} already exists; choose a new file name`);
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const sqlite = new Database(source, { fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  let pages = 0;
  try {
    await sqlite.backup(destination, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        return 200; // pages a step: the app's writers get the file between steps
      },
    });
  } finally {
    sqlite.close();
  }
  // One self-contained file: the copy inherits the live file's WAL mode, which would give it
  // -wal and -shm companions the moment anything opened it. (The app turns WAL on when it opens
  // a restored file.)
  const copy = new Database(destination);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  const problem = checkDatabaseFile(destination);
  if (problem) {
    fs.rmSync(destination, { force: true });
    throw new BackupError(`The backup failed its check and was removed: ${problem}`);
  }
  return { pages };
}

/**
 * Replaces the database at `target` with the backup, after checking it. Stop the app first:
 * its open connection would keep reading the old file. The backup is copied next to the
 * target, then renamed over it, so the database is never half-restored.
 */
export async function restoreDatabase(backup: string, target: string): Promise<void> {
  const problem = checkDatabaseFile(backup);
  if (problem) throw new BackupError(`Not restored: ${problem}. The database is unchanged.`);
  const incoming = `${target}.restoring`;
  fs.rmSync(incoming, { force: true });
  const sqlite = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await sqlite.backup(incoming);
  } finally {
    sqlite.close();
  }
  // The old file's write-ahead log belongs to it, not to the restored copy.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(incoming, target);
}
