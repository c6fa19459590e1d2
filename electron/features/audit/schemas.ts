import { z } from 'zod';

/** Zod schemas of the audit domain's contract methods (joined into electron/api/contract.ts). */

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Kies een geldige datum.' })
  .nullable();

const filter = z
  .object({
    userId: z.string().max(64).nullable(),
    studentId: z.string().max(64).nullable(),
    from: day,
    to: day,
  })
  .refine((f) => f.from === null || f.to === null || f.from <= f.to, { error: 'De einddatum ligt vóór de begindatum.', path: ['to'] });

const entry = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.string(),
  userName: z.string().nullable(),
  method: z.string(),
  label: z.string(),
  detail: z.string().nullable(),
  students: z.array(z.object({ id: z.string(), name: z.string(), className: z.string() })),
});

export const auditMethods = {
  'audit.list': {
    input: z.object({ filter, before: z.number().int().nullable(), limit: z.number().int().min(1).max(500) }),
    output: z.object({ entries: z.array(entry), more: z.boolean() }),
  },
  /** The filtered log as a CSV file for a spreadsheet (semicolons, as Dutch Excel reads them). */
  'audit.export': { input: z.object({ filter }), output: z.object({ fileName: z.string(), contentBase64: z.string() }) },
} as const;
