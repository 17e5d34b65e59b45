// Signing in: throttled per account and per address, the same answer for an unknown email as
// for a wrong password, and a server-side session on success.
import type { AppDatabase } from '../client';
import { verifyPassword } from '../../lib/auth/password';
import { queueWrite } from '../write-queue';
import { clearFailures, createSession, recordFailure, secondsToWait } from './sessions';
import { type SessionUser } from '../../lib/auth/roles';

// A real scrypt hash of a random password: unknown emails cost as much as known ones.
const DUMMY_HASH =
  'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$5oqBrg8a7bRJ0QHZ1Z4p2cK2cB6b3b0m8P1gq0q7X8mXb2cG5m0l8n3yF8Yd5o8Rl1f0e3a9h2c6k1s4t7u0vw==';

export type SignInResult =
  | { ok: true; user: SessionUser; session: { id: string; expiresAt: Date } }
  | { ok: false; message: string; waitSeconds?: number };

export async function signIn(db: AppDatabase, email: string, password: string, address: string, now = new Date()): Promise<SignInResult> {
  const account = `account:${email.trim().toLowerCase()}`;
  const from = `address:${address}`;
  const wait = Math.max(secondsToWait(db, account, now), secondsToWait(db, from, now));
  if (wait > 0)
    return { ok: false, waitSeconds: wait, message: `Too many failed attempts. Try again in ${wait} second${wait === 1 ? '' : 's'}.` };
  const user = db.$client
    .prepare('SELECT id, email, name, role, password_hash FROM users WHERE email = ? COLLATE NOCASE AND disabled_at IS NULL')
    .get(email.trim()) as (SessionUser & { password_hash: string }) | undefined;
  const valid = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !valid) {
    await queueWrite(() => {
      recordFailure(db, account, now);
      recordFailure(db, from, now);
    });
    return { ok: false, message: 'The email address or password is not right.' };
  }
  const session = await queueWrite(() => {
    clearFailures(db, account);
    clearFailures(db, from);
    return createSession(db, user.id, now);
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role }, session };
}

export function countUsers(db: AppDatabase): number {
  return (db.$client.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}
