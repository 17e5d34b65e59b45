// Changing figures. Every function checks the role itself (not only the page that calls it) and
// writes its audit entry in the same transaction as the change: both happen, or neither.
import type { AppDatabase } from '../client';
import type { SessionUser } from '../../lib/auth/roles';
import { requireRole } from '../../lib/auth/roles';
import type { ObservationInput, FieldErrors } from '../../lib/observation-input';
import { InputError, NotFoundError } from '../../lib/errors';
import { writeAudit } from './audit';
import { checkVersion, figureWriter, type FigureRecord, type FigureValues } from './figure-writer';
import { checkFinalQuarters, recordRestatement } from './quarters';

type Row = FigureRecord;

/** Audits a delete or restore of a figure; in a final quarter, only an administrator's, as a restatement. */
function audit(db: AppDatabase, user: SessionUser, action: string, id: number, before: Row, after: unknown, reason: string | null) {
  const finals = checkFinalQuarters(db.$client, user, [before.period_end as string], reason);
  recordRestatement(db.$client, writeAudit(db.$client, user, { action, entityType: 'observation', id, before, after, reason }), id, finals);
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
  return figureValues(programme!.id, metric!.id, input);
}

const figureValues = (programmeId: number, metricId: number, i: ObservationInput): FigureValues => ({
  programmeId,
  metricId,
  value: i.value,
  upper: i.upper ?? null,
  qualifier: i.qualifier,
  basis: i.basis,
  periodStart: i.periodStart,
  periodEnd: i.periodEnd,
  datePrecision: i.datePrecision,
  note: i.note,
  partOfId: i.partOf ?? null,
});

const getRow = (db: AppDatabase, id: number) => db.$client.prepare('SELECT * FROM observations WHERE id = ?').get(id) as Row | undefined;

/**
 * A look-alike (docs/decisions/0002): a live figure of the same programme, metric and value ending
 * on the same day, whatever its qualifier, basis or start. Looser than the fact key on purpose: the
 * form asks the officer before saving a figure that may be one already recorded differently.
 */
export function findLookAlike(db: AppDatabase, input: ObservationInput, exceptId?: number): number | null {
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
  figureWriter(db.$client, user).cite(id, { sourceId: input.sourceId, line: input.line, evidence: input.evidence }, null);
}

export function createObservation(db: AppDatabase, user: SessionUser, input: ObservationInput): number {
  requireRole(user.role, 'edit_figures');
  return db.$client.transaction(() => {
    const created = figureWriter(db.$client, user).add(resolveRefs(db, input), input.reason || null);
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
    // Made from an out-of-date copy (someone changed the figure since the form was filled): refused.
    checkVersion(db, before, input.version);
    const fromReport = db.$client.prepare('SELECT 1 FROM observation_sources WHERE observation_id = ?').get(id);
    // A figure that came from a report is only changed with a reason, kept in the audit trail.
    if (fromReport && !input.reason) throw new InputError({ reason: 'Say why this figure from a report is being changed' });
    figureWriter(db.$client, user).change(id, before, resolveRefs(db, input), input.reason || null);
    linkSource(db, user, id, input);
  })();
}

export function deleteObservation(db: AppDatabase, user: SessionUser, id: number, reason: string | null): void {
  requireRole(user.role, 'edit_figures');
  db.$client.transaction(() => {
    const before = getRow(db, id);
    if (!before || before.deleted_at) throw new NotFoundError('No such figure');
    const after = db.$client
      .prepare("UPDATE observations SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), version = version + 1 WHERE id = ? RETURNING *")
      .get(id) as Row;
    audit(db, user, 'delete', id, before, after, reason);
  })();
}

export function restoreObservation(db: AppDatabase, user: SessionUser, id: number, reason: string | null): void {
  requireRole(user.role, 'edit_figures');
  db.$client.transaction(() => {
    const before = getRow(db, id);
    if (!before || !before.deleted_at) throw new NotFoundError('No deleted figure with that number');
    const after = db.$client.prepare('UPDATE observations SET deleted_at = NULL, version = version + 1 WHERE id = ? RETURNING *').get(id) as Row;
    audit(db, user, 'restore', id, before, after, reason);
  })();
}
