import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { students } from './people';
import { leavingDestinations } from './vocabulary';

/** What an erasure takes: the file (identity and absence data stay) or everything. */
export const erasureSteps = ['dossier', 'alles'] as const;

/**
 * One row (id = 1): the school's own retention periods in years after leaving, and who set them
 * last. Without a row the defaults of domain.md apply (2, 5, 3).
 */
export const retentionSettings = sqliteTable('retention_settings', {
  id: integer('id').primaryKey(),
  studentFileYears: integer('student_file_years').notNull(),
  absenceYears: integer('absence_years').notNull(),
  specialEducationYears: integer('special_education_years').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * What retention knows of one student who left: where they went, a decision to keep the file for
 * now (with its reason and until when), and the day the file itself was erased while the absence
 * data stays. Goes with the student.
 */
export const retentionStudents = sqliteTable('retention_students', {
  studentId: text('student_id')
    .primaryKey()
    .references(() => students.id, { onDelete: 'cascade' }),
  destination: text('destination', { enum: leavingDestinations }),
  /** Kept: back on the worklist from this day on. */
  keptUntil: text('kept_until'),
  keepReason: text('keep_reason'),
  keptBy: text('kept_by'),
  keptAt: text('kept_at'),
  /** The file went on this day; only the identity and the absence data remain, until their own period passes. */
  fileErasedOn: text('file_erased_on'),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Absence (verzuim) data kept after the rest of the file went: the intake answers about verzuim,
 * as they were, with the day of the intake they came from.
 */
export const retainedAbsence = sqliteTable(
  'retained_absence',
  {
    id: text('id').primaryKey(),
    studentId: text('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    referredOn: text('referred_on').notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('retained_absence_student').on(t.studentId)],
);

/** Each monthly review of the worklist: when, by whom, and what it decided. */
export const retentionReviews = sqliteTable('retention_reviews', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  reviewedOn: text('reviewed_on').notNull(),
  reviewedBy: text('reviewed_by').notNull(),
  reviewedAt: text('reviewed_at').notNull(),
});

/**
 * Every erasure, without a name or even the student's id: `tag` is a keyed hash of the id (the key
 * in vault_meta, `erasure_ledger_key`), enough to find the student again in a restored backup and
 * erase them again there (retention/ledger.ts). Never deleted: a backup can be up to a year old.
 */
export const erasureLedger = sqliteTable(
  'erasure_ledger',
  {
    tag: text('tag').notNull(),
    step: text('step', { enum: erasureSteps }).notNull(),
    erasedOn: text('erased_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tag, t.step] })],
);
