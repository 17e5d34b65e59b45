import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'seed/**/*.test.ts', 'bench/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Property tests run hundreds of cases against SQLite; on a busy two-core machine one took
    // longer than vitest's 5 s default. A test fails on what it asserts, never on the clock.
    testTimeout: 120_000,
  },
});
