CREATE TABLE `guardians` (
	`id` text PRIMARY KEY NOT NULL,
	`student_id` text NOT NULL,
	`given_name` text DEFAULT '' NOT NULL,
	`infix` text DEFAULT '' NOT NULL,
	`family_name` text NOT NULL,
	`relation` text DEFAULT 'ouder' NOT NULL,
	`parental_authority` integer DEFAULT true NOT NULL,
	`street` text DEFAULT '' NOT NULL,
	`house_number` text DEFAULT '' NOT NULL,
	`postal_code` text DEFAULT '' NOT NULL,
	`city` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`salutation` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `guardians_student` ON `guardians` (`student_id`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`header_signature` text PRIMARY KEY NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `partners` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation` text NOT NULL,
	`kind` text NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`functions` text NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_code_unique` ON `staff` (`code`);--> statement-breakpoint
CREATE TABLE `students` (
	`id` text PRIMARY KEY NOT NULL,
	`student_number` text NOT NULL,
	`given_name` text NOT NULL,
	`infix` text DEFAULT '' NOT NULL,
	`family_name` text NOT NULL,
	`birth_date` text,
	`class_name` text DEFAULT '' NOT NULL,
	`year_level` integer,
	`level` text DEFAULT '' NOT NULL,
	`mentor_id` text,
	`status` text DEFAULT 'active' NOT NULL,
	`left_on` text,
	`search_text` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`mentor_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `students_student_number_unique` ON `students` (`student_number`);--> statement-breakpoint
CREATE INDEX `students_class` ON `students` (`class_name`);--> statement-breakpoint
CREATE INDEX `students_year` ON `students` (`year_level`);--> statement-breakpoint
ALTER TABLE `app_users` ADD `staff_id` text REFERENCES staff(id);--> statement-breakpoint
-- Every existing app user becomes a staff member with the same code, and is linked to it.
INSERT INTO `staff` (`id`, `name`, `code`, `functions`, `email`, `active`, `updated_at`)
  SELECT `id`, `name`, `staff_code`, '[]', '', 1, `created_at` FROM `app_users`
  WHERE `staff_code` NOT IN (SELECT `code` FROM `staff`);--> statement-breakpoint
UPDATE `app_users` SET `staff_id` = (SELECT `id` FROM `staff` WHERE `staff`.`code` = `app_users`.`staff_code`);
