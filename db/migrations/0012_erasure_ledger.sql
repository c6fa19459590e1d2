CREATE TABLE `erasure_ledger` (
	`tag` text NOT NULL,
	`step` text NOT NULL,
	`erased_on` text NOT NULL,
	PRIMARY KEY(`tag`, `step`)
);
