import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { consentWays, meldcodeOutcomes } from './vocabulary';
import { guardians, students } from './people';

/**
 * One word of consent (or refusal) from one signer — a guardian or the student — for some
 * purposes and named partners. Withdrawal fills the withdrawal columns; nothing is deleted, so
 * the history stays provable.
 */
export const consents = sqliteTable(
  'consents',
  {
    id: text('id').primaryKey(),
    studentId: text('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    signerKind: text('signer_kind', { enum: ['guardian', 'student'] }).notNull(),
    guardianId: text('guardian_id').references(() => guardians.id, { onDelete: 'set null' }),
    /** The signer's name as it was, so the record stays readable if a guardian is removed. */
    signerName: text('signer_name').notNull(),
    decision: text('decision', { enum: ['given', 'refused'] }).notNull(),
    purposes: text('purposes', { mode: 'json' }).$type<string[]>().notNull(),
    partnerIds: text('partner_ids', { mode: 'json' }).$type<string[]>().notNull(),
    method: text('method', { enum: consentWays }).notNull(),
    /** What the signer was told: provable, informed consent. */
    informationGiven: text('information_given').notNull().default(''),
    givenOn: text('given_on').notNull(),
    validUntil: text('valid_until'),
    /** Valid until the student's case is closed: closing it fills in validUntil. */
    untilCaseClosed: integer('until_case_closed', { mode: 'boolean' }).notNull().default(false),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
    withdrawnOn: text('withdrawn_on'),
    /** Who said so, in words: "moeder, telefonisch". */
    withdrawnBy: text('withdrawn_by'),
    withdrawalNote: text('withdrawal_note'),
    withdrawalRecordedBy: text('withdrawal_recorded_by'),
    withdrawalRecordedAt: text('withdrawal_recorded_at'),
  },
  (t) => [index('consents_student').on(t.studentId)],
);

/**
 * The Meldcode huiselijk geweld en kindermishandeling: a restricted track per student, seen only
 * by the aandachtsfunctionaris (and the coordinator when the school allows it).
 */
export const meldcodeTracks = sqliteTable(
  'meldcode_tracks',
  {
    id: text('id').primaryKey(),
    studentId: text('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    openedOn: text('opened_on').notNull(),
    /** The five steps, each { date, notes }, keyed signalen/consultatie/gesprek/wegen/beslissen. */
    steps: text('steps', { mode: 'json' }).$type<Record<string, { date: string | null; notes: string }>>().notNull(),
    outcome: text('outcome', { enum: meldcodeOutcomes }),
    parentsInformed: integer('parents_informed', { mode: 'boolean' }).notNull().default(false),
    parentsInformedNote: text('parents_informed_note').notNull().default(''),
    closedOn: text('closed_on'),
    createdBy: text('created_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('meldcode_student').on(t.studentId)],
);
