import { z } from 'zod';

/** Zod schemas of the documents domain's contract methods (joined into electron/app/contract.ts). */

const nameStyle = z.enum(['initialen', 'volledig']);

/** A Word file for the renderer to save: the host's save dialog or a download. */
export const exportedFile = z.object({ fileName: z.string(), contentBase64: z.string() });

export const documentsMethods = {
  'documents.agenda': { input: z.object({ meetingId: z.string(), names: nameStyle }), output: exportedFile },
  /** The agenda as an e-mail draft (.eml) to the invited; who has no address is named, not skipped silently. */
  'documents.agendaMail': {
    input: z.object({ meetingId: z.string() }),
    output: exportedFile.extend({ recipients: z.array(z.string()), withoutAddress: z.array(z.string()) }),
  },
  'documents.papers': { input: z.object({ meetingId: z.string() }), output: exportedFile },
  /** `partnerId`: that external partner's version (no intern text, cases without their consent anonymised); absent or null: the team's. */
  'documents.minutes': {
    input: z.object({ meetingId: z.string(), names: nameStyle, partnerId: z.string().nullable().optional() }),
    output: exportedFile,
  },
  /** The external partners with a version of a meeting's minutes (at the table, or a guest on an item). */
  'documents.minutesReaders': {
    input: z.object({ meetingId: z.string() }),
    output: z.array(z.object({ partnerId: z.string(), name: z.string(), wholeMeeting: z.boolean() })),
  },
  'documents.extract': {
    input: z.object({ itemId: z.string(), version: z.enum(['dossier', 'ouders']) }),
    output: exportedFile,
  },
  'documents.actionList': {
    input: z.object({
      groupBy: z.enum(['holder', 'series']),
      holderStaffId: z.string().nullable(),
      seriesId: z.string().nullable(),
      studentId: z.string().nullable(),
      mine: z.boolean(),
      overdueOnly: z.boolean(),
      names: nameStyle,
    }),
    output: exportedFile,
  },
} as const;
