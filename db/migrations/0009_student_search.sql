-- Search among students with SQLite's FTS5 instead of LIKE over every row, and a Dutch name order.
-- 1. The search text gets its new folding and layout (family⇥given⇥infix⇥full name, number, class:
--    also the sort key), through the app's own rule, registered on every vault connection (db/open.ts).
UPDATE `students` SET `search_text` = student_search_text(`given_name`, `infix`, `family_name`, `student_number`, `class_name`);--> statement-breakpoint
-- 2. Lists in name order read these indexes instead of sorting every student.
CREATE INDEX `students_search_text` ON `students` (`search_text`);--> statement-breakpoint
CREATE INDEX `students_status_search_text` ON `students` (`status`, `search_text`);--> statement-breakpoint
-- 3. An external-content index over search_text, keyed by the students' rowid. VACUUM (INTO) keeps
--    the rowids of a table that has indexes, as students has (tests/api/people-search.test.ts checks).
--    The text is folded before it is stored, so the tokenizer only splits; prefixes of one and two
--    characters get their own index entries, so a one-letter query is not a scan of every term.
CREATE VIRTUAL TABLE `students_fts` USING fts5(`search_text`, content='students', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0', prefix='1 2');--> statement-breakpoint
CREATE TRIGGER `students_fts_insert` AFTER INSERT ON `students` BEGIN
  INSERT INTO `students_fts` (rowid, `search_text`) VALUES (new.rowid, new.`search_text`);
END;--> statement-breakpoint
CREATE TRIGGER `students_fts_delete` AFTER DELETE ON `students` BEGIN
  INSERT INTO `students_fts` (`students_fts`, rowid, `search_text`) VALUES ('delete', old.rowid, old.`search_text`);
END;--> statement-breakpoint
-- An import rewrites every student it touches; the index only changes when the text does.
CREATE TRIGGER `students_fts_update` AFTER UPDATE OF `search_text` ON `students` WHEN old.`search_text` IS NOT new.`search_text` BEGIN
  INSERT INTO `students_fts` (`students_fts`, rowid, `search_text`) VALUES ('delete', old.rowid, old.`search_text`);
  INSERT INTO `students_fts` (rowid, `search_text`) VALUES (new.rowid, new.`search_text`);
END;--> statement-breakpoint
INSERT INTO `students_fts` (`students_fts`) VALUES ('rebuild');
