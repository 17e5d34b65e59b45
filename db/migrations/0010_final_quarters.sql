CREATE TABLE `quarter_statuses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quarter` text NOT NULL,
	`status` text NOT NULL,
	`changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`changed_by` integer,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "quarter_statuses_status_valid" CHECK(status IN ('provisional', 'final'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quarter_statuses_quarter_unique` ON `quarter_statuses` (`quarter`);--> statement-breakpoint
CREATE TABLE `restatements` (
	`audit_id` integer PRIMARY KEY NOT NULL,
	`observation_id` integer NOT NULL,
	`quarter` text NOT NULL,
	FOREIGN KEY (`audit_id`) REFERENCES `audit_log`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`observation_id`) REFERENCES `observations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `restatements_observation_idx` ON `restatements` (`observation_id`);--> statement-breakpoint
CREATE INDEX `restatements_quarter_idx` ON `restatements` (`quarter`);