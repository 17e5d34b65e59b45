// Data derived from the figures for speed — the figure-count rollups (figure_counts_by_metric,
// figure_counts_by_quarter), the figure sums (figure_sums_by_period) and observations.reported_on;
// see db/schema.ts — recomputed from the figures and their sources. Triggers (migrations 0003 and
// 0004) keep them current on every write;
// these are for a bulk load that ran without the triggers (bench/generate.ts) and for the
// tests, which hold the trigger-maintained values equal to a rebuild.
import type Database from 'better-sqlite3';

/** The financial quarter holding a period end, as the month it starts ('2024-05-31' → '2024-04'). */
const QUARTER = "substr(period_end, 1, 5) || printf('%02d', ((CAST(substr(period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1)";

export function rebuildFigureCounts(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM figure_counts_by_metric; DELETE FROM figure_counts_by_quarter;');
    sqlite.exec(`INSERT INTO figure_counts_by_metric (programme_id, metric_id, figures)
      SELECT programme_id, metric_id, count(*) FROM observations WHERE deleted_at IS NULL GROUP BY programme_id, metric_id`);
    sqlite.exec(`INSERT INTO figure_counts_by_quarter (programme_id, basis, quarter, figures)
      SELECT programme_id, basis, ${QUARTER}, count(*) FROM observations WHERE deleted_at IS NULL GROUP BY 1, 2, 3`);
  })();
}

/** Both rollups, in a fixed order, to compare. */
export function readFigureCounts(sqlite: Database.Database) {
  return {
    byMetric: sqlite.prepare('SELECT programme_id, metric_id, figures FROM figure_counts_by_metric ORDER BY 1, 2').all(),
    byQuarter: sqlite.prepare('SELECT programme_id, basis, quarter, figures FROM figure_counts_by_quarter ORDER BY 1, 2, 3').all(),
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

export function rebuildFigureSums(sqlite: Database.Database): void {
  // The same statement as migration 0004's triggers run for one row, over every row.
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM figure_sums_by_period');
    sqlite.exec(`INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, value, figures, at_least_figures, at_most_figures, approx_figures, date_precision)
      SELECT programme_id, metric_id, basis, period_end, coalesce(period_start, ''), total(value), count(*), count(*) FILTER (WHERE qualifier = 'at_least'),
        count(*) FILTER (WHERE qualifier = 'at_most'), count(*) FILTER (WHERE qualifier = 'approx'), max(date_precision)
      FROM observations WHERE deleted_at IS NULL
      GROUP BY programme_id, metric_id, basis, period_end, coalesce(period_start, '')`);
  })();
}

export function readFigureSums(sqlite: Database.Database) {
  return sqlite.prepare('SELECT * FROM figure_sums_by_period ORDER BY programme_id, metric_id, basis, period_end, period_start').all();
}
