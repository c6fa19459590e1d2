import { describe, expect, it } from 'vitest';
import { schoolCalendar } from '../../electron/features/schedule/calendar/school-calendar';
import { intakeDeadline } from '../../electron/features/schedule/intake-deadline';
import type { CalendarOverride } from '../../electron/features/schedule/types';
import { deadlineDate } from '../../electron/shared/dutch-dates';

// Region midden (resources/school-holidays.json): zomervakantie 18 Jul–30 Aug 2026,
// kerstvakantie 19 Dec 2026–3 Jan 2027, voorjaarsvakantie 20–28 Feb 2027, meivakantie 24 Apr–2 May 2027.
const midden = schoolCalendar('midden', []);

describe('intake deadline', () => {
  it('the first meeting after the summer: the first school day after the holiday, not a day in July', () => {
    // Tue 1 September 2026, 5 school days: Mon 31 August, then the count would run back into the summer
    // holiday (plain counting gave Tue 14 July 2026, a date in the previous school year).
    const deadline = intakeDeadline('2026-09-01', 5, midden);
    expect(deadline.date).toBe('2026-08-31');
    expect(deadline.note).toContain('zomervakantie');
    expect(deadline).toEqual({ date: '2026-08-31', note: 'eerste schooldag na de zomervakantie' });
  });

  it('a meeting right after the Christmas holiday: the first school day of January', () => {
    // Thu 7 January 2027: 6, 5, 4 January, then kerstvakantie.
    expect(intakeDeadline('2027-01-07', 5, midden)).toEqual({
      date: '2027-01-04',
      note: 'eerste schooldag na de kerstvakantie',
    });
    // Counting that ends exactly on the first school day after the holiday does not reach into it: no note.
    expect(intakeDeadline('2027-01-11', 5, midden)).toEqual({ date: '2027-01-04', note: null });
  });

  it('no school day between the holiday and the meeting: the meeting day itself', () => {
    // Mon 4 January 2027 is the first school day after kerstvakantie.
    expect(intakeDeadline('2027-01-04', 3, midden)).toEqual({
      date: '2027-01-04',
      note: 'geen schooldag tussen de kerstvakantie en het overleg: de dag van het overleg',
    });
    // Mon 1 March 2027, right after voorjaarsvakantie.
    expect(intakeDeadline('2027-03-01', 1, midden)).toEqual({
      date: '2027-03-01',
      note: 'geen schooldag tussen de voorjaarsvakantie en het overleg: de dag van het overleg',
    });
  });

  it('a single public holiday does not count as a school day, and the count simply goes on past it', () => {
    // Thu 1 April 2027, 5 school days: 31 and 30 March, Tweede Paasdag (29 March), the weekend and
    // Goede Vrijdag (26 March) do not count, then 25, 24, 23 March.
    expect(intakeDeadline('2027-04-01', 5, midden)).toEqual({ date: '2027-03-23', note: null });
  });

  it('a study day or a short day off of the school just does not count; a week of its own does stop the count', () => {
    const overrides: CalendarOverride[] = [
      { id: 's', kind: 'study-day', name: 'studiedag', start: '2027-02-10', end: '2027-02-10', replaces: null },
      { id: 'c', kind: 'holiday', name: 'carnaval', start: '2027-02-08', end: '2027-02-09', replaces: null },
      { id: 'w', kind: 'holiday', name: 'extra vrije week', start: '2027-06-07', end: '2027-06-11', replaces: null },
    ];
    const own = schoolCalendar('midden', overrides);
    // Fri 12 February 2027: 11 February, then studiedag and carnaval (Mon–Tue) are skipped: 5, 4, 3, 2 February.
    expect(intakeDeadline('2027-02-12', 5, own)).toEqual({ date: '2027-02-02', note: null });
    // Tue 15 June 2027: 14 June, then the school's own week off: the first school day after it is Mon 14 June.
    expect(intakeDeadline('2027-06-15', 5, own)).toEqual({
      date: '2027-06-14',
      note: 'eerste schooldag na de extra vrije week',
    });
  });

  it('skips closed days right after the holiday to find the first school day', () => {
    // meivakantie ends Sun 2 May 2027; a study day on Mon 3 May makes Tue 4 May the first school day.
    // (Fri 7 May: Hemelvaartsdag 6 May does not count, so the count runs back into the holiday.)
    const own = schoolCalendar('midden', [
      { id: 's', kind: 'study-day', name: 'studiedag', start: '2027-05-03', end: '2027-05-03', replaces: null },
    ]);
    expect(intakeDeadline('2027-05-07', 5, own)).toEqual({
      date: '2027-05-04',
      note: 'eerste schooldag na de meivakantie',
    });
  });

  it('zero school days is the meeting day, also right after a holiday', () => {
    expect(intakeDeadline('2026-12-15', 0, midden)).toEqual({ date: '2026-12-15', note: null });
    expect(intakeDeadline('2027-01-04', 0, midden)).toEqual({ date: '2027-01-04', note: null });
  });

  it('is pure: the same answer each time, from the calendar alone', () => {
    const first = intakeDeadline('2026-09-01', 5, midden);
    expect(intakeDeadline('2026-09-01', 5, midden)).toEqual(first);
    expect(intakeDeadline('2026-09-01', 5, schoolCalendar('midden', []))).toEqual(first);
  });
});

describe('deadlineDate', () => {
  it('leaves the year out within the school year of today', () => {
    expect(deadlineDate('2026-08-31', '2026-09-15')).toBe('31-08');
    // Another calendar year, the same school year.
    expect(deadlineDate('2027-01-04', '2026-12-01')).toBe('04-01');
    expect(deadlineDate('2027-07-31', '2026-08-01')).toBe('31-07');
  });

  it('shows the year for a date outside the school year of today', () => {
    expect(deadlineDate('2026-07-14', '2026-09-15')).toBe('14-07-2026');
    expect(deadlineDate('2026-08-01', '2026-07-31')).toBe('01-08-2026');
    expect(deadlineDate('2027-09-01', '2026-09-01')).toBe('01-09-2027');
  });
});
