import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/roles';
import { ForbiddenError, InputError, NotFoundError } from '../../lib/errors';
import { observationInputSchema } from '../../lib/observation-input';
import type { AppDatabase } from '../client';
import { addTestUser, createSeededTestDatabase } from '../testing';
import { getFigureQuarter, listQuarters, listRestatementsOf } from '../queries/quarters';
import { getObservation } from '../queries/observations';
import { importFiguresCsv } from './csv-import';
import { createObservation, deleteObservation, restoreObservation, updateObservation } from './observations';
import { setQuarterStatus } from './quarters';

let db: AppDatabase;
let officer: SessionUser;
let admin: SessionUser;
let viewer: SessionUser;
// A seeded figure ending in Q4 2020/21 (January to March 2021), and one ending in Q3.
let inQ4: { id: number; period_end: string; version: number };
let inQ3: { id: number; period_end: string; version: number };

beforeEach(() => {
  db = createSeededTestDatabase();
  officer = addTestUser(db, 'officer');
  admin = addTestUser(db, 'admin');
  viewer = addTestUser(db, 'viewer');
  const pick = (from: string, to: string) =>
    db.$client
      .prepare("SELECT id, period_end, version FROM observations WHERE period_end BETWEEN ? AND ? AND deleted_at IS NULL AND basis = 'period' AND NOT EXISTS (SELECT 1 FROM observation_sources WHERE observation_id = observations.id) ORDER BY id LIMIT 1")
      .get(from, to) as typeof inQ4 | undefined;
  // Figures from reports need a reason anyway; these tests want the quarter's rule alone, so take
  // a figure without a source where there is one, else add one.
  inQ4 = pick('2021-01-01', '2021-03-31') ?? added('2021-02-28');
  inQ3 = pick('2020-10-01', '2020-12-31') ?? added('2020-12-31');
});

function input(overrides: Record<string, string> = {}) {
  return observationInputSchema.parse({
    programme: 'remote-peer-support', metric: 'attendees', value: '120', qualifier: 'exact', basis: 'period',
    periodStart: '', periodEnd: '2021-02-28', datePrecision: 'month', note: '', sourceId: '', evidence: '', line: '', reason: '',
    ...overrides,
  });
}
function added(periodEnd: string) {
  const id = createObservation(db, officer, input({ periodEnd, value: String(7000 + periodEnd.length) }));
  return db.$client.prepare('SELECT id, period_end, version FROM observations WHERE id = ?').get(id) as typeof inQ4;
}
const asForm = (id: number, overrides: Record<string, string> = {}) => {
  const o = getObservation(db, id)!;
  return input({
    programme: o.programme.slug, metric: o.metric.slug, value: String(o.value), qualifier: o.qualifier, basis: o.basis,
    periodStart: o.periodStart ?? '', periodEnd: o.periodEnd, datePrecision: o.datePrecision, version: String(o.version), ...overrides,
  });
};
const auditCount = () => (db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const valueOf = (id: number) => getObservation(db, id)!.value;

describe('marking a quarter final', () => {
  it('is for administrators only, audited, and shown as the quarter’s status', () => {
    expect(() => setQuarterStatus(db, officer, '2020-21-Q4', 'final', null)).toThrow(ForbiddenError);
    expect(() => setQuarterStatus(db, viewer, '2020-21-Q4', 'final', null)).toThrow(ForbiddenError);
    expect(getFigureQuarter(db, '2021-02-28')).toMatchObject({ label: 'Q4 2020/21', status: 'provisional' });
    setQuarterStatus(db, admin, '2020-21-Q4', 'final', 'Seen by the board on 12 May 2021');
    expect(getFigureQuarter(db, '2021-02-28')).toMatchObject({ status: 'final' });
    const entry = db.$client.prepare("SELECT action, reason, user_id FROM audit_log WHERE entity_type = 'quarter' ORDER BY id DESC LIMIT 1").get();
    expect(entry).toEqual({ action: 'create', reason: 'Seen by the board on 12 May 2021', user_id: admin.id });
    const q4 = listQuarters(db, { identities: false }).find((q) => q.quarter === '2020-21-Q4')!;
    expect(q4).toMatchObject({ label: 'Q4 2020/21', status: 'final', changedBy: 'An administrator' });
    expect(q4.figures).toBeGreaterThan(0);
  });

  it('refuses a token that is not a quarter, and reopening without a reason', () => {
    expect(() => setQuarterStatus(db, admin, '2020-21', 'final', null)).toThrow(NotFoundError);
    setQuarterStatus(db, admin, '2020-21-Q4', 'final', null);
    expect(() => setQuarterStatus(db, admin, '2020-21-Q4', 'provisional', ' ')).toThrow(InputError);
    setQuarterStatus(db, admin, '2020-21-Q4', 'provisional', 'Marked final by mistake');
    expect(getFigureQuarter(db, '2021-02-28').status).toBe('provisional');
    expect(db.$client.prepare("SELECT action FROM audit_log WHERE entity_type = 'quarter' ORDER BY id").pluck().all()).toEqual(['create', 'update']);
  });
});

describe('a final quarter’s figures', () => {
  beforeEach(() => setQuarterStatus(db, admin, '2020-21-Q4', 'final', null));

  it('refuse an officer’s correction, deletion or new figure, and change nothing', () => {
    const before = { value: valueOf(inQ4.id), audit: auditCount() };
    expect(() => updateObservation(db, officer, inQ4.id, asForm(inQ4.id, { value: '999', reason: 'typo' }))).toThrow(/Q4 2020\/21 is final/);
    expect(() => deleteObservation(db, officer, inQ4.id, 'duplicate')).toThrow(ForbiddenError);
    expect(() => createObservation(db, officer, input({ periodEnd: '2021-03-31', value: '4321' }))).toThrow(ForbiddenError);
    // Moving a figure into the final quarter changes that quarter too.
    expect(() => updateObservation(db, officer, inQ3.id, asForm(inQ3.id, { periodEnd: '2021-01-31', reason: 'wrong month' }))).toThrow(ForbiddenError);
    expect(valueOf(inQ4.id)).toBe(before.value);
    expect(getObservation(db, inQ4.id)!.deletedAt).toBeNull();
    expect(auditCount()).toBe(before.audit);
    // The quarter before is still provisional: the officer's change there goes through.
    updateObservation(db, officer, inQ3.id, asForm(inQ3.id, { value: '31', reason: 'corrected' }));
    expect(valueOf(inQ3.id)).toBe(31);
    expect(listRestatementsOf(db, inQ3.id).size).toBe(0);
  });

  it('accept an administrator’s change only with a reason, and record it as a restatement', () => {
    expect(() => updateObservation(db, admin, inQ4.id, asForm(inQ4.id, { value: '999' }))).toThrow(InputError);
    updateObservation(db, admin, inQ4.id, asForm(inQ4.id, { value: '999', reason: 'The programme corrected its return in June' }));
    expect(valueOf(inQ4.id)).toBe(999);
    const audit = db.$client.prepare("SELECT id, action, reason FROM audit_log WHERE entity_type = 'observation' AND entity_id = ? ORDER BY id DESC LIMIT 1").get(inQ4.id) as { id: number; action: string; reason: string };
    expect(audit).toMatchObject({ action: 'update', reason: 'The programme corrected its return in June' });
    expect([...listRestatementsOf(db, inQ4.id)]).toEqual([[audit.id, 'Q4 2020/21']]);
    deleteObservation(db, admin, inQ4.id, 'Counted twice');
    restoreObservation(db, admin, inQ4.id, 'Not counted twice after all');
    expect(listRestatementsOf(db, inQ4.id).size).toBe(3);
    expect(listQuarters(db, { identities: false }).find((q) => q.quarter === '2020-21-Q4')!.restatements).toBe(3);
  });

  it('are refused row by row in an officer’s CSV preview, and nothing of the file is stored', async () => {
    const csv = 'programme,metric,value,qualifier,basis,period_end\nremote-peer-support,downloads,12,exact,period,2021-03-31\nremote-peer-support,downloads,13,exact,period,2021-06-30\n';
    const chunks = async function* () { yield new TextEncoder().encode(csv); };
    const figures = () => (db.$client.prepare('SELECT count(*) AS n FROM observations').get() as { n: number }).n;
    const before = figures();
    const preview = await importFiguresCsv(db, officer, chunks(), { fileName: 'late.csv', mode: 'preview', onError: 'block' });
    expect(preview.fileProblem).toBeNull();
    expect(preview.counts).toMatchObject({ new: 1, error: 1 });
    expect(preview.problems[0]).toMatchObject({ row: 2, column: 'period_end', message: expect.stringMatching(/Q4 2020\/21 is final/) });
    const commit = await importFiguresCsv(db, officer, chunks(), { fileName: 'late.csv', mode: 'commit', onError: 'block' });
    expect(commit.committed).toBe(false);
    expect(figures()).toBe(before);
    // An administrator's import is audited with its row as the reason, and each row in the final quarter is a restatement.
    const byAdmin = await importFiguresCsv(db, admin, chunks(), { fileName: 'late.csv', mode: 'commit', onError: 'block' });
    expect(byAdmin.committed).toBe(true);
    expect(listQuarters(db, { identities: false }).find((q) => q.quarter === '2020-21-Q4')!.restatements).toBe(1);
  });
});
