import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase } from '../client';
import { BackupError } from '../backup';
import { loadSeed } from '../seed';
import { backupPostgres, postgresManifest, postgresManifestPath, restorePostgres } from './backup-pg';
import { migratePostgres } from './migrate-pg';
import { startThrowawayCluster, whyNoPostgres, type ThrowawayCluster } from './pg-cluster';
import { PostgresConnection } from './postgres';

const why = whyNoPostgres();
if (why) console.log(`Skipping the PostgreSQL backup tests: ${why}.`);

describe.skipIf(why !== null)('backups of a PostgreSQL installation', () => {
  let cluster: ThrowawayCluster;
  let live: string;
  let dir: string;
  let dump: string;
  let databases = 0;
  const emptyDatabase = () => cluster.createDatabase(`restored_${++databases}`);
  const manifestOf = (url: string) => {
    const connection = new PostgresConnection(url);
    try {
      return postgresManifest(connection);
    } finally {
      connection.close();
    }
  };

  beforeAll(() => {
    cluster = startThrowawayCluster();
    live = cluster.createDatabase('live');
    const { db, connection } = openPostgresDatabase(live);
    migratePostgres(connection);
    loadSeed(db, { reportsDir: '/nonexistent' });
    connection.close();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-backup-'));
    dump = path.join(dir, 'dashboard.pgdump');
    backupPostgres(live, dump);
  }, 120_000);
  afterAll(() => {
    cluster?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('dumps while the app runs, with a manifest of every table, and restores into an empty database exactly', () => {
    const manifest = JSON.parse(fs.readFileSync(postgresManifestPath(dump), 'utf8')) as { tables: Record<string, { rows: number }> };
    expect(manifest.tables.observations!.rows).toBeGreaterThan(100);
    expect(manifest.tables).toEqual(manifestOf(live));
    const target = emptyDatabase();
    restorePostgres(dump, target);
    expect(manifestOf(target)).toEqual(manifestOf(live));
    expect(() => backupPostgres(live, dump)).toThrow(/already exists/);
  });

  it('refuses a database that is not empty, and changes nothing in it', () => {
    const before = manifestOf(live);
    expect(() => restorePostgres(dump, live)).toThrow(/already has \d+ tables/);
    expect(manifestOf(live)).toEqual(before);
  });

  it('refuses a dump changed since, or without its manifest unless told to trust it', () => {
    const changed = path.join(dir, 'changed.pgdump');
    const bytes = fs.readFileSync(dump);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    fs.writeFileSync(changed, bytes);
    fs.copyFileSync(postgresManifestPath(dump), postgresManifestPath(changed));
    const target = emptyDatabase();
    expect(() => restorePostgres(changed, target)).toThrow(/changed since it was backed up/);
    const bare = path.join(dir, 'bare.pgdump');
    fs.copyFileSync(dump, bare);
    expect(() => restorePostgres(bare, target)).toThrow(/has no manifest/);
    expect(manifestOf(target)).toEqual({});
    restorePostgres(bare, target, { withoutManifest: true });
    expect(manifestOf(target)).toEqual(manifestOf(live));
  });

  it('takes a restore away again when what it restored is not what the manifest says', () => {
    const edited = path.join(dir, 'edited.pgdump');
    fs.copyFileSync(dump, edited);
    const manifest = JSON.parse(fs.readFileSync(postgresManifestPath(dump), 'utf8')) as { tables: Record<string, { rows: number; sha256: string }> };
    manifest.tables.observations!.sha256 = '0'.repeat(64);
    fs.writeFileSync(postgresManifestPath(edited), JSON.stringify(manifest));
    const target = emptyDatabase();
    let refusal: unknown;
    try {
      restorePostgres(edited, target);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(BackupError);
    expect((refusal as Error).message).toMatch(/does not match the manifest \(observations\)/);
    expect(manifestOf(target)).toEqual({});
  });
});
