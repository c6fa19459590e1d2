import { addDays, differenceInCalendarDays, format, getISODay, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateMeetingDates } from '../../electron/features/schedule/calendar/generate';
import { schoolCalendar } from '../../electron/features/schedule/calendar/school-calendar';
import type { CalendarOverride, IsoDate, SeriesRhythm } from '../../electron/features/schedule/types';

const FIRST = parseISO('2025-08-01');
const LAST = parseISO('2028-07-31');
const SPAN = differenceInCalendarDays(LAST, FIRST);

const iso = (date: Date): IsoDate => format(date, 'yyyy-MM-dd');
const days = (from: IsoDate, to: IsoDate) => differenceInCalendarDays(parseISO(to), parseISO(from));

const dateArb = fc.integer({ min: 0, max: SPAN }).map((n) => iso(addDays(FIRST, n)));

const overrideArb: fc.Arbitrary<CalendarOverride> = fc
  .record({
    kind: fc.constantFrom('study-day', 'no-meetings', 'holiday'),
    start: dateArb,
    length: fc.integer({ min: 0, max: 16 }),
    replaces: fc.constantFrom(null, 'herfstvakantie', 'kerstvakantie', 'voorjaarsvakantie', 'meivakantie'),
    id: fc.uuid(),
  })
  .map(({ kind, start, length, replaces, id }) => ({
    id,
    kind,
    name: kind === 'study-day' ? 'studiedag' : kind === 'no-meetings' ? 'toetsweek' : (replaces ?? 'eigen vakantie'),
    start,
    end: iso(addDays(parseISO(start), kind === 'study-day' ? 0 : length)),
    // Only a holiday entry moves an official holiday.
    replaces: kind === 'holiday' ? replaces : null,
  }));

const caseArb = fc.record({
  region: fc.constantFrom('noord', 'midden', 'zuid'),
  overrides: fc.array(overrideArb, { maxLength: 8 }),
  rhythm: fc
    .record({
      intervalWeeks: fc.integer({ min: 1, max: 8 }),
      firstDate: dateArb,
      length: fc.integer({ min: 0, max: 400 }),
      startTime: fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
      durationMinutes: fc.integer({ min: 15, max: 240 }),
      moveRule: fc.constantFrom('week-after', 'week-before'),
      continueFrom: fc.constantFrom('grid', 'moved'),
    })
    .map(({ length, ...r }): SeriesRhythm => ({ ...r, until: iso(addDays(parseISO(r.firstDate), length)) })),
});

describe('generateMeetingDates (properties)', () => {
  it('only plans school days on the series weekday, in order, within the range and the move limit', () => {
    fc.assert(
      fc.property(caseArb, ({ region, overrides, rhythm }) => {
        const calendar = schoolCalendar(region, overrides);
        const { meetings, dropped } = generateMeetingDates(rhythm, calendar);
        const weekday = getISODay(parseISO(rhythm.firstDate));
        const maxShift = 7 * (rhythm.intervalWeeks - 1);

        meetings.forEach((m, i) => {
          expect(calendar.closedReason(m.date)).toBeNull();
          expect(getISODay(parseISO(m.date))).toBe(weekday);
          expect(getISODay(parseISO(m.plannedDate))).toBe(weekday);
          expect(m.date >= rhythm.firstDate && m.date <= rhythm.until).toBe(true);
          expect(m.startTime).toBe(rhythm.startTime);
          expect(Math.abs(days(m.plannedDate, m.date))).toBeLessThanOrEqual(maxShift);
          if (i > 0) expect(m.date > meetings[i - 1]!.date).toBe(true);
          // A note exactly when it moved, naming why the planned date was closed.
          const reason = calendar.closedReason(m.plannedDate);
          expect(m.note).toBe(m.date === m.plannedDate ? null : `verschoven: ${reason}`);
        });
        for (const d of dropped) {
          expect(d.note).toBe(`vervalt: ${calendar.closedReason(d.plannedDate)}`);
          expect(d.plannedDate >= rhythm.firstDate && d.plannedDate <= rhythm.until).toBe(true);
        }

        if (rhythm.continueFrom === 'grid') {
          // Every grid date up to `until` is accounted for exactly once: held (maybe moved) or dropped.
          const grid: IsoDate[] = [];
          for (let d = rhythm.firstDate; d <= rhythm.until; d = iso(addDays(parseISO(d), 7 * rhythm.intervalWeeks))) {
            grid.push(d);
          }
          const planned = [...meetings.map((m) => m.plannedDate), ...dropped.map((d) => d.plannedDate)].sort();
          expect(planned).toEqual(grid);
        }
      }),
      { numRuns: 200 },
    );
  });
});
