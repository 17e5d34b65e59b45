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
DROP TRIGGER IF EXISTS `figure_sums_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `figure_sums_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `figure_sums_update_old`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `figure_sums_update_new`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `figure_sums_by_quarter_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `figure_sums_by_quarter_update`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `figure_sums_by_quarter_delete`;
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
-- The triggers that keep the rollups current, and the rollups' fill, are not here: they are
-- defined in db/rollups/ and installed (and the rollups rebuilt) by db/migrate.ts after the
-- migrations (docs/decisions/0008).
