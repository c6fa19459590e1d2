import { z } from 'zod';
import { dateProblem } from './date-rules';

/**
 * A date field of the contract (yyyy-MM-dd): refused, with a message naming `label` ("Datum van
 * de toestemming"), unless it is a real date in a plausible year. Only for inputs: what is stored
 * is read back as it is.
 */
export function dateField(label: string) {
  return z.string({ error: `${label}: vul een datum in als dd-mm-jjjj.` }).superRefine((value, ctx) => {
    const problem = dateProblem(value, label);
    // Not `continue: false`: an aborted check makes a union (actions.save) hide this message.
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}
