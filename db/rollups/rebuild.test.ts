import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCoverage, readFigureCounts, readFigureSums, readQuarterSums, readReportedOn, rebuildCoverage, rebuildFigureCounts, rebuildFigureSums, rebuildReportedOn } from './rebuild';
import { createOnePairDatabase, createTestDatabase } from '../testing';

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

describe('figure-count and figure-sum rollups', () => {
  it('stay equal to a rebuild from the observations through any sequence of writes', () => {
    const db = createTestDatabase();
    const sqlite = db.$client;
    sqlite.exec(`INSERT INTO boards (slug, name) VALUES ('b', 'B');
      INSERT INTO programmes (slug, name, board_id) VALUES ('p1', 'P1', 1), ('p2', 'P2', 1), ('p3', 'P3', 1);
      INSERT INTO metrics (slug, name, unit, category, definition, additivity) VALUES
        ('m1', 'M1', 'count', 'other', 'd', 'additive'), ('m2', 'M2', 'count', 'other', 'd', 'additive'), ('m3', 'M3', 'hours', 'other', 'd', 'additive');
      INSERT INTO sources (title, document_date, covers_from, covers_to) VALUES ('S1', '2024-03-31', '2024-01-01', '2024-03-31'), ('S2', '2024-05-31', NULL, NULL), ('S3', '2024-06-30', '2024-04-01', '2024-06-30');`);
    const end = (month: number) => `2024-${String(month).padStart(2, '0')}-${month === 2 ? '29' : '28'}`;
    fc.assert(
      fc.property(fc.array(operation, { minLength: 10, maxLength: 40, size: 'max' }), (ops) => {
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
        const read = () => ({ counts: readFigureCounts(sqlite), sums: readFigureSums(sqlite), quarters: readQuarterSums(sqlite), coverage: readCoverage(sqlite) });
        const maintained = read();
        // Search finds exactly the figures whose note or evidence holds the word.
        for (const word of ['alpha', 'beta', 'gamma', 'delta'])
          expect(sqlite.prepare('SELECT rowid FROM figure_text WHERE figure_text MATCH ? ORDER BY rowid').pluck().all(word)).toEqual(
            sqlite
              .prepare(
                `SELECT o.id FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = o.metric_id
                 WHERE instr(' ' || coalesce(o.note, '') || ' ' || p.name || ' ' || b.name || ' ' || m.name || ' ', ' ' || @word || ' ')
                   OR EXISTS (SELECT 1 FROM observation_sources os WHERE os.observation_id = o.id AND instr(' ' || evidence || ' ', ' ' || @word || ' ')) ORDER BY o.id`,
              )
              .pluck()
              .all({ word }),
          );
        rebuildFigureCounts(sqlite);
        rebuildFigureSums(sqlite);
        rebuildCoverage(sqlite);
        expect(maintained).toEqual(read());
      }),
      { numRuns: 150 },
    );
  });

  it('put a period end in the financial quarter that holds it', () => {
    const db = createOnePairDatabase(`INSERT INTO observations (programme_id, metric_id, value, basis, period_end) VALUES
        (1, 1, 1, 'period', '2024-03-31'), (1, 1, 1, 'period', '2024-04-01'), (1, 1, 1, 'period', '2024-06-30'),
        (1, 1, 1, 'period', '2024-07-01'), (1, 1, 1, 'period', '2024-12-31'), (1, 1, 1, 'period', '2025-01-15');`);
    const sqlite = db.$client;
    expect(readFigureCounts(sqlite).byQuarter).toEqual([
      { programme_id: 1, basis: 'period', quarter: '2024-01', figures: 1 },
      { programme_id: 1, basis: 'period', quarter: '2024-04', figures: 2 },
      { programme_id: 1, basis: 'period', quarter: '2024-07', figures: 1 },
      { programme_id: 1, basis: 'period', quarter: '2024-10', figures: 1 },
      { programme_id: 1, basis: 'period', quarter: '2025-01', figures: 1 },
    ]);
  });
});

describe('figure_sums_by_period', () => {
  it('adds up the live figures of one programme, metric, basis and exact period with what is known about the sum', () => {
    const db = createOnePairDatabase(`INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision, deleted_at) VALUES
        (1, 1, 600, 'at_least', 'period', '2024-04-01', '2024-06-30', 'month', NULL),
        (1, 1, 40, 'exact', 'period', '2024-04-01', '2024-06-30', 'day', NULL),
        (1, 1, 2, 'approx', 'period', '2024-04-01', '2024-06-30', 'day', NULL),
        (1, 1, 99, 'at_most', 'period', '2024-04-01', '2024-06-30', 'year', '2024-07-01T00:00:00Z'),
        (1, 1, 7, 'at_most', 'period', '2024-05-01', '2024-06-30', 'day', NULL),
        (1, 1, 1200, 'exact', 'cumulative', NULL, '2024-06-30', 'day', NULL);`);
    const rows = readFigureSums(db.$client) as Record<string, unknown>[];
    const pick = (r: Record<string, unknown>) => [r.basis, r.period_start, r.period_end, r.value, r.figures, r.at_least_figures, r.at_most_figures, r.approx_figures, r.date_precision];
    expect(rows.map(pick)).toEqual([
      ['cumulative', '', '2024-06-30', 1200, 1, 0, 0, 0, 'day'],
      // The deleted 99 (an upper bound, by year) counts nowhere; a different start is a different row.
      ['period', '2024-04-01', '2024-06-30', 642, 3, 1, 0, 1, 'month'],
      ['period', '2024-05-01', '2024-06-30', 7, 1, 0, 1, 0, 'day'],
    ]);
  });

  it('keep the least precise date whatever order the figures arrive in', () => {
    const db = createOnePairDatabase(`INSERT INTO observations (programme_id, metric_id, value, basis, period_end, date_precision) VALUES
        (1, 1, 1, 'period', '2024-06-30', 'month'), (1, 1, 1, 'period', '2024-06-30', 'day');`);
    expect((readFigureSums(db.$client) as { date_precision: string }[]).map((r) => r.date_precision)).toEqual(['month']);
  });
});

describe('figure_sums_by_quarter', () => {
  it('holds per quarter the sum of the figures contained in it, the figures spanning it apart, and the latest running totals', () => {
    // Each statement is one write, so the last ones go through the update (upsert) and delete paths.
    const db = createOnePairDatabase(`
      INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision) VALUES (1, 1, 10, 'exact', 'period', NULL, '2024-04-30', 'day');
      INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision) VALUES (1, 1, 20, 'at_least', 'period', '2024-04-01', '2024-06-30', 'month');
      INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision) VALUES (1, 1, 300, 'exact', 'period', '2024-01-01', '2024-06-30', 'day');
      INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision) VALUES (1, 1, 5, 'approx', 'period', '2024-03-01', '2024-03-31', 'day');
      INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision) VALUES (1, 1, 1000, 'exact', 'cumulative', NULL, '2024-06-30', 'day');
      INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision) VALUES (1, 1, 900, 'exact', 'cumulative', NULL, '2024-05-31', 'day');
      INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision) VALUES (1, 1, 50, 'exact', 'cumulative', NULL, '2024-05-31', 'day');
      INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision) VALUES (1, 1, 7, 'exact', 'planned', '2024-04-01', '2024-06-30', 'year');
      INSERT INTO observations (programme_id, metric_id, value, qualifier, basis, period_start, period_end, date_precision) VALUES (1, 1, 8, 'exact', 'planned', '2024-07-01', '2024-09-30', 'year');
      UPDATE observations SET deleted_at = '2024-10-01T00:00:00Z' WHERE value = 8;`);
    const rows = (readQuarterSums(db.$client) as Record<string, unknown>[]).map((r) => [
      r.basis, r.quarter, r.exact_start, r.exact_end, r.period_start, r.period_end, r.value, r.figures, r.at_least_figures, r.approx_figures, r.date_precision,
    ]);
    expect(rows).toEqual([
      // The running totals of the quarter's latest as-of date only: not those of 31 May, though
      // they were written last (the second one through an upsert).
      ['cumulative', '2024-04', '', '2024-06-30', '', '2024-06-30', 1000, 1, 0, 0, 'day'],
      // March's figure in its own quarter.
      ['period', '2024-01', '', '', '2024-03-01', '2024-03-31', 5, 1, 0, 1, 'day'],
      // The two contained in April to June (one with no start, one starting on its first day)
      // added up, with the earliest start and latest end among them; the one from January apart.
      ['period', '2024-04', '', '', '2024-04-01', '2024-06-30', 30, 2, 1, 0, 'month'],
      ['period', '2024-04', '2024-01-01', '2024-06-30', '2024-01-01', '2024-06-30', 300, 1, 0, 0, 'day'],
      // Plans alike; the deleted plan for July to September leaves nothing behind.
      ['planned', '2024-04', '', '', '2024-04-01', '2024-06-30', 7, 1, 0, 0, 'year'],
    ]);
  });
});

describe('observations.reported_on', () => {
  it('stays the date of the latest source of each figure through any linking, unlinking and redating', () => {
    const db = createOnePairDatabase(`INSERT INTO observations (programme_id, metric_id, value, basis, period_end) VALUES (1, 1, 1, 'period', '2024-01-31'), (1, 1, 2, 'period', '2024-01-31'), (1, 1, 3, 'period', '2024-01-31');
      INSERT INTO sources (title, document_date, date_precision) VALUES ('S1', '2024-02-01', 'day'), ('S2', '2024-05-01', 'day'), ('S3', '2023-11-01', 'day');`);
    const sqlite = db.$client;
    const step = fc.oneof(
      fc.record({ kind: fc.constant('link' as const), observation: fc.integer({ min: 1, max: 3 }), source: fc.integer({ min: 1, max: 3 }), line: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('unlink' as const), row: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), row: fc.nat(), source: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('redate' as const), source: fc.integer({ min: 1, max: 3 }), month: fc.integer({ min: 1, max: 12 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        sqlite.exec('DELETE FROM observation_sources');
        for (const s of steps) {
          const links = (sqlite.prepare('SELECT id FROM observation_sources ORDER BY id').all() as { id: number }[]).map((r) => r.id);
          if (s.kind === 'link')
            sqlite.prepare("INSERT OR IGNORE INTO observation_sources (observation_id, source_id, evidence, line) VALUES (?, ?, 'x', ?)").run(s.observation, s.source, s.line);
          else if (s.kind === 'redate') sqlite.prepare('UPDATE sources SET document_date = ? WHERE id = ?').run(`2024-${String(s.month).padStart(2, '0')}-10`, s.source);
          else if (!links.length) continue;
          else if (s.kind === 'unlink') sqlite.prepare('DELETE FROM observation_sources WHERE id = ?').run(links[s.row % links.length]);
          else sqlite.prepare('UPDATE OR IGNORE observation_sources SET source_id = ? WHERE id = ?').run(s.source, links[s.row % links.length]);
        }
        const maintained = readReportedOn(sqlite);
        rebuildReportedOn(sqlite);
        expect(maintained).toEqual(readReportedOn(sqlite));
      }),
      { numRuns: 150 },
    );
  });
});
