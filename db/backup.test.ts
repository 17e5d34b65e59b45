import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BackupError, backupDatabase, checkDatabaseFile, manifestPath, restoreDatabase } from './backup';
import { holdServerLock, serverHoldingLock } from './server-lock';
import { openDatabase } from './client';
import { migrateDatabase } from './migrate';
import { createTestDatabase, createSeededTestDatabase } from './testing';

const count = (file: string) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare('SELECT count(*) AS n FROM observations').get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
};

function seeded() {
  const db = createSeededTestDatabase();
  return { db, file: db.$client.name, dir: path.dirname(db.$client.name) };
}

describe('db:backup', () => {
  it('copies a consistent snapshot while the app keeps writing, and the copy passes its checks', async () => {
    const { db, file, dir } = seeded();
    const before = count(file);
    const writes = setInterval(() => {
      db.$client.prepare("UPDATE observations SET note = 'written during the backup' WHERE id = (SELECT min(id) FROM observations)").run();
    }, 1);
    const backup = path.join(dir, 'backups', 'copy.db');
    try {
      await backupDatabase(file, backup);
    } finally {
      clearInterval(writes);
    }
    expect(checkDatabaseFile(backup)).toBeNull();
    expect(count(backup)).toBe(before);
    // One file, with no write-ahead log beside it.
    expect(fs.readdirSync(path.dirname(backup)).sort()).toEqual(['copy.db', 'copy.db.manifest.json']);
    await expect(backupDatabase(file, backup)).rejects.toThrow(/already exists/);
  });
});

describe('db:restore', () => {
  it('replaces the database with a good backup, figures and all', async () => {
    const { db, file, dir } = seeded();
    const backup = path.join(dir, 'good.db');
    await backupDatabase(file, backup);
    const kept = count(file);
    db.$client.exec('DELETE FROM observation_sources; DELETE FROM observations;');
    db.$client.close();
    expect(count(file)).toBe(0);
    await restoreDatabase(backup, file);
    expect(count(file)).toBe(kept);
    expect(checkDatabaseFile(file)).toBeNull();
  });

  it('refuses a damaged file and leaves the database as it was', async () => {
    const { db, file, dir } = seeded();
    const backup = path.join(dir, 'damaged.db');
    await backupDatabase(file, backup);
    // Overwrite part of a table's pages with garbage, keeping the header readable.
    const bytes = fs.readFileSync(backup);
    bytes.fill(0x5a, 8192, 8192 + 4096 * 4);
    fs.writeFileSync(backup, bytes);
    const kept = count(file);
    db.$client.close();
    await expect(restoreDatabase(backup, file)).rejects.toThrow(BackupError);
    await expect(restoreDatabase(backup, file)).rejects.toThrow(/integrity check|cannot be read|malformed/);
    expect(count(file)).toBe(kept);
  });

  it('refuses a database from an unknown schema version, and a file that is not a database', async () => {
    const { db, file, dir } = seeded();
    const future = path.join(dir, 'future.db');
    await backupDatabase(file, future);
    const other = openDatabase(future);
    other.$client.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run('from-a-later-version', 9_999_999_999_999);
    other.$client.close();
    db.$client.close();
    await expect(restoreDatabase(future, file)).rejects.toThrow(/schema version 9999999999999, which this version of the dashboard does not know/);

    const text = path.join(dir, 'notes.db');
    fs.writeFileSync(text, 'these are not figures');
    await expect(restoreDatabase(text, file)).rejects.toThrow(/cannot be read as a SQLite database|integrity/);

    const empty = path.join(dir, 'empty.db');
    new Database(empty).close();
    await expect(restoreDatabase(empty, file)).rejects.toThrow(/not a dashboard database/);
    expect(checkDatabaseFile(file)).toBeNull();
  });

  it('accepts a database at any schema version this code has (an older backup)', async () => {
    const db = createTestDatabase();
    const file = db.$client.name;
    db.$client.close();
    const old = path.join(path.dirname(file), 'old.db');
    // A database migrated only to the first migration: the folder holds just 0000.
    const firstOnly = fs.mkdtempSync(path.join(path.dirname(file), 'migrations-'));
    fs.mkdirSync(path.join(firstOnly, 'meta'));
    const journal = JSON.parse(fs.readFileSync('db/migrations/meta/_journal.json', 'utf8'));
    journal.entries = journal.entries.slice(0, 1);
    fs.writeFileSync(path.join(firstOnly, 'meta', '_journal.json'), JSON.stringify(journal));
    fs.copyFileSync(`db/migrations/${journal.entries[0].tag}.sql`, path.join(firstOnly, `${journal.entries[0].tag}.sql`));
    const oldDb = openDatabase(old);
    migrateDatabase(oldDb, firstOnly);
    oldDb.$client.close();
    expect(checkDatabaseFile(old)).toBeNull();
  });
});

describe('a backup you can trust', () => {
  it('writes a manifest beside the copy, and a restore refuses a copy whose content was changed', async () => {
    const { db, file, dir } = seeded();
    const backup = path.join(dir, 'checked.db');
    await backupDatabase(file, backup);
    const manifest = JSON.parse(fs.readFileSync(manifestPath(backup), 'utf8')) as { tables: Record<string, { rows: number; sha256: string }> };
    expect(manifest.tables.observations!.rows).toBe(count(file));
    expect(manifest.tables.audit_log!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // "465" edited to "965": the file still passes SQLite's integrity check, but not its manifest.
    const tampered = new Database(backup);
    tampered.prepare('UPDATE observations SET value = value + 500 WHERE id = (SELECT min(id) FROM observations)').run();
    tampered.close();
    expect(checkDatabaseFile(backup)).toBeNull();
    const kept = count(file);
    db.$client.close();
    const refused = await restoreDatabase(backup, file).then(() => 'restored', (e: Error) => e.message);
    expect(refused).toMatch(/has been changed since it was backed up \(its .*\bobservations\b.* no longer match/);
    expect(count(file)).toBe(kept);
  });

  it('refuses a backup with no manifest unless told to trust it', async () => {
    const { db, file, dir } = seeded();
    const backup = path.join(dir, 'bare.db');
    await backupDatabase(file, backup);
    fs.rmSync(manifestPath(backup));
    db.$client.close();
    await expect(restoreDatabase(backup, file)).rejects.toThrow(/has no manifest/);
    await restoreDatabase(backup, file, { withoutManifest: true });
    expect(checkDatabaseFile(file)).toBeNull();
  });

  it('refuses to restore while the app runs, and not after it has gone', async () => {
    const { db, file, dir } = seeded();
    const backup = path.join(dir, 'while-running.db');
    await backupDatabase(file, backup);
    db.$client.close();
    // A running server: this test's own process holds the lock.
    holdServerLock(file);
    await expect(restoreDatabase(backup, file)).rejects.toThrow(`the app is running (process ${process.pid}`);
    // A server killed with -9 leaves its lock behind, naming a process that no longer runs.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(`${file}.server.lock`, gone.stdout);
    expect(serverHoldingLock(file)).toBeNull();
    await restoreDatabase(backup, file);
    expect(checkDatabaseFile(file)).toBeNull();
  });
});
