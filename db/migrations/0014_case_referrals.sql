ALTER TABLE `agenda_items` ADD `referral_series_id` text REFERENCES meeting_series(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `referred_from_item_id` text REFERENCES agenda_items(id) ON DELETE set null;
