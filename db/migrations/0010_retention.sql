CREATE TABLE `retained_absence` (
	`id` text PRIMARY KEY NOT NULL,
	`student_id` text NOT NULL,
	`referred_on` text NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `retained_absence_student` ON `retained_absence` (`student_id`);--> statement-breakpoint
CREATE TABLE `retention_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reviewed_on` text NOT NULL,
	`reviewed_by` text NOT NULL,
	`reviewed_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `retention_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`student_file_years` integer NOT NULL,
	`absence_years` integer NOT NULL,
	`special_education_years` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `retention_students` (
	`student_id` text PRIMARY KEY NOT NULL,
	`destination` text,
	`kept_until` text,
	`keep_reason` text,
	`kept_by` text,
	`kept_at` text,
	`file_erased_on` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade
);
