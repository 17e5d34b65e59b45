// Runs once when the Next.js server starts: the database is migrated (and seeded when empty)
// before the first request, so a bad migration stops the server instead of failing a page.
import { env } from './lib/env';
export async function register() {
  if (env().NEXT_RUNTIME !== 'nodejs') return;
  const { getDb } = await import('./db/client');
  const { prepareDatabase } = await import('./db/setup');
  const { migrationsApplied, seeded } = prepareDatabase(getDb());
  // db:restore refuses while this server runs (db/server-lock.ts): the SQLite file's lock.
  const { databaseEngine, databasePath } = await import('./db/client');
  const { holdServerLock } = await import('./db/server-lock');
  if (databaseEngine() === 'sqlite') holdServerLock(databasePath());
  const { countUsers } = await import('./db/auth/sign-in');
  if (countUsers(getDb()) === 0)
    console.log(
      'No users yet: officers cannot sign in. Create the first administrator with\n' +
        '  npm run user:add -- --email you@example.gov.uk --role admin\n' +
        '(it asks for the password, or reads USER_PASSWORD). There is no default password.',
    );
  if (migrationsApplied || seeded)
    console.log(
      `Database ready: ${migrationsApplied} migration(s) applied` +
        (seeded ? `, seeded ${seeded.observations} observations from ${seeded.sources} sources` : ''),
    );
}
