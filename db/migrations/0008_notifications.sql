ALTER TABLE `hub` ADD `reminder_hours` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `calendar` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `calendar_url` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `send_after` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `lease_until` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `sent_at` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `provider_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `dedupe_key` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `phoned_at` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `phoned_by` text;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_key_unique` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`send_after`);--> statement-breakpoint
CREATE INDEX `outbox_booking_idx` ON `outbox` (`booking_id`);--> statement-breakpoint
-- Added by hand: messages queued before delivery existed were only ever shown to staff; they are not sent now, weeks late.
UPDATE `outbox` SET `send_after` = `created_at`, `status` = CASE `status` WHEN 'pending' THEN 'logged' ELSE `status` END;
