import { z } from 'zod';
import { dateField } from '../../shared/date-field';
import { plainTextFields } from '../../shared/plain-text';
import { attendees, clockTime, duration, endsSameDay, endsSameDayError, name } from '../schedule/schemas';

/** Zod schemas of the meetings domain's contract methods (joined into electron/app/contract.ts). */

export const meetingsMethods = {
  'meetings.save': {
    input: plainTextFields(
      z.object({
        id: z.string().nullable(),
        seriesId: z.string().nullable(),
        title: name('de naam van het overleg'),
        date: dateField('Datum'),
        startTime: clockTime,
        durationMinutes: duration,
        location: z.string().trim().max(100),
        note: z.string().trim().max(200).nullable(),
        chairId: z.string().nullable(),
        secretaryId: z.string().nullable(),
        attendees,
      }),
      { title: 'de naam van het overleg', location: 'de plaats', note: 'de opmerking' },
    ).refine(endsSameDay, endsSameDayError),
    output: z.object({ id: z.string() }),
  },
  'meetings.remove': { input: z.object({ id: z.string() }), output: z.null() },
};
