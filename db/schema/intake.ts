import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { meetings, meetingSeries } from './schedule';
import { staff, students } from './people';

/** Each saved version of the school's aanmeldformulier; an intake keeps the version it was filled in with. */
export const intakeFormVersions = sqliteTable('intake_form_versions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The questions in order: built-in ones (shown, hidden, required) and the school's own. */
  questions: text('questions', { mode: 'json' }).$type<unknown[]>().notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
});

/** An aanmeldformulier: a case brought to a meeting, named or (rarely) anonymous. */
export const intakes = sqliteTable(
  'intakes',
  {
    id: text('id').primaryKey(),
    /** Null for an anonymous case, linked later once consent exists. */
    studentId: text('student_id').references(() => students.id, { onDelete: 'cascade' }),
    /** For an anonymous case: "leerling uit leerjaar 2". */
    anonymousLabel: text('anonymous_label'),
    referrerId: text('referrer_id').references(() => staff.id, { onDelete: 'set null' }),
    referredOn: text('referred_on').notNull(),
    seriesId: text('series_id').references(() => meetingSeries.id, { onDelete: 'set null' }),
    meetingId: text('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    status: text('status', {
      enum: ['concept', 'ingediend', 'geaccepteerd', 'teruggestuurd', 'besproken', 'afgesloten'],
    }).notNull(),
    formVersionId: integer('form_version_id')
      .notNull()
      .references(() => intakeFormVersions.id),
    /** The answers by question key. */
    answers: text('answers', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** Why the coordinator sent it back: what the aanmelder should add. */
    returnReason: text('return_reason'),
    /**
     * Per external partner without consent, how the case may still be discussed:
     * { [partnerId]: { route: 'anoniem' | 'meldcode' | 'partner-verlaat', meldcodeTrackId? } }.
     */
    gateRoutes: text('gate_routes', { mode: 'json' }).$type<Record<string, { route: string; meldcodeTrackId: string | null }>>().notNull(),
    submittedAt: text('submitted_at'),
    decidedAt: text('decided_at'),
    decidedBy: text('decided_by'),
    /** Who brought the intake to its current status, and when: the timeline names them. */
    statusChangedBy: text('status_changed_by'),
    statusChangedAt: text('status_changed_at'),
    /** Bumped by every save: two editors of one draft never overwrite each other silently. */
    revision: integer('revision').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('intakes_student').on(t.studentId), index('intakes_meeting').on(t.meetingId), index('intakes_status').on(t.status)],
);
