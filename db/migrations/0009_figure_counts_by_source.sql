CREATE TABLE `figure_counts_by_source` (
	`source_id` integer PRIMARY KEY NOT NULL,
	`figures` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE cascade
);
