import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { whyNoPostgres } from './db/engine/pg-cluster';

const root = import.meta.dirname;
const INCLUDE = ['lib/**/*.test.ts', 'db/**/*.test.ts', 'seed/**/*.test.ts', 'bench/**/*.test.ts', 'app/**/*.test.ts'];

/**
 * Test files about one engine's own machinery, which run on SQLite only (or, under db/engine/,
 * start PostgreSQL themselves): each with why. Every other test file that takes its database from
 * db/testing.ts is a database test, and runs twice: on SQLite and on PostgreSQL.
 */
export const ONE_ENGINE_TEST_FILES: Record<string, string> = {
  'db/engine/': "PostgreSQL's own adapter, migrations, rollups and copy: these tests start their own clusters",
  'bench/floor.test.ts': "the benchmark's floor replays statements through better-sqlite3",
  'bench/postgres-floor.test.ts': "the benchmark's psql floor on PostgreSQL, which starts its own cluster",
  'db/backup.test.ts': "backups of the SQLite file (PostgreSQL's are its own tools', pg_dump: not built here)",
  'db/migrate.test.ts': "SQLite's migrations (PostgreSQL's: db/engine/migrate-pg.test.ts)",
  'db/export/export.test.ts': "the SQLite export's paths: batches, worker threads, one file's snapshot",
  'db/export/copy-pg.test.ts': "PostgreSQL's export by COPY, held byte for byte to SQLite's: it makes both databases itself",
};

function isDatabaseTest(file: string): boolean {
  if (Object.keys(ONE_ENGINE_TEST_FILES).some((prefix) => file.startsWith(prefix))) return false;
  return /from '(?:\.\.?\/)+(?:db\/)?testing'|from '@\/db\/testing'/.test(fs.readFileSync(path.join(root, file), 'utf8'));
}

/** Test files under the folders INCLUDE names (Node 20 has no fs.globSync). */
function testFiles(): string[] {
  const folders = [...new Set(INCLUDE.map((pattern) => pattern.split('/')[0]!))];
  return folders
    .flatMap((folder) => fs.readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' }).map((file) => `${folder}/${file}`))
    .filter((file) => file.endsWith('.test.ts'));
}

export const DATABASE_TEST_FILES = testFiles().filter(isDatabaseTest).sort();

// Without PostgreSQL here (its server programs or the libpq addon missing), the database tests run
// on SQLite alone, and the run says why.
const noPostgres = whyNoPostgres();
if (noPostgres) console.log(`Database tests on PostgreSQL skipped: ${noPostgres}.`);

const shared = {
  resolve: { alias: { '@': root } },
};

export default defineConfig({
  ...shared,
  test: {
    environment: 'node',
    pool: 'forks',
    // Property tests run hundreds of cases against SQLite; on a busy two-core machine one took
    // longer than vitest's 5 s default. A test fails on what it asserts, never on the clock.
    testTimeout: 120_000,
    reporters: ['default', './db/engine/test-count-reporter.ts'],
    projects: [
      { ...shared, test: { name: 'sqlite', include: INCLUDE, environment: 'node', testTimeout: 120_000 } },
      ...(noPostgres ? [] : [{
        ...shared,
        test: {
          name: 'postgres',
          include: DATABASE_TEST_FILES,
          environment: 'node',
          testTimeout: 120_000,
          env: { TEST_DATABASE_ENGINE: 'postgres' },
          globalSetup: ['./db/engine/test-cluster.ts'],
          setupFiles: ['./db/engine/test-file-cleanup.ts'],
        },
      }]),
    ],
  },
});
