CREATE TABLE `series_changes` (
	`programme_id` integer NOT NULL,
	`metric_id` integer NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`programme_id`, `metric_id`)
);
--> statement-breakpoint
CREATE INDEX `series_changes_seq_idx` ON `series_changes` (`seq`);