// Creates the e2e database from scratch: deletes it, migrates and seeds. Refuses to touch any
// file but .e2e-data/e2e.db, so a mistyped DATABASE_PATH can never wipe real figures.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { loadSeed } from '../seed/load';
import crypto from 'node:crypto';
import { hashPassword } from '../lib/auth/password';

const expected = path.resolve('.e2e-data/e2e.db');
const target = path.resolve(process.env.DATABASE_PATH ?? '');
if (target !== expected) {
  console.error(`Refusing to prepare ${target || '(no DATABASE_PATH)'}: e2e only uses ${expected}`);
  process.exit(1);
}
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
const db = openDatabase(target);
migrateDatabase(db);
const result = loadSeed(db);

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
