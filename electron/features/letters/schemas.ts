import { z } from 'zod';
import { exportedFile } from '../documents/schemas';
import { plainLine, plainLongText } from '../../shared/plain-text';

/** Zod schemas of the letters domain's contract methods (joined into electron/app/contract.ts). */

const templateView = z.object({
  id: z.string(),
  shippedKey: z.string().nullable(),
  name: z.string(),
  subject: z.string(),
  body: z.string(),
  edited: z.boolean(),
  needs: z.array(z.enum(['meeting', 'decision', 'consent'])),
});

const templateInput = z.object({
  /** Null: a new template of the school's own. */
  id: z.string().nullable(),
  name: plainLine(
    z.string().trim().min(1, { error: 'Geef de brief een naam.' }).max(100, { error: 'De naam is te lang (maximaal 100 tekens).' }),
    'de naam',
  ),
  subject: plainLine(
    z
      .string()
      .trim()
      .min(1, { error: 'Vul het onderwerp (Betreft) in.' })
      .max(200, { error: 'Het onderwerp is te lang (maximaal 200 tekens).' }),
    'het onderwerp',
  ),
  body: plainLongText(
    z
      .string()
      .trim()
      .min(1, { error: 'Schrijf de tekst van de brief.' })
      .max(20_000, { error: 'De brief is te lang (maximaal 20.000 tekens).' }),
    'de tekst van de brief',
  ),
});

const options = z.object({
  /** Guardians without parental authority who get the letter anyway (their right to information). */
  includeWithoutAuthority: z.array(z.string()).max(200),
  /** Parents of a student of 16 or 17 get a copy of the letter to the student. */
  copyToParents: z.boolean(),
});

/** What one run of letters is: the same for its preview and for making it. */
const startInput = z
  .object({
    templateId: z.string(),
    meetingId: z.string(),
    studentIds: z
      .array(z.string())
      .min(1, { error: 'Kies minstens één leerling.' })
      .max(500)
      .transform((ids) => [...new Set(ids)]),
  })
  .extend(options.shape);

export const lettersMethods = {
  'letters.templates': { input: z.object({}), output: z.array(templateView) },
  'letters.saveTemplate': { input: templateInput, output: z.object({ id: z.string() }) },
  'letters.resetTemplate': { input: z.object({ id: z.string() }), output: z.null() },
  'letters.cases': {
    input: z.object({ meetingId: z.string(), templateId: z.string() }).extend(options.shape),
    output: z.object({
      /**
       * The school's contact fields the template names but that are empty ("{{school.telefoon}}: … is niet ingevuld"):
       * no letters until filled in.
       */
      contactProblems: z.array(z.string()),
      cases: z.array(
        z.object({
          studentId: z.string(),
          /** "Jesse de Vries (2B)" */
          title: z.string(),
          studentNumber: z.string(),
          letters: z.array(
            z.object({
              kind: z.enum(['ouders', 'leerling', 'afschrift']),
              addressLines: z.array(z.string()),
              salutation: z.string(),
            }),
          ),
          withoutAuthority: z.array(z.object({ id: z.string(), name: z.string() })),
          /** Discussed besloten or on a special route (anonymous, an exception): not ticked by default. */
          sensitive: z.boolean(),
          /** What the letter will lack for this student ("nog geen besluit dat naar ouders mag"). */
          warnings: z.array(z.string()),
        }),
      ),
    }),
  },
  'letters.preview': {
    input: startInput,
    output: z.object({
      /** Every letter the run would make, word for word as the Word file has it. */
      letters: z.array(
        z.object({
          studentId: z.string(),
          studentName: z.string(),
          /** "Dhr. P. de Vries en Mevr. S. de Vries" or "… (afschrift)": as the timeline will name them. */
          recipients: z.string(),
          addressLines: z.array(z.string()),
          placeAndDate: z.string(),
          reference: z.string(),
          subject: z.string(),
          salutation: z.string(),
          body: z.array(
            z.discriminatedUnion('kind', [
              z.object({ kind: z.literal('paragraph'), text: z.string(), heading: z.boolean().optional() }),
              z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
            ]),
          ),
          closing: z.string(),
          signatory: z.object({ name: z.string(), role: z.string() }),
          copyNote: z.string().nullable(),
        }),
      ),
    }),
  },
  'letters.start': {
    input: startInput,
    output: z.object({ jobId: z.string() }),
  },
  'letters.progress': {
    input: z.object({ jobId: z.string() }),
    output: z.object({
      state: z.enum(['running', 'done', 'failed']),
      done: z.number(),
      total: z.number(),
      result: z.object({ print: exportedFile, letters: z.number() }).nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  },
  'letters.perAddress': { input: z.object({ jobId: z.string() }), output: exportedFile },
} as const;
