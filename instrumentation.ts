// Runs once when the Next.js server starts: the database is migrated (and seeded when empty)
// before the first request, so a bad migration stops the server instead of failing a page.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDb } = await import('./db/client');
  const { prepareDatabase } = await import('./db/setup');
  const { migrationsApplied, seeded } = prepareDatabase(getDb());
  if (migrationsApplied || seeded)
    console.log(
      `Database ready: ${migrationsApplied} migration(s) applied` +
        (seeded ? `, seeded ${seeded.observations} observations from ${seeded.sources} sources` : ''),
    );
}
