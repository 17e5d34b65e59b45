// A figure's history: its audit entries, oldest first. Who made each change is an email only for
// those who may read the audit trail (officers); everyone else sees the role (lib/auth/roles.ts).
import type { AppDatabase } from '../client';
import { publicActor } from '../../lib/auth/roles';
import type { Role } from '../../lib/vocabulary';

export interface HistoryEntry {
  id: number;
  at: string;
  /** The user's email for officers; otherwise their role ("An officer"), never an email. */
  who: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

export function listFigureHistory(db: AppDatabase, id: number, { identities }: { identities: boolean }): HistoryEntry[] {
  const rows = db.$client
    .prepare(
      `SELECT a.id, a.at, a.actor, u.role, a.action, a.before, a.after, a.reason FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
       WHERE a.entity_type = 'observation' AND a.entity_id = ? ORDER BY a.id`,
    )
    .all(id) as { id: number; at: string; actor: string; role: Role | null; action: string; before: string | null; after: string | null; reason: string | null }[];
  return rows.map(({ actor, role, ...r }) => ({
    ...r,
    who: identities ? actor : publicActor(role, actor),
    before: r.before ? JSON.parse(r.before) : null,
    after: r.after ? JSON.parse(r.after) : null,
  }));
}
