import { randomUUID } from 'node:crypto';
import { addDays, addWeeks, format, getISODay, parseISO } from 'date-fns';
import { inArray } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { meetings, meetingSeries, partners, staff } from '../../../db/schema';
import { schoolYearOf } from '../schedule/vocabulary';
import { copyAttendees } from '../meetings/store';
import { applyYear } from '../schedule/apply-year-plan';
import { calendarFor, planningWindow, schoolRegion, setSeriesAttendees } from '../schedule/store';
import type { IsoDate } from '../schedule/types';
import { now } from '../../shared/clock';

/** The demo school's year plan: IOT and ZAT every five weeks, an OT, and a few FlexZAT appointments. */

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

function idsOf(db: VaultDb, codes: string[]): string[] {
  return db
    .select({ id: staff.id })
    .from(staff)
    .where(inArray(staff.code, codes))
    .all()
    .map((r) => r.id);
}

/** The first open school day on `weekday` from `from` on. */
function firstOpen(db: VaultDb, from: IsoDate, weekday: number): IsoDate {
  const calendar = calendarFor(db);
  let day = parseISO(from);
  while (getISODay(day) !== weekday || calendar.closedReason(iso(day)) !== null) day = addDays(day, 1);
  return iso(day);
}

export function seedDemoSchedule(db: VaultDb, today: IsoDate): void {
  const at = now();
  const code = (c: string) => idsOf(db, [c])[0] ?? null;
  // At the ZAT: the samenwerkingsverband, the Sociaal Team, the jeugdarts and leerplicht.
  const atZat = ['samenwerkingsverband', 'ggd', 'leerplicht'];
  const partnerIds = db
    .select({ id: partners.id, kind: partners.kind, organisation: partners.organisation })
    .from(partners)
    .all()
    .filter((p) => atZat.includes(p.kind) || p.organisation.startsWith('Sociaal Team'))
    .map((p) => p.id);
  const base = {
    durationMinutes: 90,
    withExternalPartners: false,
    intakeDeadlineSchoolDays: 5,
    moveRule: 'week-after' as const,
    continueFrom: 'grid' as const,
    active: true,
    updatedAt: at,
  };
  const series = [
    {
      name: 'IOT',
      kind: 'IOT',
      intervalWeeks: 5,
      weekday: 2,
      startTime: '14:00',
      location: 'Lokaal 1.12',
      color: 'teal' as const,
      chair: 'sisl',
      secretary: 'awo',
      staff: ['sisl', 'awo', 'bgr', 'epr', 'vidu', 'aab', 'kme', 'rvo', 'mjo'],
      partners: false,
    },
    {
      name: 'ZAT',
      kind: 'ZAT',
      intervalWeeks: 5,
      weekday: 4,
      startTime: '13:30',
      location: 'Vergaderkamer',
      color: 'grape' as const,
      chair: 'awo',
      secretary: 'sisl',
      staff: ['awo', 'sisl', 'mjo', 'kme'],
      partners: true,
    },
    {
      name: 'OT bovenbouw',
      kind: 'OT',
      intervalWeeks: 5,
      weekday: 1,
      startTime: '15:30',
      location: 'Lokaal 2.04',
      color: 'orange' as const,
      chair: 'mjo',
      secretary: 'vidu',
      staff: ['mjo', 'vidu', 'aab', 'sba', 'psm'],
      partners: false,
    },
    {
      name: 'FlexZAT',
      kind: 'FlexZAT',
      intervalWeeks: null,
      weekday: null,
      startTime: '09:00',
      location: 'Spreekkamer',
      color: 'blue' as const,
      chair: 'awo',
      secretary: 'sisl',
      staff: ['awo', 'sisl'],
      partners: true,
    },
  ];
  const schoolYear = schoolYearOf(today);
  const window = planningWindow(schoolYear, schoolRegion(db));
  for (const s of series) {
    const id = randomUUID();
    db.insert(meetingSeries)
      .values({
        ...base,
        id,
        name: s.name,
        kind: s.kind,
        intervalWeeks: s.intervalWeeks,
        weekday: s.weekday,
        startTime: s.startTime,
        location: s.location,
        color: s.color,
        chairId: code(s.chair),
        secretaryId: code(s.secretary),
        withExternalPartners: s.partners,
        durationMinutes: s.intervalWeeks ? 90 : 60,
      })
      .run();
    const people = { staffIds: idsOf(db, s.staff), partnerIds: s.partners ? partnerIds : [] };
    setSeriesAttendees(db, id, people);
    if (s.weekday) {
      applyYear(db, { seriesId: id, schoolYear, firstDate: firstOpen(db, window.start, s.weekday) });
      continue;
    }
    // FlexZAT by appointment: three meetings in the coming weeks, on open Wednesdays.
    for (const weeks of [1, 3, 6]) {
      const date = firstOpen(db, iso(addWeeks(parseISO(today), weeks)), 3);
      const meetingId = randomUUID();
      db.insert(meetings)
        .values({
          id: meetingId,
          seriesId: id,
          title: 'FlexZAT',
          date,
          startTime: weeks === 3 ? '10:30' : '09:00',
          durationMinutes: 60,
          location: s.location,
          chairId: code(s.chair),
          secretaryId: code(s.secretary),
          plannedDate: null,
          note: null,
          createdAt: at,
          updatedAt: at,
        })
        .run();
      copyAttendees(db, meetingId, people);
    }
  }
}
