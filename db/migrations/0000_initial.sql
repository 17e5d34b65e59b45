CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`user_id` integer,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`before` text,
	`after` text,
	`reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "audit_log_action_valid" CHECK(action IN ('create', 'update', 'delete', 'restore', 'link_source', 'unlink_source'))
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_user_idx` ON `audit_log` (`user_id`);--> statement-breakpoint
CREATE TABLE `boards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "boards_slug_format" CHECK("boards"."slug" GLOB '[a-z0-9]*' AND "boards"."slug" NOT GLOB '*[^a-z0-9-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `boards_slug_unique` ON `boards` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `boards_name_unique` ON `boards` (`name`);--> statement-breakpoint
CREATE TABLE `metrics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`category` text NOT NULL,
	`definition` text NOT NULL,
	`additivity` text DEFAULT 'additive' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "metrics_unit_valid" CHECK(unit IN ('count', 'hours', 'GBP', 'percent')),
	CONSTRAINT "metrics_category_valid" CHECK(category IN ('attendees', 'councils supported', 'coaching hours', 'downloads', 'page views', 'applications', 'members/subscribers', 'events delivered', 'projects funded', 'enquiries handled', 'money', 'percentage', 'other')),
	CONSTRAINT "metrics_additivity_valid" CHECK(additivity IN ('additive', 'within_programme', 'non_additive')),
	CONSTRAINT "metrics_slug_format" CHECK("metrics"."slug" GLOB '[a-z0-9]*' AND "metrics"."slug" NOT GLOB '*[^a-z0-9-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metrics_slug_unique` ON `metrics` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `metrics_name_unique` ON `metrics` (`name`);--> statement-breakpoint
CREATE TABLE `observation_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`observation_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	`evidence` text NOT NULL,
	`line` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`observation_id`) REFERENCES `observations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "observation_sources_line_positive" CHECK("observation_sources"."line" IS NULL OR "observation_sources"."line" >= 1),
	CONSTRAINT "observation_sources_evidence_present" CHECK(length(trim("observation_sources"."evidence")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `observation_sources_occurrence_unique` ON `observation_sources` (`observation_id`,`source_id`,`line`);--> statement-breakpoint
CREATE INDEX `observation_sources_source_idx` ON `observation_sources` (`source_id`);--> statement-breakpoint
CREATE TABLE `observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`metric_id` integer NOT NULL,
	`value` real NOT NULL,
	`qualifier` text DEFAULT 'exact' NOT NULL,
	`basis` text NOT NULL,
	`period_start` text,
	`period_end` text NOT NULL,
	`date_precision` text DEFAULT 'day' NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`metric_id`) REFERENCES `metrics`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "observations_qualifier_valid" CHECK(qualifier IN ('exact', 'at_least', 'at_most', 'approx')),
	CONSTRAINT "observations_basis_valid" CHECK(basis IN ('period', 'cumulative', 'planned')),
	CONSTRAINT "observations_date_precision_valid" CHECK(date_precision IN ('day', 'month', 'year')),
	CONSTRAINT "observations_value_non_negative" CHECK("observations"."value" >= 0),
	CONSTRAINT "observations_period_end_iso" CHECK(period_end GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "observations_period_start_iso" CHECK(period_start IS NULL OR (period_start GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')),
	CONSTRAINT "observations_period_order" CHECK("observations"."period_start" IS NULL OR "observations"."period_start" <= "observations"."period_end")
);
--> statement-breakpoint
CREATE INDEX `observations_metric_period_idx` ON `observations` (`metric_id`,`period_end`);--> statement-breakpoint
CREATE INDEX `observations_programme_period_idx` ON `observations` (`programme_id`,`period_end`);--> statement-breakpoint
CREATE INDEX `observations_period_end_idx` ON `observations` (`period_end`);--> statement-breakpoint
CREATE INDEX `observations_fact_idx` ON `observations` (`programme_id`,`metric_id`,`value`,`period_end`);--> statement-breakpoint
CREATE TABLE `programmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`board_id` integer NOT NULL,
	`theme` text,
	`description` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "programmes_slug_format" CHECK("programmes"."slug" GLOB '[a-z0-9]*' AND "programmes"."slug" NOT GLOB '*[^a-z0-9-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programmes_slug_unique` ON `programmes` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `programmes_name_unique` ON `programmes` (`name`);--> statement-breakpoint
CREATE INDEX `programmes_board_idx` ON `programmes` (`board_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`document_date` text NOT NULL,
	`date_precision` text DEFAULT 'day' NOT NULL,
	`meeting_board_id` integer,
	`meeting_date` text,
	`file_name` text,
	`text` text,
	`content_hash` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`meeting_board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "sources_document_date_iso" CHECK(document_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "sources_meeting_date_iso" CHECK(meeting_date IS NULL OR (meeting_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')),
	CONSTRAINT "sources_date_precision_valid" CHECK(date_precision IN ('day', 'month', 'year'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_file_name_unique` ON `sources` (`file_name`);--> statement-breakpoint
CREATE UNIQUE INDEX `sources_content_hash_unique` ON `sources` (`content_hash`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`role` text DEFAULT 'viewer' NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`disabled_at` text,
	CONSTRAINT "users_role_valid" CHECK(role IN ('viewer', 'officer', 'admin'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);