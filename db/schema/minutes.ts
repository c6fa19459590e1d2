import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { agendaChanges, agendaItemKinds, audiences, caseOrigins, decisionTypes, presences } from './vocabulary';
import { meetings, meetingSeries } from './schedule';
import { staff, students } from './people';
import { intakes } from './intake';

/** Who was at a meeting. Kept apart from the invitation list, which the schedule rewrites. */
export const meetingPresence = sqliteTable(
  'meeting_presence',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** "staff:<id>" or "partner:<id>". */
    person: text('person').notNull(),
    presence: text('presence', { enum: presences }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.person] })],
);

export interface AgendaGuest {
  kind: 'ouders' | 'leerling' | 'partner' | 'anders';
  name: string;
}

/** One line of a meeting's agenda: a standard item or a case (one student). */
export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: agendaItemKinds }).notNull(),
    title: text('title').notNull(),
    studentId: text('student_id').references(() => students.id, { onDelete: 'set null' }),
    /** An anonymous case: "leerling uit leerjaar 2". */
    caseLabel: text('case_label'),
    intakeId: text('intake_id').references(() => intakes.id, { onDelete: 'set null' }),
    origin: text('origin', { enum: caseOrigins }),
    /** The inbrenger: who brings the case in. */
    presenterId: text('presenter_id').references(() => staff.id, { onDelete: 'set null' }),
    durationMinutes: integer('duration_minutes').notNull(),
    confidential: integer('confidential', { mode: 'boolean' }).notNull().default(false),
    /** Guests for this item only: the parents, the student, a partner for their case. */
    guests: text('guests', { mode: 'json' })
      .$type<AgendaGuest[]>()
      .notNull()
      .default(sql`'[]'`),
    decision: text('decision', { enum: decisionTypes }),
    decided: integer('decided', { mode: 'boolean' }).notNull().default(false),
    /** The series a "doorverwijzen" decision sends the student to (the FlexZAT, the ZAT, an MDO). */
    referralSeriesId: text('referral_series_id').references(() => meetingSeries.id, { onDelete: 'set null' }),
    /** A case taken in on a referral: the item that referred it, its question and history. */
    referredFromItemId: text('referred_from_item_id').references((): AnySQLiteColumn => agendaItems.id, {
      onDelete: 'set null',
    }),
    /** How the item changed after the agenda was sent; a removed item stays, struck through. */
    change: text('change', { enum: agendaChanges }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('agenda_items_meeting').on(t.meetingId, t.position), index('agenda_items_student').on(t.studentId)],
);

/**
 * One paragraph of the minutes of an item ("vraag", "bespreking", "besluit", "info:staff:<id>").
 * Each has its own revision, so two people typing in different fields never conflict and two in
 * the same field are told instead of overwriting each other.
 */
export const minuteFields = sqliteTable(
  'minute_fields',
  {
    itemId: text('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    field: text('field').notNull(),
    text: text('text').notNull(),
    audience: text('audience', { enum: audiences }).notNull(),
    revision: integer('revision').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.field] })],
);

/** A correction to minutes already vastgesteld: added, never overwriting. */
export const minutesAddenda = sqliteTable(
  'minutes_addenda',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    itemId: text('item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    audience: text('audience', { enum: audiences }).notNull(),
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('minutes_addenda_meeting').on(t.meetingId)],
);
