CREATE TABLE `calendar_overrides` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`replaces` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `cancelled_meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`series_id` text,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`sequence` integer NOT NULL,
	`cancelled_at` text NOT NULL,
	FOREIGN KEY (`series_id`) REFERENCES `meeting_series`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `cancelled_meetings_date` ON `cancelled_meetings` (`date`);--> statement-breakpoint
CREATE TABLE `meeting_attendees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` text NOT NULL,
	`staff_id` text,
	`partner_id` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "meeting_attendee_one_person" CHECK(("meeting_attendees"."staff_id" IS NULL) <> ("meeting_attendees"."partner_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `meeting_attendees_meeting` ON `meeting_attendees` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting_series` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`interval_weeks` integer,
	`weekday` integer,
	`start_time` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`chair_id` text,
	`secretary_id` text,
	`with_external_partners` integer NOT NULL,
	`intake_deadline_school_days` integer NOT NULL,
	`move_rule` text NOT NULL,
	`continue_from` text NOT NULL,
	`color` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`chair_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`secretary_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`series_id` text,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`chair_id` text,
	`secretary_id` text,
	`planned_date` text,
	`note` text,
	`moved_by_hand` integer DEFAULT false NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`series_id`) REFERENCES `meeting_series`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`chair_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`secretary_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `meetings_date` ON `meetings` (`date`);--> statement-breakpoint
CREATE INDEX `meetings_series` ON `meetings` (`series_id`,`planned_date`);--> statement-breakpoint
CREATE TABLE `series_attendees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`series_id` text NOT NULL,
	`staff_id` text,
	`partner_id` text,
	FOREIGN KEY (`series_id`) REFERENCES `meeting_series`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "series_attendee_one_person" CHECK(("series_attendees"."staff_id" IS NULL) <> ("series_attendees"."partner_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `series_attendees_series` ON `series_attendees` (`series_id`);