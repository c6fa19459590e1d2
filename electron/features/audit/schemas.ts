import { z } from 'zod';
import { dateField } from '../../shared/date-field';

/** Zod schemas of the audit domain's contract methods (joined into electron/app/contract.ts). */

const filter = z
  .object({
    userId: z.string().max(64).nullable(),
    studentId: z.string().max(64).nullable(),
    from: dateField('Van').nullable(),
    to: dateField('Tot en met').nullable(),
  })
  .refine((f) => f.from === null || f.to === null || f.from <= f.to, {
    error: 'Tot en met: ligt vóór "Van".',
    path: ['to'],
  });

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
  'audit.export': {
    input: z.object({ filter }),
    output: z.object({ fileName: z.string(), contentBase64: z.string() }),
  },
} as const;
