import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/api/context';
import type { MethodInput } from '../../electron/app/contract';
import { call, callError, makeBackend, newSchool, tempDir } from '../helpers/backend';
import { paragraphTexts, tables, unzipDocx } from '../docx/docx-text';

const schoolYear = '2026-2027';

/** "di 8 sep", worked out with Intl rather than date-fns so the test does not copy the code. */
function dutchDay(date: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  const part = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('nl-NL', { ...options, timeZone: 'UTC' }).format(at);
  return `${part({ weekday: 'short' })} ${part({ day: 'numeric' })} ${part({ month: 'short' }).replace(/\.$/, '')}`;
}
const nobody = { chairId: null, secretaryId: null, attendees: { staffIds: [], partnerIds: [] } };

/** IOT every five weeks on Tuesday 14:00, as domain.md describes it. */
function iot(staffIds: string[]): MethodInput<'series.save'> {
  return {
    id: null,
    name: 'IOT',
    kind: 'IOT',
    intervalWeeks: 5,
    weekday: 2,
    startTime: '14:00',
    durationMinutes: 90,
    location: 'Lokaal 1.12',
    chairId: staffIds[0] ?? null,
    secretaryId: null,
    withExternalPartners: false,
    intakeDeadlineSchoolDays: 5,
    moveRule: 'week-after',
    continueFrom: 'grid',
    color: 'teal',
    active: true,
    attendees: { staffIds, partnerIds: [] },
  };
}

describe('year schedule', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  let awo: string;
  beforeEach(async () => {
    dir = tempDir();
    backend = makeBackend(dir.path);
    await call(backend, 'vault.create', newSchool);
    // The first user is a staff member too.
    awo = (await call(backend, 'staff.list', {})).find((s) => s.code === 'awo')!.id;
  });
  afterEach(() => {
    backend.lock();
    dir.cleanup();
  });

  async function planIot(firstDate = '2026-09-01') {
    const { id } = await call(backend, 'series.save', iot([awo]));
    const preview = await call(backend, 'schedule.previewYear', { seriesId: id, schoolYear, firstDate });
    const applied = await call(backend, 'schedule.applyYear', { seriesId: id, schoolYear, firstDate });
    return { seriesId: id, preview, applied };
  }

  it('plans a year around the holidays, with intake deadlines, and keeps it after a restart', async () => {
    const { preview, applied } = await planIot();
    expect(applied.added).toBe(preview.add.length);
    expect(preview.add.length).toBeGreaterThanOrEqual(7);
    const overview = await call(backend, 'schedule.overview', { schoolYear });
    expect(overview.meetings).toHaveLength(applied.added);
    for (const m of overview.meetings) {
      const inHoliday = overview.daysOff.find((d) => d.start <= m.date && m.date <= d.end);
      expect(inHoliday, `${m.date} valt in ${inHoliday?.name}`).toBeUndefined();
      expect(m.intakeDeadline! < m.date).toBe(true);
      expect(m.startTime).toBe('14:00');
    }
    // Grid date 2027-02-23 falls in voorjaarsvakantie midden (20-28 February): one week later, with the reason.
    const spring = overview.meetings.find((m) => m.note !== null);
    expect(spring).toMatchObject({ date: '2027-03-02', note: 'verschoven: voorjaarsvakantie' });
    // Five school days before would reach back into a holiday: the deadline is the first school day after it.
    expect(spring).toMatchObject({
      intakeDeadline: '2027-03-01',
      intakeDeadlineNote: 'eerste schooldag na de voorjaarsvakantie',
    });
    // The first meeting after the summer: Mon 31 August, not a day in July of the previous school year.
    expect(overview.meetings[0]).toMatchObject({
      date: '2026-09-01',
      intakeDeadline: '2026-08-31',
      intakeDeadlineNote: 'eerste schooldag na de zomervakantie',
    });
    expect(overview.meetings.find((m) => m.date === '2026-10-06')).toMatchObject({
      intakeDeadline: '2026-09-29',
      intakeDeadlineNote: null,
    });

    backend.lock();
    const { environments } = await call(backend, 'vault.status', {});
    await call(backend, 'vault.unlock', {
      environmentId: environments[0]!.id,
      userId: environments[0]!.users[0]!.id,
      passphrase: newSchool.passphrase,
    });
    expect((await call(backend, 'schedule.overview', { schoolYear })).meetings).toHaveLength(applied.added);
  });

  it('regenerating leaves a meeting moved by hand alone and keeps the others as the same meetings', async () => {
    const { seriesId } = await planIot();
    const before = (await call(backend, 'schedule.overview', { schoolYear })).meetings;
    const second = before[1]!;
    await call(backend, 'meetings.save', {
      ...second,
      id: second.id,
      date: '2026-10-08',
      note: 'verplaatst: ouderavond',
    });

    // The rhythm a week later: meetings move, except the one moved by hand.
    const preview = await call(backend, 'schedule.previewYear', { seriesId, schoolYear, firstDate: '2026-09-08' });
    expect(preview.kept.map((k) => k.meetingId)).toEqual([second.id]);
    expect(preview.kept[0]!.keptBecause).toMatch(/met de hand/);
    expect(preview.remove.map((r) => r.meetingId)).not.toContain(second.id);
    expect(preview.move.length).toBeGreaterThanOrEqual(5);
    await call(backend, 'schedule.applyYear', { seriesId, schoolYear, firstDate: '2026-09-08' });
    const after = (await call(backend, 'schedule.overview', { schoolYear })).meetings;
    expect(after.find((m) => m.id === second.id)).toMatchObject({ date: '2026-10-08', note: 'verplaatst: ouderavond' });
    // Meetings before the new first date are left alone.
    expect(after.find((m) => m.id === before[0]!.id)?.date).toBe('2026-09-01');
    // Moved meetings keep their identity, so calendar programs update instead of duplicating.
    const movedIds = preview.move.map((m) => m.meetingId);
    expect(movedIds.every((id) => after.some((m) => m.id === id))).toBe(true);
  });

  it('refuses a meeting on a holiday with the reason, changing nothing', async () => {
    await planIot();
    const [first] = (await call(backend, 'schedule.overview', { schoolYear })).meetings;
    const error = await callError(backend, 'meetings.save', { ...first!, id: first!.id, date: '2026-10-20' });
    expect(error.code).toBe('DAY_OFF');
    expect(error.message).toBe('Op dinsdag 20 oktober 2026 kan geen overleg plaatsvinden: herfstvakantie. Kies een andere datum.');
    const again = (await call(backend, 'schedule.overview', { schoolYear })).meetings;
    expect(again[0]!.date).toBe(first!.date);
  });

  it('refuses invalid dates and times with a Dutch message', async () => {
    const { seriesId } = await planIot();
    const bad = await callError(backend, 'schedule.previewYear', { seriesId, schoolYear, firstDate: '2026-02-30' });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toBe('Eerste overleg: 30-02-2026 bestaat niet.');
    const wrongDay = await callError(backend, 'schedule.previewYear', {
      seriesId,
      schoolYear,
      firstDate: '2026-09-02',
    });
    expect(wrongDay.message).toBe('De eerste datum valt op een woensdag; IOT is op dinsdag.');
    const outside = await callError(backend, 'schedule.previewYear', { seriesId, schoolYear, firstDate: '2027-09-07' });
    expect(outside.message).toContain('in schooljaar 2026-2027');
    const time = await callError(backend, 'series.save', { ...iot([awo]), startTime: '25:00' });
    expect(time.message).toContain('Begintijd: vul een tijd in als 14:00');
    const range = await callError(backend, 'calendar.saveOverride', {
      id: null,
      kind: 'study-day',
      name: 'studiedag',
      start: '2026-11-10',
      end: '2026-11-09',
      replaces: null,
    });
    expect(range.message).toContain('De einddatum ligt vóór de begindatum.');
  });

  it('a study day added later shows up when the year is planned again', async () => {
    const { seriesId } = await planIot();
    const meetings = (await call(backend, 'schedule.overview', { schoolYear })).meetings;
    const target = meetings[2]!;
    await call(backend, 'calendar.saveOverride', {
      id: null,
      kind: 'study-day',
      name: 'studiedag',
      start: target.date,
      end: target.date,
      replaces: null,
    });
    const overview = await call(backend, 'schedule.overview', { schoolYear });
    expect(overview.daysOff.some((d) => d.source === 'school' && d.start === target.date)).toBe(true);
    const preview = await call(backend, 'schedule.previewYear', { seriesId, schoolYear, firstDate: '2026-09-01' });
    expect(preview.move.map((m) => m.meetingId)).toEqual([target.id]);
    expect(preview.move[0]!.note).toBe('verschoven: studiedag');
  });

  it('warns when two series need the same person at the same time', async () => {
    await planIot();
    const { id: zat } = await call(backend, 'series.save', { ...iot([awo]), name: 'ZAT', kind: 'ZAT', color: 'grape' });
    const preview = await call(backend, 'schedule.previewYear', { seriesId: zat, schoolYear, firstDate: '2026-09-01' });
    expect(preview.collisions.length).toBeGreaterThan(0);
    expect(preview.collisions[0]).toMatchObject({
      date: '2026-09-01',
      a: 'ZAT 14:00',
      b: 'IOT 14:00',
      sharedPeople: ['awo'],
    });
  });

  it('exports the year as .ics with one event per meeting and as a Word document', async () => {
    const { seriesId, applied } = await planIot();
    const ics = await call(backend, 'schedule.exportIcs', { schoolYear, seriesId });
    expect(ics.fileName).toBe('IOT 2026-2027.ics');
    expect(ics.content.match(/BEGIN:VEVENT/g)).toHaveLength(applied.added);
    expect(ics.content).toContain('TZID=Europe/Amsterdam');
    // The Word document: read as a reader would, one table row per meeting of the year.
    const docx = await call(backend, 'schedule.exportDocx', { schoolYear });
    const { document } = await unzipDocx(Buffer.from(docx.contentBase64, 'base64'));
    const texts = paragraphTexts(document);
    expect(texts[0]).toBe('Jaarrooster zorgoverleggen 2026-2027');
    expect(texts[1]).toMatch(/^Het Testlyceum {2}· {2}gemaakt op \d{1,2} [a-z]+ 20\d\d$/);
    const { meetings } = await call(backend, 'schedule.overview', { schoolYear });
    const rows = tables(document)[0]!.filter((cells) => cells.length === 6);
    expect(rows[0]).toEqual(['Datum', 'Tijd', 'Overleg', 'Locatie', 'Aanmelden t/m', 'Opmerking']);
    expect(rows.slice(1).map((cells) => cells.slice(0, 4))).toEqual(
      meetings.map((m) => [dutchDay(m.date), '14:00–15:30', 'IOT', 'Lokaal 1.12']),
    );
    // Deadlines as dd-mm; one that is not plain counting is marked, and the line under the table says why.
    const ddmm = (date: string) => `${date.slice(8, 10)}-${date.slice(5, 7)}`;
    // The mark is the note's number in superscript ("31-08¹", read as "31-081").
    const noteNumber = (m: (typeof meetings)[number]) =>
      texts.find((t) => t.endsWith(` ${ddmm(m.intakeDeadline!)}: ${m.intakeDeadlineNote}`))?.split(' ')[0];
    expect(rows.slice(1).map((cells) => cells[4])).toEqual(
      meetings.map((m) => `${ddmm(m.intakeDeadline!)}${m.intakeDeadlineNote ? noteNumber(m) : ''}`),
    );
    const noted = meetings.find((m) => m.intakeDeadlineNote)!;
    expect(noteNumber(noted)).toMatch(/^\d+$/);
    // A meeting moved off a holiday says why, in the document too.
    expect(meetings.some((m) => m.note?.startsWith('verschoven: '))).toBe(true);
    expect(rows.slice(1).map((cells) => cells[5])).toEqual(meetings.map((m) => m.note ?? ''));
  });

  it('planning again from a later date leaves the earlier meetings alone', async () => {
    const { seriesId } = await planIot();
    const before = (await call(backend, 'schedule.overview', { schoolYear })).meetings;
    const preview = await call(backend, 'schedule.previewYear', { seriesId, schoolYear, firstDate: '2027-01-12' });
    expect(preview.remove.filter((r) => r.from!.date < '2027-01-12')).toEqual([]);
    await call(backend, 'schedule.applyYear', { seriesId, schoolYear, firstDate: '2027-01-12' });
    const after = (await call(backend, 'schedule.overview', { schoolYear })).meetings;
    expect(after.filter((m) => m.date < '2027-01-12').map((m) => m.id)).toEqual(
      before.filter((m) => m.date < '2027-01-12').map((m) => m.id),
    );
  });

  it('an extra meeting added by hand never stands in for a regular one', async () => {
    const { seriesId } = await planIot();
    const { id: extra } = await call(backend, 'meetings.save', {
      id: null,
      seriesId,
      title: 'IOT extra',
      date: '2026-09-03',
      startTime: '09:00',
      durationMinutes: 60,
      location: '',
      note: null,
      ...nobody,
    });
    await call(backend, 'meetings.save', {
      id: extra,
      seriesId,
      title: 'IOT extra',
      date: '2026-09-04',
      startTime: '09:00',
      durationMinutes: 60,
      location: '',
      note: null,
      ...nobody,
    });
    const preview = await call(backend, 'schedule.previewYear', { seriesId, schoolYear, firstDate: '2026-09-01' });
    expect(preview).toMatchObject({ add: [], move: [], remove: [], kept: [] });
    expect(preview.unchanged).toBe(10);
  });

  it('changes to a series reach its meetings, except those edited by hand', async () => {
    const { seriesId } = await planIot();
    const [first, second] = (await call(backend, 'schedule.overview', { schoolYear })).meetings;
    await call(backend, 'meetings.save', { ...first!, id: first!.id, location: 'Aula' });
    await call(backend, 'series.save', { ...iot([awo]), id: seriesId, location: 'Lokaal 0.01', durationMinutes: 60 });
    const after = (await call(backend, 'schedule.overview', { schoolYear })).meetings;
    expect(after.find((m) => m.id === first!.id)).toMatchObject({ location: 'Aula', durationMinutes: 90 });
    expect(after.find((m) => m.id === second!.id)).toMatchObject({
      location: 'Lokaal 0.01',
      durationMinutes: 60,
      endTime: '15:00',
    });
  });

  it('a removed meeting is exported as cancelled, so calendars drop it', async () => {
    const { seriesId } = await planIot();
    const [first] = (await call(backend, 'schedule.overview', { schoolYear })).meetings;
    await call(backend, 'meetings.remove', { id: first!.id });
    const ics = await call(backend, 'schedule.exportIcs', { schoolYear, seriesId });
    const cancelled = ics.content.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${first!.id}@zorgoverleg`));
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('SEQUENCE:1');
  });

  it('keeps hand-typed titles and notes out of the calendar file', async () => {
    const { seriesId } = await planIot();
    const [first] = (await call(backend, 'schedule.overview', { schoolYear })).meetings;
    await call(backend, 'meetings.save', {
      ...first!,
      id: first!.id,
      title: 'IOT over Sanne',
      note: 'bespreking Sanne de Vries',
    });
    const ics = await call(backend, 'schedule.exportIcs', { schoolYear, seriesId });
    expect(ics.content).not.toContain('Sanne');
  });

  it('a study day added on a planned meeting flags it, and it can still be edited', async () => {
    await planIot();
    const [first] = (await call(backend, 'schedule.overview', { schoolYear })).meetings;
    await call(backend, 'calendar.saveOverride', {
      id: null,
      kind: 'study-day',
      name: 'studiedag',
      start: first!.date,
      end: first!.date,
      replaces: null,
    });
    const flagged = (await call(backend, 'schedule.overview', { schoolYear })).meetings[0]!;
    expect(flagged.dayOff).toBe('studiedag');
    await call(backend, 'meetings.save', { ...flagged, id: flagged.id, location: 'Aula' });
    const notHoliday = await callError(backend, 'calendar.saveOverride', {
      id: null,
      kind: 'study-day',
      name: 'x',
      start: '2026-10-01',
      end: '2026-10-01',
      replaces: 'herfstvakantie',
    });
    expect(notHoliday.message).toContain('Alleen een vakantie kan een officiële vakantie vervangen.');
    const pastMidnight = await callError(backend, 'meetings.save', {
      ...flagged,
      id: flagged.id,
      startTime: '23:00',
      durationMinutes: 120,
    });
    expect(pastMidnight.message).toContain('Het overleg moet op dezelfde dag eindigen.');
  });

  it('each meeting keeps its own attendees, starting from the series', async () => {
    await planIot();
    const [first, second] = (await call(backend, 'schedule.overview', { schoolYear })).meetings;
    expect(first!.attendees.staffIds).toEqual([awo]);
    expect(first!.chairId).toBe(awo);
    const { id: guest } = await call(backend, 'staff.save', {
      id: null,
      name: 'Ruben Vos',
      code: 'rvo',
      functions: ['schoolpsycholoog'],
      email: '',
      active: true,
    });
    await call(backend, 'meetings.save', {
      ...first!,
      id: first!.id,
      attendees: { staffIds: [awo, guest], partnerIds: [] },
    });
    const after = (await call(backend, 'schedule.overview', { schoolYear })).meetings;
    expect(after[0]).toMatchObject({
      movedByHand: true,
      attendees: { staffIds: expect.arrayContaining([awo, guest]) },
    });
    expect(after[1]!.attendees.staffIds).toEqual(second!.attendees.staffIds);
  });
});
