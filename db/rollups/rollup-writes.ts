// Every kind of write the rollups' triggers must follow, for the property tests that hold the
// trigger-kept rollups equal to a rebuild — on SQLite (rebuild.test.ts) and on PostgreSQL
// (db/engine/rollups-pg.test.ts): the same writes, as the same SQL, on both engines.
import fc from 'fast-check';

/** What the writes need: a connection that prepares and runs SQL (better-sqlite3's, or db/engine's). */
export interface SqlClient {
  prepare(sql: string): { run(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
  exec(sql: string): unknown;
}

// Every kind of write to observations, as SQL, so that each trigger is exercised: insert (live or
// already deleted), edits of each counted or summed column, delete, restore and removal of the
// row. Few programmes, months and starts, so that figures often share a rollup row. Values are
// halves, whose sums are exact in floating point: the sums compare equal to the last bit.
const qualifier = fc.constantFrom('exact', 'at_least', 'at_most', 'approx');
const start = fc.constantFrom(null, '2024-01-01');
const precision = fc.constantFrom('day', 'month', 'year');
// Inserts weigh most: rows must build up for edits to have something to change.
const operation = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('insert' as const), programme: fc.integer({ min: 1, max: 2 }), metric: fc.integer({ min: 1, max: 2 }), basis: fc.constantFrom('period', 'cumulative', 'planned'), month: fc.integer({ min: 1, max: 4 }), deleted: fc.boolean(), qualifier, start, precision, value: fc.integer({ min: 0, max: 2000 }).map((v) => v / 2) }), weight: 6 },
  fc.record({ kind: fc.constant('requalify' as const), row: fc.nat(), qualifier, start, precision }),
  fc.record({ kind: fc.constant('move' as const), row: fc.nat(), programme: fc.integer({ min: 1, max: 3 }), metric: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('repoint' as const), row: fc.nat(), basis: fc.constantFrom('period', 'cumulative', 'planned'), month: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('value' as const), row: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), row: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const), row: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), row: fc.nat() }),
  // Ranges, parts of another figure, source links and what a source covers (migration 0006).
  fc.record({ kind: fc.constant('range' as const), row: fc.nat(), width: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('part' as const), row: fc.nat(), of: fc.option(fc.nat()) }),
  fc.record({ kind: fc.constant('link' as const), row: fc.nat(), source: fc.integer({ min: 1, max: 3 }), line: fc.integer({ min: 1, max: 3 }), evidence: fc.constantFrom('alpha', 'beta gamma', 'gamma') }),
  // What full-text search reads: notes and evidence (migration 0007).
  fc.record({ kind: fc.constant('note' as const), row: fc.nat(), note: fc.constantFrom(null, 'alpha', 'delta') }),
  fc.record({ kind: fc.constant('reword' as const), row: fc.nat(), evidence: fc.constantFrom('delta', 'beta') }),
  fc.record({ kind: fc.constant('rename' as const), table: fc.constantFrom('programmes', 'metrics', 'boards'), id: fc.integer({ min: 1, max: 2 }), word: fc.constantFrom('', ' gamma', ' delta') }),
  fc.record({ kind: fc.constant('unlink' as const), row: fc.nat() }),
  fc.record({ kind: fc.constant('respan' as const), source: fc.integer({ min: 1, max: 3 }), span: fc.constantFrom(null, ['2023-11-01', '2024-02-29'], ['2024-03-01', '2024-05-31']) }),
);


/** Sequences of writes, long enough for rows to build up and be changed. */
export const rollupWrites = fc.array(operation, { minLength: 10, maxLength: 40, size: 'max' });
type Write = typeof operation extends fc.Arbitrary<infer W> ? W : never;

/** Three programmes, three metrics and three sources for the writes to use. */
export function addRollupReference(sqlite: SqlClient): void {
  sqlite.exec(`INSERT INTO boards (slug, name) VALUES ('b', 'B');
    INSERT INTO programmes (slug, name, board_id) VALUES ('p1', 'P1', 1), ('p2', 'P2', 1), ('p3', 'P3', 1);
    INSERT INTO metrics (slug, name, unit, category, definition, additivity) VALUES
      ('m1', 'M1', 'count', 'other', 'd', 'additive'), ('m2', 'M2', 'count', 'other', 'd', 'additive'), ('m3', 'M3', 'hours', 'other', 'd', 'additive');
    INSERT INTO sources (title, document_date, covers_from, covers_to) VALUES ('S1', '2024-03-31', '2024-01-01', '2024-03-31'), ('S2', '2024-05-31', NULL, NULL), ('S3', '2024-06-30', '2024-04-01', '2024-06-30');`);
}

const end = (month: number) => `2024-${String(month).padStart(2, '0')}-${month === 2 ? '29' : '28'}`;

/** Empties the figures, then makes each write in turn. */
export function applyRollupWrites(sqlite: SqlClient, ops: Write[]): void {
  sqlite.exec('DELETE FROM observations');
  for (const op of ops) {
    const ids = (sqlite.prepare('SELECT id FROM observations ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    const id = 'row' in op && ids.length ? ids[op.row % ids.length] : undefined;
    if (op.kind === 'insert')
      sqlite
        .prepare('INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(op.programme, op.metric, op.value, op.qualifier, op.basis, op.start, end(op.month), op.precision, op.deleted ? '2024-06-01T00:00:00Z' : null);
    else if (op.kind === 'respan') sqlite.prepare('UPDATE sources SET covers_from = ?, covers_to = ? WHERE id = ?').run(op.span?.[0] ?? null, op.span?.[1] ?? null, op.source);
    else if (op.kind === 'rename') sqlite.prepare(`UPDATE ${op.table} SET name = upper(slug) || ? WHERE id = ?`).run(op.word, op.id);
    else if (id === undefined) continue;
    else if (op.kind === 'move') sqlite.prepare('UPDATE observations SET programme_id = ?, metric_id = ? WHERE id = ?').run(op.programme, op.metric, id);
    else if (op.kind === 'repoint') sqlite.prepare('UPDATE observations SET basis = ?, period_end = ? WHERE id = ?').run(op.basis, end(op.month), id);
    else if (op.kind === 'requalify')
      sqlite
        .prepare("UPDATE observations SET qualifier = ?, upper_value = CASE WHEN ? IN ('exact', 'approx') THEN upper_value END, period_start = ?, date_precision = ? WHERE id = ?")
        .run(op.qualifier, op.qualifier, op.start, op.precision, id);
    else if (op.kind === 'value') sqlite.prepare('UPDATE observations SET value = value + 0.5, upper_value = upper_value + 0.5 WHERE id = ?').run(id);
    else if (op.kind === 'range')
      sqlite.prepare("UPDATE observations SET upper_value = CASE WHEN ? > 0 AND qualifier IN ('exact', 'approx') THEN value + ? END WHERE id = ?").run(op.width, op.width, id);
    else if (op.kind === 'part') {
      const total = op.of === null ? null : ids[op.of % ids.length]!;
      sqlite.prepare('UPDATE observations SET part_of_id = ? WHERE id = ?').run(total === id ? null : total, id);
    } else if (op.kind === 'link')
      sqlite.prepare('INSERT INTO observation_sources (observation_id, source_id, evidence, line) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(id, op.source, op.evidence, op.line);
    else if (op.kind === 'note') sqlite.prepare('UPDATE observations SET note = ? WHERE id = ?').run(op.note, id);
    else if (op.kind === 'reword') sqlite.prepare('UPDATE observation_sources SET evidence = ? WHERE id = (SELECT max(id) FROM observation_sources WHERE observation_id = ?)').run(op.evidence, id);
    else if (op.kind === 'unlink') sqlite.prepare('DELETE FROM observation_sources WHERE id = (SELECT min(id) FROM observation_sources WHERE observation_id = ?)').run(id);
    else if (op.kind === 'delete') sqlite.prepare("UPDATE observations SET deleted_at = '2024-06-01T00:00:00Z' WHERE id = ?").run(id);
    else if (op.kind === 'restore') sqlite.prepare('UPDATE observations SET deleted_at = NULL WHERE id = ?').run(id);
    else sqlite.prepare('DELETE FROM observations WHERE id = ?').run(id);
  }
}
