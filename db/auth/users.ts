// Adding users, audited in the same transaction. (Signing in and sessions: sign-in.ts, sessions.ts.)
import type { AppDatabase } from '../client';
import type { Role } from '../../lib/vocabulary';
import { InputError } from '../../lib/errors';
import { writeAudit, type Actor } from '../mutations/audit';

export interface NewUser {
  email: string;
  name: string | null;
  role: Role;
}

/** Adds a user with an already hashed password; refuses an email already in use. Returns the id. */
export function addUser(db: AppDatabase, actor: Actor, user: NewUser, passwordHash: string, reason: string | null = null): number {
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    if (sqlite.prepare('SELECT 1 FROM users WHERE email = ?').get(user.email))
      throw new InputError({ email: `There is already a user with the email ${user.email}` });
    const created = sqlite
      .prepare('INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, ?) RETURNING id, email, name, role, created_at')
      .get(user.email, user.name, user.role, passwordHash) as { id: number };
    writeAudit(sqlite, actor, { action: 'create', entityType: 'user', id: created.id, before: null, after: created, reason });
    return created.id;
  })();
}
