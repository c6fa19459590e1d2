import { z } from 'zod';
import { plainLine } from '../../shared/plain-text';

/** Zod schemas of the attachments contract methods (joined into electron/app/contract.ts). */

/** An attachment as the intake and consent screens list it (the content comes by `attachments.download`). */
export const attachmentRow = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  addedAt: z.string(),
});

export const filesMethods = {
  'attachments.add': {
    input: z
      .object({
        intakeId: z.string().nullable(),
        consentId: z.string().nullable(),
        // Shown in lists and used when the file is opened or downloaded: one visible line.
        fileName: plainLine(z.string().trim().min(1).max(300), 'de naam van het bestand'),
        // base64 of at most ~10 MB: the rule itself names the limit; this only stops absurd requests.
        contentBase64: z.string().max(16 * 1024 * 1024, { error: 'Dit bestand is te groot (maximaal 10 MB per bestand).' }),
      })
      .refine((v) => (v.intakeId === null) !== (v.consentId === null), {
        error: 'Een bijlage hoort bij één aanmelding of één toestemming.',
      }),
    output: z.object({ id: z.string() }),
  },
  'attachments.download': {
    input: z.object({ id: z.string() }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  },
  'attachments.remove': { input: z.object({ id: z.string() }), output: z.null() },
} as const;
