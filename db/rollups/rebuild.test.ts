import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCoverage, readFigureCounts, readFigureSums, readQuarterSums, readReportedOn, rebuildCoverage, rebuildFigureCounts, rebuildFigureSums, rebuildReportedOn } from './rebuild';
import { createOnePairDatabase, createTestDatabase } from '../testing';
import { addRollupReference, applyRollupWrites, rollupWrites } from './rollup-writes';

describe('figure-count and figure-sum rollups', () => {
  it('stay equal to a rebuild from the observations through any sequence of writes', () => {
    const db = createTestDatabase();
    const sqlite = db.$client;
    addRollupReference(sqlite);
    fc.assert(
      fc.property(rollupWrites, (ops) => {
        applyRollupWrites(sqlite, ops);
        const read = () => ({ counts: readFigureCounts(sqlite), sums: readFigureSums(sqlite), quarters: readQuarterSums(sqlite), coverage: readCoverage(sqlite) });
        const maintained = read();
        // Search finds exactly the figures whose note, names or evidence hold the word (worked
        // out here in JavaScript, the same on both engines).
        const texts = sqlite
          .prepare(
            `SELECT o.id, ' ' || coalesce(o.note, '') || ' ' || p.name || ' ' || b.name || ' ' || m.name || ' ' ||
               coalesce((SELECT group_concat(evidence, ' ') FROM observation_sources os WHERE os.observation_id = o.id), '') || ' ' AS text
             FROM observations o JOIN programmes p ON p.id = o.programme_id JOIN boards b ON b.id = p.board_id JOIN metrics m ON m.id = o.metric_id ORDER BY o.id`,
          )
          .all() as { id: number; text: string }[];
        for (const word of ['alpha', 'beta', 'gamma', 'delta'])
          expect(sqlite.prepare('SELECT rowid FROM figure_text WHERE figure_text MATCH ? ORDER BY rowid').pluck().all(word)).toEqual(
            texts.filter((t) => t.text.split(/\s+/).includes(word)).map((t) => t.id),
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
            sqlite.prepare("INSERT INTO observation_sources (observation_id, source_id, evidence, line) VALUES (?, ?, 'x', ?) ON CONFLICT DO NOTHING").run(s.observation, s.source, s.line);
          else if (s.kind === 'redate') sqlite.prepare('UPDATE sources SET document_date = ? WHERE id = ?').run(`2024-${String(s.month).padStart(2, '0')}-10`, s.source);
          else if (!links.length) continue;
          else if (s.kind === 'unlink') sqlite.prepare('DELETE FROM observation_sources WHERE id = ?').run(links[s.row % links.length]);
          // A move that would make the same occurrence twice is not made (SQL both engines run).
          else
            sqlite
              .prepare(
                `UPDATE observation_sources SET source_id = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM observation_sources other
                   WHERE other.observation_id = observation_sources.observation_id AND other.source_id = ? AND other.line = observation_sources.line AND other.id <> observation_sources.id)`,
              )
              .run(s.source, links[s.row % links.length], s.source);
        }
        const maintained = readReportedOn(sqlite);
        rebuildReportedOn(sqlite);
        expect(maintained).toEqual(readReportedOn(sqlite));
      }),
      { numRuns: 150 },
    );
  });
});
