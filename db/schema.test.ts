import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, refusedBy } from './testing';
import type { AppDatabase } from './client';

let db: AppDatabase;
let programmeId: number;
let metricId: number;

beforeEach(() => {
  db = createTestDatabase();
  const sqlite = db.$client;
  const board = sqlite.prepare("INSERT INTO boards (slug, name) VALUES ('test-board', 'Test Board')").run();
  programmeId = Number(
    sqlite
      .prepare("INSERT INTO programmes (slug, name, board_id) VALUES ('test-programme', 'Test Programme', ?)")
      .run(board.lastInsertRowid).lastInsertRowid,
  );
  metricId = Number(
    sqlite
      .prepare(
        "INSERT INTO metrics (slug, name, unit, category, definition) VALUES ('attendees', 'Attendees', 'count', 'attendees', 'People attending')",
      )
      .run().lastInsertRowid,
  );
});

function insertObservation(overrides: Record<string, unknown> = {}) {
  const row = {
    programme_id: programmeId,
    metric_id: metricId,
    value: 600,
    qualifier: 'at_least',
    basis: 'period',
    period_start: '2020-04-01',
    period_end: '2020-06-30',
    date_precision: 'month',
    ...overrides,
  };
  const columns = Object.keys(row);
  return db.$client
    .prepare(`INSERT INTO observations (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...Object.values(row));
}

describe('observation constraints', () => {
  it('accepts a well-formed figure', () => {
    expect(insertObservation().changes).toBe(1);
  });

  it('rejects an unknown qualifier', () => {
    expect(() => insertObservation({ qualifier: 'roughly' })).toThrow(refusedBy('check', 'observations_qualifier_valid'));
  });

  it('rejects an unknown basis', () => {
    expect(() => insertObservation({ basis: 'forecast' })).toThrow(/observations_basis_valid/);
  });

  it('rejects a negative count', () => {
    expect(() => insertObservation({ value: -5 })).toThrow(/observations_value_non_negative/);
  });

  it('rejects a period that ends before it starts', () => {
    expect(() => insertObservation({ period_start: '2020-07-01', period_end: '2020-06-30' })).toThrow(
      /observations_period_order/,
    );
  });

  it('rejects a figure with no programme', () => {
    expect(() => insertObservation({ programme_id: null })).toThrow(refusedBy('not null', 'observations.programme_id'));
  });

  it('rejects a programme that does not exist', () => {
    expect(() => insertObservation({ programme_id: 9999 })).toThrow(refusedBy('foreign key'));
  });

  it('rejects a period end that is not an ISO date', () => {
    expect(() => insertObservation({ period_end: '30/06/2020' })).toThrow(/observations_period_end_iso/);
  });

  it('rejects a figure with no period end', () => {
    expect(() => insertObservation({ period_end: null })).toThrow(refusedBy('not null', 'observations.period_end'));
  });
});

describe('reference constraints', () => {
  it('rejects a duplicate board slug', () => {
    expect(() => db.$client.prepare("INSERT INTO boards (slug, name) VALUES ('test-board', 'Another')").run()).toThrow(refusedBy('unique', 'boards.slug'));
  });

  it('rejects a slug that is not lowercase-hyphenated', () => {
    expect(() => db.$client.prepare("INSERT INTO boards (slug, name) VALUES ('Bad Slug', 'Bad')").run()).toThrow(
      /boards_slug_format/,
    );
  });

  it('rejects an unknown metric unit', () => {
    expect(() =>
      db.$client
        .prepare(
          "INSERT INTO metrics (slug, name, unit, category, definition) VALUES ('m', 'M', 'miles', 'other', 'd')",
        )
        .run(),
    ).toThrow(/metrics_unit_valid/);
  });

  it('rejects evidence that is blank', () => {
    const obs = insertObservation();
    const source = db.$client
      .prepare("INSERT INTO sources (title, document_date) VALUES ('A report', '2020-05-21')")
      .run();
    expect(() =>
      db.$client
        .prepare('INSERT INTO observation_sources (observation_id, source_id, evidence, line) VALUES (?, ?, ?, ?)')
        .run(obs.lastInsertRowid, source.lastInsertRowid, '   ', 3),
    ).toThrow(/observation_sources_evidence_present/);
  });

  it('rejects an unknown user role', () => {
    expect(() =>
      db.$client.prepare("INSERT INTO users (email, role, password_hash) VALUES ('a@b.c', 'superuser', 'x')").run(),
    ).toThrow(/users_role_valid/);
  });
});
