// Every environment variable the project reads, checked with zod and read nowhere else. Read
// when asked (not once at load), so tests and scripts that set a variable see it.
import { z } from 'zod';

const flag = z.enum(['0', '1'], { error: 'must be 0 or 1' });
const SCHEMA = z.object({
  /** The SQLite database file (default data/lga.db). */
  DATABASE_PATH: z.string().optional(),
  /**
   * A PostgreSQL database to run on instead ("postgres://user@host/database", or a libpq connection
   * string): docs/decisions/0016. Without it, the SQLite file.
   */
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(?:ql)?:\/\//.test(v) || /\bdbname=/.test(v), { error: 'must be a postgres:// URL or a libpq connection string' })
    .optional(),
  /** Where the board reports' texts are read from by the seed loader (default ../shared/reports). */
  REPORTS_DIR: z.string().optional(),
  /** 1: the app stands behind a proxy of ours that sets X-Forwarded-For, -Proto and -Host (else they are ignored). */
  TRUST_PROXY: flag.optional(),
  /** 1: every page and export needs a signed-in user. */
  REQUIRE_SIGN_IN: flag.optional(),
  /**
   * How many worker threads write a whole CSV export (default 1: on the request's own thread,
   * within the server's memory budget). 2–4 on a server with idle cores and memory to spare: at a
   * million figures the export takes about 60% of the time, for about 90 MB more (`npm run bench`).
   */
  EXPORT_WORKERS: z.coerce.number().int().min(1, { error: 'must be 1 to 4' }).max(4, { error: 'must be 1 to 4' }).optional(),
  /** The server log's level and file (default info, to standard output). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be a pino level (info, warn…)' }).optional(),
  LOG_FILE: z.string().optional(),
  /** Set by Next.js and by vitest. */
  NODE_ENV: z.string().optional(),
  NEXT_RUNTIME: z.string().optional(),
  VITEST: z.string().optional(),
  /** npm run user:add reads the new user's password from here instead of asking. */
  USER_PASSWORD: z.string().optional(),
  /** The tests' browser and port, and whether this is CI. */
  CHROMIUM_PATH: z.string().optional(),
  E2E_PORT: z.coerce.number().int().positive({ error: 'must be a port number' }).optional(),
  CI: z.string().optional(),
});

export type Env = z.output<typeof SCHEMA>;

/** The environment, checked; a variable set to something unusable stops with a message naming it. */
export function env(): Env {
  const parsed = SCHEMA.safeParse(process.env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`Environment variable ${String(issue.path[0])} ${issue.message}`);
}
