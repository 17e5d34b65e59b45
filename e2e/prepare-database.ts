// Creates the e2e database from scratch: deletes it, migrates and seeds. Refuses to touch any
// file but .e2e-data/e2e.db, so a mistyped DATABASE_PATH can never wipe real figures.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { loadSeed } from '../seed/load';

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
db.$client.close();
console.log(`e2e database ready: ${result.observations} observations from ${result.sources} sources`);
