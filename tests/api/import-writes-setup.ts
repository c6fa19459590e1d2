import { addDays, format } from 'date-fns';
import type { Backend } from '../../electron/api/context';
import type { MethodOutput } from '../../electron/app/contract';
import { dispatch } from '../../electron/app/dispatch';
import { call } from '../helpers/backend';

/**
 * For the tests of writes made while an import runs (tests/api/import-writes.test.ts and the child
 * it kills): a meeting with an agenda whose Rondvraag takes minutes, and a large students file.
 */

/** A meeting of a new series on the first school day from `from`, its agenda made; returns the Rondvraag item. */
export async function meetingToMinute(backend: Backend, from: Date): Promise<{ meetingId: string; itemId: string }> {
  const awo = (await call(backend, 'staff.list', {})).find((s) => s.code === 'awo')!.id;
  const series = await call(backend, 'series.save', {
    id: null,
    name: 'IOT',
    kind: 'IOT',
    intervalWeeks: null,
    weekday: null,
    startTime: '13:30',
    durationMinutes: 90,
    location: 'Kamer 1.12',
    chairId: awo,
    secretaryId: awo,
    withExternalPartners: false,
    intakeDeadlineSchoolDays: 3,
    moveRule: 'week-after',
    continueFrom: 'grid',
    color: 'teal',
    active: true,
    attendees: { staffIds: [awo], partnerIds: [] },
  });
  for (let day = 0; day < 30; day++) {
    const saved = await dispatch(backend, 'meetings.save', {
      id: null,
      seriesId: series.id,
      title: 'IOT',
      date: format(addDays(from, day), 'yyyy-MM-dd'),
      startTime: '13:30',
      durationMinutes: 90,
      location: 'Kamer 1.12',
      note: null,
      chairId: awo,
      secretaryId: awo,
      attendees: { staffIds: [awo], partnerIds: [] },
    });
    if (!saved.ok) {
      if (saved.error.code === 'DAY_OFF') continue;
      throw new Error(saved.error.message);
    }
    const meetingId = (saved.value as MethodOutput<'meetings.save'>).id;
    await call(backend, 'agenda.create', { meetingId });
    const item = (await call(backend, 'minutes.get', { meetingId })).items.find((i) => i.title === 'Rondvraag');
    if (!item) throw new Error('no Rondvraag on the agenda');
    return { meetingId, itemId: item.id };
  }
  throw new Error('no school day for the meeting in thirty days');
}

/** A Magister-like students file of `count` students, numbers from `first`, all in `className`. */
export function studentsFile(count: number, className: string, first = 300000): string {
  const rows = [['Stamnr', 'Roepnaam', 'Achternaam', 'Klas']];
  for (let i = 0; i < count; i++) rows.push([String(first + i), `Kind${i}`, 'Groot', className]);
  return Buffer.from(rows.map((r) => r.join(';')).join('\n')).toString('base64');
}
