// drizzle-kit for the PostgreSQL mirror of the schema (db/schema-pg.ts, docs/decisions/0016).
// `npx drizzle-kit generate --config drizzle.pg.config.ts` writes its migrations to
// db/migrations-pg without connecting; the url is used only by commands that do connect.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-pg.ts',
  out: './db/migrations-pg',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/dashboard' },
  strict: true,
  verbose: true,
});
