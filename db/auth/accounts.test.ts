import { beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../client';
import { addTestUser, createTestDatabase } from '../testing';
import { hashPassword } from '../../lib/auth/password';
import type { SessionUser } from '../../lib/auth/roles';
import { ForbiddenError, InputError } from '../../lib/errors';
import { changeRole, findToken, forcePasswordReset, INVITE_HOURS, inviteUser, listUsers, redeemToken, setDisabled, setOwnPassword } from './accounts';
import { createSession, getSessionUser } from './sessions';
import { signIn } from './sign-in';

let db: AppDatabase;
let admin: SessionUser;
let officer: SessionUser;
beforeEach(() => {
  db = createTestDatabase();
  admin = addTestUser(db, 'admin');
  officer = addTestUser(db, 'officer');
});
const noSleep = { sleep: async () => {} };
const userAudit = (id: number) =>
  // (The test users' own creation, by the test set-up, is left out.)
  db.$client.prepare("SELECT actor, action, before, after, reason FROM audit_log WHERE entity_type = 'user' AND entity_id = ? AND actor != 'test' ORDER BY id").all(id) as {
    actor: string;
    action: string;
    before: string | null;
    after: string;
    reason: string;
  }[];

describe('inviting a user', () => {
  it('makes an account that cannot sign in until its one-time link sets a password, and audits it', async () => {
    const invite = inviteUser(db, admin, { email: ' New.Officer@Example.gov.uk ', name: 'New Officer', role: 'officer' });
    expect(listUsers(db).find((u) => u.id === invite.id)).toMatchObject({ email: 'new.officer@example.gov.uk', role: 'officer', pending: 'invite', disabledAt: null });
    expect(findToken(db, invite.token)).toMatchObject({ userId: invite.id, kind: 'invite' });
    expect((await signIn(db, 'new.officer@example.gov.uk', '!', null, noSleep)).ok).toBe(false);
    const user = redeemToken(db, invite.token, await hashPassword('a long first passphrase'));
    expect(user).toMatchObject({ id: invite.id, role: 'officer' });
    expect((await signIn(db, 'new.officer@example.gov.uk', 'a long first passphrase', null, noSleep)).ok).toBe(true);
    expect(listUsers(db).find((u) => u.id === invite.id)!.pending).toBeNull();
    // Once only.
    expect(() => redeemToken(db, invite.token, 'x')).toThrow(/expired or has been used/);
    const audit = userAudit(invite.id);
    expect(audit.map((a) => [a.actor, a.reason])).toEqual([
      [admin.email, 'Invited'],
      ['new.officer@example.gov.uk', 'Set a first password from an invitation'],
    ]);
    for (const a of audit) expect(`${a.before} ${a.after}`).not.toMatch(/password|scrypt|token/);
    expect(`${audit[0]!.after}`).not.toContain(invite.token);
  });

  it('refuses officers, duplicates and bad emails, and lets a link expire', () => {
    expect(() => inviteUser(db, officer, { email: 'x@example.gov.uk', name: null, role: 'viewer' })).toThrow(ForbiddenError);
    expect(() => inviteUser(db, admin, { email: officer.email, name: null, role: 'viewer' })).toThrow(InputError);
    expect(() => inviteUser(db, admin, { email: 'not an email', name: null, role: 'viewer' })).toThrow(/Enter an email address/);
    const then = new Date('2026-01-01T00:00:00Z');
    const invite = inviteUser(db, admin, { email: 'late@example.gov.uk', name: null, role: 'viewer' }, then);
    expect(findToken(db, invite.token, new Date(then.getTime() + (INVITE_HOURS - 1) * 3600_000))).not.toBeNull();
    expect(findToken(db, invite.token, new Date(then.getTime() + (INVITE_HOURS + 1) * 3600_000))).toBeNull();
  });
});

describe('roles, disabling and resets', () => {
  it('ends a disabled user’s sessions at once, and lets an administrator enable them again', () => {
    const session = createSession(db, officer.id);
    expect(getSessionUser(db, session.id)).not.toBeNull();
    setDisabled(db, admin, officer.id, true);
    expect(getSessionUser(db, session.id)).toBeNull();
    expect(db.$client.prepare('SELECT count(*) FROM sessions WHERE user_id = ?').pluck().get(officer.id)).toBe(0);
    setDisabled(db, admin, officer.id, false);
    expect(listUsers(db).find((u) => u.id === officer.id)!.disabledAt).toBeNull();
    expect(userAudit(officer.id).map((a) => a.reason)).toEqual(['Disabled', 'Enabled']);
  });

  it('never removes or demotes the last administrator, and changes roles with an audit entry', () => {
    expect(() => changeRole(db, admin, admin.id, 'officer')).toThrow(/last administrator/);
    expect(() => setDisabled(db, admin, admin.id, true)).toThrow(/last administrator/);
    changeRole(db, admin, officer.id, 'admin');
    changeRole(db, admin, admin.id, 'viewer');
    expect(listUsers(db).find((u) => u.id === admin.id)!.role).toBe('viewer');
    expect(() => changeRole(db, { ...officer, role: 'admin' }, admin.id, 'admin')).not.toThrow(); // the officer is an administrator now
    const [promoted] = userAudit(officer.id);
    expect(JSON.parse(promoted!.before!)).toMatchObject({ role: 'officer' });
    expect(JSON.parse(promoted!.after)).toMatchObject({ role: 'admin' });
    expect(() => changeRole(db, { ...admin, role: 'viewer' }, officer.id, 'viewer')).toThrow(ForbiddenError);
  });

  it('makes a forced reset stop the old password and every session, until the link sets a new one', async () => {
    const id = inviteUser(db, admin, { email: 'reset@example.gov.uk', name: null, role: 'viewer' }).id;
    const first = (await signIn(db, 'reset@example.gov.uk', 'x', null, noSleep)).ok;
    expect(first).toBe(false);
    const invite = forcePasswordReset(db, admin, id); // an invitation not yet used is replaced by the reset
    redeemToken(db, invite.token, await hashPassword('the original passphrase'));
    const session = createSession(db, id);
    const reset = forcePasswordReset(db, admin, id);
    expect(getSessionUser(db, session.id)).toBeNull();
    expect((await signIn(db, 'reset@example.gov.uk', 'the original passphrase', null, noSleep)).ok).toBe(false);
    expect(listUsers(db).find((u) => u.id === id)!.pending).toBe('reset');
    redeemToken(db, reset.token, await hashPassword('a brand new passphrase'));
    expect((await signIn(db, 'reset@example.gov.uk', 'a brand new passphrase', null, noSleep)).ok).toBe(true);
  });

  it('lets a user change their own password, ending their other sessions but not this one', async () => {
    const here = createSession(db, officer.id);
    const elsewhere = createSession(db, officer.id);
    setOwnPassword(db, officer, await hashPassword('my new passphrase'), here.id);
    expect(getSessionUser(db, here.id)).not.toBeNull();
    expect(getSessionUser(db, elsewhere.id)).toBeNull();
    expect(userAudit(officer.id).map((a) => [a.actor, a.reason])).toEqual([[officer.email, 'Changed their own password']]);
  });
});
