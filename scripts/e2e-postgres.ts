// npm run test:e2e:postgres [-- playwright args]: the e2e suite against the app on PostgreSQL
// (docs/decisions/0016): a throwaway cluster in a temporary directory with an empty database
// named e2e, the suite run as `npm run test:e2e` runs it (production build, Chromium) on its own
// port, then the cluster stopped and removed whatever the outcome.
import { spawnSync } from 'node:child_process';
import { startThrowawayCluster, whyNoPostgres } from '../db/engine/pg-cluster';

const why = whyNoPostgres();
if (why) {
  console.log(`Skipping the e2e suite on PostgreSQL: ${why}.`);
  process.exit(0);
}
const cluster = startThrowawayCluster();
let status = 1;
try {
  const url = cluster.createDatabase('e2e');
  const run = spawnSync('npx', ['--no-install', 'playwright', 'test', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url, E2E_PORT: process.env.E2E_PORT ?? '3212' },
  });
  status = run.status ?? 1;
} finally {
  cluster.stop();
}
process.exit(status);
