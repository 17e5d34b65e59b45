import { defineConfig } from 'drizzle-kit';
import { env } from './lib/env';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
  dbCredentials: { url: env().DATABASE_PATH ?? 'data/dashboard.db' },
  strict: true,
  verbose: true,
});
