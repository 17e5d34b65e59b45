import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase, type AppDatabase } from '../client';
import { addUser } from '../auth/users';
import { destroySession, getSessionUser } from '../auth/sessions';
import { signIn } from '../auth/sign-in';
import { createObservation, deleteObservation, updateObservation } from '../mutations/observations';
import { importFiguresCsv } from '../mutations/csv-import';
import { observationExportStream } from '../export/export';
import { figureAsForm } from '../testing';
import { getObservation } from '../queries/observations';
import { prepareDatabase } from '../setup';
import { hashPassword } from '../../lib/auth/password';
import { startThrowawayCluster, whyNoPostgres, type ThrowawayCluster } from './pg-cluster';
import type { PostgresConnection } from './postgres';

const why = whyNoPostgres();
if (why) console.log(`Skipping the app-on-PostgreSQL tests: ${why}.`);

// What DATABASE_URL=postgres://… gives the app (db/client.ts getDb): first start, sign-in and
// an officer's write, on PostgreSQL.
describe.skipIf(why !== null)('the app on PostgreSQL', () => {
  let cluster: ThrowawayCluster;
  let db: AppDatabase;
  let connection: PostgresConnection;

  beforeAll(() => {
    cluster = startThrowawayCluster();
    ({ db, connection } = openPostgresDatabase(cluster.createDatabase('app')));
  }, 60_000);
  afterAll(() => {
    connection?.close();
    cluster?.stop();
  });

  it('migrates and seeds an empty database on first start, and only then', () => {
    const first = prepareDatabase(db);
    expect(first.migrationsApplied).toBeGreaterThan(0);
    expect(first.seeded?.observations).toBeGreaterThan(100);
    expect(prepareDatabase(db)).toEqual({ migrationsApplied: 0, seeded: null });
  });

  it('signs an officer in whatever the case of the address typed, and out again', async () => {
    const id = addUser(db, { id: null, email: 'test' }, { email: 'officer@example.gov.uk', name: null, role: 'officer' }, await hashPassword('correct horse battery'));
    const result = await signIn(db, 'Officer@Example.gov.uk', 'correct horse battery', '127.0.0.1');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user).toMatchObject({ id, role: 'officer' });
    expect(getSessionUser(db, result.session.id)).toMatchObject({ id });
    destroySession(db, result.session.id);
    expect(getSessionUser(db, result.session.id)).toBeNull();
    expect((await signIn(db, 'officer@example.gov.uk', 'wrong password', '127.0.0.1')).ok).toBe(false);
  });

  it('corrects a figure and deletes one, with their audit entries, keeping the counts', () => {
    const user = { id: 1, email: 'officer@example.gov.uk', name: null, role: 'officer' as const };
    const count = () => connection.prepare('SELECT sum(figures) FROM figure_counts_by_metric').pluck().get() as number;
    const before = count();
    // A new figure like figure 5, a year on; then a correction of it, through the figure writer.
    const id = createObservation(db, user, figureAsForm(db, 5, { periodEnd: '2030-03-31', reason: 'A test on PostgreSQL' }));
    expect(count()).toBe(before + 1);
    updateObservation(db, user, id, figureAsForm(db, id, { value: '777', reason: 'Checked against the returns' }));
    expect(getObservation(db, id)).toMatchObject({ value: 777, version: 2 });
    // A correction made against an older version is refused (decision 0010), on this engine too.
    expect(() => updateObservation(db, user, id, figureAsForm(db, id, { value: '778', reason: 'Late', version: '1' }))).toThrow();
    deleteObservation(db, user, id, 'Entered in error');
    expect(count()).toBe(before);
    expect(connection.prepare("SELECT action FROM audit_log WHERE entity_type = 'observation' AND entity_id = ? ORDER BY id").pluck().all(id)).toEqual(['create', 'update', 'delete']);
  });
  it('exports the figures and reads the export back as unchanged; imports a new figure from a CSV', async () => {
    const user = { id: 1, email: 'officer@example.gov.uk', name: null, role: 'officer' as const };
    const exported = await new Response(observationExportStream({}, {}, { db })).text();
    const rows = exported.trim().split('\n').length - 1;
    expect(rows).toBeGreaterThan(100);
    async function* bytes(text: string) {
      yield new TextEncoder().encode(text);
    }
    const back = await importFiguresCsv(db, user, bytes(exported), { fileName: 'export.csv', mode: 'preview', onError: 'block' });
    expect(back.counts).toMatchObject({ new: 0, update: 0, error: 0 });
    expect(back.counts.unchanged).toBeGreaterThan(100);
    const csv = 'board,programme,metric,value,qualifier,basis,period_end,date_precision\nImprovement and Innovation Board,Leadership Academy,Attendees,55,exact,period,2031-03-31,day\n';
    const preview = await importFiguresCsv(db, user, bytes(csv), { fileName: 'q.csv', mode: 'preview', onError: 'block' });
    expect(preview).toMatchObject({ counts: { new: 1, error: 0 }, committed: false });
    const committed = await importFiguresCsv(db, user, bytes(csv), { fileName: 'q.csv', mode: 'commit', onError: 'block' });
    expect(committed).toMatchObject({ committed: true, written: { created: 1 } });
    expect(connection.prepare("SELECT value FROM observations WHERE period_end = '2031-03-31'").pluck().all()).toEqual([55]);
  });
});
