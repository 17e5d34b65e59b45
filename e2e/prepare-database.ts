// Creates the e2e database from scratch: deletes it, migrates and seeds. Refuses to touch any
// file but .e2e-data/e2e.db, so a mistyped DATABASE_PATH can never wipe real figures. On
// PostgreSQL (npm run test:e2e:postgres, DATABASE_URL) it takes only an empty database named e2e.
import fs from 'node:fs';
import path from 'node:path';
import { isPostgres, openDatabase, openPostgresDatabase } from '../db/client';
import { migrate } from '../db/setup';
import { DEFAULT_REPORTS_DIR, loadSeed, readSeedDataset } from '../db/seed';
import { REPORT_LEFT_FOR_IMPORT } from './fixtures';
import crypto from 'node:crypto';
import { hashPassword } from '../lib/auth/password';
import { env } from '../lib/env';

const expected = path.resolve('.e2e-data/e2e.db');
const url = env().DATABASE_URL;
const target = url ? expected : path.resolve(env().DATABASE_PATH ?? '');
if (target !== expected) {
  console.error(`Refusing to prepare ${target || '(no DATABASE_PATH)'}: e2e only uses ${expected}`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
fs.rmSync(path.join(path.dirname(target), 'server.log'), { force: true });
fs.rmSync(path.join(path.dirname(target), 'credentials.json'), { force: true });
const db = url ? openPostgresDatabase(url).db : openDatabase(target);
if (isPostgres(db)) {
  const dbname = (db.$client.prepare('SELECT current_database()').pluck().get() as string) ?? '';
  const tables = db.$client.prepare("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'").pluck().get() as number;
  if (dbname !== 'e2e' || tables > 0) {
    console.error(`Refusing to prepare the PostgreSQL database ${dbname}: e2e only uses an empty database named e2e`);
    process.exit(1);
  }
}
migrate(db);
// One real report is left for the import test to bring in as an officer would: the seed
// registers its source but neither its text nor its two figure occurrences (both facts stand in
// another report too, so the figures themselves are still there, sourced to that one).
const reportsDir = path.resolve('.e2e-data/reports');
fs.rmSync(reportsDir, { recursive: true, force: true });
fs.mkdirSync(reportsDir, { recursive: true });
if (fs.existsSync(DEFAULT_REPORTS_DIR))
  for (const name of fs.readdirSync(DEFAULT_REPORTS_DIR))
    if (name !== REPORT_LEFT_FOR_IMPORT) fs.copyFileSync(path.join(DEFAULT_REPORTS_DIR, name), path.join(reportsDir, name));
const dataset = readSeedDataset();
dataset.figures = dataset.figures.filter((f) => f.source_file !== REPORT_LEFT_FOR_IMPORT);
const result = loadSeed(db, { reportsDir, dataset });

// Test users with passwords made up for this run only (no password lives in the repository);
// the tests read them from .e2e-data/credentials.json.
async function addUsers() {
  const credentials: Record<string, { email: string; password: string }> = {};
  for (const role of ['viewer', 'officer', 'admin'] as const) {
    const email = `${role}@e2e.test`;
    const password = crypto.randomBytes(18).toString('base64url');
    db.$client
      .prepare('INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, ?)')
      .run(email, `E2E ${role}`, role, await hashPassword(password));
    credentials[role] = { email, password };
  }
  fs.writeFileSync(path.join(path.dirname(target), 'credentials.json'), JSON.stringify(credentials), { mode: 0o600 });
}

addUsers().then(() => {
  db.$client.close();
  console.log(`e2e database ready: ${result.observations} observations from ${result.sources} sources, 3 test users`);
});
