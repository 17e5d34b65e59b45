// Acknowledging a data-quality flag (db/queries/flags.ts): officers, with a reason, audited
// (entity type 'flag'). A flag that no longer stands cannot be acknowledged.
import type { AppDatabase } from '../client';
import { requireRole, type SessionUser } from '../../lib/auth/roles';
import { InputError, NotFoundError } from '../../lib/errors';
import { listFlags, seriesOfFlag } from '../queries/flags';
import { writeAudit } from './audit';

export function acknowledgeFlag(db: AppDatabase, user: SessionUser, key: string, reason: string): number {
  requireRole(user.role, 'edit_figures');
  if (!reason.trim()) throw new InputError({ reason: 'Say why this flag needs no change, such as “checked with the programme: correct”' });
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    // Only the flag's own series is checked again (a whole-dataset pass takes a minute at a million figures).
    const series = seriesOfFlag(db, key);
    if (!series || !listFlags(db, { identities: false }, series).some((f) => f.key === key)) throw new NotFoundError('That flag no longer stands: the figures changed since.');
    const after = sqlite
      .prepare('INSERT INTO flag_acknowledgements (flag_key, reason, user_id) VALUES (?, ?, ?) ON CONFLICT (flag_key) DO UPDATE SET reason = excluded.reason, user_id = excluded.user_id RETURNING *')
      .get(key, reason.trim(), user.id) as { id: number };
    writeAudit(sqlite, user, { action: 'create', entityType: 'flag', id: after.id, before: null, after, reason: reason.trim() });
    return after.id;
  })();
}
