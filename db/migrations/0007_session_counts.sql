CREATE TABLE `session_count` (
	`session_id` text PRIMARY KEY NOT NULL,
	`booked` integer DEFAULT 0 NOT NULL,
	`assisted` integer DEFAULT 0 NOT NULL,
	`cancelled_by_person` integer DEFAULT 0 NOT NULL,
	`cancelled_by_hub` integer DEFAULT 0 NOT NULL,
	`attended` integer DEFAULT 0 NOT NULL,
	`no_show` integer DEFAULT 0 NOT NULL,
	`walk_ins` integer DEFAULT 0 NOT NULL,
	`waiting_joined` integer DEFAULT 0 NOT NULL,
	`waiting_promoted` integer DEFAULT 0 NOT NULL,
	`waiting_left` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `session`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Counts for the sessions that already exist, from their booking rows (once, here; from now on the
-- counts change with each booking). Rows do not say whether a cancelled entry had a place or was
-- waiting, so a cancelled row counts as a cancelled booking; promotions before now are not known.
INSERT INTO `session_count` (`session_id`, `booked`, `assisted`, `cancelled_by_person`, `cancelled_by_hub`, `attended`, `no_show`, `walk_ins`, `waiting_joined`, `waiting_promoted`, `waiting_left`)
SELECT s.`id`,
	coalesce(sum(CASE WHEN b.`status` IN ('confirmed', 'cancelled') THEN b.`places` END), 0),
	coalesce(sum(CASE WHEN b.`status` IN ('confirmed', 'cancelled') AND b.`assisted` = 1 THEN b.`places` END), 0),
	coalesce(sum(CASE WHEN b.`status` = 'cancelled' AND coalesce(b.`cancelled_by`, 'person') = 'person' THEN b.`places` END), 0),
	coalesce(sum(CASE WHEN b.`status` = 'cancelled' AND b.`cancelled_by` = 'hub' THEN b.`places` END), 0),
	coalesce(sum(CASE WHEN b.`status` = 'confirmed' AND b.`attendance` = 'attended' THEN b.`places` END), 0),
	coalesce(sum(CASE WHEN b.`status` = 'confirmed' AND b.`attendance` = 'no-show' THEN b.`places` END), 0),
	s.`walk_ins`,
	coalesce(sum(CASE WHEN b.`status` IN ('waiting', 'offered', 'expired') THEN b.`places` END), 0),
	0,
	coalesce(sum(CASE WHEN b.`status` = 'expired' THEN b.`places` END), 0)
FROM `session` s LEFT JOIN `booking` b ON b.`session_id` = s.`id`
GROUP BY s.`id`;
