import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { actionHolderKinds, actionStatuses, audiences } from './vocabulary';
import { meetings } from './schedule';
import { partners, staff, students } from './people';
import { agendaItems } from './minutes';

/** An agreement from the minutes: what, who, by when. It keeps its number until it is closed. */
export const actions = sqliteTable(
  'actions',
  {
    id: text('id').primaryKey(),
    /** The meeting it was agreed in. */
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    itemId: text('item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    studentId: text('student_id').references(() => students.id, { onDelete: 'set null' }),
    /** "3.2": the item's number on that agenda and the action's number within it, fixed when made. */
    number: text('number').notNull(),
    what: text('what').notNull(),
    holderKind: text('holder_kind', { enum: actionHolderKinds }),
    holderStaffId: text('holder_staff_id').references(() => staff.id, { onDelete: 'set null' }),
    holderPartnerId: text('holder_partner_id').references(() => partners.id, { onDelete: 'set null' }),
    /** A date, or null with `dueNextMeeting`: due at the series' next meeting. */
    dueDate: text('due_date'),
    dueNextMeeting: integer('due_next_meeting', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: actionStatuses }).notNull(),
    statusNote: text('status_note'),
    closedBy: text('closed_by'),
    closedAt: text('closed_at'),
    audience: text('audience', { enum: audiences }).notNull().default('intern'),
    /** Bumped by every save: two people editing one action never overwrite each other silently. */
    revision: integer('revision').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('actions_status').on(t.status),
    index('actions_student').on(t.studentId),
    // An action keeps its number: it is unique within the meeting it was agreed in.
    uniqueIndex('actions_meeting_number').on(t.meetingId, t.number),
    index('actions_holder').on(t.holderStaffId),
    index('actions_item').on(t.itemId),
    check('action_due_once', sql`NOT (${t.dueDate} IS NOT NULL AND ${t.dueNextMeeting})`),
  ],
);
