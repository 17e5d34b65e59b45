import { beforeEach, describe, expect, it } from 'vitest';
import { observationInputSchema, fieldErrors } from '../../lib/observation-input';
import { ForbiddenError } from '../../lib/errors';
import type { SessionUser } from '../../lib/auth/roles';
import { loadSeed } from '../seed';
import type { AppDatabase } from '../client';
import { addTestUser, createTestDatabase, failInsertsInto, openAnotherConnection, waitForNoLock } from '../testing';
import { isBusy } from '../engine/errors';
import { listFigureHistory } from '../queries/figure-history';
import { createObservation, deleteObservation, findLookAlike, restoreObservation, updateObservation } from './observations';
import { ConflictError, InputError } from '../../lib/errors';

let db: AppDatabase;
let officer: SessionUser;
const viewer: SessionUser = { id: 0, email: 'viewer@example.gov.uk', name: null, role: 'viewer' };

beforeEach(() => {
  db = createTestDatabase();
  loadSeed(db);
  officer = addTestUser(db, 'officer', 'o@example.gov.uk', 'Olu');
  viewer.id = addTestUser(db, 'viewer', 'v@example.gov.uk').id;
});

const raw = (overrides: Record<string, string> = {}) => ({
    programme: 'remote-peer-support',
    metric: 'attendees',
    value: '1,250',
    qualifier: 'at_least',
    basis: 'period',
    periodStart: '2021-04-01',
    periodEnd: '2021-06-30',
    datePrecision: 'month',
    note: '',
    sourceId: '',
    evidence: '',
    line: '',
    reason: '',
    ...overrides,
  });
const form = (overrides: Record<string, string> = {}) => observationInputSchema.parse(raw(overrides));
const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;

describe('the figure form schema', () => {
  it('reads "1,250" as 1250 and explains mistakes in plain words', () => {
    expect(form().value).toBe(1250);
    const bad = observationInputSchema.safeParse(raw({ value: 'lots', qualifier: 'roughly' }));
    expect(bad.success).toBe(false);
    if (!bad.success)
      expect(fieldErrors(bad.error)).toMatchObject({
        value: 'Enter the value as a number, such as 600 (choose “at least” for “over 600”)',
        qualifier: 'Choose exact, at least, at most or approximately',
      });
    const reversed = observationInputSchema.safeParse(raw({ periodStart: '2021-07-01', periodEnd: '2021-06-30' }));
    if (!reversed.success) expect(fieldErrors(reversed.error).periodEnd).toBe('Period end must be on or after period start');
    else throw new Error('expected an error');
  });

  it('refuses evidence or a line without a source, instead of dropping them without a word', () => {
    const evidence = observationInputSchema.safeParse(raw({ evidence: 'Over 1,250 attended' }));
    expect(evidence.success).toBe(false);
    if (!evidence.success) expect(fieldErrors(evidence.error).sourceId).toBe('Choose the source this sentence comes from, or clear the evidence');
    const line = observationInputSchema.safeParse(raw({ line: '4' }));
    expect(line.success).toBe(false);
    expect(observationInputSchema.safeParse(raw({ sourceId: '1', evidence: 'Over 1,250 attended' })).success).toBe(true);
  });
});

describe('changing figures', () => {
  it('creates, corrects with a reason, deletes and restores, with an audit entry for each', () => {
    const id = createObservation(db, officer, form({ sourceId: '1', evidence: 'Over 1,250 attended', line: '3' }));
    expect(() => updateObservation(db, officer, id, form({ value: '1300' }))).toThrow(InputError); // from a report: needs a reason
    updateObservation(db, officer, id, form({ value: '1300', reason: 'Corrected from the programme lead’s return' }));
    deleteObservation(db, officer, id, 'Entered twice');
    restoreObservation(db, officer, id, null);
    const history = listFigureHistory(db, id, { identities: true });
    expect(history.map((h) => h.action)).toEqual(['create', 'link_source', 'update', 'delete', 'restore']);
    const update = history.find((h) => h.action === 'update')!;
    expect([update.before?.value, update.after?.value, update.reason, update.who]).toEqual([1250, 1300, 'Corrected from the programme lead’s return', 'o@example.gov.uk']);
    expect(history.find((h) => h.action === 'delete')?.after?.deleted_at).toBeTruthy();
    expect(history.find((h) => h.action === 'restore')?.after?.deleted_at).toBeNull();
    // Without the right to read the audit trail, the same history names roles, never an email.
    const seen = listFigureHistory(db, id, { identities: false });
    expect(seen.map((h) => h.who)).toEqual(Array(5).fill('An officer'));
    expect(JSON.stringify(seen)).not.toContain('@');
  });

  it('refuses a viewer and changes nothing', () => {
    const observations = count('SELECT count(*) AS n FROM observations');
    const audits = count('SELECT count(*) AS n FROM audit_log');
    expect(() => createObservation(db, viewer, form())).toThrow(ForbiddenError);
    expect(() => deleteObservation(db, viewer, 1, null)).toThrow(ForbiddenError);
    expect(count('SELECT count(*) AS n FROM observations')).toBe(observations);
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(audits);
    expect(count('SELECT count(*) AS n FROM observations WHERE deleted_at IS NOT NULL')).toBe(0);
  });

  it('writes the audit entry in the same transaction: if it fails, the change is not kept either', () => {
    const observations = count('SELECT count(*) AS n FROM observations');
    failInsertsInto(db, 'audit_log', 'audit unavailable');
    expect(() => createObservation(db, officer, form())).toThrow(/audit unavailable/);
    expect(() => deleteObservation(db, officer, 1, null)).toThrow(/audit unavailable/);
    expect(count('SELECT count(*) AS n FROM observations')).toBe(observations);
    expect(count('SELECT count(*) AS n FROM observations WHERE deleted_at IS NOT NULL')).toBe(0);
  });

  it('rejects unknown programmes and metrics beside the field', () => {
    try {
      createObservation(db, officer, form({ programme: 'no-such-programme' }));
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).fields).toEqual({ programme: 'Choose a programme from the list' });
    }
  });

  it('finds a figure that looks like the same fact', () => {
    const hap = form({ programme: 'housing-advisers-programme', metric: 'projects-funded', value: '24', periodStart: '2019-04-01', periodEnd: '2020-03-31', qualifier: 'exact' });
    expect(findLookAlike(db, hap)).not.toBeNull();
    expect(findLookAlike(db, form())).toBeNull();
  });
});

describe('two officers editing the same figure', () => {
  it('refuses the second save made from the version both opened, says what changed, and applies it once seen', () => {
    const second = addTestUser(db, 'officer', 'second@example.gov.uk');
    const id = createObservation(db, officer, form({ value: '100', qualifier: 'exact' }));
    const opened = (db.$client.prepare('SELECT version FROM observations WHERE id = ?').get(id) as { version: number }).version;
    // Both open the form at the same version; the first corrects 100 to 120.
    updateObservation(db, officer, id, form({ value: '120', qualifier: 'exact', version: String(opened), reason: 'Late returns' }));
    // The second, from the stale form, would put 100 back.
    let conflict: unknown;
    try {
      updateObservation(db, second, id, form({ value: '100', qualifier: 'exact', note: 'second officer', version: String(opened) }));
    } catch (error) {
      conflict = error;
    }
    expect(conflict).toBeInstanceOf(ConflictError);
    const { current } = conflict as ConflictError;
    expect(current.version).toBe(opened + 1);
    expect(current.changes).toHaveLength(1);
    expect(current.changes[0]).toContain('value: 100 → 120');
    expect(current.changes[0]).toContain('An officer');
    expect(current.changes[0]).toContain('“Late returns”');
    // Nothing of the second save was written, and the first officer's correction stands.
    expect(db.$client.prepare('SELECT value, note, version FROM observations WHERE id = ?').get(id)).toEqual({ value: 120, note: null, version: opened + 1 });
    // Having seen the change, the second officer saves again at the new version: applied.
    updateObservation(db, second, id, form({ value: '100', qualifier: 'exact', note: 'second officer', version: String(current.version) }));
    expect(db.$client.prepare('SELECT value, note, version FROM observations WHERE id = ?').get(id)).toEqual({ value: 100, note: 'second officer', version: opened + 2 });
  });

  it('counts a deletion and a restoration as changes: a form opened before them is refused', () => {
    const id = createObservation(db, officer, form());
    deleteObservation(db, officer, id, 'Entered twice');
    restoreObservation(db, officer, id, 'Not a duplicate after all');
    expect(() => updateObservation(db, officer, id, form({ value: '1300', version: '1' }))).toThrow(/changed this figure after you opened it/);
    try {
      updateObservation(db, officer, id, form({ value: '1300', version: '1' }));
    } catch (error) {
      expect((error as ConflictError).current.changes).toEqual([expect.stringMatching(/^deleted .*Entered twice/), expect.stringMatching(/^restored .*Not a duplicate/)]);
    }
  });

  it('refuses, as busy, a correction of a figure another connection holds in a transaction, and keeps nothing of it', () => {
    const id = createObservation(db, officer, form({ value: '100', qualifier: 'exact' }));
    const audits = count('SELECT count(*) AS n FROM audit_log');
    // Another server's import has changed the figure in a transaction it has not yet committed.
    const other = openAnotherConnection(db);
    other.$client.exec('BEGIN');
    other.$client.prepare("UPDATE observations SET note = 'importing' WHERE id = ?").run(id);
    waitForNoLock(db);
    let refusal: unknown;
    try {
      updateObservation(db, officer, id, form({ value: '120', qualifier: 'exact', version: '1', reason: 'Late returns' }));
    } catch (error) {
      refusal = error;
    }
    other.$client.exec('ROLLBACK');
    other.$client.close();
    expect(isBusy(refusal)).toBe(true);
    expect(db.$client.prepare('SELECT value, note, version FROM observations WHERE id = ?').get(id)).toEqual({ value: 100, note: null, version: 1 });
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(audits);
  });
});
