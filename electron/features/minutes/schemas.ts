import { z } from 'zod';
import { agendaViewSchema, agendaItemView } from '../agenda/schemas';
import { fieldKeyPattern } from './rules';
import { dateField } from '../../shared/date-field';
import { plainLongText } from '../../shared/plain-text';
import { actionHolderKinds, actionStatuses, audiences, decisionTypes } from './vocabulary';

/** Zod schemas of the minutes domain's contract methods (joined into electron/app/contract.ts). */

const minutesText = plainLongText(z.string().max(50_000, { error: 'Maximaal 50.000 tekens per alinea.' }), 'de tekst');

const fieldView = z.object({
  field: z.string(),
  text: z.string(),
  audience: z.enum(audiences),
  /** 0: not stored yet (a prefilled question from the intake). */
  revision: z.number(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

const holderSchema = z.object({
  kind: z.enum(actionHolderKinds),
  staffId: z.string().nullable(),
  partnerId: z.string().nullable(),
});
const dueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('datum'), date: dateField('Deadline') }),
  z.object({ kind: z.literal('volgende-overleg') }),
]);
/** Dates going out were checked when they came in: a list of thousands is not parsed again. */
const dueView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('datum'), date: z.string() }),
  z.object({ kind: z.literal('volgende-overleg') }),
]);

export const actionView = z.object({
  id: z.string(),
  number: z.string(),
  /** "3.2 uit ZAT 12-03-2027". */
  origin: z.string(),
  meetingId: z.string(),
  itemId: z.string().nullable(),
  studentId: z.string().nullable(),
  caseName: z.string().nullable(),
  className: z.string().nullable(),
  what: z.string(),
  holder: holderSchema.nullable(),
  /** "awo — Anna Wolters", "Kwadraad", "Ouders", "Leerling". */
  holderLabel: z.string().nullable(),
  due: dueView.nullable(),
  /** The date it is due: its own, or the series' next meeting. */
  dueOn: z.string().nullable(),
  status: z.enum(actionStatuses),
  statusNote: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  overdue: z.boolean(),
  audience: z.enum(audiences),
  revision: z.number(),
  /** Why it is still a concept, by field. */
  problems: z.record(z.string(), z.string()),
});

const addendumView = z.object({
  id: z.string(),
  itemId: z.string().nullable(),
  text: z.string(),
  audience: z.enum(audiences),
  authorName: z.string(),
  createdAt: z.string(),
});

export const minutesViewSchema = agendaViewSchema.extend({
  items: z.array(
    agendaItemView.extend({
      decision: z.enum(decisionTypes).nullable(),
      decided: z.boolean(),
      /** Where a "doorverwijzen" decision sends the student. */
      referralSeriesId: z.string().nullable(),
      fields: z.array(fieldView),
      actions: z.array(actionView),
      /** Open actions agreed earlier: the series' on "actiepunten", the student's on their case. */
      carried: z.array(actionView),
    }),
  ),
  /** Open actions of the series from before the previous school year: counted, listed under Acties. */
  olderSeriesActions: z.number(),
  addenda: z.array(addendumView),
  /** The minutes the "notulen" item fixes: the series' previous meeting, when not fixed yet. */
  toFix: z.object({ id: z.string(), title: z.string(), date: z.string() }).nullable(),
  canEditMinutes: z.boolean(),
  canFix: z.boolean(),
});

const actionInput = z.object({
  // Not trimmed: a space typed before the next word must survive the round trip to the screen.
  what: plainLongText(z.string().max(2000, { error: 'Beschrijf de actie in hoogstens 2000 tekens.' }), 'de actie'),
  holder: holderSchema.nullable(),
  due: dueSchema.nullable(),
  /** Left out: the default for the holder (rules.ts, defaultActionAudience), or on a change of holder the one that follows it. */
  audience: z.enum(audiences).optional(),
});

export const minutesMethods = {
  'minutes.get': { input: z.object({ meetingId: z.string() }), output: minutesViewSchema },
  'minutes.saveField': {
    input: z.object({
      itemId: z.string(),
      field: z.string().regex(fieldKeyPattern),
      text: minutesText,
      audience: z.enum(audiences),
      /** The revision the editor started from (0: new). */
      baseRevision: z.number().int().min(0),
    }),
    output: z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(true), revision: z.number(), savedAt: z.string() }),
      /** Someone else saved this paragraph first: both versions go back to the screen. */
      z.object({ saved: z.literal(false), theirs: fieldView }),
    ]),
  },
  'minutes.setDecision': {
    input: z.object({
      itemId: z.string(),
      /**
       * Left out: as stored. Each control sends only what it changes, so ticking "besloten" while
       * the type just chosen is still on its way cannot send the old type back.
       */
      decision: z.enum(decisionTypes).nullable().optional(),
      decided: z.boolean().optional(),
      /** "Doorverwijzen": the series the student goes to; left out, the one chosen before (or the only FlexZAT, ZAT or MDO). */
      referralSeriesId: z.string().nullable().optional(),
    }),
    output: z.null(),
  },
  'minutes.fix': { input: z.object({ meetingId: z.string(), atMeetingId: z.string().nullable() }), output: z.null() },
  'minutes.addAddendum': {
    input: z.object({
      meetingId: z.string(),
      itemId: z.string().nullable(),
      text: plainLongText(
        z.string().trim().min(1, { error: 'Schrijf de aanvulling.' }).max(20_000, { error: 'Maximaal 20.000 tekens.' }),
        'de aanvulling',
      ),
      audience: z.enum(audiences),
    }),
    output: z.object({ id: z.string() }),
  },
  'actions.save': {
    input: z.union([
      actionInput.extend({ id: z.string(), baseRevision: z.number().int().min(1) }),
      actionInput.extend({ itemId: z.string() }),
    ]),
    output: z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(true), action: actionView }),
      /** Someone else saved this action first: their version goes back to the screen. */
      z.object({ saved: z.literal(false), theirs: actionView }),
    ]),
  },
  'actions.setStatus': {
    input: z
      .object({
        id: z.string(),
        status: z.enum(['open', 'gedaan', 'teruggekoppeld', 'vervallen']),
        note: plainLongText(z.string().trim().max(2000), 'de toelichting'),
      })
      .refine((v) => v.status !== 'vervallen' || v.note.length > 0, {
        error: 'Schrijf op waarom de actie vervalt.',
        path: ['note'],
      }),
    output: z.null(),
  },
  'actions.remove': { input: z.object({ id: z.string() }), output: z.null() },
  'actions.list': {
    input: z.object({
      status: z.enum(['open', 'alle']),
      holderStaffId: z.string().nullable(),
      seriesId: z.string().nullable(),
      studentId: z.string().nullable(),
      mine: z.boolean(),
      overdueOnly: z.boolean(),
    }),
    output: z.array(actionView.extend({ meetingTitle: z.string(), meetingDate: z.string() })),
  },
} as const;
