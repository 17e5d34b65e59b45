// The rollups' triggers (docs/decisions/0008): each keeps a table derived from the figures current
// in the same transaction as the write that changes the figures. installRollups (index.ts) puts
// them in after the migrations, in this order, which is the order they fire in when several watch
// the same write. (Migrations 0003-0007 created them until they moved here, with the quarter
// formula written out 33 times; it is now quarterOf in sql.ts.)
import { figureTextRows, quarterOf } from './sql';

/** Which row a trigger reads: the figure (or sum) as it was, or as it is. */
type Row = 'OLD' | 'NEW';

/** Sums again, from the figures, the one figure_sums_by_period row that `row`'s figure falls in. */
const recomputePeriodSum = (row: Row) => `  DELETE FROM figure_sums_by_period WHERE programme_id = ${row}.programme_id AND metric_id = ${row}.metric_id AND basis = ${row}.basis
    AND period_end = ${row}.period_end AND period_start = coalesce(${row}.period_start, '');
  INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
    SELECT programme_id, metric_id, basis, period_end, coalesce(period_start, ''),
      total(value), count(*), count(*) FILTER (WHERE qualifier = 'at_least'), count(*) FILTER (WHERE qualifier = 'at_most'), count(*) FILTER (WHERE qualifier = 'approx'), count(*) FILTER (WHERE upper_value IS NOT NULL), total(coalesce(upper_value, value)), max(date_precision)
    FROM observations
    WHERE programme_id = ${row}.programme_id AND metric_id = ${row}.metric_id AND basis = ${row}.basis AND period_end = ${row}.period_end
      AND coalesce(period_start, '') = coalesce(${row}.period_start, '') AND deleted_at IS NULL AND part_of_id IS NULL
    GROUP BY programme_id, metric_id, basis, period_end, coalesce(period_start, '');
`;

/**
 * Gathers again, from figure_sums_by_period, the figure_sums_by_quarter rows of the financial
 * quarter that `row`'s period ends in: one row for the in-period sums contained in the quarter,
 * plus a row for each sum spanning into it and for the latest running totals in it.
 */
const recomputeQuarter = (row: Row) => {
  const quarter = quarterOf(`${row}.period_end`);
  return `  DELETE FROM figure_sums_by_quarter WHERE programme_id = ${row}.programme_id AND metric_id = ${row}.metric_id AND basis = ${row}.basis AND quarter = ${quarter};
  INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
    SELECT ${row}.programme_id, ${row}.metric_id, ${row}.basis, ${quarter}, '', '', coalesce(min(nullif(period_start, '')), ''), max(period_end),
      sum(value), sum(figures), sum(at_least_figures), sum(at_most_figures), sum(approx_figures), sum(range_figures), sum(value_high), max(date_precision)
    FROM figure_sums_by_period WHERE programme_id = ${row}.programme_id AND metric_id = ${row}.metric_id AND basis = ${row}.basis AND basis <> 'cumulative' AND period_end >= ${quarter} || '-01' AND period_end < date(${quarter} || '-01', '+3 months')
      AND (period_start = '' OR period_start >= ${quarter} || '-01')
    HAVING count(*) > 0;
  INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
    SELECT programme_id, metric_id, basis, ${quarter}, period_start, period_end, period_start, period_end,
      value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision
    FROM figure_sums_by_period WHERE programme_id = ${row}.programme_id AND metric_id = ${row}.metric_id AND basis = ${row}.basis AND period_end >= ${quarter} || '-01' AND period_end < date(${quarter} || '-01', '+3 months')
      AND CASE WHEN basis = 'cumulative' THEN period_end = (SELECT max(period_end) FROM figure_sums_by_period WHERE programme_id = ${row}.programme_id AND metric_id = ${row}.metric_id AND basis = ${row}.basis AND period_end >= ${quarter} || '-01' AND period_end < date(${quarter} || '-01', '+3 months'))
        ELSE period_start <> '' AND period_start < ${quarter} || '-01' END;
`;
};

/** Marks the series `select` picks (rows of programme_id, metric_id) as changed, with the next number of the sequence. */
const touchSeries = (select: string) => `  INSERT INTO series_changes (programme_id, metric_id, seq)
    SELECT programme_id, metric_id, (SELECT coalesce(max(seq), 0) + 1 FROM series_changes) FROM (${select}) AS changed WHERE true
    ON CONFLICT (programme_id, metric_id) DO UPDATE SET seq = excluded.seq;`;

/** Whether the figure a link row (`row`) cites is live. */
const liveFigure = (row: Row) => `EXISTS (SELECT 1 FROM observations WHERE id = ${row}.observation_id AND deleted_at IS NULL)`;

/** One figure fewer for the sources `where` picks, and rows that reach nought removed. */
const sourceCountDown = (where: string) => `  UPDATE figure_counts_by_source SET figures = figures - 1 WHERE ${where};
  DELETE FROM figure_counts_by_source WHERE figures <= 0;`;

/** Writes again the search text (figure_text) of the one figure whose id is `id`. */
const refreshFigureText = (id: string) => `  DELETE FROM figure_text WHERE rowid = ${id};
  INSERT INTO figure_text (rowid, body)
    ${figureTextRows(`o.id = ${id}`)};
`;

export interface TriggerDefinition {
  name: string;
  sql: string;
}

export const TRIGGERS: TriggerDefinition[] = [
  // How many live figures each programme has of each metric, and in each financial quarter by basis: the figure-count rollups the index pages and the page queries' pair lists read.
  {
    name: 'figure_counts_insert',
    sql: `CREATE TRIGGER figure_counts_insert AFTER INSERT ON observations WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO figure_counts_by_metric (programme_id, metric_id, figures) VALUES (NEW.programme_id, NEW.metric_id, 1)
    ON CONFLICT (programme_id, metric_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO figure_counts_by_quarter (programme_id, basis, quarter, figures) VALUES (NEW.programme_id, NEW.basis, ${quarterOf('NEW.period_end')}, 1)
    ON CONFLICT (programme_id, basis, quarter) DO UPDATE SET figures = figures + 1;
END`,
  },
  {
    name: 'figure_counts_delete',
    sql: `CREATE TRIGGER figure_counts_delete AFTER DELETE ON observations WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE figure_counts_by_metric SET figures = figures - 1 WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id;
  DELETE FROM figure_counts_by_metric WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND figures <= 0;
  UPDATE figure_counts_by_quarter SET figures = figures - 1 WHERE programme_id = OLD.programme_id AND basis = OLD.basis AND quarter = ${quarterOf('OLD.period_end')};
  DELETE FROM figure_counts_by_quarter WHERE programme_id = OLD.programme_id AND basis = OLD.basis AND quarter = ${quarterOf('OLD.period_end')} AND figures <= 0;
END`,
  },
  {
    name: 'figure_counts_update_old',
    sql: `CREATE TRIGGER figure_counts_update_old AFTER UPDATE OF programme_id, metric_id, basis, period_end, deleted_at ON observations WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE figure_counts_by_metric SET figures = figures - 1 WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id;
  DELETE FROM figure_counts_by_metric WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND figures <= 0;
  UPDATE figure_counts_by_quarter SET figures = figures - 1 WHERE programme_id = OLD.programme_id AND basis = OLD.basis AND quarter = ${quarterOf('OLD.period_end')};
  DELETE FROM figure_counts_by_quarter WHERE programme_id = OLD.programme_id AND basis = OLD.basis AND quarter = ${quarterOf('OLD.period_end')} AND figures <= 0;
END`,
  },
  {
    name: 'figure_counts_update_new',
    sql: `CREATE TRIGGER figure_counts_update_new AFTER UPDATE OF programme_id, metric_id, basis, period_end, deleted_at ON observations WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO figure_counts_by_metric (programme_id, metric_id, figures) VALUES (NEW.programme_id, NEW.metric_id, 1)
    ON CONFLICT (programme_id, metric_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO figure_counts_by_quarter (programme_id, basis, quarter, figures) VALUES (NEW.programme_id, NEW.basis, ${quarterOf('NEW.period_end')}, 1)
    ON CONFLICT (programme_id, basis, quarter) DO UPDATE SET figures = figures + 1;
END`,
  },
  // How many live figures cite each source, each figure once however many of its lines it is on.
  {
    name: 'figure_counts_by_source_link',
    sql: `CREATE TRIGGER figure_counts_by_source_link AFTER INSERT ON observation_sources
  WHEN ${liveFigure('NEW')} AND NOT EXISTS (SELECT 1 FROM observation_sources WHERE observation_id = NEW.observation_id AND source_id = NEW.source_id AND id <> NEW.id) BEGIN
  INSERT INTO figure_counts_by_source (source_id, figures) VALUES (NEW.source_id, 1) ON CONFLICT (source_id) DO UPDATE SET figures = figures + 1;
END`,
  },
  {
    name: 'figure_counts_by_source_unlink',
    sql: `CREATE TRIGGER figure_counts_by_source_unlink AFTER DELETE ON observation_sources
  WHEN ${liveFigure('OLD')} AND NOT EXISTS (SELECT 1 FROM observation_sources WHERE observation_id = OLD.observation_id AND source_id = OLD.source_id) BEGIN
${sourceCountDown('source_id = OLD.source_id')}
END`,
  },
  {
    name: 'figure_counts_by_source_relink',
    sql: `CREATE TRIGGER figure_counts_by_source_relink AFTER UPDATE OF observation_id, source_id ON observation_sources
  WHEN OLD.observation_id IS NOT NEW.observation_id OR OLD.source_id IS NOT NEW.source_id BEGIN
${sourceCountDown(`source_id = OLD.source_id AND ${liveFigure('OLD')} AND NOT EXISTS (SELECT 1 FROM observation_sources WHERE observation_id = OLD.observation_id AND source_id = OLD.source_id)`)}
  INSERT INTO figure_counts_by_source (source_id, figures) SELECT NEW.source_id, 1
    WHERE ${liveFigure('NEW')} AND NOT EXISTS (SELECT 1 FROM observation_sources WHERE observation_id = NEW.observation_id AND source_id = NEW.source_id AND id <> NEW.id)
    ON CONFLICT (source_id) DO UPDATE SET figures = figures + 1;
END`,
  },
  {
    // BEFORE: the figure's links are still there to count (deleting it deletes them after).
    name: 'figure_counts_by_source_delete',
    sql: `CREATE TRIGGER figure_counts_by_source_delete BEFORE DELETE ON observations WHEN OLD.deleted_at IS NULL BEGIN
${sourceCountDown('source_id IN (SELECT source_id FROM observation_sources WHERE observation_id = OLD.id)')}
END`,
  },
  {
    name: 'figure_counts_by_source_retire',
    sql: `CREATE TRIGGER figure_counts_by_source_retire AFTER UPDATE OF deleted_at ON observations
  WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN
${sourceCountDown('NEW.deleted_at IS NOT NULL AND source_id IN (SELECT source_id FROM observation_sources WHERE observation_id = NEW.id)')}
  INSERT INTO figure_counts_by_source (source_id, figures) SELECT DISTINCT source_id, 1 FROM observation_sources WHERE observation_id = NEW.id AND NEW.deleted_at IS NULL
    ON CONFLICT (source_id) DO UPDATE SET figures = figures + 1;
END`,
  },
  // observations.reported_on: the date of the latest source each figure appears in.
  {
    name: 'reported_on_link',
    sql: `CREATE TRIGGER reported_on_link AFTER INSERT ON observation_sources BEGIN
  UPDATE observations SET reported_on = (SELECT max(s.document_date) FROM observation_sources os JOIN sources s ON s.id = os.source_id WHERE os.observation_id = NEW.observation_id) WHERE id = NEW.observation_id;
END`,
  },
  {
    name: 'reported_on_unlink',
    sql: `CREATE TRIGGER reported_on_unlink AFTER DELETE ON observation_sources BEGIN
  UPDATE observations SET reported_on = (SELECT max(s.document_date) FROM observation_sources os JOIN sources s ON s.id = os.source_id WHERE os.observation_id = OLD.observation_id) WHERE id = OLD.observation_id;
END`,
  },
  {
    name: 'reported_on_relink',
    sql: `CREATE TRIGGER reported_on_relink AFTER UPDATE OF observation_id, source_id ON observation_sources BEGIN
  UPDATE observations SET reported_on = (SELECT max(s.document_date) FROM observation_sources os JOIN sources s ON s.id = os.source_id WHERE os.observation_id = OLD.observation_id) WHERE id = OLD.observation_id;
  UPDATE observations SET reported_on = (SELECT max(s.document_date) FROM observation_sources os JOIN sources s ON s.id = os.source_id WHERE os.observation_id = NEW.observation_id) WHERE id = NEW.observation_id;
END`,
  },
  {
    name: 'reported_on_redate',
    sql: `CREATE TRIGGER reported_on_redate AFTER UPDATE OF document_date ON sources BEGIN
  UPDATE observations SET reported_on = (SELECT max(s.document_date) FROM observation_sources os JOIN sources s ON s.id = os.source_id WHERE os.observation_id = observations.id)
  WHERE id IN (SELECT observation_id FROM observation_sources WHERE source_id = NEW.id);
END`,
  },
  // figure_sums_by_period: the live figures (parts of a total left out) summed by programme, metric, basis and exact period, with how many of them are qualified or ranges.
  {
    name: 'figure_sums_insert',
    sql: `CREATE TRIGGER figure_sums_insert AFTER INSERT ON observations WHEN NEW.deleted_at IS NULL AND NEW.part_of_id IS NULL BEGIN
  INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
  VALUES (NEW.programme_id, NEW.metric_id, NEW.basis, NEW.period_end, coalesce(NEW.period_start, ''), NEW.value, 1,
    CASE WHEN NEW.qualifier = 'at_least' THEN 1 ELSE 0 END, CASE WHEN NEW.qualifier = 'at_most' THEN 1 ELSE 0 END, CASE WHEN NEW.qualifier = 'approx' THEN 1 ELSE 0 END,
    CASE WHEN NEW.upper_value IS NOT NULL THEN 1 ELSE 0 END, coalesce(NEW.upper_value, NEW.value), NEW.date_precision)
  ON CONFLICT (programme_id, metric_id, basis, period_end, period_start) DO UPDATE SET
    value = value + excluded.value, figures = figures + 1, at_least_figures = at_least_figures + excluded.at_least_figures,
    at_most_figures = at_most_figures + excluded.at_most_figures, approx_figures = approx_figures + excluded.approx_figures,
    range_figures = range_figures + excluded.range_figures, value_high = value_high + excluded.value_high,
    date_precision = max(date_precision, excluded.date_precision);
END`,
  },
  {
    name: 'figure_sums_delete',
    sql: `CREATE TRIGGER figure_sums_delete AFTER DELETE ON observations WHEN OLD.deleted_at IS NULL AND OLD.part_of_id IS NULL BEGIN
${recomputePeriodSum('OLD')}END`,
  },
  {
    name: 'figure_sums_update_old',
    sql: `CREATE TRIGGER figure_sums_update_old AFTER UPDATE OF programme_id, metric_id, basis, period_start, period_end, qualifier, value, upper_value, date_precision, deleted_at, part_of_id ON observations WHEN OLD.deleted_at IS NULL AND OLD.part_of_id IS NULL BEGIN
${recomputePeriodSum('OLD')}END`,
  },
  {
    name: 'figure_sums_update_new',
    sql: `CREATE TRIGGER figure_sums_update_new AFTER UPDATE OF programme_id, metric_id, basis, period_start, period_end, qualifier, value, upper_value, date_precision, deleted_at, part_of_id ON observations WHEN NEW.deleted_at IS NULL AND NEW.part_of_id IS NULL BEGIN
${recomputePeriodSum('NEW')}END`,
  },
  // figure_sums_by_quarter: figure_sums_by_period gathered into financial quarters, kept from it (a cascade: observations -> by period -> by quarter).
  {
    name: 'figure_sums_by_quarter_insert',
    sql: `CREATE TRIGGER figure_sums_by_quarter_insert AFTER INSERT ON figure_sums_by_period BEGIN
${recomputeQuarter('NEW')}END`,
  },
  {
    name: 'figure_sums_by_quarter_update',
    sql: `CREATE TRIGGER figure_sums_by_quarter_update AFTER UPDATE ON figure_sums_by_period BEGIN
${recomputeQuarter('NEW')}END`,
  },
  {
    name: 'figure_sums_by_quarter_delete',
    sql: `CREATE TRIGGER figure_sums_by_quarter_delete AFTER DELETE ON figure_sums_by_period BEGIN
${recomputeQuarter('OLD')}END`,
  },
  // coverage_months (docs/decisions/0006): a live figure covers the months of its own period (not
  // a plan's: a plan is not an account of those months) and the months of each source it cites that
  // says what it covers. Contributions are counted, so that taking one away leaves what else covers a month.
  {
    name: 'coverage_insert',
    sql: `CREATE TRIGGER coverage_insert AFTER INSERT ON observations WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO coverage_months (programme_id, metric_id, month, figures)
    SELECT NEW.programme_id, NEW.metric_id, month, 1 FROM calendar_months WHERE NEW.basis <> 'planned' AND month BETWEEN substr(coalesce(NEW.period_start, NEW.period_end), 1, 7) AND substr(NEW.period_end, 1, 7)
    ON CONFLICT (programme_id, metric_id, month) DO UPDATE SET figures = figures + 1;
  INSERT INTO coverage_months (programme_id, metric_id, month, figures)
    SELECT NEW.programme_id, NEW.metric_id, m.month, count(*) FROM observation_sources os JOIN sources s ON s.id = os.source_id
      JOIN calendar_months m ON m.month BETWEEN substr(s.covers_from, 1, 7) AND substr(s.covers_to, 1, 7) WHERE os.observation_id = NEW.id GROUP BY m.month
    ON CONFLICT (programme_id, metric_id, month) DO UPDATE SET figures = figures + excluded.figures;
END`,
  },
  {
    name: 'coverage_update_old',
    sql: `CREATE TRIGGER coverage_update_old AFTER UPDATE OF programme_id, metric_id, basis, period_start, period_end, deleted_at ON observations WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE coverage_months SET figures = figures - 1
    WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND OLD.basis <> 'planned' AND month BETWEEN substr(coalesce(OLD.period_start, OLD.period_end), 1, 7) AND substr(OLD.period_end, 1, 7);
  UPDATE coverage_months SET figures = figures - (SELECT count(*) FROM observation_sources os JOIN sources s ON s.id = os.source_id
      WHERE os.observation_id = OLD.id AND coverage_months.month BETWEEN substr(s.covers_from, 1, 7) AND substr(s.covers_to, 1, 7))
    WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id;
  DELETE FROM coverage_months WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND figures <= 0;
END`,
  },
  {
    name: 'coverage_update_new',
    sql: `CREATE TRIGGER coverage_update_new AFTER UPDATE OF programme_id, metric_id, basis, period_start, period_end, deleted_at ON observations WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO coverage_months (programme_id, metric_id, month, figures)
    SELECT NEW.programme_id, NEW.metric_id, month, 1 FROM calendar_months WHERE NEW.basis <> 'planned' AND month BETWEEN substr(coalesce(NEW.period_start, NEW.period_end), 1, 7) AND substr(NEW.period_end, 1, 7)
    ON CONFLICT (programme_id, metric_id, month) DO UPDATE SET figures = figures + 1;
  INSERT INTO coverage_months (programme_id, metric_id, month, figures)
    SELECT NEW.programme_id, NEW.metric_id, m.month, count(*) FROM observation_sources os JOIN sources s ON s.id = os.source_id
      JOIN calendar_months m ON m.month BETWEEN substr(s.covers_from, 1, 7) AND substr(s.covers_to, 1, 7) WHERE os.observation_id = NEW.id GROUP BY m.month
    ON CONFLICT (programme_id, metric_id, month) DO UPDATE SET figures = figures + excluded.figures;
END`,
  },
  {
    name: 'coverage_delete',
    sql: `CREATE TRIGGER coverage_delete BEFORE DELETE ON observations WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE coverage_months SET figures = figures - 1
    WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND OLD.basis <> 'planned' AND month BETWEEN substr(coalesce(OLD.period_start, OLD.period_end), 1, 7) AND substr(OLD.period_end, 1, 7);
  UPDATE coverage_months SET figures = figures - (SELECT count(*) FROM observation_sources os JOIN sources s ON s.id = os.source_id
      WHERE os.observation_id = OLD.id AND coverage_months.month BETWEEN substr(s.covers_from, 1, 7) AND substr(s.covers_to, 1, 7))
    WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id;
  DELETE FROM coverage_months WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND figures <= 0;
END`,
  },
  {
    name: 'coverage_link',
    sql: `CREATE TRIGGER coverage_link AFTER INSERT ON observation_sources BEGIN
  INSERT INTO coverage_months (programme_id, metric_id, month, figures)
    SELECT o.programme_id, o.metric_id, m.month, 1 FROM observations o JOIN sources s ON s.id = NEW.source_id
      JOIN calendar_months m ON m.month BETWEEN substr(s.covers_from, 1, 7) AND substr(s.covers_to, 1, 7) WHERE o.id = NEW.observation_id AND o.deleted_at IS NULL
    ON CONFLICT (programme_id, metric_id, month) DO UPDATE SET figures = figures + 1;
END`,
  },
  {
    name: 'coverage_unlink',
    sql: `CREATE TRIGGER coverage_unlink AFTER DELETE ON observation_sources BEGIN
  UPDATE coverage_months SET figures = figures - 1
    WHERE (programme_id, metric_id) = (SELECT programme_id, metric_id FROM observations WHERE id = OLD.observation_id AND deleted_at IS NULL)
      AND month BETWEEN (SELECT substr(covers_from, 1, 7) FROM sources WHERE id = OLD.source_id) AND (SELECT substr(covers_to, 1, 7) FROM sources WHERE id = OLD.source_id);
  DELETE FROM coverage_months
    WHERE (programme_id, metric_id) = (SELECT programme_id, metric_id FROM observations WHERE id = OLD.observation_id) AND figures <= 0;
END`,
  },
  {
    name: 'coverage_relink',
    sql: `CREATE TRIGGER coverage_relink AFTER UPDATE OF observation_id, source_id ON observation_sources BEGIN
  UPDATE coverage_months SET figures = figures - 1
    WHERE (programme_id, metric_id) = (SELECT programme_id, metric_id FROM observations WHERE id = OLD.observation_id AND deleted_at IS NULL)
      AND month BETWEEN (SELECT substr(covers_from, 1, 7) FROM sources WHERE id = OLD.source_id) AND (SELECT substr(covers_to, 1, 7) FROM sources WHERE id = OLD.source_id);
  DELETE FROM coverage_months
    WHERE (programme_id, metric_id) = (SELECT programme_id, metric_id FROM observations WHERE id = OLD.observation_id) AND figures <= 0;
  INSERT INTO coverage_months (programme_id, metric_id, month, figures)
    SELECT o.programme_id, o.metric_id, m.month, 1 FROM observations o JOIN sources s ON s.id = NEW.source_id
      JOIN calendar_months m ON m.month BETWEEN substr(s.covers_from, 1, 7) AND substr(s.covers_to, 1, 7) WHERE o.id = NEW.observation_id AND o.deleted_at IS NULL
    ON CONFLICT (programme_id, metric_id, month) DO UPDATE SET figures = figures + 1;
END`,
  },
  {
    name: 'coverage_source_span',
    sql: `CREATE TRIGGER coverage_source_span AFTER UPDATE OF covers_from, covers_to ON sources BEGIN
  UPDATE coverage_months SET figures = figures - (SELECT count(*) FROM observation_sources os JOIN observations o ON o.id = os.observation_id
      WHERE os.source_id = OLD.id AND o.deleted_at IS NULL AND o.programme_id = coverage_months.programme_id AND o.metric_id = coverage_months.metric_id)
    WHERE month BETWEEN substr(OLD.covers_from, 1, 7) AND substr(OLD.covers_to, 1, 7)
      AND (programme_id, metric_id) IN (SELECT o.programme_id, o.metric_id FROM observation_sources os JOIN observations o ON o.id = os.observation_id WHERE os.source_id = OLD.id);
  DELETE FROM coverage_months WHERE figures <= 0
    AND (programme_id, metric_id) IN (SELECT o.programme_id, o.metric_id FROM observation_sources os JOIN observations o ON o.id = os.observation_id WHERE os.source_id = OLD.id);
  INSERT INTO coverage_months (programme_id, metric_id, month, figures)
    SELECT o.programme_id, o.metric_id, m.month, count(*) FROM observation_sources os JOIN observations o ON o.id = os.observation_id AND o.deleted_at IS NULL
      JOIN sources s ON s.id = os.source_id JOIN calendar_months m ON m.month BETWEEN substr(s.covers_from, 1, 7) AND substr(s.covers_to, 1, 7)
    WHERE os.source_id = NEW.id GROUP BY o.programme_id, o.metric_id, m.month
    ON CONFLICT (programme_id, metric_id, month) DO UPDATE SET figures = figures + excluded.figures;
END`,
  },
  // figure_text: each figure's note, evidence and names, for full-text search.
  {
    name: 'figure_text_insert',
    sql: `CREATE TRIGGER figure_text_insert AFTER INSERT ON observations BEGIN
${refreshFigureText('NEW.id')}END`,
  },
  {
    name: 'figure_text_update',
    sql: `CREATE TRIGGER figure_text_update AFTER UPDATE OF note, programme_id, metric_id ON observations BEGIN
${refreshFigureText('NEW.id')}END`,
  },
  {
    name: 'figure_text_delete',
    sql: `CREATE TRIGGER figure_text_delete AFTER DELETE ON observations BEGIN
  DELETE FROM figure_text WHERE rowid = OLD.id;
END`,
  },
  {
    name: 'figure_text_link',
    sql: `CREATE TRIGGER figure_text_link AFTER INSERT ON observation_sources BEGIN
${refreshFigureText('NEW.observation_id')}END`,
  },
  {
    name: 'figure_text_unlink',
    sql: `CREATE TRIGGER figure_text_unlink AFTER DELETE ON observation_sources BEGIN
${refreshFigureText('OLD.observation_id')}END`,
  },
  {
    name: 'figure_text_relink',
    sql: `CREATE TRIGGER figure_text_relink AFTER UPDATE OF observation_id, evidence ON observation_sources BEGIN
${refreshFigureText('OLD.observation_id')}${refreshFigureText('NEW.observation_id')}END`,
  },
  {
    name: 'figure_text_programme',
    sql: `CREATE TRIGGER figure_text_programme AFTER UPDATE OF name, board_id ON programmes BEGIN
  DELETE FROM figure_text WHERE rowid IN (SELECT o.id FROM observations o WHERE o.programme_id = NEW.id);
  INSERT INTO figure_text (rowid, body)
    ${figureTextRows('o.programme_id = NEW.id')};
END`,
  },
  {
    name: 'figure_text_board',
    sql: `CREATE TRIGGER figure_text_board AFTER UPDATE OF name ON boards BEGIN
  DELETE FROM figure_text WHERE rowid IN (SELECT o.id FROM observations o WHERE o.programme_id IN (SELECT id FROM programmes WHERE board_id = NEW.id));
  INSERT INTO figure_text (rowid, body)
    ${figureTextRows('o.programme_id IN (SELECT id FROM programmes WHERE board_id = NEW.id)')};
END`,
  },
  {
    name: 'figure_text_metric',
    sql: `CREATE TRIGGER figure_text_metric AFTER UPDATE OF name ON metrics BEGIN
  DELETE FROM figure_text WHERE rowid IN (SELECT o.id FROM observations o WHERE o.metric_id = NEW.id);
  INSERT INTO figure_text (rowid, body)
    ${figureTextRows('o.metric_id = NEW.id')};
END`,
  },
  // Which series changed, for the data-quality flags: any write to a figure (its old and its new
  // series), to the sources it cites, to a restatement, or to the name of its programme or metric.
  // (Each marks its series' change the same way: one row per event, built below.)
  ...(
    [
      ['series_changes_insert', 'AFTER INSERT ON observations', 'SELECT NEW.programme_id AS programme_id, NEW.metric_id AS metric_id'],
      ['series_changes_update', 'AFTER UPDATE ON observations', 'SELECT OLD.programme_id AS programme_id, OLD.metric_id AS metric_id UNION SELECT NEW.programme_id, NEW.metric_id'],
      ['series_changes_delete', 'AFTER DELETE ON observations', 'SELECT OLD.programme_id AS programme_id, OLD.metric_id AS metric_id'],
      ['series_changes_link', 'AFTER INSERT ON observation_sources', 'SELECT programme_id, metric_id FROM observations WHERE id = NEW.observation_id'],
      ['series_changes_unlink', 'AFTER DELETE ON observation_sources', 'SELECT programme_id, metric_id FROM observations WHERE id = OLD.observation_id'],
      ['series_changes_relink', 'AFTER UPDATE ON observation_sources', 'SELECT programme_id, metric_id FROM observations WHERE id IN (OLD.observation_id, NEW.observation_id)'],
      ['series_changes_restatement', 'AFTER INSERT ON restatements', 'SELECT programme_id, metric_id FROM observations WHERE id = NEW.observation_id'],
      ['series_changes_unrestatement', 'AFTER DELETE ON restatements', 'SELECT programme_id, metric_id FROM observations WHERE id = OLD.observation_id'],
      ['series_changes_programme', 'AFTER UPDATE OF name ON programmes', 'SELECT DISTINCT programme_id, metric_id FROM observations WHERE programme_id = NEW.id'],
      ['series_changes_metric', 'AFTER UPDATE OF name ON metrics', 'SELECT DISTINCT programme_id, metric_id FROM observations WHERE metric_id = NEW.id'],
    ] as const
  ).map(([name, event, select]) => ({ name, sql: `CREATE TRIGGER ${name} ${event} BEGIN\n${touchSeries(select)}\nEND` })),
];
