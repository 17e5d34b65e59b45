// vitest's global setup for the database tests' second run, on PostgreSQL (the "postgres" project
// of vitest.config.mts): one throwaway cluster for the run, holding two templates that each
// test's database is copied from (db/testing.ts) — migrated, and migrated and seeded — so a test
// waits for a file copy, not for the migrations and the seed to run again.
import { openPostgresDatabase } from '../client';
import { loadSeed } from '../seed';
import { TEST_TEMPLATES } from '../testing';
import { migratePostgres } from './migrate-pg';
import { startThrowawayCluster } from './pg-cluster';

export default function setup(): () => void {
  const cluster = startThrowawayCluster();
  try {
    const migrated = openPostgresDatabase(cluster.createDatabase(TEST_TEMPLATES.migrated));
    migratePostgres(migrated.connection);
    migrated.connection.close();
    const admin = openPostgresDatabase(cluster.url).connection;
    admin.exec(`CREATE DATABASE ${TEST_TEMPLATES.seeded} TEMPLATE ${TEST_TEMPLATES.migrated}`);
    admin.close();
    const seeded = openPostgresDatabase(`${cluster.url} dbname=${TEST_TEMPLATES.seeded}`);
    loadSeed(seeded.db, { reportsDir: '/nonexistent' });
    seeded.connection.close();
  } catch (error) {
    cluster.stop();
    throw error;
  }
  // The test workers are started after this and inherit the environment.
  process.env.TEST_POSTGRES_URL = cluster.url;
  return () => cluster.stop();
}
