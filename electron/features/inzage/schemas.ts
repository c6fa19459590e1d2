import { z } from 'zod';
import { exportedFile } from '../documents/schemas';

/** Zod schemas of the inzage domain's contract methods (joined into electron/app/contract.ts). */

export const inzageMethods = {
  /** What an export would hold, for the confirm dialog: counts only, nothing of the content. */
  'inzage.preview': {
    input: z.object({ studentId: z.string().min(1).max(64) }),
    output: z.object({
      studentName: z.string(),
      intakes: z.number(),
      consents: z.number(),
      meetings: z.number(),
      actions: z.number(),
      letters: z.number(),
      auditLines: z.number(),
      attachments: z.number(),
      /** Only ever true for someone who may see the track: one exists and the export leaves it out. */
      meldcodeLeftOut: z.boolean(),
    }),
  },
  /** The zip: the Word document and the attachments. */
  'inzage.export': { input: z.object({ studentId: z.string().min(1).max(64) }), output: exportedFile },
} as const;
