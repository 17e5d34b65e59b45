-- Migration 0006 (docs/decisions/0006): ranges, parts of figures, what each report covers, and
-- the months each programme's figures cover. Written by hand: drizzle-kit would rebuild
-- observations and sources to add CHECK constraints, and inside the migration's one transaction
-- (db/migrate.ts) foreign keys stay on, so dropping the old observations table would cascade
-- into observation_sources. Columns are added in place instead, with their constraints.
CREATE TABLE `calendar_months` (
	`month` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
INSERT INTO `calendar_months` (month)
  WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 3599)
  SELECT printf('%04d-%02d', 1900 + i / 12, i % 12 + 1) FROM m;
--> statement-breakpoint
CREATE TABLE `coverage_months` (
	`programme_id` integer NOT NULL,
	`metric_id` integer NOT NULL,
	`month` text NOT NULL,
	`figures` integer NOT NULL,
	PRIMARY KEY(`programme_id`, `metric_id`, `month`),
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `sources` ADD `covers_from` text;
--> statement-breakpoint
ALTER TABLE `sources` ADD `covers_to` text CONSTRAINT `sources_covers_valid` CHECK((covers_from IS NULL AND covers_to IS NULL) OR (covers_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND covers_to GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND covers_from <= covers_to));
--> statement-breakpoint
ALTER TABLE `observations` ADD `upper_value` real CONSTRAINT `observations_range_valid` CHECK(upper_value IS NULL OR (upper_value > value AND qualifier IN ('exact', 'approx')));
--> statement-breakpoint
ALTER TABLE `observations` ADD `part_of_id` integer REFERENCES `observations`(`id`) ON UPDATE no action ON DELETE set null CONSTRAINT `observations_part_of_other` CHECK(part_of_id IS NULL OR part_of_id <> id);
--> statement-breakpoint
CREATE INDEX `observations_part_of_idx` ON `observations` (`part_of_id`) WHERE part_of_id IS NOT NULL;
--> statement-breakpoint
-- The figure sums, again, with ranges (range_figures, value_high) and without parts: dropped
-- with their triggers and made afresh from the figures.
--> statement-breakpoint
DROP TRIGGER `figure_sums_insert`;
--> statement-breakpoint
DROP TRIGGER `figure_sums_delete`;
--> statement-breakpoint
DROP TRIGGER `figure_sums_update_old`;
--> statement-breakpoint
DROP TRIGGER `figure_sums_update_new`;
--> statement-breakpoint
DROP TRIGGER `figure_sums_by_quarter_insert`;
--> statement-breakpoint
DROP TRIGGER `figure_sums_by_quarter_update`;
--> statement-breakpoint
DROP TRIGGER `figure_sums_by_quarter_delete`;
--> statement-breakpoint
DROP TABLE `figure_sums_by_quarter`;
--> statement-breakpoint
DROP TABLE `figure_sums_by_period`;
--> statement-breakpoint
CREATE TABLE `figure_sums_by_period` (
	`programme_id` integer NOT NULL,
	`metric_id` integer NOT NULL,
	`basis` text NOT NULL,
	`period_end` text NOT NULL,
	`period_start` text NOT NULL,
	`value` real NOT NULL,
	`figures` integer NOT NULL,
	`at_least_figures` integer NOT NULL,
	`at_most_figures` integer NOT NULL,
	`approx_figures` integer NOT NULL,
	`range_figures` integer NOT NULL,
	`value_high` real NOT NULL,
	`date_precision` text NOT NULL,
	PRIMARY KEY(`programme_id`, `metric_id`, `basis`, `period_end`, `period_start`),
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `figure_sums_by_quarter` (
	`programme_id` integer NOT NULL,
	`metric_id` integer NOT NULL,
	`basis` text NOT NULL,
	`quarter` text NOT NULL,
	`exact_start` text NOT NULL,
	`exact_end` text NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`value` real NOT NULL,
	`figures` integer NOT NULL,
	`at_least_figures` integer NOT NULL,
	`at_most_figures` integer NOT NULL,
	`approx_figures` integer NOT NULL,
	`range_figures` integer NOT NULL,
	`value_high` real NOT NULL,
	`date_precision` text NOT NULL,
	PRIMARY KEY(`programme_id`, `metric_id`, `basis`, `quarter`, `exact_start`, `exact_end`),
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
-- As in migration 0004: an insert adds to its row; an edit, delete or restore recomputes each row
-- it leaves or joins from the live figures that are not parts of another.
--> statement-breakpoint
CREATE TRIGGER `figure_sums_insert` AFTER INSERT ON `observations` WHEN NEW.deleted_at IS NULL AND NEW.part_of_id IS NULL BEGIN
  INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
  VALUES (NEW.programme_id, NEW.metric_id, NEW.basis, NEW.period_end, coalesce(NEW.period_start, ''), NEW.value, 1,
    NEW.qualifier = 'at_least', NEW.qualifier = 'at_most', NEW.qualifier = 'approx', NEW.upper_value IS NOT NULL, coalesce(NEW.upper_value, NEW.value), NEW.date_precision)
  ON CONFLICT (programme_id, metric_id, basis, period_end, period_start) DO UPDATE SET
    value = value + excluded.value, figures = figures + 1, at_least_figures = at_least_figures + excluded.at_least_figures,
    at_most_figures = at_most_figures + excluded.at_most_figures, approx_figures = approx_figures + excluded.approx_figures,
    range_figures = range_figures + excluded.range_figures, value_high = value_high + excluded.value_high,
    date_precision = max(date_precision, excluded.date_precision);
END;
--> statement-breakpoint
CREATE TRIGGER `figure_sums_delete` AFTER DELETE ON `observations` WHEN OLD.deleted_at IS NULL AND OLD.part_of_id IS NULL BEGIN
  DELETE FROM figure_sums_by_period WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis
    AND period_end = OLD.period_end AND period_start = coalesce(OLD.period_start, '');
  INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
    SELECT programme_id, metric_id, basis, period_end, coalesce(period_start, ''),
      total(value), count(*), count(*) FILTER (WHERE qualifier = 'at_least'), count(*) FILTER (WHERE qualifier = 'at_most'), count(*) FILTER (WHERE qualifier = 'approx'), count(*) FILTER (WHERE upper_value IS NOT NULL), total(coalesce(upper_value, value)), max(date_precision)
    FROM observations
    WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis AND period_end = OLD.period_end
      AND coalesce(period_start, '') = coalesce(OLD.period_start, '') AND deleted_at IS NULL AND part_of_id IS NULL
    GROUP BY programme_id, metric_id, basis, period_end, coalesce(period_start, '');
END;
--> statement-breakpoint
CREATE TRIGGER `figure_sums_update_old` AFTER UPDATE OF programme_id, metric_id, basis, period_start, period_end, qualifier, value, upper_value, date_precision, deleted_at, part_of_id ON `observations` WHEN OLD.deleted_at IS NULL AND OLD.part_of_id IS NULL BEGIN
  DELETE FROM figure_sums_by_period WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis
    AND period_end = OLD.period_end AND period_start = coalesce(OLD.period_start, '');
  INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
    SELECT programme_id, metric_id, basis, period_end, coalesce(period_start, ''),
      total(value), count(*), count(*) FILTER (WHERE qualifier = 'at_least'), count(*) FILTER (WHERE qualifier = 'at_most'), count(*) FILTER (WHERE qualifier = 'approx'), count(*) FILTER (WHERE upper_value IS NOT NULL), total(coalesce(upper_value, value)), max(date_precision)
    FROM observations
    WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis AND period_end = OLD.period_end
      AND coalesce(period_start, '') = coalesce(OLD.period_start, '') AND deleted_at IS NULL AND part_of_id IS NULL
    GROUP BY programme_id, metric_id, basis, period_end, coalesce(period_start, '');
END;
--> statement-breakpoint
CREATE TRIGGER `figure_sums_update_new` AFTER UPDATE OF programme_id, metric_id, basis, period_start, period_end, qualifier, value, upper_value, date_precision, deleted_at, part_of_id ON `observations` WHEN NEW.deleted_at IS NULL AND NEW.part_of_id IS NULL BEGIN
  DELETE FROM figure_sums_by_period WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis
    AND period_end = NEW.period_end AND period_start = coalesce(NEW.period_start, '');
  INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
    SELECT programme_id, metric_id, basis, period_end, coalesce(period_start, ''),
      total(value), count(*), count(*) FILTER (WHERE qualifier = 'at_least'), count(*) FILTER (WHERE qualifier = 'at_most'), count(*) FILTER (WHERE qualifier = 'approx'), count(*) FILTER (WHERE upper_value IS NOT NULL), total(coalesce(upper_value, value)), max(date_precision)
    FROM observations
    WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND period_end = NEW.period_end
      AND coalesce(period_start, '') = coalesce(NEW.period_start, '') AND deleted_at IS NULL AND part_of_id IS NULL
    GROUP BY programme_id, metric_id, basis, period_end, coalesce(period_start, '');
END;
--> statement-breakpoint
-- As in migration 0005, with the range columns.
--> statement-breakpoint
CREATE TRIGGER `figure_sums_by_quarter_insert` AFTER INSERT ON `figure_sums_by_period` BEGIN
  DELETE FROM figure_sums_by_quarter WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND quarter = substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1);
  INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
    SELECT NEW.programme_id, NEW.metric_id, NEW.basis, substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1), '', '', coalesce(min(nullif(period_start, '')), ''), max(period_end),
      sum(value), sum(figures), sum(at_least_figures), sum(at_most_figures), sum(approx_figures), sum(range_figures), sum(value_high), max(date_precision)
    FROM figure_sums_by_period WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND basis <> 'cumulative' AND period_end >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months')
      AND (period_start = '' OR period_start >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01')
    HAVING count(*) > 0;
  INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
    SELECT programme_id, metric_id, basis, substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1), period_start, period_end, period_start, period_end,
      value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision
    FROM figure_sums_by_period WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND period_end >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months')
      AND CASE WHEN basis = 'cumulative' THEN period_end = (SELECT max(period_end) FROM figure_sums_by_period WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND period_end >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months'))
        ELSE period_start <> '' AND period_start < substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' END;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_sums_by_quarter_update` AFTER UPDATE ON `figure_sums_by_period` BEGIN
  DELETE FROM figure_sums_by_quarter WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND quarter = substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1);
  INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
    SELECT NEW.programme_id, NEW.metric_id, NEW.basis, substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1), '', '', coalesce(min(nullif(period_start, '')), ''), max(period_end),
      sum(value), sum(figures), sum(at_least_figures), sum(at_most_figures), sum(approx_figures), sum(range_figures), sum(value_high), max(date_precision)
    FROM figure_sums_by_period WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND basis <> 'cumulative' AND period_end >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months')
      AND (period_start = '' OR period_start >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01')
    HAVING count(*) > 0;
  INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
    SELECT programme_id, metric_id, basis, substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1), period_start, period_end, period_start, period_end,
      value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision
    FROM figure_sums_by_period WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND period_end >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months')
      AND CASE WHEN basis = 'cumulative' THEN period_end = (SELECT max(period_end) FROM figure_sums_by_period WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND period_end >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months'))
        ELSE period_start <> '' AND period_start < substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' END;
END;
--> statement-breakpoint
CREATE TRIGGER `figure_sums_by_quarter_delete` AFTER DELETE ON `figure_sums_by_period` BEGIN
  DELETE FROM figure_sums_by_quarter WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis AND quarter = substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1);
  INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
    SELECT OLD.programme_id, OLD.metric_id, OLD.basis, substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1), '', '', coalesce(min(nullif(period_start, '')), ''), max(period_end),
      sum(value), sum(figures), sum(at_least_figures), sum(at_most_figures), sum(approx_figures), sum(range_figures), sum(value_high), max(date_precision)
    FROM figure_sums_by_period WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis AND basis <> 'cumulative' AND period_end >= substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months')
      AND (period_start = '' OR period_start >= substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01')
    HAVING count(*) > 0;
  INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
    SELECT programme_id, metric_id, basis, substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1), period_start, period_end, period_start, period_end,
      value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision
    FROM figure_sums_by_period WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis AND period_end >= substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months')
      AND CASE WHEN basis = 'cumulative' THEN period_end = (SELECT max(period_end) FROM figure_sums_by_period WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis AND period_end >= substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months'))
        ELSE period_start <> '' AND period_start < substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' END;
END;
--> statement-breakpoint
INSERT INTO `figure_sums_by_period` (programme_id, metric_id, basis, period_end, period_start, value, figures, at_least_figures, at_most_figures, approx_figures, range_figures, value_high, date_precision)
  SELECT programme_id, metric_id, basis, period_end, coalesce(period_start, ''),
    total(value), count(*), count(*) FILTER (WHERE qualifier = 'at_least'), count(*) FILTER (WHERE qualifier = 'at_most'), count(*) FILTER (WHERE qualifier = 'approx'), count(*) FILTER (WHERE upper_value IS NOT NULL), total(coalesce(upper_value, value)), max(date_precision)
  FROM observations WHERE deleted_at IS NULL AND part_of_id IS NULL
  GROUP BY programme_id, metric_id, basis, period_end, coalesce(period_start, '');
--> statement-breakpoint
-- The inserts above ran the per-quarter triggers; the quarter table is now complete.
--> statement-breakpoint
-- Coverage (docs/decisions/0006): a live figure covers the months of its own period (not a plan's:
-- a plan is not an account of those months) and the months of each source it cites that says what
-- it covers. Contributions are counted, so that taking one away leaves what else covers a month.
--> statement-breakpoint
CREATE TRIGGER `coverage_insert` AFTER INSERT ON `observations` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO coverage_months (programme_id, metric_id, month, figures)
    SELECT NEW.programme_id, NEW.metric_id, month, 1 FROM calendar_months WHERE NEW.basis <> 'planned' AND month BETWEEN substr(coalesce(NEW.period_start, NEW.period_end), 1, 7) AND substr(NEW.period_end, 1, 7)
    ON CONFLICT (programme_id, metric_id, month) DO UPDATE SET figures = figures + 1;
  INSERT INTO coverage_months (programme_id, metric_id, month, figures)
    SELECT NEW.programme_id, NEW.metric_id, m.month, count(*) FROM observation_sources os JOIN sources s ON s.id = os.source_id
      JOIN calendar_months m ON m.month BETWEEN substr(s.covers_from, 1, 7) AND substr(s.covers_to, 1, 7) WHERE os.observation_id = NEW.id GROUP BY m.month
    ON CONFLICT (programme_id, metric_id, month) DO UPDATE SET figures = figures + excluded.figures;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_update_old` AFTER UPDATE OF programme_id, metric_id, basis, period_start, period_end, deleted_at ON `observations` WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE coverage_months SET figures = figures - 1
    WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND OLD.basis <> 'planned' AND month BETWEEN substr(coalesce(OLD.period_start, OLD.period_end), 1, 7) AND substr(OLD.period_end, 1, 7);
  UPDATE coverage_months SET figures = figures - (SELECT count(*) FROM observation_sources os JOIN sources s ON s.id = os.source_id
      WHERE os.observation_id = OLD.id AND coverage_months.month BETWEEN substr(s.covers_from, 1, 7) AND substr(s.covers_to, 1, 7))
    WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id;
  DELETE FROM coverage_months WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND figures <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_update_new` AFTER UPDATE OF programme_id, metric_id, basis, period_start, period_end, deleted_at ON `observations` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO coverage_months (programme_id, metric_id, month, figures)
    SELECT NEW.programme_id, NEW.metric_id, month, 1 FROM calendar_months WHERE NEW.basis <> 'planned' AND month BETWEEN substr(coalesce(NEW.period_start, NEW.period_end), 1, 7) AND substr(NEW.period_end, 1, 7)
    ON CONFLICT (programme_id, metric_id, month) DO UPDATE SET figures = figures + 1;
  INSERT INTO coverage_months (programme_id, metric_id, month, figures)
    SELECT NEW.programme_id, NEW.metric_id, m.month, count(*) FROM observation_sources os JOIN sources s ON s.id = os.source_id
      JOIN calendar_months m ON m.month BETWEEN substr(s.covers_from, 1, 7) AND substr(s.covers_to, 1, 7) WHERE os.observation_id = NEW.id GROUP BY m.month
    ON CONFLICT (programme_id, metric_id, month) DO UPDATE SET figures = figures + excluded.figures;
END;
--> statement-breakpoint
-- Before the row goes, while its links are still there (they are then deleted with it, when no
-- figure is left for coverage_unlink to find).
CREATE TRIGGER `coverage_delete` BEFORE DELETE ON `observations` WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE coverage_months SET figures = figures - 1
    WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND OLD.basis <> 'planned' AND month BETWEEN substr(coalesce(OLD.period_start, OLD.period_end), 1, 7) AND substr(OLD.period_end, 1, 7);
  UPDATE coverage_months SET figures = figures - (SELECT count(*) FROM observation_sources os JOIN sources s ON s.id = os.source_id
      WHERE os.observation_id = OLD.id AND coverage_months.month BETWEEN substr(s.covers_from, 1, 7) AND substr(s.covers_to, 1, 7))
    WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id;
  DELETE FROM coverage_months WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND figures <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_link` AFTER INSERT ON `observation_sources` BEGIN
  INSERT INTO coverage_months (programme_id, metric_id, month, figures)
    SELECT o.programme_id, o.metric_id, m.month, 1 FROM observations o JOIN sources s ON s.id = NEW.source_id
      JOIN calendar_months m ON m.month BETWEEN substr(s.covers_from, 1, 7) AND substr(s.covers_to, 1, 7) WHERE o.id = NEW.observation_id AND o.deleted_at IS NULL
    ON CONFLICT (programme_id, metric_id, month) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_unlink` AFTER DELETE ON `observation_sources` BEGIN
  UPDATE coverage_months SET figures = figures - 1
    WHERE (programme_id, metric_id) = (SELECT programme_id, metric_id FROM observations WHERE id = OLD.observation_id AND deleted_at IS NULL)
      AND month BETWEEN (SELECT substr(covers_from, 1, 7) FROM sources WHERE id = OLD.source_id) AND (SELECT substr(covers_to, 1, 7) FROM sources WHERE id = OLD.source_id);
  DELETE FROM coverage_months
    WHERE (programme_id, metric_id) = (SELECT programme_id, metric_id FROM observations WHERE id = OLD.observation_id) AND figures <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_relink` AFTER UPDATE OF observation_id, source_id ON `observation_sources` BEGIN
  UPDATE coverage_months SET figures = figures - 1
    WHERE (programme_id, metric_id) = (SELECT programme_id, metric_id FROM observations WHERE id = OLD.observation_id AND deleted_at IS NULL)
      AND month BETWEEN (SELECT substr(covers_from, 1, 7) FROM sources WHERE id = OLD.source_id) AND (SELECT substr(covers_to, 1, 7) FROM sources WHERE id = OLD.source_id);
  DELETE FROM coverage_months
    WHERE (programme_id, metric_id) = (SELECT programme_id, metric_id FROM observations WHERE id = OLD.observation_id) AND figures <= 0;
  INSERT INTO coverage_months (programme_id, metric_id, month, figures)
    SELECT o.programme_id, o.metric_id, m.month, 1 FROM observations o JOIN sources s ON s.id = NEW.source_id
      JOIN calendar_months m ON m.month BETWEEN substr(s.covers_from, 1, 7) AND substr(s.covers_to, 1, 7) WHERE o.id = NEW.observation_id AND o.deleted_at IS NULL
    ON CONFLICT (programme_id, metric_id, month) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_source_span` AFTER UPDATE OF covers_from, covers_to ON `sources` BEGIN
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
END;
--> statement-breakpoint
INSERT INTO `coverage_months` (programme_id, metric_id, month, figures)
  SELECT programme_id, metric_id, month, count(*) FROM (
    SELECT o.programme_id, o.metric_id, m.month FROM observations o
      JOIN calendar_months m ON m.month BETWEEN substr(coalesce(o.period_start, o.period_end), 1, 7) AND substr(o.period_end, 1, 7)
    WHERE o.deleted_at IS NULL AND o.basis <> 'planned'
    UNION ALL
    SELECT o.programme_id, o.metric_id, m.month FROM observation_sources os JOIN observations o ON o.id = os.observation_id AND o.deleted_at IS NULL
      JOIN sources s ON s.id = os.source_id JOIN calendar_months m ON m.month BETWEEN substr(s.covers_from, 1, 7) AND substr(s.covers_to, 1, 7)
  ) GROUP BY programme_id, metric_id, month;