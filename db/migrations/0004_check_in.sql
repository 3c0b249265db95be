ALTER TABLE `session` ADD `walk_ins` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `booking` ADD `attendance` text;