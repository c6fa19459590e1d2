import { z } from 'zod';
import { consentPurposes } from './rules';
import { consentWays, meldcodeOutcomes, meldcodeStepKeys } from './vocabulary';
import { attachmentRow } from '../files/schemas';
import { dateField } from '../../shared/date-field';
import { plainLine, plainLongText } from '../../shared/plain-text';

/** Zod schemas of the consent domain's contract methods (joined into electron/app/contract.ts). */

const signer = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('student') }), z.object({ kind: z.literal('guardian'), guardianId: z.string().min(1) })],
  {
    error: 'Kies wie toestemming geeft.',
  },
);

export const partnerConsentSchema = z.object({
  partnerId: z.string(),
  partnerName: z.string(),
  status: z.enum(['ok', 'missing', 'refused']),
  required: z.array(z.object({ name: z.string() })),
  missing: z.array(z.object({ name: z.string(), reason: z.string() })),
  problem: z.string().nullable(),
});

const consentRecordRow = z.object({
  id: z.string(),
  signerKind: z.enum(['guardian', 'student']),
  guardianId: z.string().nullable(),
  signerName: z.string(),
  decision: z.enum(['given', 'refused']),
  purposes: z.array(z.string()),
  partners: z.array(z.object({ id: z.string(), name: z.string() })),
  method: z.enum(consentWays),
  informationGiven: z.string(),
  givenOn: z.string(),
  validUntil: z.string().nullable(),
  untilCaseClosed: z.boolean(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  withdrawnOn: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawalNote: z.string().nullable(),
  state: z.enum(['valid', 'refused', 'withdrawn', 'expired', 'future']),
  proofs: z.array(attachmentRow),
});

const meldcodeStep = z.object({ date: z.string().nullable(), notes: z.string().max(20_000) });

const meldcodeTrack = z.object({
  id: z.string(),
  openedOn: z.string(),
  steps: z.partialRecord(z.enum(meldcodeStepKeys), meldcodeStep),
  outcome: z.enum(meldcodeOutcomes).nullable(),
  parentsInformed: z.boolean(),
  parentsInformedNote: z.string(),
  closedOn: z.string().nullable(),
});

export const consentMethods = {
  'consent.overview': {
    input: z.object({ studentId: z.string() }),
    output: z.object({
      records: z.array(consentRecordRow),
      /** Everyone who could sign for this student, with whether the law lets them. */
      signers: z.array(
        z.object({
          kind: z.enum(['guardian', 'student']),
          guardianId: z.string().nullable(),
          name: z.string(),
          parentalAuthority: z.boolean(),
        }),
      ),
      /** The coming meetings with external partners: who still has to consent, per partner. */
      upcoming: z.array(z.object({ meetingId: z.string(), title: z.string(), date: z.string(), checks: z.array(partnerConsentSchema) })),
      /**
       * None of those within ten weeks: the partners of the meeting (or series) the student was handed in for, to take
       * over in one click.
       */
      partnerOffer: z.object({ label: z.string(), partners: z.array(z.object({ id: z.string(), name: z.string() })) }).nullable(),
      /** Whether this user may see (and so whether the screen shows) the Meldcode track. */
      meldcodeVisible: z.boolean(),
    }),
  },
  'consent.record': {
    input: z.object({
      studentId: z.string(),
      signer,
      decision: z.enum(['given', 'refused']),
      purposes: z.array(z.enum(consentPurposes)).min(1, { error: 'Kies minstens één doel.' }),
      partnerIds: z.array(z.string()).min(1, { error: 'Kies minstens één partner.' }),
      method: z.enum(consentWays, { error: 'Kies hoe de toestemming is gegeven.' }),
      informationGiven: plainLongText(z.string().trim().max(5000), 'wat de ouders is verteld'),
      givenOn: dateField('Datum van de toestemming'),
      /** Null: until the end of the school year of givenOn, or until the case is closed. */
      validUntil: dateField('Geldig t/m').nullable(),
      untilCaseClosed: z.boolean().default(false),
    }),
    output: z.object({ id: z.string() }),
  },
  'consent.withdraw': {
    input: z.object({
      id: z.string(),
      withdrawnOn: dateField('Datum van intrekking'),
      withdrawnBy: plainLine(
        z.string().trim().min(1, { error: 'Vul in wie de toestemming intrekt.' }).max(200),
        'wie de toestemming intrekt',
      ),
      note: plainLongText(z.string().trim().max(5000), 'de toelichting'),
    }),
    output: z.null(),
  },
  'meldcode.get': { input: z.object({ studentId: z.string() }), output: meldcodeTrack.nullable() },
  'meldcode.save': {
    input: meldcodeTrack.extend({
      id: z.string().nullable(),
      studentId: z.string(),
      openedOn: dateField('Gestart op'),
      closedOn: dateField('Afgesloten op').nullable(),
      // As typed; the track above also answers with notes and dates stored before they were checked.
      steps: z.partialRecord(
        z.enum(meldcodeStepKeys),
        meldcodeStep.extend({
          date: dateField('Datum van de stap').nullable(),
          notes: plainLongText(meldcodeStep.shape.notes, 'de aantekeningen'),
        }),
      ),
      parentsInformedNote: plainLongText(z.string(), 'de toelichting'),
    }),
    output: z.object({ id: z.string() }),
  },
} as const;
