import { z } from 'zod';
import { dateField } from '../../shared/date-field';
import { plainLongText } from '../../shared/plain-text';
import { leavingDestinations } from './vocabulary';

/** Zod schemas of the retention domain's contract methods (joined into electron/app/contract.ts). */

const years = (what: string) =>
  z
    .number({ error: `Vul de bewaartermijn voor ${what} in (in jaren).` })
    .int({ error: `De bewaartermijn voor ${what} is een heel aantal jaren.` })
    .min(1, { error: `De bewaartermijn voor ${what} is minstens 1 jaar.` })
    .max(30, { error: `De bewaartermijn voor ${what} is hoogstens 30 jaar.` });

const periods = z.object({
  studentFileYears: years('het leerlingdossier'),
  absenceYears: years('verzuimgegevens'),
  specialEducationYears: years('het dossier bij uitstroom naar het VSO'),
});

const day = z.string();
const studentIds = z.array(z.string().min(1).max(64)).min(1, { error: 'Kies minstens één leerling.' }).max(500);

const listed = z.object({
  studentId: z.string(),
  name: z.string(),
  studentNumber: z.string(),
  className: z.string(),
  leftOn: day,
  destination: z.enum(leavingDestinations).nullable(),
  step: z.enum(['dossier', 'alles']),
  passedOn: day,
  /** "Uitgeschreven op …; bewaartermijn … verstreken op …". */
  why: z.string(),
  /** What confirming does. */
  outcome: z.string(),
  /** What the vault holds about them now, by category: "2 ouders/verzorgers", "1 aanmelding". */
  holds: z.array(z.string()),
  /** The last decision to keep them, now run out (or, in `kept`, still running). */
  kept: z.object({ until: day, reason: z.string(), by: z.string().nullable() }).nullable(),
});

export const retentionMethods = {
  'retention.worklist': {
    input: z.object({}),
    output: z.object({
      /** The day the list is for (today). */
      on: day,
      periods: periods.extend({ updatedBy: z.string().nullable(), updatedAt: z.string().nullable() }),
      lastReview: z.object({ on: day, by: z.string().nullable() }).nullable(),
      reviewDue: z.boolean(),
      nextReviewOn: day,
      proposals: z.array(listed),
      kept: z.array(listed),
    }),
  },
  'retention.savePeriods': { input: periods, output: z.null() },
  'retention.erase': {
    input: z.object({ studentIds }),
    output: z.object({ erased: z.number(), detail: z.string() }),
  },
  'retention.keep': {
    input: z.object({
      studentIds,
      reason: plainLongText(
        z
          .string()
          .trim()
          .min(1, { error: 'Vul de reden in waarom de gegevens bewaard blijven.' })
          .max(1000, { error: 'De reden is te lang (maximaal 1000 tekens).' }),
        'de reden',
      ),
      until: dateField('Bewaren tot'),
    }),
    output: z.null(),
  },
  'retention.markReviewed': { input: z.object({}), output: z.null() },
  'retention.destination': {
    input: z.object({ studentId: z.string() }),
    output: z.object({ destination: z.enum(leavingDestinations).nullable() }),
  },
  'retention.setDestination': {
    input: z.object({
      studentId: z.string(),
      destination: z.enum(leavingDestinations, { error: 'Kies waarheen de leerling is uitgestroomd.' }).nullable(),
    }),
    output: z.null(),
  },
} as const;
