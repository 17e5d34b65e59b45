// npm run db:migrate | db:seed | db:reset | db:setup — see README.md.
import fs from 'node:fs';
import { databasePath, openDatabase } from './client';
import { migrateDatabase } from './migrate';
import { prepareDatabase } from './setup';
import { loadSeed, SeedError, type SeedResult } from '../seed/load';

function describe(result: SeedResult): string {
  return (
    `${result.observations} observations from ${result.sources} sources (${result.occurrences} figure occurrences); ` +
    `this run added ${result.observationsCreated} observations and ${result.sourcesLinked} source links`
  );
}

function main(command: string | undefined): void {
  const file = databasePath();
  switch (command) {
    case 'migrate': {
      const applied = migrateDatabase(openDatabase(file));
      console.log(`${file}: ${applied} migration(s) applied`);
      return;
    }
    case 'seed': {
      const db = openDatabase(file);
      migrateDatabase(db);
      console.log(`${file}: ${describe(loadSeed(db))}`);
      return;
    }
    case 'setup': {
      const { migrationsApplied, seeded } = prepareDatabase(openDatabase(file));
      console.log(
        `${file}: ${migrationsApplied} migration(s) applied; ` +
          (seeded ? `seeded: ${describe(seeded)}` : 'already has data, not seeded'),
      );
      return;
    }
    case 'reset': {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
      const db = openDatabase(file);
      migrateDatabase(db);
      console.log(`${file}: recreated; ${describe(loadSeed(db))}`);
      return;
    }
    default:
      console.error('Usage: tsx db/cli.ts migrate|seed|setup|reset');
      process.exitCode = 2;
  }
}

try {
  main(process.argv[2]);
} catch (error) {
  if (error instanceof SeedError) {
    console.error(error.message);
    console.error('Nothing was written: the seed runs in one transaction.');
  } else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
