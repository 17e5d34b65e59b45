import { beforeEach, describe, expect, it } from 'vitest';
import { observationInputSchema, fieldErrors } from '../../lib/observation-input';
import { ForbiddenError } from '../../lib/errors';
import type { SessionUser } from '../../lib/auth/roles';
import { loadSeed } from '../seed';
import type { AppDatabase } from '../client';
import { addTestUser, createTestDatabase } from '../testing';
import { listFigureHistory } from '../queries/figure-history';
import { createObservation, deleteObservation, findLookAlike, restoreObservation, updateObservation } from './observations';
import { InputError } from '../../lib/errors';

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
    db.$client.exec("CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit unavailable'); END");
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
