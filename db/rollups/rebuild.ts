// The rollups recomputed from the figures and their sources: the figure counts, the figure sums
// by period and by quarter, the months covered, observations.reported_on and the search index
// (docs/decisions/0008). The triggers (triggers.ts) keep them current on every write; these run
// after a migration or a change of the triggers (index.ts), after a bulk load that ran without the
// triggers (db/synthetic.ts), and in the tests, which hold the trigger-kept values equal to them.
import type Database from 'better-sqlite3';
import { figureTextRows, quarterOf } from './sql';

const QUARTER = quarterOf('period_end');

export function rebuildFigureCounts(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM figure_counts_by_metric; DELETE FROM figure_counts_by_quarter; DELETE FROM figure_counts_by_source;');
    sqlite.exec(`INSERT INTO figure_counts_by_metric (programme_id, metric_id, figures)
      SELECT programme_id, metric_id, count(*) FROM observations WHERE deleted_at IS NULL GROUP BY programme_id, metric_id`);
    sqlite.exec(`INSERT INTO figure_counts_by_quarter (programme_id, basis, quarter, figures)
      SELECT programme_id, basis, ${QUARTER}, count(*) FROM observations WHERE deleted_at IS NULL GROUP BY 1, 2, 3`);
    sqlite.exec(`INSERT INTO figure_counts_by_source (source_id, figures)
      SELECT os.source_id, count(DISTINCT os.observation_id) FROM observation_sources os JOIN observations o ON o.id = os.observation_id AND o.deleted_at IS NULL GROUP BY os.source_id`);
  })();
}

/** The figure-count rollups, in a fixed order, to compare. */
export function readFigureCounts(sqlite: Database.Database) {
  return {
    byMetric: sqlite.prepare('SELECT programme_id, metric_id, figures FROM figure_counts_by_metric ORDER BY 1, 2').all(),
    byQuarter: sqlite.prepare('SELECT programme_id, basis, quarter, figures FROM figure_counts_by_quarter ORDER BY 1, 2, 3').all(),
    bySource: sqlite.prepare('SELECT source_id, figures FROM figure_counts_by_source ORDER BY 1').all(),
  };
}

/** observations.reported_on: the date of the latest source each figure appears in. */
export function rebuildReportedOn(sqlite: Database.Database): void {
  sqlite.exec(`UPDATE observations SET reported_on = (SELECT max(s.document_date) FROM observation_sources os
    JOIN sources s ON s.id = os.source_id WHERE os.observation_id = observations.id)`);
}

export function readReportedOn(sqlite: Database.Database) {
  return sqlite.prepare('SELECT id, reported_on FROM observations ORDER BY id').all();
}

/** Both figure-sum rollups: figure_sums_by_period from the figures, then figure_sums_by_quarter from it. */
export function rebuildFigureSums(sqlite: Database.Database): void {
  // The statement the figure_sums triggers run for one row (triggers.ts), over every row.
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM figure_sums_by_period');
    sqlite.exec(`INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
      SELECT programme_id, metric_id, basis, period_end, coalesce(period_start, ''), total(value), count(*), count(*) FILTER (WHERE qualifier = 'at_least'),
        count(*) FILTER (WHERE qualifier = 'at_most'), count(*) FILTER (WHERE qualifier = 'approx'),
        count(*) FILTER (WHERE upper_value IS NOT NULL), total(coalesce(upper_value, value)), max(date_precision)
      FROM observations WHERE deleted_at IS NULL AND part_of_id IS NULL
      GROUP BY programme_id, metric_id, basis, period_end, coalesce(period_start, '')`);
    // Emptied only now: the inserts above ran the figure_sums_by_quarter triggers, where they are in place.
    // Then the statement the migration fills it with (its triggers run the same for one quarter).
    sqlite.exec('DELETE FROM figure_sums_by_quarter');
    sqlite.exec(`INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
      WITH sums AS (SELECT *, ${QUARTER} AS quarter FROM figure_sums_by_period)
      SELECT programme_id, metric_id, basis, quarter, '', '', coalesce(min(nullif(period_start, '')), ''), max(period_end),
        sum(value), sum(figures), sum(at_least_figures), sum(at_most_figures), sum(approx_figures), sum(range_figures), sum(value_high), max(date_precision)
      FROM sums WHERE basis <> 'cumulative' AND (period_start = '' OR period_start >= quarter || '-01')
      GROUP BY programme_id, metric_id, basis, quarter
      UNION ALL
      SELECT programme_id, metric_id, basis, quarter, period_start, period_end, period_start, period_end,
        value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision
      FROM sums WHERE CASE WHEN basis = 'cumulative' THEN period_end = (SELECT max(s.period_end) FROM figure_sums_by_period s
          WHERE s.programme_id = sums.programme_id AND s.metric_id = sums.metric_id AND s.basis = 'cumulative'
            AND s.period_end >= sums.quarter || '-01' AND s.period_end < date(sums.quarter || '-01', '+3 months'))
        ELSE period_start <> '' AND period_start < quarter || '-01' END`);
  })();
}

export function readFigureSums(sqlite: Database.Database) {
  return sqlite.prepare('SELECT * FROM figure_sums_by_period ORDER BY programme_id, metric_id, basis, period_end, period_start').all();
}

export function readQuarterSums(sqlite: Database.Database) {
  return sqlite.prepare('SELECT * FROM figure_sums_by_quarter ORDER BY programme_id, metric_id, basis, quarter, exact_start, exact_end').all();
}

/** coverage_months: the months each programme's figures, and the sources they cite, cover. */
export function rebuildCoverage(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM coverage_months');
    sqlite.exec(`INSERT INTO coverage_months (programme_id, metric_id, month, figures)
      SELECT programme_id, metric_id, month, count(*) FROM (
        SELECT o.programme_id, o.metric_id, m.month FROM observations o
          JOIN calendar_months m ON m.month BETWEEN substr(coalesce(o.period_start, o.period_end), 1, 7) AND substr(o.period_end, 1, 7)
        WHERE o.deleted_at IS NULL AND o.basis <> 'planned'
        UNION ALL
        SELECT o.programme_id, o.metric_id, m.month FROM observation_sources os JOIN observations o ON o.id = os.observation_id AND o.deleted_at IS NULL
          JOIN sources s ON s.id = os.source_id JOIN calendar_months m ON m.month BETWEEN substr(s.covers_from, 1, 7) AND substr(s.covers_to, 1, 7)
      ) AS covered GROUP BY programme_id, metric_id, month`);
  })();
}

export function readCoverage(sqlite: Database.Database) {
  return sqlite.prepare('SELECT programme_id, metric_id, month, figures FROM coverage_months ORDER BY 1, 2, 3').all();
}

/** figure_text: each figure's note, evidence and names, for full-text search. */
export function rebuildFigureText(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM figure_text');
    sqlite.exec(`INSERT INTO figure_text (rowid, body) ${figureTextRows('TRUE')}`);
  })();
}

/** Every rollup rebuilt from the figures, in the order they depend on one another (the search text last). */
export function rebuildRollups(sqlite: Database.Database): void {
  rebuildFigureCounts(sqlite);
  rebuildReportedOn(sqlite);
  rebuildFigureSums(sqlite);
  rebuildCoverage(sqlite);
  rebuildFigureText(sqlite);
}
