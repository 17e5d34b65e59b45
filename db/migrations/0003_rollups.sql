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
CREATE INDEX `observations_period_end_idx` ON `observations` (`period_end`) WHERE deleted_at IS NULL;

-- The triggers that keep the rollups current, and the rollups' fill, are not here: they are
-- defined in db/rollups/ and installed (and the rollups rebuilt) by db/migrate.ts after the
-- migrations (docs/decisions/0008).
