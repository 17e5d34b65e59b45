-- WITHOUT ROWID (added by hand; drizzle cannot declare it): the rows are kept in key order, so a
-- programme's series is one range of the table itself, with no second lookup per row.
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
	`date_precision` text NOT NULL,
	PRIMARY KEY(`programme_id`, `metric_id`, `basis`, `period_end`, `period_start`),
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `figure_counts_by_quarter_quarter_idx` ON `figure_counts_by_quarter` (`quarter`,`basis`,`figures`);--> statement-breakpoint
-- Triggers keep figure_sums_by_period in the same transaction as every write to observations. An
-- insert adds to its row; an edit, delete or restore recomputes each row it leaves or joins from
-- the live figures with that programme, metric, basis and period (a handful, found in
-- observations_series_idx), so that subtracting never leaves rounding behind. SQLite trigger
-- syntax: a move to PostgreSQL rewrites these four as one plpgsql trigger function.
CREATE TRIGGER `figure_sums_insert` AFTER INSERT ON `observations` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, value, figures, at_least_figures, at_most_figures, approx_figures, date_precision)
  VALUES (NEW.programme_id, NEW.metric_id, NEW.basis, NEW.period_end, coalesce(NEW.period_start, ''), NEW.value, 1,
    NEW.qualifier = 'at_least', NEW.qualifier = 'at_most', NEW.qualifier = 'approx', NEW.date_precision)
  ON CONFLICT (programme_id, metric_id, basis, period_end, period_start) DO UPDATE SET
    value = value + excluded.value, figures = figures + 1, at_least_figures = at_least_figures + excluded.at_least_figures,
    at_most_figures = at_most_figures + excluded.at_most_figures, approx_figures = approx_figures + excluded.approx_figures,
    date_precision = max(date_precision, excluded.date_precision);
END;--> statement-breakpoint
CREATE TRIGGER `figure_sums_delete` AFTER DELETE ON `observations` WHEN OLD.deleted_at IS NULL BEGIN
  DELETE FROM figure_sums_by_period WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis
    AND period_end = OLD.period_end AND period_start = coalesce(OLD.period_start, '');
  INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, value, figures, at_least_figures, at_most_figures, approx_figures, date_precision)
    SELECT programme_id, metric_id, basis, period_end, coalesce(period_start, ''),
      total(value), count(*), count(*) FILTER (WHERE qualifier = 'at_least'), count(*) FILTER (WHERE qualifier = 'at_most'),
      count(*) FILTER (WHERE qualifier = 'approx'), max(date_precision)
    FROM observations
    WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis AND period_end = OLD.period_end
      AND coalesce(period_start, '') = coalesce(OLD.period_start, '') AND deleted_at IS NULL
    GROUP BY programme_id, metric_id, basis, period_end, coalesce(period_start, '');
END;--> statement-breakpoint
CREATE TRIGGER `figure_sums_update_old` AFTER UPDATE OF programme_id, metric_id, basis, period_start, period_end, qualifier, value, date_precision, deleted_at ON `observations` WHEN OLD.deleted_at IS NULL BEGIN
  DELETE FROM figure_sums_by_period WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis
    AND period_end = OLD.period_end AND period_start = coalesce(OLD.period_start, '');
  INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, value, figures, at_least_figures, at_most_figures, approx_figures, date_precision)
    SELECT programme_id, metric_id, basis, period_end, coalesce(period_start, ''),
      total(value), count(*), count(*) FILTER (WHERE qualifier = 'at_least'), count(*) FILTER (WHERE qualifier = 'at_most'),
      count(*) FILTER (WHERE qualifier = 'approx'), max(date_precision)
    FROM observations
    WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis AND period_end = OLD.period_end
      AND coalesce(period_start, '') = coalesce(OLD.period_start, '') AND deleted_at IS NULL
    GROUP BY programme_id, metric_id, basis, period_end, coalesce(period_start, '');
END;--> statement-breakpoint
CREATE TRIGGER `figure_sums_update_new` AFTER UPDATE OF programme_id, metric_id, basis, period_start, period_end, qualifier, value, date_precision, deleted_at ON `observations` WHEN NEW.deleted_at IS NULL BEGIN
  DELETE FROM figure_sums_by_period WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis
    AND period_end = NEW.period_end AND period_start = coalesce(NEW.period_start, '');
  INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, value, figures, at_least_figures, at_most_figures, approx_figures, date_precision)
    SELECT programme_id, metric_id, basis, period_end, coalesce(period_start, ''),
      total(value), count(*), count(*) FILTER (WHERE qualifier = 'at_least'), count(*) FILTER (WHERE qualifier = 'at_most'),
      count(*) FILTER (WHERE qualifier = 'approx'), max(date_precision)
    FROM observations
    WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND period_end = NEW.period_end
      AND coalesce(period_start, '') = coalesce(NEW.period_start, '') AND deleted_at IS NULL
    GROUP BY programme_id, metric_id, basis, period_end, coalesce(period_start, '');
END;--> statement-breakpoint
INSERT INTO `figure_sums_by_period` (programme_id, metric_id, basis, period_end, period_start, value, figures, at_least_figures, at_most_figures, approx_figures, date_precision)
  SELECT programme_id, metric_id, basis, period_end, coalesce(period_start, ''),
      total(value), count(*), count(*) FILTER (WHERE qualifier = 'at_least'), count(*) FILTER (WHERE qualifier = 'at_most'),
      count(*) FILTER (WHERE qualifier = 'approx'), max(date_precision)
  FROM observations WHERE deleted_at IS NULL
  GROUP BY programme_id, metric_id, basis, period_end, coalesce(period_start, '');
