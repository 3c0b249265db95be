CREATE TABLE `session_pattern` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`hub_id` text NOT NULL,
	`rrule` text,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`capacity` integer NOT NULL,
	`booking_mode` text NOT NULL,
	`booking_opens_days` integer,
	`booking_closes_hours` integer,
	`max_places_per_booking` integer DEFAULT 2 NOT NULL,
	`waiting_list` text DEFAULT 'automatic' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`hub_id`) REFERENCES `hub`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_pattern_hub_idx` ON `session_pattern` (`hub_id`);--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`pattern_id` text NOT NULL,
	`original_date` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`capacity` integer NOT NULL,
	`places_taken` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`cancel_reason` text,
	`is_exception` integer DEFAULT false NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`pattern_id`) REFERENCES `session_pattern`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_pattern_original_idx` ON `session` (`pattern_id`,`original_date`);--> statement-breakpoint
CREATE INDEX `session_date_idx` ON `session` (`date`,`start_time`);--> statement-breakpoint
CREATE TABLE `booking` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`reference` text NOT NULL,
	`manage_token_hash` text NOT NULL,
	`form_token` text NOT NULL,
	`status` text NOT NULL,
	`places` integer NOT NULL,
	`name` text NOT NULL,
	`attendee_name` text,
	`email` text,
	`phone` text,
	`needs` text DEFAULT '' NOT NULL,
	`wants_reminder` integer DEFAULT false NOT NULL,
	`assisted` integer DEFAULT false NOT NULL,
	`offer_expires_at` text,
	`cancelled_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `session`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `booking_reference_unique` ON `booking` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `booking_manage_token_hash_unique` ON `booking` (`manage_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `booking_form_token_idx` ON `booking` (`session_id`,`form_token`);--> statement-breakpoint
CREATE INDEX `booking_session_status_idx` ON `booking` (`session_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`booking_id` text,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `booking`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`,`created_at`);