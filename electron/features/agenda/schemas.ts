import { z } from 'zod';
import { seriesColors } from '../../../db/schema/vocabulary';
import { plainLine, plainTextFields } from '../../shared/plain-text';
import { agendaChanges, agendaItemKinds, caseOrigins, guestKinds, meetingProgress, meetingStates, presences } from './vocabulary';

/** Zod schemas of the agenda domain's contract methods (joined into electron/app/contract.ts). */

const person = z.object({ id: z.string(), name: z.string(), code: z.string() });

const meetingSummary = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  startTime: z.string(),
  location: z.string(),
  seriesId: z.string().nullable(),
  color: z.enum(seriesColors).nullable(),
  state: z.enum(meetingStates),
  items: z.number(),
  cases: z.number(),
});

const guest = z.object({
  kind: z.enum(guestKinds),
  name: z
    .string()
    .trim()
    .min(1, { error: 'Vul de naam van de gast in.' })
    .max(100, { error: 'De naam van de gast is te lang (maximaal 100 tekens).' }),
});

/** A guest as typed (the view above also shows guests stored before names were checked). */
const guestInput = plainTextFields(guest, { name: 'de naam van de gast' });

export const agendaItemView = z.object({
  id: z.string(),
  /** The number on the agenda; null for an item that lapsed after sending. */
  number: z.number().nullable(),
  start: z.string().nullable(),
  kind: z.enum(agendaItemKinds),
  title: z.string(),
  studentId: z.string().nullable(),
  /** The student's full name, or the anonymous label. */
  caseName: z.string().nullable(),
  className: z.string().nullable(),
  intakeId: z.string().nullable(),
  origin: z.enum(caseOrigins).nullable(),
  /** A case taken in on a referral: the case and meeting that sent it (its history). */
  referredFrom: z.object({ itemId: z.string(), meetingId: z.string(), meetingTitle: z.string(), meetingDate: z.string() }).nullable(),
  presenter: person.nullable(),
  durationMinutes: z.number(),
  confidential: z.boolean(),
  guests: z.array(guest),
  /** The student's parents (guardians) and the student, with their presence at this item. */
  family: z.array(
    z.object({
      person: z.string(),
      kind: z.enum(['guardian', 'student']),
      studentId: z.string(),
      name: z.string(),
      relation: z.string(),
      presence: z.enum(presences).nullable(),
    }),
  ),
  change: z.enum(agendaChanges).nullable(),
  /** The consent gate for a case at this meeting: stays visible on the item. */
  consent: z.object({ state: z.string(), label: z.string(), blocking: z.boolean() }).nullable(),
});

export const agendaViewSchema = z.object({
  meeting: z.object({
    id: z.string(),
    title: z.string(),
    date: z.string(),
    startTime: z.string(),
    durationMinutes: z.number(),
    location: z.string(),
    seriesId: z.string().nullable(),
    seriesName: z.string().nullable(),
    color: z.enum(seriesColors).nullable(),
    chair: person.nullable(),
    secretary: person.nullable(),
    progress: z.enum(meetingProgress),
    state: z.enum(meetingStates),
    agendaSentAt: z.string().nullable(),
    minutesFixedAt: z.string().nullable(),
    caseMinutes: z.number(),
  }),
  attendees: z.array(
    z.object({
      person: z.string(),
      kind: z.enum(['staff', 'partner']),
      name: z.string(),
      code: z.string().nullable(),
      presence: z.enum(presences).nullable(),
    }),
  ),
  items: z.array(agendaItemView),
  /** Minutes the agenda takes, against the meeting's length. */
  agendaMinutes: z.number(),
  previous: z
    .object({
      id: z.string(),
      title: z.string(),
      date: z.string(),
      minutesFixedAt: z.string().nullable(),
      progress: z.enum(meetingProgress),
    })
    .nullable(),
  next: z.object({ id: z.string(), title: z.string(), date: z.string() }).nullable(),
  canEditAgenda: z.boolean(),
});

const itemFields = z.object({
  title: z
    .string()
    .trim()
    .min(1, { error: 'Vul de titel van het agendapunt in.' })
    .max(200, { error: 'De titel van het agendapunt is te lang (maximaal 200 tekens).' }),
  presenterId: z.string().nullable(),
  durationMinutes: z
    .number({ error: 'Vul de tijd voor dit punt in minuten in.' })
    .int({ error: 'Vul de tijd voor dit punt in hele minuten in.' })
    .min(1, { error: 'Een agendapunt duurt minstens 1 minuut.' })
    .max(240, { error: 'Een agendapunt duurt hoogstens 240 minuten.' }),
  confidential: z.boolean(),
  guests: z.array(guestInput).max(20),
});
const itemTitle = 'de titel van het agendapunt';

const templateItem = z.object({
  kind: z.enum(agendaItemKinds).exclude(['casus']),
  title: itemFields.shape.title,
  minutes: itemFields.shape.durationMinutes,
});

const templateItems = (item: typeof templateItem) => z.array(item).max(20, { error: 'Hoogstens 20 vaste punten.' }).nullable();

const templateFields = z.object({
  caseMinutes: z
    .number({ error: 'Vul de tijd per leerling in minuten in.' })
    .int({ error: 'Vul de tijd per leerling in hele minuten in.' })
    .min(1, { error: 'Een leerling krijgt minstens 1 minuut.' })
    .max(120, { error: 'Een leerling krijgt hoogstens 120 minuten.' }),
  /** Null: the product's standard template. */
  items: templateItems(templateItem),
});

export const agendaMethods = {
  'agenda.template': {
    input: z.object({ seriesId: z.string() }),
    output: templateFields.extend({ seriesId: z.string(), seriesName: z.string(), standard: z.array(templateItem) }),
  },
  'agenda.saveTemplate': {
    input: templateFields.extend({
      seriesId: z.string(),
      items: templateItems(plainTextFields(templateItem, { title: itemTitle })),
    }),
    output: z.null(),
  },
  'agenda.meetings': {
    input: z.object({ scope: z.enum(['komend', 'afgelopen']) }),
    output: z.array(meetingSummary),
  },
  'agenda.get': { input: z.object({ meetingId: z.string() }), output: agendaViewSchema },
  'agenda.create': { input: z.object({ meetingId: z.string() }), output: z.object({ added: z.number() }) },
  'agenda.suggestions': {
    input: z.object({ meetingId: z.string() }),
    output: z.array(
      z.object({
        studentId: z.string().nullable(),
        intakeId: z.string().nullable(),
        caseName: z.string(),
        className: z.string(),
        origin: z.enum(caseOrigins),
        reason: z.string(),
        /** The question the case arrives with: a referral carries the referring case's. */
        question: z.string().nullable(),
        /** A referral: the case (and meeting) that sent the student here, its history. */
        referredFrom: z.object({ itemId: z.string(), meetingId: z.string(), meetingTitle: z.string(), meetingDate: z.string() }).nullable(),
      }),
    ),
  },
  'agenda.addItem': {
    input: z.union([
      z.object({
        meetingId: z.string(),
        kind: z.literal('casus'),
        studentId: z.string(),
        intakeId: z.string().nullable(),
        origin: z.enum(caseOrigins),
      }),
      z.object({
        meetingId: z.string(),
        kind: z.literal('overig'),
        title: plainLine(itemFields.shape.title, itemTitle),
      }),
    ]),
    output: z.object({ id: z.string() }),
  },
  'agenda.updateItem': {
    input: plainTextFields(itemFields.extend({ id: z.string() }), { title: itemTitle }),
    output: z.null(),
  },
  'agenda.moveItem': {
    input: z.object({ id: z.string(), toIndex: z.number().int().min(0).max(1000) }),
    output: z.null(),
  },
  'agenda.removeItem': { input: z.object({ id: z.string() }), output: z.null() },
  'agenda.setProgress': {
    input: z.object({ meetingId: z.string(), progress: z.enum(['agenda-verstuurd', 'bezig', 'afgelopen']) }),
    output: z.null(),
  },
  'agenda.setPresence': {
    input: z.object({
      meetingId: z.string(),
      person: z.string().regex(/^(staff|partner|guardian|student):[\w-]{1,64}$/),
      presence: z.enum(presences).nullable(),
    }),
    output: z.null(),
  },
} as const;
