DROP INDEX `session_date_idx`;--> statement-breakpoint
CREATE INDEX `session_date_idx` ON `session` (`date`,`start_time`,`pattern_id`);