// The audit trail's one writer: every change to figures, sources, reference data and users is
// recorded here, by the function making the change, inside the change's own transaction.
import type { Statement } from 'better-sqlite3';
import type { AppDatabase } from '../client';
import type { Role } from '../../lib/vocabulary';

/** Who made a change: a signed-in user, or a command-line task (the seed, `npm run user:add`). */
export interface Actor {
  id: number | null;
  email: string;
  /** A signed-in user's role; a command-line task has none. */
  role?: Role | null;
}

/** The seed loader, which adds the curated figures with no user behind it. */
export const SEED_ACTOR: Actor = { id: null, email: 'seed' };
/** `npm run user:add` and other command-line tasks. */
export const CLI_ACTOR: Actor = { id: null, email: 'cli' };

export interface AuditEntry {
  action: string;
  entityType: string;
  id: number;
  before: unknown;
  after: unknown;
  reason: string | null;
}

// Prepared once per connection: an import writes tens of thousands of entries.
const statements = new WeakMap<AppDatabase['$client'], Statement<unknown[]>>();

/** Writes one audit entry, returning its id; callers run it inside the transaction of the change it records. */
export function writeAudit(sqlite: AppDatabase['$client'], actor: Actor, entry: AuditEntry): number {
  let insert = statements.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare(
      // (RETURNING: the id in the same statement, on PostgreSQL as on SQLite.)
      `INSERT INTO audit_log (user_id, actor, action, entity_type, entity_id, before, after, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    ).pluck();
    statements.set(sqlite, insert);
  }
  const id = insert.get(
    actor.id,
    actor.email,
    entry.action,
    entry.entityType,
    entry.id,
    entry.before === null ? null : JSON.stringify(entry.before),
    entry.after === null ? null : JSON.stringify(entry.after),
    entry.reason,
  );
  return Number(id);
}
