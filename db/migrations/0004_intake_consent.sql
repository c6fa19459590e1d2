CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`student_id` text NOT NULL,
	`signer_kind` text NOT NULL,
	`guardian_id` text,
	`signer_name` text NOT NULL,
	`decision` text NOT NULL,
	`purposes` text NOT NULL,
	`partner_ids` text NOT NULL,
	`method` text NOT NULL,
	`information_given` text DEFAULT '' NOT NULL,
	`given_on` text NOT NULL,
	`valid_until` text,
	`until_case_closed` integer DEFAULT false NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	`withdrawn_on` text,
	`withdrawn_by` text,
	`withdrawal_note` text,
	`withdrawal_recorded_by` text,
	`withdrawal_recorded_at` text,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`guardian_id`) REFERENCES `guardians`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `consents_student` ON `consents` (`student_id`);--> statement-breakpoint
CREATE TABLE `meldcode_tracks` (
	`id` text PRIMARY KEY NOT NULL,
	`student_id` text NOT NULL,
	`opened_on` text NOT NULL,
	`steps` text NOT NULL,
	`outcome` text,
	`parents_informed` integer DEFAULT false NOT NULL,
	`parents_informed_note` text DEFAULT '' NOT NULL,
	`closed_on` text,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meldcode_student` ON `meldcode_tracks` (`student_id`);--> statement-breakpoint
CREATE TABLE `intake_form_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`questions` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `intakes` (
	`id` text PRIMARY KEY NOT NULL,
	`student_id` text,
	`anonymous_label` text,
	`referrer_id` text,
	`referred_on` text NOT NULL,
	`series_id` text,
	`meeting_id` text,
	`status` text NOT NULL,
	`form_version_id` integer NOT NULL,
	`answers` text NOT NULL,
	`return_reason` text,
	`gate_routes` text NOT NULL,
	`submitted_at` text,
	`decided_at` text,
	`decided_by` text,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`referrer_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`series_id`) REFERENCES `meeting_series`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`form_version_id`) REFERENCES `intake_form_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `intakes_student` ON `intakes` (`student_id`);--> statement-breakpoint
CREATE INDEX `intakes_meeting` ON `intakes` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `intakes_status` ON `intakes` (`status`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`intake_id` text,
	`consent_id` text,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`content` blob NOT NULL,
	`added_by` text NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`intake_id`) REFERENCES `intakes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "attachment_one_owner" CHECK(("attachments"."intake_id" IS NULL) <> ("attachments"."consent_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `attachments_intake` ON `attachments` (`intake_id`);--> statement-breakpoint
CREATE INDEX `attachments_consent` ON `attachments` (`consent_id`);--> statement-breakpoint
ALTER TABLE `app_users` ADD `roles` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- Before roles existed everyone who could unlock could do everything: they stay coordinators.
UPDATE `app_users` SET `roles` = '["coordinator"]';--> statement-breakpoint
ALTER TABLE `school_settings` ADD `meldcode_coordinator_access` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `guardians` ADD `authority_since` text;