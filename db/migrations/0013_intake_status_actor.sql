ALTER TABLE `intakes` ADD `status_changed_by` text;--> statement-breakpoint
ALTER TABLE `intakes` ADD `status_changed_at` text;