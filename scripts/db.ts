// npm run db:migrate | db:seed | db:reset | db:setup | db:backup [file] | db:restore <file> | db:copy <postgres url> — see README.md.
import fs from 'node:fs';
import path from 'node:path';
import { BackupError, backupDatabase, manifestPath, restoreDatabase } from '../db/backup';
import { CopyError, copyToPostgres, NOT_COPIED } from '../db/engine/copy-to-postgres';
import { PostgresConnection, PostgresError } from '../db/engine/postgres';
import { databaseEngine, databasePath, getDb, openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { migrate, prepareDatabase } from '../db/setup';
import { backupPostgres, postgresManifestPath, restorePostgres } from '../db/engine/backup-pg';
import { env } from '../lib/env';
import { loadSeed, SeedError, type SeedResult } from '../db/seed';

function describe(result: SeedResult): string {
  return (
    `${result.observations} observations from ${result.sources} sources (${result.occurrences} figure occurrences); ` +
    `this run added ${result.observationsCreated} observations and ${result.sourcesLinked} source links`
  );
}

const stamp = () => new Date().toISOString().slice(0, 19).replace(/:/g, '-');

async function main(command: string | undefined, argument: string | undefined): Promise<void> {
  const file = databasePath();
  // Which database a command acted on, for its message.
  const where = () => (databaseEngine() === 'postgres' ? 'PostgreSQL' : file);
  switch (command) {
    case 'backup': {
      if (databaseEngine() === 'postgres') {
        // data/backups/dashboard-2026-11-22T10-41-07.pgdump unless a file is named (pg_dump's custom format).
        const destination = argument ?? path.join(path.dirname(file), 'backups', `dashboard-${stamp()}.pgdump`);
        const { tables, bytes } = backupPostgres(env().DATABASE_URL!, destination);
        console.log(`PostgreSQL backed up to ${destination} (${tables} tables, ${bytes.toLocaleString('en-GB')} bytes); manifest ${postgresManifestPath(destination)}`);
        return;
      }
      // data/backups/dashboard-2026-11-22T10-41-07.db unless a file is named.
      const destination = argument ?? path.join(path.dirname(file), 'backups', `dashboard-${stamp()}.db`);
      const { pages } = await backupDatabase(file, destination);
      console.log(`${file} backed up to ${destination} (${pages} pages); integrity check ok; manifest ${manifestPath(destination)}`);
      return;
    }
    case 'restore': {
      if (!argument) {
        console.error('Usage: npm run db:restore -- <backup file> [--without-manifest]   (stop the app first; on PostgreSQL, into an empty database)');
        process.exitCode = 2;
        return;
      }
      const withoutManifest = process.argv.includes('--without-manifest');
      if (databaseEngine() === 'postgres') {
        restorePostgres(argument, env().DATABASE_URL!, { withoutManifest });
        console.log(`PostgreSQL restored from ${argument}; every table checked against the manifest. Start the app.`);
        return;
      }
      await restoreDatabase(argument, file, { withoutManifest });
      console.log(`${file} restored from ${argument}; integrity check ok. Start the app again.`);
      return;
    }
    case 'migrate': {
      const db = databaseEngine() === 'postgres' ? getDb() : openDatabase(file);
      console.log(`${where()}: ${migrate(db)} migration(s) applied`);
      return;
    }
    case 'seed': {
      const db = databaseEngine() === 'postgres' ? getDb() : openDatabase(file);
      migrate(db);
      console.log(`${where()}: ${describe(loadSeed(db))}`);
      return;
    }
    case 'setup': {
      // On PostgreSQL when DATABASE_URL names it (docs/decisions/0016), else the SQLite file.
      const { migrationsApplied, seeded } = prepareDatabase(databaseEngine() === 'postgres' ? getDb() : openDatabase(file));
      console.log(
        `${where()}: ${migrationsApplied} migration(s) applied; ` +
          (seeded ? `seeded: ${describe(seeded)}` : 'already has data, not seeded'),
      );
      return;
    }
    case 'reset': {
      if (databaseEngine() === 'postgres') {
        console.error('npm run db:reset deletes the SQLite file and starts again. On PostgreSQL, drop the database and create it again (dropdb, createdb), then npm run db:setup; nothing was changed.');
        process.exitCode = 2;
        return;
      }
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
      const db = openDatabase(file);
      migrateDatabase(db);
      console.log(`${file}: recreated; ${describe(loadSeed(db))}`);
      return;
    }
    case 'copy': {
      if (!argument) {
        console.error('Usage: npm run db:copy -- postgres://user@host/database   (an empty PostgreSQL database)');
        process.exitCode = 2;
        return;
      }
      const source = openDatabase(file, { optimize: false });
      migrateDatabase(source);
      const target = new PostgresConnection(argument);
      try {
        const report = copyToPostgres(source.$client, target);
        for (const t of report) console.log(`${t.table.padEnd(28)} ${String(t.rows).padStart(9)} rows  sha256 ${t.checksum.slice(0, 16)}…  same on both`);
        console.log(`${file} copied into PostgreSQL: ${report.length} tables, every count and checksum the same on both sides.`);
        for (const [table, reason] of Object.entries(NOT_COPIED)) console.log(`Not copied: ${table} (${reason}).`);
      } finally {
        target.close();
      }
      return;
    }
    default:
      console.error('Usage: tsx scripts/db.ts migrate|seed|setup|reset|backup [file]|restore <file>|copy <postgres url>');
      process.exitCode = 2;
  }
}

main(process.argv[2], process.argv[3]).catch((error: unknown) => {
  if (error instanceof SeedError) {
    console.error(error.message);
    console.error('Nothing was written: the seed runs in one transaction.');
  } else if (error instanceof BackupError) console.error(error.message);
  else if (error instanceof CopyError || error instanceof PostgresError) {
    console.error(error.message);
    console.error('Nothing was copied: the PostgreSQL database is as it was.');
  }
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
