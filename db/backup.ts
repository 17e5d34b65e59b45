// Backups and restores of the database file. A backup uses SQLite's online backup API (through
// better-sqlite3), which copies a consistent snapshot page by page while the app goes on reading
// and writing, and writes a manifest beside the copy: each table's row count and a hash of its
// content. A restore refuses while the app runs (db/server-lock.ts), and refuses any file that
// fails PRAGMA integrity_check (which checks structure, not content), was written by a schema this
// code does not know, or whose content no longer matches its manifest ("465" edited to "965").
// It replaces the database in one rename, so a refused or failed restore leaves it as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from './migrate';
import { serverHoldingLock } from './server-lock';

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

/** Each table's row count and the SHA-256 of its rows, in key order. */
export type Manifest = Record<string, { rows: number; sha256: string }>;

export const manifestPath = (backup: string) => `${backup}.manifest.json`;

/** The manifest of a database file: every ordinary table (not SQLite's own, not virtual ones). */
export function contentManifest(file: string): Manifest {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
      .pluck()
      .all() as string[];
    const manifest: Manifest = {};
    for (const table of tables) {
      const columns = (sqlite.pragma(`table_info("${table}")`) as unknown[]).length;
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
      const hash = crypto.createHash('sha256');
      let rows = 0;
      for (const row of sqlite.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw().iterate()) {
        hash.update(`${JSON.stringify(row, (_, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v))}\n`);
        rows++;
      }
      manifest[table] = { rows, sha256: hash.digest('hex') };
    }
    return manifest;
  } finally {
    sqlite.close();
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
  const manifest = contentManifest(destination);
  fs.writeFileSync(manifestPath(destination), `${JSON.stringify({ backup: path.basename(destination), tables: manifest }, null, 2)}\n`);
  return { pages };
}

/**
 * Replaces the database at `target` with the backup, after checking it. Refused while the app
 * runs: its open connection would keep reading, and writing to, the old file. The backup is copied next to the
 * target, then renamed over it, so the database is never half-restored.
 */
export async function restoreDatabase(backup: string, target: string, { withoutManifest = false } = {}): Promise<void> {
  const running = serverHoldingLock(target);
  if (running !== null) throw new BackupError(`Not restored: the app is running (process ${running} holds ${target}). Stop it first; the database is unchanged.`);
  const problem = checkDatabaseFile(backup);
  if (problem) throw new BackupError(`Not restored: ${problem}. The database is unchanged.`);
  if (!fs.existsSync(manifestPath(backup))) {
    if (!withoutManifest)
      throw new BackupError(`Not restored: ${backup} has no manifest (${path.basename(manifestPath(backup))}) to check its content against. Restore it with --without-manifest if you trust it. The database is unchanged.`);
  } else {
    const expected = (JSON.parse(fs.readFileSync(manifestPath(backup), 'utf8')) as { tables: Manifest }).tables;
    const actual = contentManifest(backup);
    const differ = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].filter(
      (t) => expected[t]?.rows !== actual[t]?.rows || expected[t]?.sha256 !== actual[t]?.sha256,
    );
    if (differ.length)
      throw new BackupError(`Not restored: ${backup} has been changed since it was backed up (its ${differ.join(', ')} no longer match the manifest). The database is unchanged.`);
  }
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
