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
) WITHOUT ROWID;

-- The triggers that keep the rollups current, and the rollups' fill, are not here: they are
-- defined in db/rollups/ and installed (and the rollups rebuilt) by db/migrate.ts after the
-- migrations (docs/decisions/0008).
