import { z } from 'zod';
import { officialHolidayNames, seriesColors } from './vocabulary';
import { dateField } from '../../shared/date-field';
import { plainTextFields } from '../../shared/plain-text';
import { clockTimeProblem } from '../../shared/clock-time';

/**
 * Zod schemas of the schedule domain's contract methods (joined into electron/app/contract.ts); the
 * rules of a meeting's fields are shared with the meetings domain's schemas.
 */

/** Every clock time in the schedule is a start time ("Begintijd"), 24-hour. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: clockTimeProblem('Begintijd') });
const schoolYear = z
  .string()
  .regex(/^(\d{4})-(\d{4})$/, { error: 'Kies een schooljaar.' })
  .refine((v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, { error: 'Kies een schooljaar.' });
export const name = (what: string, max = 100) =>
  z
    .string()
    .trim()
    .min(1, { error: `Vul ${what} in.` })
    .max(max, { error: `Maximaal ${max} tekens.` });

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const duration = z
  .number({ error: 'Duur: vul de duur in minuten in.' })
  .int({ error: 'Duur: vul hele minuten in.' })
  .min(15, { error: 'Duur: minstens 15 minuten.' })
  .max(480, { error: 'Duur: hooguit 480 minuten (8 uur).' });
/** A meeting ends on the day it starts. */
export const endsSameDay = (m: { startTime: string; durationMinutes: number }) => minutesOf(m.startTime) + m.durationMinutes <= 24 * 60;
export const endsSameDayError = { error: 'Het overleg moet op dezelfde dag eindigen.', path: ['durationMinutes'] };

export const attendees = z.object({ staffIds: z.array(z.string()).max(100), partnerIds: z.array(z.string()).max(100) });

export const seriesInput = z.object({
  name: name('de naam'),
  kind: name('de soort overleg', 40),
  /** Null: op afspraak. */
  intervalWeeks: z
    .number({ error: 'Elke … weken: vul een aantal weken in (1 tot 12).' })
    .int({ error: 'Elke … weken: vul een heel aantal weken in.' })
    .min(1, { error: 'Elke … weken: 1 tot 12 weken.' })
    .max(12, { error: 'Elke … weken: 1 tot 12 weken.' })
    .nullable(),
  weekday: z.number().int().min(1).max(5, { error: 'Kies een schooldag (maandag t/m vrijdag).' }).nullable(),
  startTime: clockTime,
  /** The first meeting (where the rhythm starts; Jaar plannen starts from it); null: not chosen, and none for "op afspraak". */
  firstDate: dateField('Eerste overleg').nullable().default(null),
  durationMinutes: duration,
  location: z.string().trim().max(100),
  chairId: z.string().nullable(),
  secretaryId: z.string().nullable(),
  withExternalPartners: z.boolean(),
  intakeDeadlineSchoolDays: z
    .number({ error: 'Aanmelden uiterlijk: vul een aantal schooldagen in (0 tot 30).' })
    .int({ error: 'Aanmelden uiterlijk: vul een heel aantal schooldagen in.' })
    .min(0, { error: 'Aanmelden uiterlijk: 0 tot 30 schooldagen.' })
    .max(30, { error: 'Aanmelden uiterlijk: hooguit 30 schooldagen.' }),
  moveRule: z.enum(['week-after', 'week-before']),
  continueFrom: z.enum(['grid', 'moved']),
  color: z.enum(seriesColors),
  active: z.boolean(),
  attendees,
});

const seriesRow = seriesInput.extend({ id: z.string(), meetingCount: z.number() });

const meetingRow = z.object({
  id: z.string(),
  seriesId: z.string().nullable(),
  title: z.string(),
  color: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  durationMinutes: z.number(),
  location: z.string(),
  note: z.string().nullable(),
  movedByHand: z.boolean(),
  intakeDeadline: z.string().nullable(),
  /** Why the deadline is not plain counting ("eerste schooldag na de zomervakantie"), or null. */
  intakeDeadlineNote: z.string().nullable(),
  chairId: z.string().nullable(),
  secretaryId: z.string().nullable(),
  attendees,
  /** The reason the meeting's date is now a day off (a study day added later), or null. */
  dayOff: z.string().nullable(),
  /**
   * The date the series' rhythm gave it and why it is not on that date ("herfstvakantie"; a move
   * by hand has no day off as its reason), or null when it is on its own date or was added by hand.
   */
  movedFrom: z.object({ date: z.string(), reason: z.string().nullable() }).nullable(),
});

const dayOff = z.object({
  start: z.string(),
  end: z.string(),
  kind: z.enum(['holiday', 'public-holiday', 'study-day', 'no-meetings']),
  name: z.string(),
  source: z.enum(['official', 'public', 'school']),
});

const overrideFields = z.object({
  kind: z.enum(['holiday', 'study-day', 'no-meetings', 'school-day']),
  name: name('een omschrijving'),
  start: dateField('Van'),
  end: dateField('Tot en met'),
  /** The official holiday this entry moves, e.g. "meivakantie". */
  replaces: z.enum(officialHolidayNames, { error: 'Kies een officiële vakantie.' }).nullable(),
});
const endNotBeforeStart = { error: 'De einddatum ligt vóór de begindatum.', path: ['end'] };
const onlyHolidaysReplace = { error: 'Alleen een vakantie kan een officiële vakantie vervangen.', path: ['replaces'] };

const change = z.object({
  meetingId: z.string().nullable(),
  plannedDate: z.string(),
  from: z.object({ date: z.string(), startTime: z.string() }).nullable(),
  to: z.object({ date: z.string(), startTime: z.string() }).nullable(),
  note: z.string().nullable(),
  /** Why an existing meeting stays as it is (moved by hand, has an agenda…). */
  keptBecause: z.string().nullable(),
});

const collision = z.object({ date: z.string(), a: z.string(), b: z.string(), sharedPeople: z.array(z.string()) });

const yearPlanInput = z.object({ seriesId: z.string(), schoolYear, firstDate: dateField('Eerste overleg') });

export const scheduleMethods = {
  'schedule.overview': {
    input: z.object({ schoolYear }),
    output: z.object({
      schoolYear: z.string(),
      start: z.string(),
      end: z.string(),
      region: z.enum(['noord', 'midden', 'zuid']),
      hasOfficialHolidays: z.boolean(),
      schoolYears: z.array(z.string()),
      daysOff: z.array(dayOff),
      overrides: z.array(overrideFields.extend({ id: z.string(), start: z.string(), end: z.string() })),
      series: z.array(z.object({ id: z.string(), name: z.string(), color: z.string(), kind: z.string(), active: z.boolean() })),
      meetings: z.array(meetingRow),
    }),
  },
  'series.list': { input: z.object({}), output: z.array(seriesRow) },
  'series.save': {
    input: plainTextFields(seriesInput.extend({ id: z.string().nullable() }), {
      name: 'de naam',
      kind: 'de soort overleg',
      location: 'de plaats',
    }).refine(endsSameDay, endsSameDayError),
    output: z.object({ id: z.string() }),
  },
  'schedule.previewYear': {
    input: yearPlanInput,
    output: z.object({
      add: z.array(change),
      move: z.array(change),
      remove: z.array(change),
      kept: z.array(change),
      unchanged: z.number(),
      dropped: z.array(z.object({ plannedDate: z.string(), note: z.string() })),
      collisions: z.array(collision),
    }),
  },
  'schedule.applyYear': {
    input: yearPlanInput,
    output: z.object({ added: z.number(), moved: z.number(), removed: z.number(), kept: z.number() }),
  },
  'calendar.saveOverride': {
    input: plainTextFields(overrideFields.extend({ id: z.string().nullable() }), { name: 'de omschrijving' })
      .refine((o) => o.start <= o.end, endNotBeforeStart)
      .refine((o) => o.replaces === null || o.kind === 'holiday', onlyHolidaysReplace),
    output: z.object({ id: z.string() }),
  },
  'calendar.removeOverride': { input: z.object({ id: z.string() }), output: z.null() },
  'schedule.exportIcs': {
    input: z.object({ schoolYear, seriesId: z.string().nullable() }),
    output: z.object({ fileName: z.string(), content: z.string() }),
  },
  'schedule.exportDocx': {
    input: z.object({ schoolYear }),
    output: z.object({ fileName: z.string(), contentBase64: z.string() }),
  },
} as const;
