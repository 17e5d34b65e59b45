// Setting and removing targets (docs/decisions/0012): officers and administrators; each write
// audited (entity type 'target') in its own transaction. Setting a target for a metric, programme,
// period and basis that already has one changes it.
import type { AppDatabase } from '../client';
import { requireRole, type SessionUser } from '../../lib/auth/roles';
import { InputError, NotFoundError } from '../../lib/errors';
import { parsePeriodToken } from '../../lib/fiscal-periods';
import type { TargetInput } from '../../lib/target-input';
import { writeAudit } from './audit';

export function setTarget(db: AppDatabase, user: SessionUser, input: TargetInput): number {
  requireRole(user.role, 'set_targets');
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const metric = sqlite.prepare('SELECT id FROM metrics WHERE slug = ?').pluck().get(input.metric) as number | undefined;
    const programme = input.programme ? (sqlite.prepare('SELECT id FROM programmes WHERE slug = ?').pluck().get(input.programme) as number | undefined) : null;
    const errors: Record<string, string> = {};
    if (metric === undefined) errors.metric = 'Choose a metric from the list';
    if (programme === undefined) errors.programme = 'Choose a programme from the list, or every programme';
    if (Object.keys(errors).length) throw new InputError(errors);
    const period = parsePeriodToken(input.period)!.token;
    const before = sqlite.prepare('SELECT * FROM targets WHERE metric_id = ? AND coalesce(programme_id, 0) = ? AND period = ? AND basis = ?').get(metric, programme ?? 0, period, input.basis) as
      | { id: number }
      | undefined;
    const values = [input.value, input.amberBelowPct, input.redBelowPct];
    const after = before
      ? (sqlite.prepare('UPDATE targets SET value = ?, amber_below_pct = ?, red_below_pct = ? WHERE id = ? RETURNING *').get(...values, before.id) as { id: number })
      : (sqlite
          .prepare('INSERT INTO targets (metric_id, programme_id, period, basis, value, amber_below_pct, red_below_pct) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *')
          .get(metric, programme, period, input.basis, ...values) as { id: number });
    writeAudit(sqlite, user, { action: before ? 'update' : 'create', entityType: 'target', id: after.id, before: before ?? null, after, reason: null });
    return after.id;
  })();
}

export function removeTarget(db: AppDatabase, user: SessionUser, id: number, reason: string | null): void {
  requireRole(user.role, 'set_targets');
  const sqlite = db.$client;
  sqlite.transaction(() => {
    const before = sqlite.prepare('SELECT * FROM targets WHERE id = ?').get(id);
    if (!before) throw new NotFoundError('No such target');
    sqlite.prepare('DELETE FROM targets WHERE id = ?').run(id);
    writeAudit(sqlite, user, { action: 'delete', entityType: 'target', id, before, after: null, reason });
  })();
}
