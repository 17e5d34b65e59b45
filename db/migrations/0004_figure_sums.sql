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
CREATE INDEX `figure_counts_by_quarter_quarter_idx` ON `figure_counts_by_quarter` (`quarter`,`basis`,`figures`);

-- The triggers that keep the rollups current, and the rollups' fill, are not here: they are
-- defined in db/rollups/ and installed (and the rollups rebuilt) by db/migrate.ts after the
-- migrations (docs/decisions/0008).
