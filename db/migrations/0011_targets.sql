CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`metric_id` integer NOT NULL,
	`programme_id` integer,
	`period` text NOT NULL,
	`basis` text NOT NULL,
	`value` real NOT NULL,
	`amber_below_pct` real DEFAULT 100 NOT NULL,
	`red_below_pct` real DEFAULT 80 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "targets_basis_valid" CHECK(basis IN ('period', 'cumulative')),
	CONSTRAINT "targets_value_positive" CHECK(value > 0),
	CONSTRAINT "targets_thresholds_valid" CHECK(red_below_pct >= 0 AND red_below_pct <= amber_below_pct)
);
--> statement-breakpoint
-- (Written by hand: drizzle-kit 0.31 quotes the expression coalesce(programme_id, 0) as if it were column names.)
CREATE UNIQUE INDEX `targets_key_unique` ON `targets` (`metric_id`,coalesce(`programme_id`, 0),`period`,`basis`);