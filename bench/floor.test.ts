// The benchmark's floor must run exactly the SQL the page's data function ran — every statement,
// with its parameters — and nothing of the app's own code.
import { describe, expect, it } from 'vitest';
import { createSeededTestDatabase } from '../db/testing';
import { loadOverview } from '../app/_data/page-data';
import { recordStatements, replay } from './floor';

describe('the SQL floor', () => {
  it('records every statement a page runs and replays exactly those, with their parameters', () => {
    const db = createSeededTestDatabase();
    const sqlite = db.$client;
    const statements = recordStatements(sqlite, () => loadOverview(db, { board: 'improvement-and-innovation-board' }));
    expect(statements.length).toBeGreaterThan(8);
    expect(statements.some((s) => s.params.includes('improvement-and-innovation-board'))).toBe(true);
    // Recording ends with the call: prepare() is the connection's own again.
    expect(recordStatements(sqlite, () => sqlite.prepare('SELECT 1').get())).toHaveLength(1);
    expect(recordStatements(sqlite, () => undefined)).toEqual([]);
    // A statement read by pluck() is seen too; on SQLite the SQL sent is the SQL written.
    const plucked = recordStatements(sqlite, () => sqlite.prepare('SELECT count(*) FROM boards WHERE id > ?').pluck().get(0));
    expect(plucked).toEqual([{ sql: 'SELECT count(*) FROM boards WHERE id > ?', sent: 'SELECT count(*) FROM boards WHERE id > ?', params: [0], method: 'get', raw: false }]);

    const replayed = recordStatements(sqlite, () => replay(sqlite, statements)());
    expect(replayed.map((s) => [s.sql, s.params])).toEqual(statements.map((s) => [s.sql, s.params]));
    // Rows are read as arrays, the cheapest way better-sqlite3 returns them.
    expect(replayed.filter((s) => s.method === 'all').every((s) => s.raw)).toBe(true);
  });
});

describe('the SQL floor with prepared statements kept', () => {
  it('still sees statements the app prepared before recording began, and keeps no proxy after', () => {
    const db = createSeededTestDatabase();
    const cold = recordStatements(db.$client, () => loadOverview(db, {})).map((s) => s.sql);
    loadOverview(db, {}); // the app's statements are now prepared and kept
    const warm = recordStatements(db.$client, () => loadOverview(db, {}));
    // The same statements, less the programme and metric names: kept until the data changes.
    const names = ['SELECT p.id, p.slug, p.name, b.slug, b.name FROM programmes p', 'SELECT id, slug, name, unit, additivity FROM metrics'];
    expect(cold.filter((sql) => names.some((n) => sql.startsWith(n)))).toHaveLength(2);
    expect(warm.map((s) => s.sql)).toEqual(cold.filter((sql) => !names.some((n) => sql.startsWith(n))));
    // The app's later calls go to its own statements, not to the recorder.
    const length = warm.length;
    loadOverview(db, {});
    expect(warm).toHaveLength(length);
  });
});
