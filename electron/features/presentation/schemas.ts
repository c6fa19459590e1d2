import { z } from 'zod';
import { plainLongText } from '../../shared/plain-text';

/** Zod schemas of the presentation domain's contract methods (joined into electron/app/contract.ts). */

const screen = z.enum(['agenda', 'zwart', 'wit']);

/** What the chair's console needs beyond the meeting itself. */
export const presentationState = z.object({
  meetingId: z.string(),
  itemId: z.string().nullable(),
  screen,
  showNames: z.boolean(),
  showMinutes: z.boolean(),
  timer: z.object({ running: z.boolean(), elapsedMs: z.number(), since: z.number() }),
  /** Externals at this meeting: full names get a warning, and the projector hides other items. */
  withExternals: z.boolean(),
  /** Guests in the room for the current item (or externals): only the current item is projected. */
  guestsPresent: z.boolean(),
});

const projectedItem = z.object({
  number: z.number(),
  start: z.string().nullable(),
  title: z.string(),
  current: z.boolean(),
});
const projectedAction = z.object({ what: z.string(), holder: z.string().nullable(), due: z.string().nullable() });

/** Everything the projector page ever receives. `version` lets it wait for the next change. */
export const projectorScreenSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('wacht'), version: z.string() }),
  z.object({ state: z.literal('vergrendeld'), version: z.string() }),
  /** The presentation ended by itself (meeting afgelopen, minutes fixed, two hours without a key): a neutral screen. */
  z.object({ state: z.literal('beeindigd'), version: z.string() }),
  z.object({ state: z.literal('zwart'), version: z.string() }),
  z.object({ state: z.literal('wit'), version: z.string() }),
  z.object({
    state: z.literal('agenda'),
    version: z.string(),
    schoolName: z.string(),
    meeting: z.object({ title: z.string(), date: z.string(), startTime: z.string(), location: z.string() }),
    guestsPresent: z.boolean(),
    items: z.array(projectedItem),
    current: z
      .object({
        number: z.number(),
        title: z.string(),
        isCase: z.boolean(),
        question: z.string().nullable(),
        minutes: z
          .object({
            decision: z.string().nullable(),
            decisionText: z.string().nullable(),
            actions: z.array(projectedAction),
          })
          .nullable(),
      })
      .nullable(),
  }),
]);

const command = z.discriminatedUnion('command', [
  z.object({ command: z.literal('next') }),
  z.object({ command: z.literal('previous') }),
  z.object({ command: z.literal('goTo'), itemId: z.string() }),
  z.object({ command: z.literal('black') }),
  z.object({ command: z.literal('white') }),
  z.object({ command: z.literal('timer') }),
  z.object({ command: z.literal('minutes'), show: z.boolean() }),
]);

export const presentationMethods = {
  'presentation.start': { input: z.object({ meetingId: z.string() }), output: presentationState },
  'presentation.state': { input: z.object({}), output: presentationState.nullable() },
  /**
   * Why this session's last presentation ended by itself (its meeting afgelopen, its minutes
   * fixed, two hours without a key), in words for the console; null when the chair stopped it or
   * none ran.
   */
  'presentation.ended': {
    input: z.object({}),
    output: z.object({ meetingId: z.string(), reason: z.string() }).nullable(),
  },
  /** A key or button on the console or the projector. */
  'presentation.control': { input: command, output: presentationState },
  /** Full names on the projector: the chair's explicit choice, for this meeting only (audited). */
  'presentation.showNames': { input: z.object({ show: z.boolean() }), output: presentationState },
  'presentation.stop': { input: z.object({}), output: z.null() },
  /**
   * The projector's only source: answers at once when its `seen` version is outdated, else waits
   * (up to 25 s) for the next change, so the screen follows the chair's keys and the secretary's
   * typing without polling.
   */
  'presentation.projector': { input: z.object({ seen: z.string().max(64).nullable() }), output: projectorScreenSchema },
  'presentation.notes': {
    input: z.object({ meetingId: z.string() }),
    output: z.array(z.object({ itemId: z.string(), text: z.string() })),
  },
  'presentation.saveNote': {
    input: z.object({
      itemId: z.string(),
      text: plainLongText(z.string().max(10_000, { error: 'Een notitie heeft hoogstens 10.000 tekens.' }), 'de notitie'),
    }),
    output: z.null(),
  },
} as const;
