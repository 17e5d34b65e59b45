// Server-side sessions: a random id in an HttpOnly cookie, its sha256 in the database, an
// expiry after which it no longer works, and sign-out that deletes it.
import crypto from 'node:crypto';
import type { AppDatabase } from '../client';
import type { SessionUser } from '../../lib/auth/roles';

export const SESSION_COOKIE = 'lga_session';
export const SESSION_HOURS = 12;

/** The sha256 kept in place of a secret (a session id, a one-time link's token). */
export const hashId = (id: string) => crypto.createHash('sha256').update(id).digest('hex');


export function createSession(db: AppDatabase, userId: number, now = new Date()): { id: string; expiresAt: Date } {
  const id = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  // Expired sessions are cleared here, a write, rather than when a request meets one (a read).
  db.$client.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString());
  db.$client
    .prepare('INSERT INTO sessions (id_hash, user_id, expires_at) VALUES (?, ?, ?)')
    .run(hashId(id), userId, expiresAt.toISOString());
  return { id, expiresAt };
}

/** The signed-in user for a session id, or null if it is unknown, expired or the user disabled. */
export function getSessionUser(db: AppDatabase, id: string | undefined, now = new Date()): SessionUser | null {
  if (!id || id.length > 100) return null;
  const row = db.$client
    .prepare(
      `SELECT u.id, u.email, u.name, u.role, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id_hash = ? AND u.disabled_at IS NULL`,
    )
    .get(hashId(id)) as (SessionUser & { expires_at: string }) | undefined;
  if (!row) return null;
  // An expired session no longer works; it is deleted at the next sign-in (reads never write).
  if (row.expires_at <= now.toISOString()) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

export function destroySession(db: AppDatabase, id: string): void {
  db.$client.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hashId(id));
}

export function cookieOptions(expiresAt: Date, secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', expires: expiresAt };
}

// Repeated failures under one key (an address, or an account from one address) are held off:
// after FREE_FAILURES, each further attempt must wait twice as long as the last, up to
// MAX_WAIT_SECONDS. A success clears it. (Sign-in, db/auth/sign-in.ts, says which keys hold off
// and which only slow down.)
export const FREE_FAILURES = 5;
const MAX_WAIT_SECONDS = 15 * 60;

/** Seconds to wait before another attempt for this key, 0 when it may try now. */
export function secondsToWait(db: AppDatabase, key: string, now = new Date()): number {
  const row = db.$client.prepare('SELECT failures, last_failure_at FROM sign_in_failures WHERE key = ?').get(key) as
    | { failures: number; last_failure_at: string }
    | undefined;
  if (!row || row.failures < FREE_FAILURES) return 0;
  const wait = Math.min(MAX_WAIT_SECONDS, 2 ** (row.failures - FREE_FAILURES));
  const elapsed = (now.getTime() - Date.parse(row.last_failure_at)) / 1000;
  return Math.max(0, Math.ceil(wait - elapsed));
}

export function recordFailure(db: AppDatabase, key: string, now = new Date()): void {
  db.$client
    .prepare(
      `INSERT INTO sign_in_failures (key, failures, last_failure_at) VALUES (?, 1, ?)
       ON CONFLICT (key) DO UPDATE SET failures = failures + 1, last_failure_at = excluded.last_failure_at`,
    )
    .run(key, now.toISOString());
}

export function clearFailures(db: AppDatabase, key: string): void {
  db.$client.prepare('DELETE FROM sign_in_failures WHERE key = ?').run(key);
}
