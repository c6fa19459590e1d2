CREATE TABLE `audit_students` (
	`audit_id` integer NOT NULL,
	`student_id` text NOT NULL,
	PRIMARY KEY(`audit_id`, `student_id`),
	FOREIGN KEY (`audit_id`) REFERENCES `audit_log`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `audit_students_student` ON `audit_students` (`student_id`);--> statement-breakpoint
CREATE TABLE `letter_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`shipped_key` text,
	`name` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `letter_templates_shipped_key_unique` ON `letter_templates` (`shipped_key`);--> statement-breakpoint
CREATE TABLE `letters_sent` (
	`id` text PRIMARY KEY NOT NULL,
	`student_id` text NOT NULL,
	`meeting_id` text,
	`template_name` text NOT NULL,
	`subject` text NOT NULL,
	`recipients` text NOT NULL,
	`sent_at` text NOT NULL,
	`sent_by` text NOT NULL,
	`letter_count` integer NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `letters_sent_student` ON `letters_sent` (`student_id`);--> statement-breakpoint
ALTER TABLE `school_settings` ADD `logo` blob;--> statement-breakpoint
ALTER TABLE `school_settings` ADD `logo_type` text;--> statement-breakpoint
ALTER TABLE `school_settings` ADD `logo_width` integer;--> statement-breakpoint
ALTER TABLE `school_settings` ADD `logo_height` integer;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `detail` text;