// Managing users (issue: officers' spreadsheets and administration): an administrator invites a
// user, changes a role, disables or enables a user and forces a password reset; a user sets a
// first password from an invitation, a new one from a reset link, or changes their own. Every
// change is audited in its own transaction, never with a password or a token in it.
//
// There is no mail server, so an invitation or a reset is a one-time link shown to the
// administrator: a random token whose sha256 alone is stored (user_tokens), usable once, until it
// expires. Until a password is set the account has none that can match ("!" is not a hash
// verifyPassword accepts), so it cannot be signed in to.
//
// Disabling a user, or forcing a reset, deletes their sessions: getSessionUser also refuses a
// disabled user's session, so the next request of an open page is refused at once. The last
// enabled administrator can be neither disabled nor demoted: someone must be able to do this.
import crypto from 'node:crypto';
import type { AppDatabase } from '../client';
import { requireRole, type SessionUser } from '../../lib/auth/roles';
import { InputError, NotFoundError } from '../../lib/errors';
import { ROLES, type Role } from '../../lib/vocabulary';
import { writeAudit, type Actor } from '../mutations/audit';
import { hashId } from './sessions';

/** How long an invitation or a reset link works. */
export const INVITE_HOURS = 72;
export const RESET_HOURS = 24;
/** What a password hash is while an account has no password: nothing verifies against it. */
const NO_PASSWORD = '!';

export interface UserRow {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  createdAt: string;
  disabledAt: string | null;
  /** Waiting for the user to set a password from an invitation or a reset link. */
  pending: 'invite' | 'reset' | null;
}

/** A user as the audit trail records them: never the password hash. */
const snapshot = (db: AppDatabase, id: number) =>
  db.$client.prepare('SELECT id, email, name, role, created_at, disabled_at FROM users WHERE id = ?').get(id) as Record<string, unknown> | undefined;

export function listUsers(db: AppDatabase): UserRow[] {
  return db.$client
    .prepare(
      `SELECT u.id, u.email, u.name, u.role, u.created_at AS createdAt, u.disabled_at AS disabledAt,
         CASE WHEN u.password_hash = '${NO_PASSWORD}' THEN (SELECT t.kind FROM user_tokens t WHERE t.user_id = u.id ORDER BY t.id DESC LIMIT 1) END AS pending
       FROM users u ORDER BY u.disabled_at IS NOT NULL, u.email`,
    )
    .all() as UserRow[];
}

/** Enabled administrators other than `except`. */
const otherAdmins = (db: AppDatabase, except: number) =>
  db.$client.prepare("SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id != ?").pluck().get(except) as number;

function issueToken(db: AppDatabase, userId: number, kind: 'invite' | 'reset', now: Date): { token: string; expiresAt: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + (kind === 'invite' ? INVITE_HOURS : RESET_HOURS) * 3600_000).toISOString();
  // Any earlier link of the user's stops working: only the newest one is handed out.
  db.$client.prepare("UPDATE user_tokens SET used_at = ? WHERE user_id = ? AND used_at IS NULL").run(now.toISOString(), userId);
  db.$client.prepare('INSERT INTO user_tokens (token_hash, user_id, kind, expires_at) VALUES (?, ?, ?, ?)').run(hashId(token), userId, kind, expiresAt);
  return { token, expiresAt };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invites a user: the account, with no password yet, and a one-time link to set one. */
export function inviteUser(db: AppDatabase, admin: SessionUser, input: { email: string; name: string | null; role: Role }, now = new Date()): { id: number; token: string; expiresAt: string } {
  requireRole(admin.role, 'manage_users');
  const email = input.email.trim().toLowerCase();
  const problems: Record<string, string> = {};
  if (!EMAIL.test(email) || email.length > 320) problems.email = 'Enter an email address like name@council.gov.uk';
  if (!(ROLES as readonly string[]).includes(input.role)) problems.role = 'Choose viewer, officer or administrator';
  if (Object.keys(problems).length) throw new InputError(problems);
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    if (sqlite.prepare('SELECT 1 FROM users WHERE email = ?').get(email)) throw new InputError({ email: `There is already a user with the email ${email}` });
    const { id } = sqlite.prepare('INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, ?) RETURNING id').get(email, input.name?.trim() || null, input.role, NO_PASSWORD) as { id: number };
    const link = issueToken(db, id, 'invite', now);
    writeAudit(sqlite, admin, { action: 'create', entityType: 'user', id, before: null, after: { ...snapshot(db, id), invited_until: link.expiresAt }, reason: 'Invited' });
    return { id, ...link };
  })();
}

function change(db: AppDatabase, admin: SessionUser, id: number, reason: string, apply: (before: Record<string, unknown>) => void): void {
  requireRole(admin.role, 'manage_users');
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const before = snapshot(db, id);
    if (!before) throw new NotFoundError('No such user');
    apply(before);
    writeAudit(sqlite, admin, { action: 'update', entityType: 'user', id, before, after: snapshot(db, id), reason });
  })();
}

/** Changes a user's role; the last enabled administrator keeps theirs. */
export function changeRole(db: AppDatabase, admin: SessionUser, id: number, role: Role): void {
  if (!(ROLES as readonly string[]).includes(role)) throw new InputError({ role: 'Choose viewer, officer or administrator' });
  change(db, admin, id, `Role changed to ${role}`, (before) => {
    if (before.role === 'admin' && role !== 'admin' && !before.disabled_at && otherAdmins(db, id) === 0)
      throw new InputError({ role: 'This is the last administrator: make someone else an administrator first.' });
    db.$client.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, id);
  });
}

/** Disables a user (their sessions end at once) or enables them again. */
export function setDisabled(db: AppDatabase, admin: SessionUser, id: number, disabled: boolean, now = new Date()): void {
  change(db, admin, id, disabled ? 'Disabled' : 'Enabled', (before) => {
    if (disabled && before.role === 'admin' && !before.disabled_at && otherAdmins(db, id) === 0)
      throw new InputError({ user: 'This is the last administrator: make someone else an administrator first.' });
    db.$client.prepare('UPDATE users SET disabled_at = ? WHERE id = ?').run(disabled ? now.toISOString() : null, id);
    if (disabled) db.$client.prepare('DELETE FROM sessions WHERE user_id = ?').run(id);
  });
}

/** Forces a password reset: the old password and every session stop working; a one-time link sets a new one. */
export function forcePasswordReset(db: AppDatabase, admin: SessionUser, id: number, now = new Date()): { token: string; expiresAt: string } {
  let link: { token: string; expiresAt: string } | null = null;
  change(db, admin, id, 'Password reset forced', () => {
    db.$client.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(NO_PASSWORD, id);
    db.$client.prepare('DELETE FROM sessions WHERE user_id = ?').run(id);
    link = issueToken(db, id, 'reset', now);
  });
  return link!;
}

/** The user and kind of a one-time link that still works, or null. */
export function findToken(db: AppDatabase, token: string, now = new Date()): { userId: number; email: string; kind: 'invite' | 'reset' } | null {
  if (!token || token.length > 100) return null;
  return (
    (db.$client
      .prepare(
        `SELECT t.user_id AS userId, u.email, t.kind FROM user_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = ? AND t.used_at IS NULL AND t.expires_at > ? AND u.disabled_at IS NULL`,
      )
      .get(hashId(token), now.toISOString()) as { userId: number; email: string; kind: 'invite' | 'reset' } | undefined) ?? null
  );
}

/**
 * Sets a password from a one-time link (already hashed: lib/auth/password.ts), once. Returns the
 * user, to sign them in; throws when the link no longer works.
 */
export function redeemToken(db: AppDatabase, token: string, passwordHash: string, now = new Date()): SessionUser {
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const found = findToken(db, token, now);
    if (!found) throw new InputError({ token: 'This link has expired or has been used. Ask an administrator for a new one.' });
    sqlite.prepare('UPDATE user_tokens SET used_at = ? WHERE token_hash = ?').run(now.toISOString(), hashId(token));
    sqlite.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, found.userId);
    const user = sqlite.prepare('SELECT id, email, name, role FROM users WHERE id = ?').get(found.userId) as SessionUser;
    const actor: Actor = { id: user.id, email: user.email, role: user.role };
    writeAudit(sqlite, actor, { action: 'update', entityType: 'user', id: user.id, before: null, after: snapshot(db, user.id), reason: found.kind === 'invite' ? 'Set a first password from an invitation' : 'Set a new password from a reset link' });
    return user;
  })();
}

/** A user's own new password (already hashed, the current one already checked), audited; their other sessions end. */
export function setOwnPassword(db: AppDatabase, user: SessionUser, passwordHash: string, keepSession: string | null): void {
  const sqlite = db.$client;
  sqlite.transaction(() => {
    sqlite.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, user.id);
    sqlite.prepare('DELETE FROM sessions WHERE user_id = ? AND id_hash IS NOT ?').run(user.id, keepSession ? hashId(keepSession) : null);
    writeAudit(sqlite, user, { action: 'update', entityType: 'user', id: user.id, before: null, after: snapshot(db, user.id), reason: 'Changed their own password' });
  })();
}

/** The stored hash of a user's password, to check the current one before a change. */
export function passwordHashOf(db: AppDatabase, id: number): string | null {
  return (db.$client.prepare('SELECT password_hash FROM users WHERE id = ? AND disabled_at IS NULL').pluck().get(id) as string | undefined) ?? null;
}
