import { z } from 'zod';

/** Zod schemas of the disclosure domain's contract methods (joined into electron/app/contract.ts). */

export const disclosureMethods = {
  /**
   * While typing a "mag naar ouders" paragraph or a parents' action: the names in `text` that this
   * student's parents may not read (another student, another family). The export replaces them
   * regardless; this is the quiet warning under the field. `studentId` null: an item without a
   * student, whose parents' text may name nobody.
   */
  'disclosure.check': {
    input: z.object({ studentId: z.string().max(64).nullable(), text: z.string().max(20_000) }),
    output: z.object({
      names: z.array(z.object({ text: z.string(), alsoStaff: z.boolean() })),
    }),
  },
} as const;
