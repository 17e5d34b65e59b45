// Structured server logs: one JSON line for each write, import, sign-in and refusal, naming the
// user by id, email and role. Reads are not logged (the audit trail and these lines are for
// changes). A password, a cookie or a session id is never written: callers pass only the fields
// below, and redaction blanks those names anywhere in an entry in case one is ever passed.
import pino, { type DestinationStream, type Logger } from 'pino';
import type { SessionUser } from './auth/roles';
import { env } from './env';

// Field names that must never reach a log line, at the top level or one level down.
const SECRET_FIELDS = ['password', 'passwordHash', 'password_hash', 'cookie', 'cookies', 'session', 'sessionId', 'token', 'authorization'];
const REDACT_PATHS = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]);

export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: env().LOG_LEVEL ?? (env().VITEST ? 'silent' : 'info'),
      base: { app: 'lga-impact-dashboard' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    // LOG_FILE sends the lines to a file (the e2e tests read it); otherwise standard output.
    // Synchronous: a line is on disk before the answer leaves, and writes are few.
    destination ?? pino.destination({ dest: env().LOG_FILE || 1, sync: true, mkdir: true }),
  );
}

const globalForLog = globalThis as unknown as { appLog?: Logger };

/** The server's logger, shared like the database connection. */
export function serverLog(): Logger {
  globalForLog.appLog ??= createLogger();
  return globalForLog.appLog;
}

/** Who did it, as the log names them: never the session or anything secret. */
export const userRef = (user: Pick<SessionUser, 'id' | 'email' | 'role'> | null | undefined) =>
  user ? { id: user.id, email: user.email, role: user.role } : null;

/** One line for a change that was saved: `event` says what (observation.create, import.csv…). */
export function logWrite(user: Pick<SessionUser, 'id' | 'email' | 'role'>, event: string, details: Record<string, unknown> = {}): void {
  serverLog().info({ event, user: userRef(user), ...details }, event);
}
