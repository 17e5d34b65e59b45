// Provisional and final quarters (docs/decisions/0011). A financial quarter is provisional until an
// administrator marks it final, after the board has seen it. A final quarter's figures — those whose
// period ends in it, before or after a change — are changed only by an administrator with a reason,
// and each such change is recorded as a restatement beside its audit entry. The check sits where
// figures are written (figure-writer.ts, observations.ts), so the form, the imports and the API meet it alike.
import type { AppDatabase } from '../client';
import { can, requireRole, type SessionUser } from '../../lib/auth/roles';
import { ForbiddenError, InputError, NotFoundError } from '../../lib/errors';
import { bucketOf, parsePeriodToken } from '../../lib/fiscal-periods';
import type { QuarterStatus } from '../../lib/vocabulary';
import { writeAudit, type Actor } from './audit';

type SqliteClient = AppDatabase['$client'];

/** The financial quarter a figure belongs to: the one its period ends in. */
export const quarterOfFigure = (periodEnd: string): string => bucketOf(periodEnd, 'quarter').token;

const finalStatements = new WeakMap<SqliteClient, { isFinal: (quarter: string) => boolean; record: (auditId: number, observationId: number, quarter: string) => void }>();

function statementsOf(sqlite: SqliteClient) {
  let s = finalStatements.get(sqlite);
  if (!s) {
    const isFinal = sqlite.prepare("SELECT 1 FROM quarter_statuses WHERE quarter = ? AND status = 'final'").pluck();
    const record = sqlite.prepare('INSERT INTO restatements (audit_id, observation_id, quarter) VALUES (?, ?, ?)');
    s = { isFinal: (q) => isFinal.get(q) !== undefined, record: (a, o, q) => void record.run(a, o, q) };
    finalStatements.set(sqlite, s);
  }
  return s;
}

const labelOf = (quarters: string[]) => quarters.map((q) => parsePeriodToken(q)?.label ?? q).join(' and ');

/**
 * The final quarters among those of `periodEnds` (a figure's period end before and after a change).
 * None: the change goes ahead as any other. Some: refused unless `actor` is an administrator giving
 * a reason; then returned, and the caller records the change as a restatement (recordRestatement).
 */
export function checkFinalQuarters(sqlite: SqliteClient, actor: Actor, periodEnds: (string | null | undefined)[], reason: string | null): string[] {
  const s = statementsOf(sqlite);
  const finals = [...new Set(periodEnds.filter((d): d is string => !!d).map(quarterOfFigure))].filter(s.isFinal).sort();
  if (!finals.length) return [];
  const label = labelOf(finals);
  if (!can(actor.role, 'finalise_quarters'))
    throw new ForbiddenError('finalise_quarters', `${label} is final: the board has seen its figures, so only an administrator can change them, giving a reason.`);
  if (!reason?.trim()) throw new InputError({ reason: `${label} is final: say why this figure is being changed. The change will be shown as a restatement.` });
  return finals;
}

/** checkFinalQuarters's refusal in words, or null where the change may go ahead: for a preview, row by row. */
export function finalQuarterRefusal(sqlite: SqliteClient, actor: Actor, periodEnds: (string | null | undefined)[], reason: string | null): string | null {
  try {
    checkFinalQuarters(sqlite, actor, periodEnds, reason);
    return null;
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof InputError) return error.message;
    throw error;
  }
}

/** Records the change written as audit entry `auditId` as a restatement of each final quarter it touched. */
export function recordRestatement(sqlite: SqliteClient, auditId: number, observationId: number, quarters: string[]): void {
  const s = statementsOf(sqlite);
  for (const q of quarters) s.record(auditId, observationId, q);
}

/** Marks a quarter final, or reopens it (provisional again), as an administrator; audited. Reopening needs a reason. */
export function setQuarterStatus(db: AppDatabase, user: SessionUser, quarter: string, status: QuarterStatus, reason: string | null): void {
  requireRole(user.role, 'finalise_quarters');
  const bucket = parsePeriodToken(quarter);
  if (!bucket || bucket.granularity !== 'quarter') throw new NotFoundError(`There is no quarter “${quarter}”.`);
  if (status === 'provisional' && !reason?.trim()) throw new InputError({ reason: `Say why ${bucket.label} is being reopened: its figures were final.` });
  db.$client.transaction(() => {
    const before = db.$client.prepare('SELECT * FROM quarter_statuses WHERE quarter = ?').get(bucket.token) as { id: number; status: QuarterStatus } | undefined;
    if ((before?.status ?? 'provisional') === status) return;
    const after = before
      ? db.$client.prepare("UPDATE quarter_statuses SET status = ?, changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), changed_by = ? WHERE id = ? RETURNING *").get(status, user.id, before.id)
      : db.$client.prepare('INSERT INTO quarter_statuses (quarter, status, changed_by) VALUES (?, ?, ?) RETURNING *').get(bucket.token, status, user.id);
    const row = after as { id: number };
    writeAudit(db.$client, user, { action: before ? 'update' : 'create', entityType: 'quarter', id: row.id, before: before ?? null, after, reason: reason?.trim() || null });
  })();
}
