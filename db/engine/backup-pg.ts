// Backups of a PostgreSQL installation (docs/decisions/0016): PostgreSQL's own pg_dump and
// pg_restore, with the same promises as the SQLite file's backups (db/backup.ts) — a consistent
// snapshot taken while the app runs, a manifest beside it of each table's row count and content
// hash, and a restore that refuses what it cannot trust and changes nothing when it refuses.
//
// What differs, and why: the dump is pg_dump's custom format, not a database file; the manifest
// is computed in the very snapshot pg_dump reads (an exported snapshot), and also holds the
// dump's own sha256, so a dump changed afterwards is refused before anything is restored. A
// restore goes into an empty database (as npm run db:copy does): with several app servers there
// is no one lock file to say whether the app is running, and an empty database is one no app
// has started on (the first start migrates and seeds). pg_restore runs in one transaction, and
// the restored content is checked against the manifest inside another before it is kept.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BackupError } from '../backup';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { checksum } from './copy-to-postgres';
import { PG_MIGRATIONS_FOLDER } from './migrate-pg';
import { findPostgresBin } from './pg-cluster';
import { PostgresConnection } from './postgres';

/** Each table's row count and content hash (copy-to-postgres's checksum: the rows sorted, as JSON). */
export type PostgresManifest = Record<string, { rows: number; sha256: string }>;

export const postgresManifestPath = (dump: string) => `${dump}.manifest.json`;

/** pg_dump or pg_restore: the newest server's own, else the one on the PATH. */
function program(name: 'pg_dump' | 'pg_restore'): string {
  const found = findPostgresBin();
  return 'bin' in found ? path.join(found.bin, name) : name;
}

/** The manifest of the database as this connection's transaction sees it: every table of the public schema. */
export function postgresManifest(connection: PostgresConnection): PostgresManifest {
  const tables = connection.prepare("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name").pluck().all() as string[];
  const manifest: PostgresManifest = {};
  for (const table of tables) {
    const rows = connection.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).raw().all() as unknown[][];
    manifest[table] = { rows: rows.length, sha256: checksum(rows) };
  }
  return manifest;
}

const fileHash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Dumps the database at `url` to `destination` while the app runs, with its manifest beside it. */
export function backupPostgres(url: string, destination: string): { tables: number; bytes: number } {
  if (fs.existsSync(destination)) throw new BackupError(`${destination} already exists; choose a new file name`);
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const connection = new PostgresConnection(url);
  const partial = `${destination}.partial`;
  try {
    // One snapshot for the manifest and the dump: pg_dump reads exactly what the manifest counted.
    connection.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = connection.prepare('SELECT pg_export_snapshot()').pluck().get() as string;
    const manifest = postgresManifest(connection);
    execFileSync(program('pg_dump'), ['--format=custom', `--snapshot=${snapshot}`, `--file=${partial}`, `--dbname=${url}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    connection.exec('COMMIT');
    fs.renameSync(partial, destination);
    fs.writeFileSync(postgresManifestPath(destination), `${JSON.stringify({ backup: path.basename(destination), engine: 'postgres', sha256: fileHash(destination), tables: manifest }, null, 2)}\n`);
    return { tables: Object.keys(manifest).length, bytes: fs.statSync(destination).size };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup failed and nothing was kept: ${stderrOf(error)}`);
  } finally {
    connection.close();
  }
}

/**
 * Restores a dump into the empty database at `url`, after checking the dump against its manifest;
 * then checks the restored tables against the manifest before committing. Refused (the database
 * left as it was) for a dump without a manifest (unless `withoutManifest`), a changed dump, or a
 * database that is not empty.
 */
export function restorePostgres(dump: string, url: string, { withoutManifest = false } = {}): void {
  if (!fs.existsSync(dump)) throw new BackupError(`Not restored: ${dump} does not exist. The database is unchanged.`);
  const manifestFile = postgresManifestPath(dump);
  let expected: { sha256: string; tables: PostgresManifest } | null = null;
  if (!fs.existsSync(manifestFile)) {
    if (!withoutManifest)
      throw new BackupError(`Not restored: ${dump} has no manifest (${path.basename(manifestFile)}) to check its content against. Restore it with --without-manifest if you trust it. The database is unchanged.`);
  } else {
    expected = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { sha256: string; tables: PostgresManifest };
    if (fileHash(dump) !== expected.sha256) throw new BackupError(`Not restored: ${dump} has been changed since it was backed up (its sha256 is not the manifest's). The database is unchanged.`);
  }
  const connection = new PostgresConnection(url);
  try {
    const holding = connection.prepare("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'").pluck().get() as number;
    if (holding > 0) throw new BackupError(`Not restored: the database already has ${holding} tables. Restore into a new, empty database (createdb), then point DATABASE_URL at it. The database is unchanged.`);
    try {
      execFileSync(program('pg_restore'), ['--single-transaction', '--exit-on-error', '--no-owner', `--dbname=${url}`, dump], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      throw new BackupError(`Not restored: pg_restore could not read ${dump}: ${stderrOf(error)} The database is unchanged.`);
    }
    const problem = restoredProblem(connection, expected?.tables ?? null);
    if (problem) {
      // pg_restore has committed: take everything it made away again, so nothing half-trusted stays.
      connection.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
      throw new BackupError(`Not restored: ${problem}; it was removed again. The database is empty, as it was.`);
    }
  } finally {
    connection.close();
  }
}

/** Why a restored database cannot be kept: a schema this code does not know, or content not the manifest's. */
function restoredProblem(connection: PostgresConnection, expected: PostgresManifest | null): string | null {
  const known = new Set(readMigrationFiles({ migrationsFolder: PG_MIGRATIONS_FOLDER }).map((m) => m.folderMillis));
  const version = connection.prepare(`SELECT CASE WHEN to_regclass('"__drizzle_migrations"') IS NULL THEN NULL ELSE 1 END`).pluck().get()
    ? (connection.prepare('SELECT max(created_at) FROM "__drizzle_migrations"').pluck().get() as number | null)
    : null;
  if (version === null) return 'the dump is not of a dashboard database (it has no migration record)';
  if (!known.has(Number(version))) return `the dump has schema version ${version}, which this version of the dashboard does not know`;
  if (!expected) return null;
  const actual = postgresManifest(connection);
  const differ = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].filter((t) => expected[t]?.rows !== actual[t]?.rows || expected[t]?.sha256 !== actual[t]?.sha256);
  return differ.length ? `what was restored does not match the manifest (${differ.join(', ')})` : null;
}

function stderrOf(error: unknown): string {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
  return (stderr || (error as Error).message).split('\n').slice(0, 3).join(' ');
}
