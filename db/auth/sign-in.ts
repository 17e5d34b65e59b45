// Signing in: the same answer for an unknown email as for a wrong password, a server-side session
// on success, and throttling that holds off an attacker without locking a real user out.
//
// - From a known address (behind a trusted proxy, TRUST_PROXY=1): failures of one account from
//   that address, and of any account from that address, hold that address off with a growing
//   wait. Someone guessing from elsewhere cannot lock the real user out.
// - For one account, from anywhere: failures only slow the next attempts down (each waits before
//   its password is checked, up to MAX_SLOWDOWN_SECONDS), never refuse them; a correct sign-in
//   clears it. Without a trusted proxy every request comes from the same unknown address, so
//   this slow-down (and scrypt's cost) is all the throttling there is; README says so.
import type { AppDatabase } from '../client';
import { verifyPassword } from '../../lib/auth/password';
import { queueWrite } from '../write-queue';
import { clearFailures, createSession, FREE_FAILURES, recordFailure, secondsToWait } from './sessions';
import { type SessionUser } from '../../lib/auth/roles';

// A real scrypt hash of a random password: unknown emails cost as much as known ones.
const DUMMY_HASH =
  'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$5oqBrg8a7bRJ0QHZ1Z4p2cK2cB6b3b0m8P1gq0q7X8mXb2cG5m0l8n3yF8Yd5o8Rl1f0e3a9h2c6k1s4t7u0vw==';

/** The longest an account's attempts are slowed down by failures from elsewhere. */
export const MAX_SLOWDOWN_SECONDS = 8;

export type SignInResult =
  | { ok: true; user: SessionUser; session: { id: string; expiresAt: Date } }
  | { ok: false; message: string; waitSeconds?: number };

export interface SignInOptions {
  now?: Date;
  /** How to wait out an account's slow-down (tests pass a clock instead of sleeping). */
  sleep?: (seconds: number) => Promise<void>;
}

const realSleep = (seconds: number) => new Promise<void>((resolve) => setTimeout(resolve, seconds * 1000));

/** How long an account's next attempt waits: nothing for the first failures, then 1, 2, 4 … seconds. */
export function slowDownSeconds(db: AppDatabase, account: string): number {
  const row = db.$client.prepare('SELECT failures FROM sign_in_failures WHERE key = ?').get(`account:${account}`) as { failures: number } | undefined;
  if (!row || row.failures < FREE_FAILURES) return 0;
  return Math.min(MAX_SLOWDOWN_SECONDS, 2 ** (row.failures - FREE_FAILURES));
}

/**
 * Signs in `email` from `address` (null when the client's address cannot be known: no trusted
 * proxy). Refuses only an address that is held off; slows an account down, never locks it.
 */
export async function signIn(db: AppDatabase, email: string, password: string, address: string | null, options: SignInOptions = {}): Promise<SignInResult> {
  const now = options.now ?? new Date();
  const account = email.trim().toLowerCase();
  const heldKeys = address === null ? [] : [`address:${address}`, `pair:${account}|${address}`];
  const wait = Math.max(0, ...heldKeys.map((key) => secondsToWait(db, key, now)));
  if (wait > 0)
    return { ok: false, waitSeconds: wait, message: `Too many failed attempts from here. Try again in ${wait} second${wait === 1 ? '' : 's'}.` };
  const slow = slowDownSeconds(db, account);
  if (slow > 0) await (options.sleep ?? realSleep)(slow);
  const user = db.$client
    // (Letter case as SQLite's NOCASE compares it, in SQL both engines read: ASCII letters alike.)
    .prepare('SELECT id, email, name, role, password_hash FROM users WHERE lower(email) = lower(?) AND disabled_at IS NULL')
    .get(email.trim()) as (SessionUser & { password_hash: string }) | undefined;
  const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  const keys = [...heldKeys, `account:${account}`];
  if (!user || !valid) {
    await queueWrite(() => {
      for (const key of keys) recordFailure(db, key, now);
    });
    return { ok: false, message: 'The email address or password is not right.' };
  }
  const session = await queueWrite(() => {
    for (const key of keys) clearFailures(db, key);
    return createSession(db, user.id, now);
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role }, session };
}

export function countUsers(db: AppDatabase): number {
  return (db.$client.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}
