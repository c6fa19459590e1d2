CREATE TABLE `agenda_items` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`student_id` text,
	`case_label` text,
	`intake_id` text,
	`origin` text,
	`presenter_id` text,
	`duration_minutes` integer NOT NULL,
	`confidential` integer DEFAULT false NOT NULL,
	`guests` text DEFAULT '[]' NOT NULL,
	`decision` text,
	`decided` integer DEFAULT false NOT NULL,
	`change` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`intake_id`) REFERENCES `intakes`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`presenter_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `agenda_items_student` ON `agenda_items` (`student_id`);--> statement-breakpoint
CREATE TABLE `meeting_presence` (
	`meeting_id` text NOT NULL,
	`person` text NOT NULL,
	`presence` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `person`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `minute_fields` (
	`item_id` text NOT NULL,
	`field` text NOT NULL,
	`text` text NOT NULL,
	`audience` text NOT NULL,
	`revision` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`item_id`, `field`),
	FOREIGN KEY (`item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `minutes_addenda` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`item_id` text,
	`text` text NOT NULL,
	`audience` text NOT NULL,
	`author_id` text NOT NULL,
	`author_name` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `minutes_addenda_meeting` ON `minutes_addenda` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`item_id` text,
	`student_id` text,
	`number` text NOT NULL,
	`what` text NOT NULL,
	`holder_kind` text,
	`holder_staff_id` text,
	`holder_partner_id` text,
	`due_date` text,
	`due_next_meeting` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`status_note` text,
	`closed_by` text,
	`closed_at` text,
	`audience` text DEFAULT 'intern' NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`holder_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`holder_partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "action_due_once" CHECK(NOT ("actions"."due_date" IS NOT NULL AND "actions"."due_next_meeting"))
);
--> statement-breakpoint
CREATE INDEX `actions_status` ON `actions` (`status`);--> statement-breakpoint
CREATE INDEX `actions_student` ON `actions` (`student_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `actions_meeting_number` ON `actions` (`meeting_id`,`number`);--> statement-breakpoint
CREATE INDEX `actions_holder` ON `actions` (`holder_staff_id`);--> statement-breakpoint
CREATE INDEX `actions_item` ON `actions` (`item_id`);--> statement-breakpoint
ALTER TABLE `meeting_series` ADD `case_minutes` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE `meeting_series` ADD `agenda_template` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `progress` text DEFAULT 'gepland' NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `agenda_sent_at` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `minutes_fixed_at` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `minutes_fixed_by` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `minutes_fixed_in` text;--> statement-breakpoint
CREATE INDEX `meetings_series_date` ON `meetings` (`series_id`,`date`,`start_time`);