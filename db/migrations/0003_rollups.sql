CREATE TABLE `figure_counts_by_metric` (
	`programme_id` integer NOT NULL,
	`metric_id` integer NOT NULL,
	`figures` integer NOT NULL,
	PRIMARY KEY(`programme_id`, `metric_id`),
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `figure_counts_by_metric_metric_idx` ON `figure_counts_by_metric` (`metric_id`);--> statement-breakpoint
CREATE TABLE `figure_counts_by_quarter` (
	`programme_id` integer NOT NULL,
	`basis` text NOT NULL,
	`quarter` text NOT NULL,
	`figures` integer NOT NULL,
	PRIMARY KEY(`programme_id`, `basis`, `quarter`),
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
DROP INDEX `observations_metric_period_idx`;--> statement-breakpoint
DROP INDEX `observations_programme_period_idx`;--> statement-breakpoint
DROP INDEX `observations_period_end_idx`;--> statement-breakpoint
ALTER TABLE `observations` ADD `reported_on` text;--> statement-breakpoint
CREATE INDEX `observations_reported_idx` ON `observations` (`reported_on`,`period_end`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `observations_series_idx` ON `observations` (`programme_id`,`metric_id`,`basis`,`period_end`,`qualifier`,`period_start`,`date_precision`,`value`,`deleted_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `observations_metric_period_idx` ON `observations` (`metric_id`,`period_end`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `observations_programme_period_idx` ON `observations` (`programme_id`,`period_end`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX `observations_period_end_idx` ON `observations` (`period_end`) WHERE deleted_at IS NULL;--> statement-breakpoint
-- Triggers keep the rollups in the same transaction as every write to observations (insert,
-- edit, delete, restore, import). A figure counts while deleted_at IS NULL. SQLite trigger syntax:
-- a move to PostgreSQL rewrites these four as one plpgsql trigger function.
CREATE TRIGGER `figure_counts_insert` AFTER INSERT ON `observations` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO figure_counts_by_metric (programme_id, metric_id, figures) VALUES (NEW.programme_id, NEW.metric_id, 1)
    ON CONFLICT (programme_id, metric_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO figure_counts_by_quarter (programme_id, basis, quarter, figures) VALUES (NEW.programme_id, NEW.basis, substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1), 1)
    ON CONFLICT (programme_id, basis, quarter) DO UPDATE SET figures = figures + 1;
END;--> statement-breakpoint
CREATE TRIGGER `figure_counts_delete` AFTER DELETE ON `observations` WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE figure_counts_by_metric SET figures = figures - 1 WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id;
  DELETE FROM figure_counts_by_metric WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND figures <= 0;
  UPDATE figure_counts_by_quarter SET figures = figures - 1 WHERE programme_id = OLD.programme_id AND basis = OLD.basis AND quarter = substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1);
  DELETE FROM figure_counts_by_quarter WHERE programme_id = OLD.programme_id AND basis = OLD.basis AND quarter = substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) AND figures <= 0;
END;--> statement-breakpoint
CREATE TRIGGER `figure_counts_update_old` AFTER UPDATE OF programme_id, metric_id, basis, period_end, deleted_at ON `observations` WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE figure_counts_by_metric SET figures = figures - 1 WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id;
  DELETE FROM figure_counts_by_metric WHERE programme_id = OLD.programme_id AND metric_id = OLD.metric_id AND figures <= 0;
  UPDATE figure_counts_by_quarter SET figures = figures - 1 WHERE programme_id = OLD.programme_id AND basis = OLD.basis AND quarter = substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1);
  DELETE FROM figure_counts_by_quarter WHERE programme_id = OLD.programme_id AND basis = OLD.basis AND quarter = substr(OLD.period_end, 1, 5) || printf('%02d', ((CAST(substr(OLD.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) AND figures <= 0;
END;--> statement-breakpoint
CREATE TRIGGER `figure_counts_update_new` AFTER UPDATE OF programme_id, metric_id, basis, period_end, deleted_at ON `observations` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO figure_counts_by_metric (programme_id, metric_id, figures) VALUES (NEW.programme_id, NEW.metric_id, 1)
    ON CONFLICT (programme_id, metric_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO figure_counts_by_quarter (programme_id, basis, quarter, figures) VALUES (NEW.programme_id, NEW.basis, substr(NEW.period_end, 1, 5) || printf('%02d', ((CAST(substr(NEW.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1), 1)
    ON CONFLICT (programme_id, basis, quarter) DO UPDATE SET figures = figures + 1;
END;--> statement-breakpoint
INSERT INTO `figure_counts_by_metric` (programme_id, metric_id, figures)
  SELECT programme_id, metric_id, count(*) FROM observations WHERE deleted_at IS NULL GROUP BY programme_id, metric_id;--> statement-breakpoint
INSERT INTO `figure_counts_by_quarter` (programme_id, basis, quarter, figures)
  SELECT programme_id, basis, substr(observations.period_end, 1, 5) || printf('%02d', ((CAST(substr(observations.period_end, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1), count(*) FROM observations WHERE deleted_at IS NULL GROUP BY 1, 2, 3;--> statement-breakpoint
-- observations.reported_on: the date of the latest source each figure appears in.
CREATE TRIGGER `reported_on_link` AFTER INSERT ON `observation_sources` BEGIN
  UPDATE observations SET reported_on = (SELECT max(s.document_date) FROM observation_sources os JOIN sources s ON s.id = os.source_id WHERE os.observation_id = NEW.observation_id) WHERE id = NEW.observation_id;
END;--> statement-breakpoint
CREATE TRIGGER `reported_on_unlink` AFTER DELETE ON `observation_sources` BEGIN
  UPDATE observations SET reported_on = (SELECT max(s.document_date) FROM observation_sources os JOIN sources s ON s.id = os.source_id WHERE os.observation_id = OLD.observation_id) WHERE id = OLD.observation_id;
END;--> statement-breakpoint
CREATE TRIGGER `reported_on_relink` AFTER UPDATE OF observation_id, source_id ON `observation_sources` BEGIN
  UPDATE observations SET reported_on = (SELECT max(s.document_date) FROM observation_sources os JOIN sources s ON s.id = os.source_id WHERE os.observation_id = OLD.observation_id) WHERE id = OLD.observation_id;
  UPDATE observations SET reported_on = (SELECT max(s.document_date) FROM observation_sources os JOIN sources s ON s.id = os.source_id WHERE os.observation_id = NEW.observation_id) WHERE id = NEW.observation_id;
END;--> statement-breakpoint
CREATE TRIGGER `reported_on_redate` AFTER UPDATE OF document_date ON `sources` BEGIN
  UPDATE observations SET reported_on = (SELECT max(s.document_date) FROM observation_sources os JOIN sources s ON s.id = os.source_id WHERE os.observation_id = observations.id)
  WHERE id IN (SELECT observation_id FROM observation_sources WHERE source_id = NEW.id);
END;--> statement-breakpoint
UPDATE observations SET reported_on = (SELECT max(s.document_date) FROM observation_sources os JOIN sources s ON s.id = os.source_id WHERE os.observation_id = observations.id);