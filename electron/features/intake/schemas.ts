import { z } from 'zod';
import { partnerConsentSchema } from '../consent/schemas';
import { attachmentRow } from '../files/schemas';
import { concernAreas, intakeSections } from './form';
import { gateRoutes, shownGateRoutes } from './gate-routes';
import { dateField } from '../../shared/date-field';
import { controlCharacterMessage, isPlainLongText, plainLongText, plainTextFields } from '../../shared/plain-text';

/** Zod schemas of the intake domain's contract methods (joined into electron/app/contract.ts). */

export const intakeStatuses = ['concept', 'ingediend', 'geaccepteerd', 'teruggestuurd', 'besproken', 'afgesloten'] as const;

const longText = z.string().max(20_000, { error: 'Maximaal 20.000 tekens.' });
const answer = z.union(
  [longText, z.boolean(), z.null(), z.object({ text: longText, missingReason: longText }), z.partialRecord(z.enum(concernAreas), longText)],
  // A union reports "ongeldige invoer"; the only way a person gets here is by typing too much.
  { error: 'Maximaal 20.000 tekens per antwoord.' },
);
export const answersSchema = z.record(z.string().max(60), answer);

/** Every text in an answer, however it is nested (a view's text, a concern per area). */
const textsOf = (value: z.output<typeof answer>): string[] =>
  typeof value === 'string'
    ? [value]
    : value === null || typeof value === 'boolean'
      ? []
      : Object.values(value).filter((v): v is string => typeof v === 'string');

/** Answers as typed: checked per answer, not inside the union (whose one message is about length). */
const answersInput = answersSchema.superRefine((answers, ctx) => {
  for (const [key, value] of Object.entries(answers)) {
    if (!textsOf(value).every(isPlainLongText))
      ctx.addIssue({ code: 'custom', path: [key], message: controlCharacterMessage('het antwoord', 'long') });
  }
});

export const questionSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,60}$/),
  label: z.string().trim().max(200),
  help: z.string().trim().max(500),
  kind: z.enum(['text', 'longtext', 'choice', 'yesno', 'areas', 'view']),
  section: z.enum(intakeSections),
  required: z.union([z.boolean(), z.literal('from-12')]),
  hidden: z.boolean(),
  builtin: z.boolean(),
  locked: z.boolean(),
  options: z.array(z.string().trim().max(100)).max(30),
});

const consentSummary = z.object({
  state: z.enum(['ok', 'missing', 'refused', 'intern', 'anoniem', 'route', 'geen-overleg']),
  label: z.string(),
});

const meetingRef = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  startTime: z.string(),
  intakeDeadline: z.string().nullable(),
  intakeDeadlineNote: z.string().nullable(),
  withPartners: z.boolean(),
});

const intakeRow = z.object({
  id: z.string(),
  status: z.enum(intakeStatuses),
  studentId: z.string().nullable(),
  /** The student's name, or the anonymous label ("leerling uit leerjaar 2"). */
  caseName: z.string(),
  className: z.string(),
  referrer: z.object({ name: z.string(), code: z.string() }).nullable(),
  meeting: meetingRef.nullable(),
  submittedAt: z.string().nullable(),
  /** Handed in after the meeting's deadline (or still a concept after it). */
  late: z.boolean(),
  consent: consentSummary,
  updatedAt: z.string(),
});

const draftFields = z.object({
  id: z.string(),
  /** The revision the editor started from: a save on top of someone else's is refused, not merged. */
  revision: z.number().int(),
  referrerId: z.string().nullable(),
  referredOn: dateField('Datum van aanmelding').nullable(),
  meetingId: z.string().nullable(),
  answers: answersInput,
});

export const intakeMethods = {
  'intakes.list': {
    input: z.object({
      status: z.enum(intakeStatuses).nullable(),
      meetingId: z.string().nullable(),
      studentId: z.string().nullable(),
      mine: z.boolean(),
    }),
    output: z.array(intakeRow),
  },
  'intakes.get': {
    input: z.object({ id: z.string() }),
    output: intakeRow.extend({
      revision: z.number(),
      anonymousLabel: z.string().nullable(),
      referrerId: z.string().nullable(),
      referredOn: z.string(),
      seriesId: z.string().nullable(),
      meetingId: z.string().nullable(),
      formVersion: z.number(),
      questions: z.array(questionSchema),
      answers: answersSchema,
      returnReason: z.string().nullable(),
      /** Age on the meeting date (or today): the student's view is required from 12. */
      studentAge: z.number().nullable(),
      attachments: z.array(attachmentRow),
      /** Per external partner at the meeting: consent, who is missing, and the chosen way forward. */
      gate: z.array(partnerConsentSchema.extend({ route: z.enum(shownGateRoutes).nullable() })),
      /** For an internal meeting: which partners the register covers, for information. */
      consentForInformation: z.array(partnerConsentSchema),
      hasMeldcodeTrack: z.boolean(),
      canEdit: z.boolean(),
      canDecide: z.boolean(),
      /** A concept is removed by whoever began it, or by the coordinator (intakes.remove). */
      canRemove: z.boolean(),
    }),
  },
  'intakes.create': {
    input: z
      .object({
        studentId: z.string().nullable(),
        anonymousYearLevel: z.number().int().min(1).max(6).nullable(),
        seriesId: z.string().nullable(),
      })
      .refine((v) => (v.studentId === null) !== (v.anonymousYearLevel === null), {
        error: 'Kies een leerling, of meld anoniem aan met het leerjaar.',
        path: ['studentId'],
      }),
    output: z.object({ id: z.string() }),
  },
  'intakes.saveDraft': { input: draftFields, output: z.object({ revision: z.number(), savedAt: z.string() }) },
  'intakes.submit': { input: draftFields, output: z.object({ revision: z.number() }) },
  'intakes.decide': {
    input: z
      .object({
        id: z.string(),
        decision: z.enum(['accept', 'return']),
        reason: plainLongText(z.string().trim().max(5000), 'de reden'),
      })
      .refine((v) => v.decision === 'accept' || v.reason.length > 0, {
        error: 'Schrijf op wat de aanmelder moet aanvullen.',
        path: ['reason'],
      }),
    output: z.null(),
  },
  'intakes.setStatus': {
    input: z.object({ id: z.string(), status: z.enum(['besproken', 'afgesloten']) }),
    output: z.null(),
  },
  'intakes.setGateRoute': {
    input: z.object({ id: z.string(), partnerId: z.string(), route: z.enum(gateRoutes).nullable() }),
    output: z.null(),
  },
  'intakes.linkStudent': { input: z.object({ id: z.string(), studentId: z.string() }), output: z.null() },
  'intakes.remove': { input: z.object({ id: z.string() }), output: z.null() },
  'intakes.meetingOptions': {
    input: z.object({ seriesId: z.string().nullable() }),
    output: z.object({
      series: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), withExternalPartners: z.boolean() })),
      meetings: z.array(meetingRef.extend({ seriesId: z.string().nullable(), deadlinePassed: z.boolean() })),
    }),
  },
  'intakes.consentWorklist': {
    input: z.object({}),
    output: z.array(
      meetingRef.extend({
        cases: z.array(
          z.object({
            intakeId: z.string(),
            studentId: z.string(),
            caseName: z.string(),
            className: z.string(),
            status: z.enum(intakeStatuses),
            checks: z.array(partnerConsentSchema.extend({ route: z.enum(shownGateRoutes).nullable() })),
          }),
        ),
      }),
    ),
  },
  'intakeForm.get': {
    input: z.object({}),
    output: z.object({ version: z.number(), questions: z.array(questionSchema) }),
  },
  'intakeForm.save': {
    input: z.object({
      questions: z
        .array(plainTextFields(questionSchema, { label: 'de vraag', options: 'een keuze' }, { help: 'de toelichting' }))
        .min(1)
        .max(80),
    }),
    output: z.object({ version: z.number() }),
  },
} as const;
