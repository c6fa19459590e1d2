import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { meetingProgress, officialHolidayNames, seriesColors } from './vocabulary';
import { partners, staff } from './people';

/** A kind of meeting with its rhythm: IOT every 5 weeks on Tuesday 14:00, FlexZAT by appointment. */
export const meetingSeries = sqliteTable('meeting_series', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** IOT, ZAT, FlexZAT, OT, MDO, LCO or the school's own word. */
  kind: text('kind').notNull(),
  /** Null: "op afspraak" (ad hoc); otherwise every N weeks. */
  intervalWeeks: integer('interval_weeks'),
  /** ISO weekday 1 (Monday) to 5 (Friday) of the rhythm. */
  weekday: integer('weekday'),
  startTime: text('start_time').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  location: text('location').notNull().default(''),
  chairId: text('chair_id').references(() => staff.id, { onDelete: 'set null' }),
  secretaryId: text('secretary_id').references(() => staff.id, { onDelete: 'set null' }),
  /** External partners take part: a student can only be discussed with parental consent. */
  withExternalPartners: integer('with_external_partners', { mode: 'boolean' }).notNull(),
  /** Intakes are due this many school days before the meeting. */
  intakeDeadlineSchoolDays: integer('intake_deadline_school_days').notNull(),
  moveRule: text('move_rule', { enum: ['week-after', 'week-before'] }).notNull(),
  continueFrom: text('continue_from', { enum: ['grid', 'moved'] }).notNull(),
  /** Mantine colour name used for this series in the year view. */
  color: text('color', { enum: seriesColors }).notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** The date of the series' first meeting (yyyy-MM-dd): where its rhythm starts; Jaar plannen starts from it. Null: not chosen. */
  firstDate: text('first_date'),
  /** Default time slot of a case on the agenda. */
  caseMinutes: integer('case_minutes').notNull().default(10),
  /** The standard agenda items ([{ kind, title, minutes }]); null: the product's standard template. */
  agendaTemplate: text('agenda_template', { mode: 'json' }).$type<{ kind: string; title: string; minutes: number }[]>(),
  updatedAt: text('updated_at').notNull(),
});

/** Default attendees of a series: staff members or external partners (exactly one of the two). */
export const seriesAttendees = sqliteTable(
  'series_attendees',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    seriesId: text('series_id')
      .notNull()
      .references(() => meetingSeries.id, { onDelete: 'cascade' }),
    staffId: text('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id').references(() => partners.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('series_attendees_series').on(t.seriesId),
    check('series_attendee_one_person', sql`(${t.staffId} IS NULL) <> (${t.partnerId} IS NULL)`),
  ],
);

/** One meeting: from a series (keeping the grid date it came from) or ad hoc. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    seriesId: text('series_id').references(() => meetingSeries.id, { onDelete: 'set null' }),
    /** Shown name; for series meetings the series name at the time of planning. */
    title: text('title').notNull(),
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    location: text('location').notNull().default(''),
    chairId: text('chair_id').references(() => staff.id, { onDelete: 'set null' }),
    secretaryId: text('secretary_id').references(() => staff.id, { onDelete: 'set null' }),
    /** The date the series' rhythm gave; regeneration matches on it. Null for ad hoc meetings. */
    plannedDate: text('planned_date'),
    /** "verschoven: herfstvakantie", or the coordinator's own reason for a move by hand. */
    note: text('note'),
    /** Moved or edited by hand: regeneration leaves it alone unless the user says otherwise. */
    movedByHand: integer('moved_by_hand', { mode: 'boolean' }).notNull().default(false),
    /** Counts changes, so calendar programs update an imported event instead of adding one. */
    sequence: integer('sequence').notNull().default(0),
    progress: text('progress', { enum: meetingProgress }).notNull().default('gepland'),
    agendaSentAt: text('agenda_sent_at'),
    /** Minutes vastgesteld: from then on read-only; corrections are addenda. */
    minutesFixedAt: text('minutes_fixed_at'),
    minutesFixedBy: text('minutes_fixed_by'),
    /** The meeting at whose "notulen" item they were fixed (null: fixed on their own page). */
    minutesFixedIn: text('minutes_fixed_in'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('meetings_date').on(t.date),
    index('meetings_series').on(t.seriesId, t.plannedDate),
    // A series' meetings in order: the previous and next meeting, "tot het volgende overleg".
    index('meetings_series_date').on(t.seriesId, t.date, t.startTime),
  ],
);

export const meetingAttendees = sqliteTable(
  'meeting_attendees',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    staffId: text('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id').references(() => partners.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('meeting_attendees_meeting').on(t.meetingId),
    check('meeting_attendee_one_person', sql`(${t.staffId} IS NULL) <> (${t.partnerId} IS NULL)`),
  ],
);

/** The school's own calendar entries: moved holidays, study days, days without meetings, public holidays it works on. */
export const calendarOverrides = sqliteTable('calendar_overrides', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['holiday', 'study-day', 'no-meetings', 'school-day'] }).notNull(),
  name: text('name').notNull(),
  startDate: text('start_date').notNull(),
  endDate: text('end_date').notNull(),
  /** The official holiday this entry moves (same school year), e.g. "meivakantie". */
  replaces: text('replaces', { enum: officialHolidayNames }),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Meetings that were planned and then removed. Calendar exports list them as cancelled, so an
 * event a team member imported earlier disappears from their calendar instead of lingering.
 */
export const cancelledMeetings = sqliteTable(
  'cancelled_meetings',
  {
    id: text('id').primaryKey(),
    seriesId: text('series_id').references(() => meetingSeries.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    date: text('date').notNull(),
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** The last sequence the event had; the cancellation goes out with one more. */
    sequence: integer('sequence').notNull(),
    cancelledAt: text('cancelled_at').notNull(),
  },
  (t) => [index('cancelled_meetings_date').on(t.date)],
);
