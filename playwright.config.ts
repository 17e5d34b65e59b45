import { defineConfig, devices } from '@playwright/test';
import { env } from './lib/env';

// e2e runs against a production build (`next start`) on a throwaway database that global setup
// creates, migrates and seeds. Chromium is Debian's (/usr/bin/chromium): Playwright cannot
// download its own browser here.
const PORT = Number(env().E2E_PORT ?? 3210);

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: env().CI ? 1 : 0,
  reporter: 'list',
  // Two cores run the server, two browsers and scrypt at once: allow a page 10 s to settle.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: env().CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `tsx e2e/prepare-database.ts && bash scripts/serve.sh -H 127.0.0.1 -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    // The server's structured log goes to a file that e2e/officers.spec.ts reads (its log test).
    // It stands for an installation behind our own TLS proxy, so forwarded headers are trusted
    // (TRUST_PROXY=1; app/_server/proxy-headers.test.ts checks they are ignored without it).
    // (On PostgreSQL, npm run test:e2e:postgres passes DATABASE_URL: the same suite, the same app.)
    env: { DATABASE_PATH: '.e2e-data/e2e.db', LOG_FILE: '.e2e-data/server.log', NEXT_TELEMETRY_DISABLED: '1', TRUST_PROXY: '1', ...(env().DATABASE_URL ? { DATABASE_URL: env().DATABASE_URL! } : {}) },
  },
});
