import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing';
import type { AppDatabase } from '../client';
import { hashPassword, passwordProblem, verifyPassword } from '../../lib/auth/password';
import { can, requireRole } from '../../lib/auth/roles';
import { ForbiddenError } from '../../lib/errors';
import { createSession, destroySession, FREE_FAILURES, getSessionUser, SESSION_HOURS } from './sessions';
import { MAX_SLOWDOWN_SECONDS, signIn, slowDownSeconds } from './sign-in';

describe('passwords', () => {
  it('hash with scrypt and a random salt, and verify only the right password', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', a)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });

  it('refuse passwords that are too short', () => {
    expect(passwordProblem('short')).toMatch(/at least 12/);
    expect(passwordProblem('a perfectly long passphrase')).toBeNull();
  });
});

describe('roles', () => {
  it('let viewers read and export only; officers change figures; admins also manage users', () => {
    expect(can('viewer', 'export')).toBe(true);
    expect(can('viewer', 'edit_figures')).toBe(false);
    expect(can('officer', 'edit_figures')).toBe(true);
    expect(can('officer', 'manage_users')).toBe(false);
    expect(can('admin', 'manage_users')).toBe(true);
    expect(can(null, 'read')).toBe(false);
    expect(() => requireRole('viewer', 'edit_figures')).toThrow(ForbiddenError);
  });
});

describe('sessions and signing in', () => {
  let db: AppDatabase;
  beforeEach(async () => {
    db = createTestDatabase();
    db.$client
      .prepare("INSERT INTO users (email, name, role, password_hash) VALUES ('officer@example.gov.uk', 'Olu Officer', 'officer', ?)")
      .run(await hashPassword('a long officer passphrase'));
  });

  it('sign in with the right password and find the user by session', async () => {
    const result = await signIn(db, 'Officer@Example.gov.uk', 'a long officer passphrase', '127.0.0.1');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(getSessionUser(db, result.session.id)).toMatchObject({ email: 'officer@example.gov.uk', role: 'officer' });
    // Only a hash of the id is stored.
    const stored = db.$client.prepare('SELECT id_hash FROM sessions').get() as { id_hash: string };
    expect(stored.id_hash).not.toBe(result.session.id);
  });

  it('give the same message for an unknown email and a wrong password', async () => {
    const unknown = await signIn(db, 'nobody@example.gov.uk', 'a long officer passphrase', '127.0.0.1');
    const wrong = await signIn(db, 'officer@example.gov.uk', 'not the passphrase', '127.0.0.2');
    expect(unknown).toEqual({ ok: false, message: 'The email address or password is not right.' });
    expect(wrong).toEqual(unknown);
  });

  it('expire sessions, and end them on sign-out', () => {
    const now = new Date('2026-01-01T09:00:00Z');
    const { id } = createSession(db, 1, now);
    expect(getSessionUser(db, id, new Date(now.getTime() + (SESSION_HOURS - 1) * 3600_000))).not.toBeNull();
    expect(getSessionUser(db, id, new Date(now.getTime() + SESSION_HOURS * 3600_000))).toBeNull();
    const second = createSession(db, 1, now);
    destroySession(db, second.id);
    expect(getSessionUser(db, second.id, now)).toBeNull();
  });

  it('hold off an address that keeps failing, but not the real user signing in from elsewhere', async () => {
    const now = new Date('2026-01-01T09:00:00Z');
    const slept: number[] = [];
    const options = { now, sleep: async (s: number) => void slept.push(s) };
    for (let i = 0; i < FREE_FAILURES; i++) await signIn(db, 'officer@example.gov.uk', 'wrong guess', '10.0.0.66', options);
    // The guesser's address is held off, even with the right password…
    expect(await signIn(db, 'officer@example.gov.uk', 'a long officer passphrase', '10.0.0.66', options)).toMatchObject({ ok: false, waitSeconds: 1 });
    // …and so is any other account tried from there.
    expect(await signIn(db, 'nobody@example.gov.uk', 'x', '10.0.0.66', options)).toMatchObject({ ok: false, waitSeconds: 1 });
    // Once the wait is over, it may try again, and each further failure doubles the wait.
    const later = { ...options, now: new Date(options.now.getTime() + 1000) };
    await signIn(db, 'officer@example.gov.uk', 'wrong guess', '10.0.0.66', later);
    expect(await signIn(db, 'officer@example.gov.uk', 'wrong guess', '10.0.0.66', later)).toMatchObject({ ok: false, waitSeconds: 2 });
    // The officer, from another address, is slowed down (the guesses were on their account) but let in.
    slept.length = 0;
    const real = await signIn(db, 'officer@example.gov.uk', 'a long officer passphrase', '10.0.0.7', options);
    expect(real.ok).toBe(true);
    expect(slept).toEqual([2]);
    // A correct sign-in ends the slow-down.
    expect(slowDownSeconds(db, 'officer@example.gov.uk')).toBe(0);
  });

  it('without a known address (no trusted proxy) slow an account down, never refuse it', async () => {
    const slept: number[] = [];
    const options = { now: new Date('2026-01-01T09:00:00Z'), sleep: async (s: number) => void slept.push(s) };
    for (let i = 0; i < 40; i++) await signIn(db, 'officer@example.gov.uk', 'wrong guess', null, options);
    expect(slept.length).toBe(40 - FREE_FAILURES);
    expect(Math.max(...slept)).toBe(MAX_SLOWDOWN_SECONDS);
    const real = await signIn(db, 'officer@example.gov.uk', 'a long officer passphrase', null, options);
    expect(real.ok).toBe(true);
    expect(slowDownSeconds(db, 'officer@example.gov.uk')).toBe(0);
  });
});
