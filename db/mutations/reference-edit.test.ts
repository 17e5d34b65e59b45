import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../lib/auth/roles';
import { ForbiddenError, InputError } from '../../lib/errors';
import type { AppDatabase } from '../client';
import { addTestUser, createSeededTestDatabase } from '../testing';
import { readCoverage, readFigureCounts, readFigureSums, rebuildCoverage, rebuildFigureCounts, rebuildFigureSums } from '../rollups/rebuild';
import { setQuarterStatus, quarterOfFigure } from './quarters';
import { createObservation, updateObservation } from './observations';
import { importFiguresCsv } from './csv-import';
import { listReferenceNames } from '../queries/report-review';
import { editReference, listMerges, mergeReference, previewMerge, renameReference, resolveSlug, setRetired, undoMerge } from './reference-edit';

let db: AppDatabase;
let admin: SessionUser;
let officer: SessionUser;
beforeEach(() => {
  db = createSeededTestDatabase();
  admin = addTestUser(db, 'admin');
  officer = addTestUser(db, 'officer');
});
const idOf = (table: string, slug: string) => db.$client.prepare(`SELECT id FROM ${table} WHERE slug = ?`).pluck().get(slug) as number;
const figuresOf = (col: string, id: number) => db.$client.prepare(`SELECT id FROM observations WHERE ${col} = ? ORDER BY id`).pluck().all(id) as number[];
const rollups = () => ({ counts: readFigureCounts(db.$client), sums: readFigureSums(db.$client), coverage: readCoverage(db.$client) });
const rebuilt = () => {
  const kept = rollups();
  rebuildFigureCounts(db.$client);
  rebuildFigureSums(db.$client);
  rebuildCoverage(db.$client);
  return { kept, rebuilt: rollups() };
};

describe('renaming', () => {
  it('gives a programme a new address and keeps the old one as a redirect, audited; renaming back takes it back', () => {
    const id = idOf('programmes', 'remote-peer-support');
    expect(renameReference(db, admin, 'programme', id, { name: 'Remote Peer Challenge' })).toEqual({ slug: 'remote-peer-challenge' });
    expect(resolveSlug(db, 'programme', 'remote-peer-challenge')).toEqual({ id, slug: 'remote-peer-challenge', redirected: false });
    expect(resolveSlug(db, 'programme', 'remote-peer-support')).toEqual({ id, slug: 'remote-peer-challenge', redirected: true });
    const audit = db.$client.prepare("SELECT before, after, reason FROM audit_log WHERE entity_type = 'programme' AND entity_id = ? ORDER BY id DESC LIMIT 1").get(id) as { before: string; after: string; reason: string };
    expect(JSON.parse(audit.before)).toMatchObject({ slug: 'remote-peer-support', name: 'Remote Peer Support' });
    expect(JSON.parse(audit.after)).toMatchObject({ slug: 'remote-peer-challenge', name: 'Remote Peer Challenge' });
    expect(audit.reason).toBe('Renamed; remote-peer-support now redirects to remote-peer-challenge');
    renameReference(db, admin, 'programme', id, { name: 'Remote Peer Support' });
    expect(resolveSlug(db, 'programme', 'remote-peer-support')).toEqual({ id, slug: 'remote-peer-support', redirected: false });
    expect(resolveSlug(db, 'programme', 'remote-peer-challenge')).toMatchObject({ id, redirected: true });
  });

  it('refuses an address another one uses, officers, and malformed addresses; officers edit names', () => {
    const id = idOf('programmes', 'remote-peer-support');
    expect(() => renameReference(db, admin, 'programme', id, { name: 'X', slug: 'top-team-coaching' })).toThrow(/already used by another programme/);
    expect(() => renameReference(db, admin, 'programme', id, { name: 'X', slug: 'Not A Slug' })).toThrow(InputError);
    expect(() => renameReference(db, officer, 'programme', id, { name: 'X' })).toThrow(ForbiddenError);
    expect(() => setRetired(db, officer, 'programme', id, true)).toThrow(ForbiddenError);
    editReference(db, officer, 'programme', id, { name: 'Remote Peer Support (online)', about: 'Peer support by video' });
    expect(db.$client.prepare('SELECT name, description, slug FROM programmes WHERE id = ?').get(id)).toEqual({ name: 'Remote Peer Support (online)', description: 'Peer support by video', slug: 'remote-peer-support' });
    expect(() => editReference(db, { ...officer, role: 'viewer' }, 'programme', id, { name: 'Y', about: null })).toThrow(ForbiddenError);
  });
});

describe('merging two metrics', () => {
  it('shows what would move and the figures that would duplicate, moves everything audited, and undoes exactly', () => {
    const from = idOf('metrics', 'events-delivered');
    const into = idOf('metrics', 'attendees');
    expect(() => previewMerge(db, 'metric', from, into)).not.toThrow();
    const moving = figuresOf('metric_id', from);
    const staying = figuresOf('metric_id', into);
    // A figure that would say the same as one already there is listed before the merge.
    const copy = db.$client.prepare('SELECT * FROM observations WHERE id = ?').get(moving[0]!) as Record<string, unknown>;
    const twin = db.$client
      .prepare('INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id')
      .pluck()
      .get(copy.programme_id, into, copy.value, copy.qualifier, copy.basis, copy.period_start, copy.period_end, copy.date_precision) as number;
    const preview = previewMerge(db, 'metric', from, into);
    expect(preview.figures).toBe(moving.length);
    expect(preview.duplicates).toContainEqual(expect.objectContaining({ moving: moving[0], staying: twin }));

    const mergeId = mergeReference(db, admin, 'metric', from, into);
    expect(figuresOf('metric_id', from)).toEqual([]);
    expect(figuresOf('metric_id', into)).toEqual([...moving, ...staying, twin].sort((a, b) => a - b));
    expect(db.$client.prepare('SELECT retired_at IS NOT NULL FROM metrics WHERE id = ?').pluck().get(from)).toBe(1);
    expect(resolveSlug(db, 'metric', 'events-delivered')).toEqual({ id: into, slug: 'attendees', redirected: true });
    // Each moved figure has its own audit entry, before and after.
    const entries = db.$client.prepare("SELECT entity_id, before, after FROM audit_log WHERE entity_type = 'observation' AND reason = 'Merged metric Events delivered into Attendees'").all() as { entity_id: number; before: string; after: string }[];
    expect(entries.map((e) => e.entity_id).sort((a, b) => a - b)).toEqual(moving);
    for (const e of entries) expect([JSON.parse(e.before).metric_id, JSON.parse(e.after).metric_id]).toEqual([from, into]);
    const { kept, rebuilt: fresh } = rebuilt();
    expect(kept).toEqual(fresh);
    expect(listMerges(db, 'metric', into)[0]).toMatchObject({ id: mergeId, fromSlug: 'events-delivered', intoSlug: 'attendees', figures: moving.length, undoneAt: null });

    undoMerge(db, admin, mergeId);
    expect(figuresOf('metric_id', from)).toEqual(moving);
    expect(figuresOf('metric_id', into)).toEqual([...staying, twin].sort((a, b) => a - b));
    expect(db.$client.prepare('SELECT retired_at FROM metrics WHERE id = ?').pluck().get(from)).toBeNull();
    expect(resolveSlug(db, 'metric', 'events-delivered')).toEqual({ id: from, slug: 'events-delivered', redirected: false });
    expect(() => undoMerge(db, admin, mergeId)).toThrow(/already been undone/);
    const again = rebuilt();
    expect(again.kept).toEqual(again.rebuilt);
  });

  it('refuses metrics of different units, a merge into itself, and anyone but an administrator', () => {
    const hours = idOf('metrics', 'coaching-hours');
    const attendees = idOf('metrics', 'attendees');
    expect(() => previewMerge(db, 'metric', hours, attendees)).toThrow(/different units/);
    expect(() => previewMerge(db, 'metric', attendees, attendees)).toThrow(/different metric/);
    expect(() => mergeReference(db, officer, 'metric', idOf('metrics', 'events-delivered'), attendees)).toThrow(ForbiddenError);
  });
});

describe('a merge in a final quarter', () => {
  it('records each moved figure of a final quarter as a restatement, with the merge as its reason; so does its undo', () => {
    const from = idOf('metrics', 'events-delivered');
    const into = idOf('metrics', 'attendees');
    const moving = figuresOf('metric_id', from);
    const end = db.$client.prepare('SELECT period_end FROM observations WHERE id = ?').pluck().get(moving[0]!) as string;
    const quarter = quarterOfFigure(end);
    setQuarterStatus(db, admin, quarter, 'final', null);
    const inQuarter = (db.$client.prepare('SELECT id, period_end FROM observations WHERE metric_id = ?').all(from) as { id: number; period_end: string }[])
      .filter((o) => quarterOfFigure(o.period_end) === quarter)
      .map((o) => o.id);
    expect(inQuarter.length).toBeGreaterThan(0);
    const restated = () =>
      db.$client.prepare('SELECT r.observation_id, a.reason FROM restatements r JOIN audit_log a ON a.id = r.audit_id WHERE r.quarter = ? ORDER BY r.audit_id').all(quarter) as { observation_id: number; reason: string }[];
    const mergeId = mergeReference(db, admin, 'metric', from, into);
    expect(restated().map((r) => r.observation_id)).toEqual(inQuarter);
    expect(new Set(restated().map((r) => r.reason))).toEqual(new Set(['Merged metric Events delivered into Attendees']));
    undoMerge(db, admin, mergeId);
    expect(restated().map((r) => r.observation_id)).toEqual([...inQuarter, ...inQuarter]);
    expect(figuresOf('metric_id', from)).toEqual(moving);
  });
});

describe('a retired programme or metric', () => {
  const input = (programme: string, metric: string) => ({
    programme, metric, value: 12, upper: null, qualifier: 'exact' as const, basis: 'period' as const, periodStart: '2021-04-01', periodEnd: '2021-06-30',
    datePrecision: 'day' as const, note: null, sourceId: null, line: null, evidence: '', reason: '', partOf: null, version: null,
  });
  async function* bytes(text: string): AsyncIterable<Uint8Array> {
    yield new TextEncoder().encode(text);
  }
  const importRow = (row: string) =>
    importFiguresCsv(db, officer, bytes(`programme,metric,value,qualifier,basis,period_start,period_end\n${row}\n`), { fileName: 'returns.csv', mode: 'preview', onError: 'block' });

  it('takes no new figure from the form or a spreadsheet, while a figure already on it keeps it through an edit', async () => {
    const id = idOf('programmes', 'remote-peer-support');
    const kept = figuresOf('programme_id', id)[0]!;
    setRetired(db, admin, 'programme', id, true);
    // A report's numbers are not read as the retired programme's.
    expect(listReferenceNames(db).programmes.map((p) => p.slug)).not.toContain('remote-peer-support');
    expect(() => createObservation(db, officer, input('remote-peer-support', 'attendees'))).toThrow(/was retired on \d{4}-\d{2}-\d{2} and takes no new figures/);
    const preview = await importRow('Remote Peer Support,Attendees,12,exact,period,2021-04-01,2021-06-30');
    expect(preview.counts).toMatchObject({ new: 0, error: 1 });
    expect(preview.problems[0]).toMatchObject({ column: 'programme', message: expect.stringMatching(/Remote Peer Support” was retired/) });
    // Its own figure is edited where it is; another figure cannot be moved onto it.
    const own = db.$client.prepare('SELECT p.slug programme, m.slug metric FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN metrics m ON m.id = o.metric_id WHERE o.id = ?').get(kept) as { programme: string; metric: string };
    expect(() => updateObservation(db, officer, kept, { ...input(own.programme, own.metric), note: 'checked', reason: 'Checked against the return' })).not.toThrow();
    const other = db.$client.prepare('SELECT o.id, m.slug metric FROM observations o JOIN metrics m ON m.id = o.metric_id WHERE o.programme_id != ? AND o.deleted_at IS NULL LIMIT 1').get(id) as { id: number; metric: string };
    expect(() => updateObservation(db, officer, other.id, { ...input('remote-peer-support', other.metric), reason: 'Moved' })).toThrow(/Remote Peer Support” was retired/);
    setRetired(db, admin, 'programme', id, false);
    expect(() => createObservation(db, officer, input('remote-peer-support', 'attendees'))).not.toThrow();
  });

  it('names what a merged metric was merged into', async () => {
    mergeReference(db, admin, 'metric', idOf('metrics', 'events-delivered'), idOf('metrics', 'attendees'));
    expect(() => createObservation(db, officer, input('remote-peer-support', 'events-delivered'))).toThrow(/merged into “Attendees” on .*: new figures go to “Attendees”/);
    const preview = await importRow('Remote Peer Support,Events delivered,12,exact,period,2021-04-01,2021-06-30');
    expect(preview.problems[0]).toMatchObject({ column: 'metric', message: expect.stringMatching(/merged into “Attendees”/) });
  });
});
