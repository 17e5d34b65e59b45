-- WITHOUT ROWID (added by hand; drizzle cannot declare it), like figure_sums_by_period: a
-- programme's quarters are one range of the table itself.
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
	`date_precision` text NOT NULL,
	PRIMARY KEY(`programme_id`, `metric_id`, `basis`, `quarter`, `exact_start`, `exact_end`),
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;--> statement-breakpoint
-- Triggers on figure_sums_by_period (itself kept by migration 0004's triggers on observations, so
-- these run in the same transaction as every write to a figure): whenever one of its rows is
-- added, changed or removed, the rows of its programme, metric, basis and quarter are recomputed
-- here from figure_sums_by_period — a handful of rows, one range of its key. The quarter is the
-- one holding the period end; it starts on its first day and ends before the day 3 months on.
-- The three bodies are the same but for NEW and OLD: SQLite triggers cannot share SQL, and CTEs
-- are not allowed inside them. figure_sums_by_period's key columns are never updated (0004's
-- triggers upsert or delete and insert), so an update recomputes NEW's quarter only.
CREATE TRIGGER `figure_sums_by_quarter_insert` AFTER INSERT ON `figure_sums_by_period` BEGIN
  DELETE FROM figure_sums_by_quarter WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND quarter = substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1);
  INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, date_precision)
    SELECT NEW.programme_id, NEW.metric_id, NEW.basis, substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1), '', '', coalesce(min(nullif(period_start, '')), ''), max(period_end),
      sum(value), sum(figures), sum(at_least_figures), sum(at_most_figures), sum(approx_figures), max(date_precision)
    FROM figure_sums_by_period WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND basis <> 'cumulative' AND period_end >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months')
      AND (period_start = '' OR period_start >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01')
    HAVING count(*) > 0;
  INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, date_precision)
    SELECT programme_id, metric_id, basis, substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1), period_start, period_end, period_start, period_end,
      value, figures, at_least_figures, at_most_figures, approx_figures, date_precision
    FROM figure_sums_by_period WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND period_end >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months')
      AND CASE WHEN basis = 'cumulative' THEN period_end = (SELECT max(period_end) FROM figure_sums_by_period WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND period_end >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months'))
        ELSE period_start <> '' AND period_start < substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' END;
END;--> statement-breakpoint
CREATE TRIGGER `figure_sums_by_quarter_update` AFTER UPDATE ON `figure_sums_by_period` BEGIN
  DELETE FROM figure_sums_by_quarter WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND quarter = substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1);
  INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, date_precision)
    SELECT NEW.programme_id, NEW.metric_id, NEW.basis, substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1), '', '', coalesce(min(nullif(period_start, '')), ''), max(period_end),
      sum(value), sum(figures), sum(at_least_figures), sum(at_most_figures), sum(approx_figures), max(date_precision)
    FROM figure_sums_by_period WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND basis <> 'cumulative' AND period_end >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months')
      AND (period_start = '' OR period_start >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01')
    HAVING count(*) > 0;
  INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, date_precision)
    SELECT programme_id, metric_id, basis, substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1), period_start, period_end, period_start, period_end,
      value, figures, at_least_figures, at_most_figures, approx_figures, date_precision
    FROM figure_sums_by_period WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND period_end >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months')
      AND CASE WHEN basis = 'cumulative' THEN period_end = (SELECT max(period_end) FROM figure_sums_by_period WHERE programme_id = NEW.programme_id AND metric_id = NEW.metric_id AND basis = NEW.basis AND period_end >= substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months'))
        ELSE period_start <> '' AND period_start < substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' END;
END;--> statement-breakpoint
CREATE TRIGGER `figure_sums_by_quarter_delete` AFTER DELETE ON `figure_sums_by_period` BEGIN
  DELETE FROM figure_sums_by_quarter WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis AND quarter = substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1);
  INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, date_precision)
    SELECT OLD.programme_id, OLD.metric_id, OLD.basis, substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1), '', '', coalesce(min(nullif(period_start, '')), ''), max(period_end),
      sum(value), sum(figures), sum(at_least_figures), sum(at_most_figures), sum(approx_figures), max(date_precision)
    FROM figure_sums_by_period WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis AND basis <> 'cumulative' AND period_end >= substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months')
      AND (period_start = '' OR period_start >= substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01')
    HAVING count(*) > 0;
  INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, date_precision)
    SELECT programme_id, metric_id, basis, substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1), period_start, period_end, period_start, period_end,
      value, figures, at_least_figures, at_most_figures, approx_figures, date_precision
    FROM figure_sums_by_period WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis AND period_end >= substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months')
      AND CASE WHEN basis = 'cumulative' THEN period_end = (SELECT max(period_end) FROM figure_sums_by_period WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND basis = OLD.basis AND period_end >= substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' AND period_end < date(substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01', '+3 months'))
        ELSE period_start <> '' AND period_start < substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01' END;
END;--> statement-breakpoint
-- Fill it from the sums already there (the same statement as rebuildFigureSums in db/derived.ts).
INSERT INTO figure_sums_by_quarter (programme_id, metric_id, basis, quarter, exact_start, exact_end, period_start, period_end, value, figures, at_least_figures, at_most_figures, approx_figures, date_precision)
  WITH sums AS (SELECT *, substr(period_end, 1, 5) || printf('%02d', ((CAST(substr(period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) AS quarter FROM figure_sums_by_period)
  SELECT programme_id, metric_id, basis, quarter, '', '', coalesce(min(nullif(period_start, '')), ''), max(period_end),
    sum(value), sum(figures), sum(at_least_figures), sum(at_most_figures), sum(approx_figures), max(date_precision)
  FROM sums WHERE basis <> 'cumulative' AND (period_start = '' OR period_start >= quarter || '-01')
  GROUP BY programme_id, metric_id, basis, quarter
  UNION ALL
  SELECT programme_id, metric_id, basis, quarter, period_start, period_end, period_start, period_end,
    value, figures, at_least_figures, at_most_figures, approx_figures, date_precision
  FROM sums WHERE CASE WHEN basis = 'cumulative' THEN period_end = (SELECT max(s.period_end) FROM figure_sums_by_period s
      WHERE s.programme_id = sums.programme_id AND s.metric_id = sums.metric_id AND s.basis = 'cumulative'
        AND s.period_end >= sums.quarter || '-01' AND s.period_end < date(sums.quarter || '-01', '+3 months'))
    ELSE period_start <> '' AND period_start < quarter || '-01' END;
