// The floors of the benchmark on PostgreSQL must run exactly the statements the app's connection
// sent, with the same values, and psql must read them as PostgreSQL reads the app's.
import { spawnSync } from 'node:child_process';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase, type AppDatabase } from '../db/client';
import { copyToPostgres } from '../db/engine/copy-to-postgres';
import { startThrowawayCluster, whyNoPostgres, type ThrowawayCluster } from '../db/engine/pg-cluster';
import { loadSeed } from '../db/seed';
import { createTestDatabase } from '../db/testing';
import { loadBoardPage, loadOverview } from '../app/_data/page-data';
import { recordStatements, replay, type RecordedStatement } from './floor';
import { inlineParams, psqlPath, psqlScript, PsqlSession, sqlLiteral } from './postgres-floor';

describe('psql scripts from recorded statements', () => {
  it('writes values as libpq sends them, quoted', () => {
    expect([null, undefined, 7, 2.5, true, false, "O'Brien", ''].map(sqlLiteral)).toEqual(['NULL', 'NULL', "'7'", "'2.5'", "'1'", "'0'", "'O''Brien'", "''"]);
  });

  it('inlines $n outside quoted strings and names, and refuses a missing value', () => {
    expect(inlineParams(`SELECT $1, '$1 it''s', "a$2", $10 FROM t WHERE x = $2`, ['a', null, 3, 4, 5, 6, 7, 8, 9, 'ten'])).toBe(
      `SELECT 'a', '$1 it''s', "a$2", 'ten' FROM t WHERE x = NULL`,
    );
    expect(() => inlineParams('SELECT $2', ['only one'])).toThrow(/\$2 has no value/);
  });

  it('prepares each text with parameters once, and runs every statement in the order given', () => {
    const statement = (sent: string, params: unknown[]): RecordedStatement => ({ sql: sent, sent, params, method: 'all', raw: true });
    const script = psqlScript(
      [statement('SELECT * FROM t WHERE id = $1', [1]), statement('SELECT count(*) FROM t;', []), statement('SELECT * FROM t WHERE id = $1', [2])],
      'page1',
    );
    expect(script.prepare).toBe('PREPARE page1_1 AS SELECT * FROM t WHERE id = $1;');
    expect(script.execute).toBe("EXECUTE page1_1('1');\nSELECT count(*) FROM t;\nEXECUTE page1_1('2');");
  });
});

const why = whyNoPostgres();
if (why) console.log(`Skipping the psql floor's tests on PostgreSQL: ${why}.`);

describe.skipIf(why !== null)('the floors on PostgreSQL', () => {
  let cluster: ThrowawayCluster;
  let url: string;
  let db: AppDatabase;
  let connection: ReturnType<typeof openPostgresDatabase>['connection'];
  let client: Database.Database;

  beforeAll(() => {
    cluster = startThrowawayCluster();
    const sqlite = createTestDatabase();
    loadSeed(sqlite);
    url = cluster.createDatabase('floor');
    ({ db, connection } = openPostgresDatabase(url));
    client = connection as unknown as Database.Database;
    copyToPostgres(sqlite.$client, connection);
    sqlite.$client.close();
  }, 120_000);
  afterAll(() => {
    connection?.close();
    cluster?.stop();
  });

  it('records the SQL as the connection sent it, and replays those statements on it', () => {
    const statements = recordStatements(client, () => loadOverview(db, { board: 'improvement-and-innovation-board' }));
    expect(statements.length).toBeGreaterThan(8);
    const withParams = statements.filter((s) => s.params.length);
    expect(withParams.length).toBeGreaterThan(0);
    // Placeholders numbered, as PostgreSQL reads them; the dialect's rewrites applied.
    for (const s of withParams) {
      expect(s.sent).toMatch(/\$1\b/);
      expect(s.sent).not.toMatch(/\?/);
    }
    expect(statements.some((s) => s.sql.includes('json_each(') && s.sent.includes('json_array_elements_text('))).toBe(true);
    const replayed = recordStatements(client, () => replay(client, statements)());
    expect(replayed.map((s) => [s.sent, s.params])).toEqual(statements.map((s) => [s.sent, s.params]));
  });

  it('has psql return the rows the app read, statement by statement', () => {
    const statements = recordStatements(client, () => loadBoardPage(db, 'improvement-and-innovation-board', {}));
    expect(statements.length).toBeGreaterThan(8);
    for (const s of statements) {
      const rows = connection.prepare(s.sql).raw().all(...(s.params as never[])) as unknown[];
      const script = psqlScript([s]);
      // psql -A -t: the rows apart by the record separator (here one no value holds), then a newline.
      const out = spawnSync(psqlPath(), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-R', '\u001e', '-P', 'null=(null)', '-d', url], { input: `${script.prepare}\n${script.execute}\n`, encoding: 'utf8' });
      expect(out.stderr).toBe('');
      const text = out.stdout.replace(/\n$/, '');
      expect(text ? text.split('\u001e').length : 0, s.sent).toBe(rows.length);
    }
  });

  it('runs scripts in a psql session kept open, and fails when the SQL does', async () => {
    const session = new PsqlSession(url);
    try {
      await session.run("PREPARE one AS SELECT count(*) FROM boards WHERE slug <> $1;\nEXECUTE one('x');");
      await session.run('');
      await expect(session.run('SELECT no_such_column FROM boards;')).rejects.toThrow(/no_such_column/);
    } finally {
      await session.close();
    }
  });
});
