-- WITHOUT ROWID (added by hand; drizzle cannot declare it): the rows are kept in key order, so a
-- programme's series is one range of the table itself, with no second lookup per row.
CREATE TABLE `figure_sums_by_period` (
	`programme_id` integer NOT NULL,
	`metric_id` integer NOT NULL,
	`basis` text NOT NULL,
	`period_end` text NOT NULL,
	`period_start` text NOT NULL,
	`exact_value` real DEFAULT 0 NOT NULL,
	`exact_figures` integer DEFAULT 0 NOT NULL,
	`exact_precision` text DEFAULT '' NOT NULL,
	`at_least_value` real DEFAULT 0 NOT NULL,
	`at_least_figures` integer DEFAULT 0 NOT NULL,
	`at_least_precision` text DEFAULT '' NOT NULL,
	`at_most_value` real DEFAULT 0 NOT NULL,
	`at_most_figures` integer DEFAULT 0 NOT NULL,
	`at_most_precision` text DEFAULT '' NOT NULL,
	`approx_value` real DEFAULT 0 NOT NULL,
	`approx_figures` integer DEFAULT 0 NOT NULL,
	`approx_precision` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`programme_id`, `metric_id`, `basis`, `period_end`, `period_start`),
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;--> statement-breakpoint
-- Triggers keep figure_sums_by_period in the same transaction as every write to observations. An
-- insert adds its value to its row; an edit, delete or restore recomputes each row it leaves or
-- joins from the live figures with that programme, metric, basis and period (a handful, found in
-- observations_series_idx), so that subtracting never leaves rounding behind. SQLite trigger
-- syntax: a move to PostgreSQL rewrites these four as one plpgsql trigger function.
CREATE TRIGGER `figure_sums_insert` AFTER INSERT ON `observations` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, exact_value, exact_figures, exact_precision, at_least_value, at_least_figures, at_least_precision, at_most_value, at_most_figures, at_most_precision, approx_value, approx_figures, approx_precision)
  VALUES (NEW.programme_id, NEW.metric_id, NEW.basis, NEW.period_end, coalesce(NEW.period_start, ''),
    iif(NEW.qualifier = 'exact', NEW.value, 0), NEW.qualifier = 'exact', iif(NEW.qualifier = 'exact', NEW.date_precision, ''), iif(NEW.qualifier = 'at_least', NEW.value, 0), NEW.qualifier = 'at_least', iif(NEW.qualifier = 'at_least', NEW.date_precision, ''), iif(NEW.qualifier = 'at_most', NEW.value, 0), NEW.qualifier = 'at_most', iif(NEW.qualifier = 'at_most', NEW.date_precision, ''), iif(NEW.qualifier = 'approx', NEW.value, 0), NEW.qualifier = 'approx', iif(NEW.qualifier = 'approx', NEW.date_precision, ''))
  ON CONFLICT (programme_id, metric_id, basis, period_end, period_start) DO UPDATE SET
    exact_value = exact_value + excluded.exact_value, exact_figures = exact_figures + excluded.exact_figures, exact_precision = max(exact_precision, excluded.exact_precision),
    at_least_value = at_least_value + excluded.at_least_value, at_least_figures = at_least_figures + excluded.at_least_figures, at_least_precision = max(at_least_precision, excluded.at_least_precision),
    at_most_value = at_most_value + excluded.at_most_value, at_most_figures = at_most_figures + excluded.at_most_figures, at_most_precision = max(at_most_precision, excluded.at_most_precision),
    approx_value = approx_value + excluded.approx_value, approx_figures = approx_figures + excluded.approx_figures, approx_precision = max(approx_precision, excluded.approx_precision);
END;--> statement-breakpoint
CREATE TRIGGER `figure_sums_delete` AFTER DELETE ON `observations` WHEN OLD.deleted_at IS NULL BEGIN
  DELETE FROM figure_sums_by_period WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis
    AND period_end = OLD.period_end AND period_start = coalesce(OLD.period_start, '');
  INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, exact_value, exact_figures, exact_precision, at_least_value, at_least_figures, at_least_precision, at_most_value, at_most_figures, at_most_precision, approx_value, approx_figures, approx_precision)
    SELECT programme_id, metric_id, basis, period_end, coalesce(period_start, ''),
      total(value) FILTER (WHERE qualifier = 'exact'), count(*) FILTER (WHERE qualifier = 'exact'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'exact'), ''),
      total(value) FILTER (WHERE qualifier = 'at_least'), count(*) FILTER (WHERE qualifier = 'at_least'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'at_least'), ''),
      total(value) FILTER (WHERE qualifier = 'at_most'), count(*) FILTER (WHERE qualifier = 'at_most'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'at_most'), ''),
      total(value) FILTER (WHERE qualifier = 'approx'), count(*) FILTER (WHERE qualifier = 'approx'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'approx'), '')
    FROM observations
    WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis AND period_end = OLD.period_end
      AND coalesce(period_start, '') = coalesce(OLD.period_start, '') AND deleted_at IS NULL
    GROUP BY programme_id, metric_id, basis, period_end, coalesce(period_start, '');
END;--> statement-breakpoint
CREATE TRIGGER `figure_sums_update_old` AFTER UPDATE OF programme_id, metric_id, basis, period_start, period_end, qualifier, value, date_precision, deleted_at ON `observations` WHEN OLD.deleted_at IS NULL BEGIN
  DELETE FROM figure_sums_by_period WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis
    AND period_end = OLD.period_end AND period_start = coalesce(OLD.period_start, '');
  INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, exact_value, exact_figures, exact_precision, at_least_value, at_least_figures, at_least_precision, at_most_value, at_most_figures, at_most_precision, approx_value, approx_figures, approx_precision)
    SELECT programme_id, metric_id, basis, period_end, coalesce(period_start, ''),
      total(value) FILTER (WHERE qualifier = 'exact'), count(*) FILTER (WHERE qualifier = 'exact'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'exact'), ''),
      total(value) FILTER (WHERE qualifier = 'at_least'), count(*) FILTER (WHERE qualifier = 'at_least'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'at_least'), ''),
      total(value) FILTER (WHERE qualifier = 'at_most'), count(*) FILTER (WHERE qualifier = 'at_most'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'at_most'), ''),
      total(value) FILTER (WHERE qualifier = 'approx'), count(*) FILTER (WHERE qualifier = 'approx'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'approx'), '')
    FROM observations
    WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis AND period_end = OLD.period_end
      AND coalesce(period_start, '') = coalesce(OLD.period_start, '') AND deleted_at IS NULL
    GROUP BY programme_id, metric_id, basis, period_end, coalesce(period_start, '');
END;--> statement-breakpoint
CREATE TRIGGER `figure_sums_update_new` AFTER UPDATE OF programme_id, metric_id, basis, period_start, period_end, qualifier, value, date_precision, deleted_at ON `observations` WHEN NEW.deleted_at IS NULL BEGIN
  DELETE FROM figure_sums_by_period WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis
    AND period_end = NEW.period_end AND period_start = coalesce(NEW.period_start, '');
  INSERT INTO figure_sums_by_period (programme_id, metric_id, basis, period_end, period_start, exact_value, exact_figures, exact_precision, at_least_value, at_least_figures, at_least_precision, at_most_value, at_most_figures, at_most_precision, approx_value, approx_figures, approx_precision)
    SELECT programme_id, metric_id, basis, period_end, coalesce(period_start, ''),
      total(value) FILTER (WHERE qualifier = 'exact'), count(*) FILTER (WHERE qualifier = 'exact'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'exact'), ''),
      total(value) FILTER (WHERE qualifier = 'at_least'), count(*) FILTER (WHERE qualifier = 'at_least'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'at_least'), ''),
      total(value) FILTER (WHERE qualifier = 'at_most'), count(*) FILTER (WHERE qualifier = 'at_most'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'at_most'), ''),
      total(value) FILTER (WHERE qualifier = 'approx'), count(*) FILTER (WHERE qualifier = 'approx'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'approx'), '')
    FROM observations
    WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND period_end = NEW.period_end
      AND coalesce(period_start, '') = coalesce(NEW.period_start, '') AND deleted_at IS NULL
    GROUP BY programme_id, metric_id, basis, period_end, coalesce(period_start, '');
END;--> statement-breakpoint
INSERT INTO `figure_sums_by_period` (programme_id, metric_id, basis, period_end, period_start, exact_value, exact_figures, exact_precision, at_least_value, at_least_figures, at_least_precision, at_most_value, at_most_figures, at_most_precision, approx_value, approx_figures, approx_precision)
  SELECT programme_id, metric_id, basis, period_end, coalesce(period_start, ''),
    total(value) FILTER (WHERE qualifier = 'exact'), count(*) FILTER (WHERE qualifier = 'exact'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'exact'), ''),
    total(value) FILTER (WHERE qualifier = 'at_least'), count(*) FILTER (WHERE qualifier = 'at_least'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'at_least'), ''),
    total(value) FILTER (WHERE qualifier = 'at_most'), count(*) FILTER (WHERE qualifier = 'at_most'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'at_most'), ''),
    total(value) FILTER (WHERE qualifier = 'approx'), count(*) FILTER (WHERE qualifier = 'approx'), coalesce(max(date_precision) FILTER (WHERE qualifier = 'approx'), '')
  FROM observations WHERE deleted_at IS NULL
  GROUP BY programme_id, metric_id, basis, period_end, coalesce(period_start, '');
