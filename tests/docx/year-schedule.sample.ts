import type { YearScheduleDayOff, YearScheduleDocument, YearScheduleMeeting } from '../../electron/export/docx/year-schedule';
import { lindeboom } from './fixtures';

/** A full school year for the year schedule's tests: the XML test and the render check share it. */

/** Region midden, 2026-2027 (approximately the official dates, plus a school study day). */
export const daysOff: YearScheduleDayOff[] = [
  { start: '2026-10-17', end: '2026-10-25', name: 'herfstvakantie' },
  { start: '2026-12-19', end: '2027-01-03', name: 'kerstvakantie' },
  { start: '2027-02-10', end: '2027-02-10', name: 'studiedag' },
  { start: '2027-02-20', end: '2027-02-28', name: 'voorjaarsvakantie' },
  { start: '2027-03-26', end: '2027-03-26', name: 'Goede Vrijdag' },
  { start: '2027-03-29', end: '2027-03-29', name: 'Tweede Paasdag' },
  { start: '2027-04-24', end: '2027-05-09', name: 'meivakantie' },
  { start: '2027-05-17', end: '2027-05-17', name: 'Tweede Pinksterdag' },
  { start: '2027-07-17', end: '2027-08-29', name: 'zomervakantie' },
];

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return next.toISOString().slice(0, 10);
}

const dayOffOn = (date: string) => daysOff.find((day) => day.start <= date && date <= day.end);

/** Every four weeks from the first date; a date in a holiday moves a week later, as the planner does. */
function series(
  seriesName: string,
  firstDate: string,
  times: [string, string],
  location: string,
  intakeDaysBefore: number | null,
): YearScheduleMeeting[] {
  const meetings: YearScheduleMeeting[] = [];
  for (let grid = firstDate; grid <= '2027-07-09'; grid = addDays(grid, 28)) {
    let date = grid;
    let note: string | null = null;
    for (let off = dayOffOn(date); off !== undefined; off = dayOffOn(date)) {
      date = addDays(date, 7);
      note = `verschoven: ${off.name}`;
    }
    if (date > '2027-07-09') continue;
    meetings.push({
      date,
      startTime: times[0],
      endTime: times[1],
      seriesName,
      location,
      note,
      intakeDeadline: intakeDaysBefore === null ? null : addDays(date, -intakeDaysBefore),
      intakeDeadlineNote: null,
    });
  }
  return meetings;
}

/** Three series across the year, about 33 meetings: what a real school prints. */
export const meetings: YearScheduleMeeting[] = [
  ...series('IOT onderbouw', '2026-09-08', ['14:00', '15:30'], 'Lokaal 1.12', 7),
  ...series('ZAT', '2026-09-17', ['09:00', '10:30'], 'Vergaderkamer', 10),
  ...series('MDO bovenbouw', '2026-09-23', ['13:30', '15:00'], 'Mediatheek', null),
];
// A hand-written note as the team would add one.
const firstZat = meetings.find((meeting) => meeting.seriesName === 'ZAT');
if (firstZat !== undefined) firstZat.note = 'met jeugdarts en leerplicht';

export const sample: YearScheduleDocument = {
  schoolYear: '2026-2027',
  letterhead: lindeboom,
  generatedOn: '2026-08-24',
  meetings,
  daysOff,
};
