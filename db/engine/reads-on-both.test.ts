import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase, type AppDatabase } from '../client';
import * as flags from '../queries/flags';
import * as meetings from '../queries/meetings';
import * as observations from '../queries/observations';
import * as overview from '../queries/overview';
import * as reference from '../queries/reference';
import { loadSeed } from '../seed';
import { seededOnBothEngines } from '../testing';
import { loadBoardPage, loadComparePage, loadFiguresPage, loadMetricPage, loadMetricPanel, loadOverview, loadProgrammePage } from '../../app/_data/page-data';
import { loadPack } from '../../app/_data/pack';
import { migratePostgres } from './migrate-pg';
import { whyNoPostgres, type ThrowawayCluster } from './pg-cluster';

const why = whyNoPostgres();
if (why) console.log(`Skipping the reads-on-both-engines tests: ${why}.`);

// The same reads on the seeded data in SQLite and in PostgreSQL (copied by db:copy): what a page
// shows must not depend on the engine.
const READS: [string, (db: AppDatabase) => unknown][] = [
  ['boards', (db) => reference.listBoards(db)],
  ['programmes', (db) => reference.listProgrammes(db)],
  ['metrics', (db) => reference.listMetrics(db)],
  ['latest figure date', (db) => reference.getLatestFigureDate(db)],
  ['unknown slugs', (db) => reference.findUnknownSlugs(db, { boards: ['no-such-board'], programmes: ['peer-support', 'nope'] })],
  ['dataset totals', (db) => observations.getDatasetTotals(db)],
  ['latest figures', (db) => observations.listLatestObservations(db, 25)],
  ['figure count', (db) => observations.countObservations(db, {})],
  ['one figure', (db) => observations.getObservation(db, 5)],
  ['audit actors', (db) => observations.listAuditActors(db)],
  ['figures per quarter', (db) => overview.listFiguresPerQuarter(db, {})],
  ['board activity', (db) => overview.listActivity(db, {}, 'board')],
  ['top programmes', (db) => overview.listActivity(db, { from: '2020-04-01', to: '2021-03-31' }, 'programme', 5)],
  ['meetings', (db) => meetings.listMeetings(db)],
  ['flags', (db) => flags.listFlags(db, { identities: true })],
  ['overview page', (db) => loadOverview(db, {})],
  ['overview page, 2020/21', (db) => loadOverview(db, { period: '2020-21' })],
  ['a board page', (db) => loadBoardPage(db, 'improvement-and-innovation-board', {})],
  ['a programme page', (db) => loadProgrammePage(db, 'leadership-academy', {})],
  ['a metric page', (db) => loadMetricPage(db, 'councils-supported', {})],
  ['a metric chart', (db) => loadMetricPanel(db, { metric: 'councils-supported' })],
  ['comparing two quarters', (db) => loadComparePage(db, { a: '2020-21-Q3', b: '2020-21-Q4' })],
  ['the board pack', (db) => loadPack(db, {})],
  ['figures page', (db) => loadFiguresPage(db, {})],
  ['figures page, filtered and sorted', (db) => loadFiguresPage(db, { board: 'improvement-and-innovation-board', sort: 'period' })],
  ['figures page, searched', (db) => loadFiguresPage(db, { q: 'councils peer' })],
  ['figures page, searched for the start of a word', (db) => loadFiguresPage(db, { q: 'webin' })],
];

describe.skipIf(why !== null)('the same reads on SQLite and on PostgreSQL', () => {
  let cluster: ThrowawayCluster;
  let sqlite: AppDatabase;
  let postgres: AppDatabase;

  let both: ReturnType<typeof seededOnBothEngines>;
  beforeAll(() => {
    both = seededOnBothEngines('reads');
    ({ sqlite, postgres, cluster } = both);
  }, 120_000);
  afterAll(() => both?.close());

  // Sets and Maps hold no order of their own (the pages sort what they list from them); arrays do.
  const unordered = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value, (_key, v: unknown) =>
        v instanceof Set ? [...v].map(String).sort() : v instanceof Map ? [...v.entries()].sort(([a], [b]) => String(a).localeCompare(String(b))) : v,
      ),
    );

  it.each(READS)('%s', (_name, read) => {
    const onSqlite = read(sqlite);
    expect(onSqlite).not.toEqual([]);
    expect(unordered(read(postgres))).toEqual(unordered(onSqlite));
  });

  // The seed loaded by the app's own writes on PostgreSQL (the figure writer, its audit and the
  // rollups' triggers), not copied: the pages read the same as on SQLite.
  describe('seeded on PostgreSQL itself', () => {
    let seeded: AppDatabase;
    let seededConnection: ReturnType<typeof openPostgresDatabase>['connection'];
    beforeAll(() => {
      ({ db: seeded, connection: seededConnection } = openPostgresDatabase(cluster.createDatabase('seeded')));
      migratePostgres(seededConnection);
      loadSeed(seeded);
    }, 120_000);
    afterAll(() => seededConnection?.close());

    it.each(READS)('%s', (_name, read) => {
      expect(unordered(read(seeded))).toEqual(unordered(read(sqlite)));
    });
  });
});
