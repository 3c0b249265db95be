CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `organisation` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`website` text,
	`email` text,
	`phone` text
);
--> statement-breakpoint
CREATE TABLE `area` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `area_slug_unique` ON `area` (`slug`);--> statement-breakpoint
CREATE TABLE `theme` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`summary` text NOT NULL,
	`description` text NOT NULL,
	`sensitive` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `theme_slug_unique` ON `theme` (`slug`);--> statement-breakpoint
CREATE TABLE `closure` (
	`id` text PRIMARY KEY NOT NULL,
	`hub_id` text,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`hub_id`) REFERENCES `hub`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `closure_hub_idx` ON `closure` (`hub_id`,`ends_on`);--> statement-breakpoint
CREATE TABLE `hub_access_feature` (
	`hub_id` text NOT NULL,
	`feature` text NOT NULL,
	PRIMARY KEY(`hub_id`, `feature`),
	FOREIGN KEY (`hub_id`) REFERENCES `hub`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `hub_access_feature_idx` ON `hub_access_feature` (`feature`);--> statement-breakpoint
CREATE TABLE `hub_opening_hours` (
	`hub_id` text NOT NULL,
	`weekday` integer NOT NULL,
	`opens_at` text NOT NULL,
	`closes_at` text NOT NULL,
	PRIMARY KEY(`hub_id`, `weekday`, `opens_at`),
	FOREIGN KEY (`hub_id`) REFERENCES `hub`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `hub` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`area_id` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`summary` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`address_line1` text NOT NULL,
	`address_line2` text,
	`town` text NOT NULL,
	`postcode` text NOT NULL,
	`latitude` real,
	`longitude` real,
	`phone` text,
	`email` text,
	`website` text,
	`how_to_get_there` text DEFAULT '' NOT NULL,
	`languages` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`last_reviewed_on` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `area`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hub_slug_unique` ON `hub` (`slug`);--> statement-breakpoint
CREATE INDEX `hub_area_idx` ON `hub` (`area_id`);--> statement-breakpoint
CREATE INDEX `hub_status_name_idx` ON `hub` (`status`,`name`);--> statement-breakpoint
CREATE TABLE `service_hub` (
	`id` text NOT NULL,
	`service_id` text NOT NULL,
	`hub_id` text NOT NULL,
	PRIMARY KEY(`service_id`, `hub_id`),
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`hub_id`) REFERENCES `hub`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_hub_id_unique` ON `service_hub` (`id`);--> statement-breakpoint
CREATE INDEX `service_hub_hub_idx` ON `service_hub` (`hub_id`);--> statement-breakpoint
CREATE TABLE `service_theme` (
	`service_id` text NOT NULL,
	`theme_id` text NOT NULL,
	PRIMARY KEY(`service_id`, `theme_id`),
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `theme`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `service_theme_theme_idx` ON `service_theme` (`theme_id`);--> statement-breakpoint
CREATE TABLE `service` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`summary` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`who_it_is_for` text DEFAULT '' NOT NULL,
	`minimum_age` integer,
	`maximum_age` integer,
	`is_free` integer DEFAULT true NOT NULL,
	`cost_description` text DEFAULT '' NOT NULL,
	`referral_needed` integer DEFAULT false NOT NULL,
	`referral_details` text DEFAULT '' NOT NULL,
	`phone` text,
	`email` text,
	`website` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`last_reviewed_on` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_slug_unique` ON `service` (`slug`);--> statement-breakpoint
CREATE INDEX `service_status_idx` ON `service` (`status`);