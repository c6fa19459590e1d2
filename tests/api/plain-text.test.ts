import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { students } from '../../db/schema';
import type { Backend } from '../../electron/api/context';
import type { MethodInput, MethodName } from '../../electron/app/contract';
import { dispatch } from '../../electron/app/dispatch';
import { call, makeBackend, newSchool, tempDir } from '../helpers/backend';
import { acceptedIntake, caseItemOf, documentsSchool, intakeAnswers, TODAY, type DocumentsSchool } from './documents-setup';

/**
 * Names and identifiers refuse invisible control characters (NUL, tab, line breaks, bidi
 * overrides) with a Dutch message naming the field; multiline text keeps its line breaks and tabs
 * but refuses NUL and bidi controls. Through the real dispatcher.
 */

const RLO = '\u202E';
const refusal = (label: string) => new RegExp(`^${label} bevat een onzichtbaar stuurteken`);

async function refused<M extends MethodName>(
  backend: Backend,
  method: M,
  input: MethodInput<M>,
): Promise<{ message: string; fields: Record<string, string> }> {
  const result = await dispatch(backend, method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  expect(result.error.code).toBe('VALIDATION');
  return { message: result.error.message, fields: result.error.fields ?? {} };
}

describe('control characters in names and identifiers', () => {
  let school: DocumentsSchool;
  let backend: Backend;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
    school = await documentsSchool();
    backend = school.backend;
  });
  afterAll(() => {
    backend.lock();
    school.dir.cleanup();
    vi.useRealTimers();
  });

  it('a new school refuses a NUL in its name, naming the field', async () => {
    const dir = tempDir();
    try {
      const { message, fields } = await refused(makeBackend(dir.path), 'vault.create', {
        ...newSchool,
        schoolName: 'Het Test\u0000lyceum',
      });
      expect(message).toMatch(refusal('De naam van de school'));
      expect(Object.keys(fields)).toEqual(['schoolName']);
    } finally {
      dir.cleanup();
    }
  });

  it('a student: a bidi override in the roepnaam, a tab in the leerlingnummer or klas', async () => {
    const student = {
      id: null,
      studentNumber: '700999',
      givenName: 'Daan',
      infix: '',
      familyName: 'Smit',
      birthDate: null,
      className: '2B',
      yearLevel: 2,
      level: 'havo',
      mentorId: null,
    };
    expect((await refused(backend, 'students.save', { ...student, givenName: `naaD${RLO}` })).fields).toEqual({
      givenName: expect.stringMatching(refusal('De roepnaam')),
    });
    expect((await refused(backend, 'students.save', { ...student, studentNumber: '700\t999' })).message).toMatch(
      refusal('Het leerlingnummer'),
    );
    expect((await refused(backend, 'students.save', { ...student, className: '2B\u2066' })).message).toMatch(refusal('De klas'));
  });

  it('a guardian, a staff member and a partner', async () => {
    const guardian = {
      id: null,
      studentId: school.jesseId,
      givenName: 'Piet',
      infix: '',
      familyName: 'Vries',
      relation: 'vader',
      parentalAuthority: false,
      street: 'Lindelaan',
      houseNumber: '4',
      postalCode: '3512 KL',
      city: 'Utrecht',
      email: '',
      phone: '',
      salutation: 'Geachte heer De Vries',
    };
    expect((await refused(backend, 'guardians.save', { ...guardian, city: 'Utrecht\r\nX' })).message).toMatch(refusal('De woonplaats'));
    expect((await refused(backend, 'guardians.save', { ...guardian, street: `Linde${RLO}laan` })).message).toMatch(refusal('De straat'));
    expect(
      (
        await refused(backend, 'staff.save', {
          id: null,
          name: 'Kees\u0000Kok',
          code: 'kko',
          functions: [],
          email: '',
          active: true,
        })
      ).message,
    ).toMatch(refusal('De naam'));
    expect(
      (
        await refused(backend, 'staff.save', {
          id: null,
          name: 'Kees Kok',
          code: 'kko',
          functions: ['LLCO\u0085'],
          email: '',
          active: true,
        })
      ).message,
    ).toMatch(refusal('Een functie'));
    expect(
      (
        await refused(backend, 'partners.save', {
          id: null,
          organisation: 'GGD\u2067',
          kind: 'ggd',
          contactName: '',
          email: '',
          phone: '',
          active: true,
        })
      ).message,
    ).toMatch(refusal('De organisatie'));
  });

  it('a series name with a line break (it would reach the calendar file), a meeting title, a calendar entry', async () => {
    const series = (await call(backend, 'series.list', {})).find((s) => s.id === school.iot)!;
    const { id, meetingCount: _count, ...rest } = series;
    expect((await refused(backend, 'series.save', { ...rest, id, name: 'IOT\r\nATTENDEE:mailto:x@example.org' })).fields).toEqual({
      name: expect.stringMatching(refusal('De naam')),
    });
    const meeting = {
      id: null,
      seriesId: null,
      title: 'MDO\tJesse',
      date: '2026-11-19',
      startTime: '09:00',
      durationMinutes: 60,
      location: '',
      note: null,
      chairId: null,
      secretaryId: null,
      attendees: { staffIds: [], partnerIds: [] },
    };
    expect((await refused(backend, 'meetings.save', meeting)).message).toMatch(refusal('De naam van het overleg'));
    expect((await refused(backend, 'meetings.save', { ...meeting, title: 'MDO', location: `B${RLO}1` })).message).toMatch(
      refusal('De plaats'),
    );
    expect(
      (
        await refused(backend, 'calendar.saveOverride', {
          id: null,
          kind: 'study-day',
          name: 'Studie\ndag',
          start: '2027-02-01',
          end: '2027-02-01',
          replaces: null,
        })
      ).message,
    ).toMatch(refusal('De omschrijving'));
  });

  it('school settings and an agenda item title', async () => {
    const settings = await call(backend, 'settings.get', {});
    expect((await refused(backend, 'settings.update', { ...settings, city: 'Utrecht\u2069' })).fields).toEqual({
      city: expect.stringMatching(refusal('De plaats')),
    });
    // The footer may have lines, not a NUL.
    await call(backend, 'settings.update', { ...settings, letterFooter: 'Lindelaan 1\nUtrecht' });
    expect((await refused(backend, 'settings.update', { ...settings, letterFooter: 'a\u0000' })).message).toMatch(refusal('De voettekst'));
    expect(
      (
        await refused(backend, 'agenda.addItem', {
          meetingId: school.meetingId,
          kind: 'overig',
          title: 'Rooster\n2027',
        })
      ).message,
    ).toMatch(refusal('De titel van het agendapunt'));
  });

  it('multiline text keeps line breaks and tabs, and refuses NUL and bidi overrides', async () => {
    await acceptedIntake(school, {
      studentId: school.jesseId,
      seriesId: school.iot,
      meetingId: school.meetingId,
      answers: intakeAnswers('Jesse'),
    });
    await call(backend, 'agenda.create', { meetingId: school.meetingId });
    const item = await caseItemOf(backend, school.meetingId, school.jesseId);
    const saved = await call(backend, 'minutes.saveField', {
      itemId: item.id,
      field: 'bespreking',
      text: 'Eerste punt\n\t- tweede',
      audience: 'intern',
      baseRevision: 0,
    });
    expect(saved.saved).toBe(true);
    const nul = await refused(backend, 'minutes.saveField', {
      itemId: item.id,
      field: 'bespreking',
      text: 'tekst\u0000',
      audience: 'intern',
      baseRevision: 1,
    });
    expect(nul.message).toMatch(refusal('De tekst'));
    const bidi = await refused(backend, 'minutes.saveField', {
      itemId: item.id,
      field: 'bespreking',
      text: `tekst ${RLO}`,
      audience: 'intern',
      baseRevision: 1,
    });
    expect(bidi.message).toMatch(refusal('De tekst'));

    const { id } = await call(backend, 'intakes.create', {
      studentId: school.saraId,
      anonymousYearLevel: null,
      seriesId: school.iot,
    });
    const draft = await call(backend, 'intakes.get', { id });
    const input = {
      id,
      revision: draft.revision,
      referrerId: school.bgr,
      referredOn: draft.referredOn,
      meetingId: school.meetingId,
    };
    await call(backend, 'intakes.saveDraft', { ...input, answers: { aanleiding: 'Regel één\nRegel twee\tmet tab' } });
    const answer = await refused(backend, 'intakes.saveDraft', {
      ...input,
      revision: draft.revision + 1,
      answers: { zorgen: { verzuim: `12 uur${RLO}` } },
    });
    expect(answer.fields).toEqual({ 'answers.zorgen': expect.stringMatching(refusal('Het antwoord')) });
  });

  it('a row stored before the rule (or imported) still reads back', async () => {
    backend.session!.vault.db.update(students).set({ givenName: 'Jes\tse' }).where(eq(students.id, school.jesseId)).run();
    expect((await call(backend, 'students.get', { id: school.jesseId })).givenName).toBe('Jes\tse');
  });
});
