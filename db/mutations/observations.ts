// Changing figures. Every function checks the role itself (not only the page that calls it) and
// writes its audit entry in the same transaction as the change: both happen, or neither.
import type { Statement } from 'better-sqlite3';
import type { AppDatabase } from '../client';
import type { SessionUser } from '../../lib/auth/roles';
import { requireRole } from '../../lib/auth/roles';
import type { ObservationInput, FieldErrors } from '../../lib/observation-input';
import { InputError, NotFoundError } from '../../lib/errors';


type Row = Record<string, unknown> & { id: number };

// Prepared once per connection: an import writes tens of thousands of entries.
const auditStatements = new WeakMap<AppDatabase['$client'], Statement<unknown[]>>();

/** Writes one audit entry; callers run it inside the transaction of the change it records. */
export function writeAudit(
  sqlite: AppDatabase['$client'],
  user: SessionUser,
  entry: { action: string; entityType: string; id: number; before: unknown; after: unknown; reason: string | null },
) {
  let insert = auditStatements.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare(
      `INSERT INTO audit_log (user_id, actor, action, entity_type, entity_id, before, after, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    auditStatements.set(sqlite, insert);
  }
  insert.run(
      user.id,
      user.email,
      entry.action,
      entry.entityType,
      entry.id,
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
      entry.reason,
    );
}

function audit(db: AppDatabase, user: SessionUser, action: string, id: number, before: unknown, after: unknown, reason: string | null) {
  writeAudit(db.$client, user, { action, entityType: 'observation', id, before, after, reason });
}

function resolveRefs(db: AppDatabase, input: ObservationInput) {
  const programme = db.$client.prepare('SELECT id FROM programmes WHERE slug = ?').get(input.programme) as { id: number } | undefined;
  const metric = db.$client.prepare('SELECT id, unit FROM metrics WHERE slug = ?').get(input.metric) as { id: number; unit: string } | undefined;
  const source = input.sourceId === null ? undefined : (db.$client.prepare('SELECT id FROM sources WHERE id = ?').get(input.sourceId) as { id: number } | undefined);
  const errors: FieldErrors = {};
  if (!programme) errors.programme = 'Choose a programme from the list';
  if (!metric) errors.metric = 'Choose a metric from the list';
  if (input.sourceId !== null && !source) errors.sourceId = 'Choose a source from the list';
  if (metric?.unit === 'percent' && Math.max(input.value, input.upper ?? 0) > 100) errors.value = 'A percentage cannot be more than 100';
  if (input.partOf != null && !db.$client.prepare('SELECT 1 FROM observations WHERE id = ? AND deleted_at IS NULL').get(input.partOf))
    errors.partOf = `There is no figure ${input.partOf} to be part of`;
  if (Object.keys(errors).length) throw new InputError(errors);
  return { programmeId: programme!.id, metricId: metric!.id };
}

const getRow = (db: AppDatabase, id: number) => db.$client.prepare('SELECT * FROM observations WHERE id = ?').get(id) as Row | undefined;

/** An existing figure that looks like the same fact (same programme, metric, value and period end). */
export function findPossibleDuplicate(db: AppDatabase, input: ObservationInput, exceptId?: number): number | null {
  const row = db.$client
    .prepare(
      `SELECT o.id FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN metrics m ON m.id = o.metric_id
       WHERE p.slug = ? AND m.slug = ? AND o.value = ? AND o.period_end = ? AND o.deleted_at IS NULL AND o.id IS NOT ?`,
    )
    .get(input.programme, input.metric, input.value, input.periodEnd, exceptId ?? null) as { id: number } | undefined;
  return row?.id ?? null;
}

function linkSource(db: AppDatabase, user: SessionUser, id: number, input: ObservationInput) {
  if (input.sourceId === null) return;
  const link = { sourceId: input.sourceId, line: input.line, evidence: input.evidence };
  const inserted = db.$client
    .prepare('INSERT INTO observation_sources (observation_id, source_id, evidence, line) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
    .run(id, input.sourceId, input.evidence, input.line);
  if (inserted.changes) audit(db, user, 'link_source', id, null, link, null);
}

export function createObservation(db: AppDatabase, user: SessionUser, input: ObservationInput): number {
  requireRole(user.role, 'edit_figures');
  return db.$client.transaction(() => {
    const { programmeId, metricId } = resolveRefs(db, input);
    const created = db.$client
      .prepare(
        `INSERT INTO observations (programme_id, metric_id, value, upper_value, qualifier, basis, period_start, period_end, date_precision, note, part_of_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(programmeId, metricId, input.value, input.upper ?? null, input.qualifier, input.basis, input.periodStart, input.periodEnd, input.datePrecision, input.note, input.partOf ?? null) as Row;
    audit(db, user, 'create', created.id, null, created, input.reason || null);
    linkSource(db, user, created.id, input);
    return created.id;
  })();
}

/** Links a new source to an existing figure instead of recording the fact twice. */
export function linkSourceToObservation(db: AppDatabase, user: SessionUser, id: number, input: ObservationInput): void {
  requireRole(user.role, 'edit_figures');
  db.$client.transaction(() => {
    if (!getRow(db, id)) throw new NotFoundError('No such figure');
    linkSource(db, user, id, input);
  })();
}

export function updateObservation(db: AppDatabase, user: SessionUser, id: number, input: ObservationInput): void {
  requireRole(user.role, 'edit_figures');
  db.$client.transaction(() => {
    const before = getRow(db, id);
    if (!before) throw new NotFoundError('No such figure');
    if (input.partOf === id) throw new InputError({ partOf: 'A figure cannot be a part of itself' });
    const fromReport = db.$client.prepare('SELECT 1 FROM observation_sources WHERE observation_id = ?').get(id);
    // A figure that came from a report is only changed with a reason, kept in the audit trail.
    if (fromReport && !input.reason) throw new InputError({ reason: 'Say why this figure from a report is being changed' });
    const { programmeId, metricId } = resolveRefs(db, input);
    const after = db.$client
      .prepare(
        `UPDATE observations SET programme_id = ?, metric_id = ?, value = ?, upper_value = ?, qualifier = ?, basis = ?, period_start = ?,
         period_end = ?, date_precision = ?, note = ?, part_of_id = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? RETURNING *`,
      )
      .get(programmeId, metricId, input.value, input.upper ?? null, input.qualifier, input.basis, input.periodStart, input.periodEnd, input.datePrecision, input.note, input.partOf ?? null, id) as Row;
    audit(db, user, 'update', id, before, after, input.reason || null);
    linkSource(db, user, id, input);
  })();
}

export function deleteObservation(db: AppDatabase, user: SessionUser, id: number, reason: string | null): void {
  requireRole(user.role, 'edit_figures');
  db.$client.transaction(() => {
    const before = getRow(db, id);
    if (!before || before.deleted_at) throw new NotFoundError('No such figure');
    const after = db.$client
      .prepare("UPDATE observations SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? RETURNING *")
      .get(id) as Row;
    audit(db, user, 'delete', id, before, after, reason);
  })();
}

export function restoreObservation(db: AppDatabase, user: SessionUser, id: number, reason: string | null): void {
  requireRole(user.role, 'edit_figures');
  db.$client.transaction(() => {
    const before = getRow(db, id);
    if (!before || !before.deleted_at) throw new NotFoundError('No deleted figure with that number');
    const after = db.$client.prepare('UPDATE observations SET deleted_at = NULL WHERE id = ? RETURNING *').get(id) as Row;
    audit(db, user, 'restore', id, before, after, reason);
  })();
}

export interface HistoryEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

export function listObservationHistory(db: AppDatabase, id: number): HistoryEntry[] {
  return (
    db.$client
      .prepare("SELECT id, at, actor, action, before, after, reason FROM audit_log WHERE entity_type = 'observation' AND entity_id = ? ORDER BY id")
      .all(id) as { id: number; at: string; actor: string; action: string; before: string | null; after: string | null; reason: string | null }[]
  ).map((r) => ({ ...r, before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null }));
}
