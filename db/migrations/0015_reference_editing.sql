CREATE TABLE `reference_merges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`from_id` integer NOT NULL,
	`into_id` integer NOT NULL,
	`moved` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`undone_at` text,
	CONSTRAINT "reference_merges_kind_valid" CHECK(kind IN ('board', 'programme', 'metric'))
);
--> statement-breakpoint
CREATE TABLE `slug_redirects` (
	`kind` text NOT NULL,
	`old_slug` text NOT NULL,
	`entity_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`kind`, `old_slug`),
	CONSTRAINT "slug_redirects_kind_valid" CHECK(kind IN ('board', 'programme', 'metric'))
);
--> statement-breakpoint
ALTER TABLE `boards` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `metrics` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `programmes` ADD `retired_at` text;