CREATE TABLE `retired_data_keys` (
	`key_id` text PRIMARY KEY NOT NULL,
	`data_key` blob NOT NULL,
	`retired_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `app_users` ADD `removed_at` text;--> statement-breakpoint
DROP INDEX `app_users_staff_code_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `app_users_staff_code_active` ON `app_users` (`staff_code`) WHERE "app_users"."removed_at" is null;
