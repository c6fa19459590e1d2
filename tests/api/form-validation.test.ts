import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/api/context';
import type { MethodInput, MethodName } from '../../electron/app/contract';
import { dispatch } from '../../electron/app/dispatch';
import { call } from '../helpers/backend';
import { documentsSchool, guardianInput, TODAY, type DocumentsSchool } from './documents-setup';

/**
 * What the forms send is checked by the contract with the rules the import uses: a leerlingnummer
 * is digits, a date of birth can be someone's, every date of the contract lies in a plausible year,
 * a number is refused rather than clamped, a phone number looks like one. Each refusal is Dutch,
 * names its field, and lands under that field (`fields`). Through the real dispatcher; the clock
 * is fixed at Monday 2 November 2026.
 */

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

const student: MethodInput<'students.save'> = {
  id: null,
  studentNumber: '700999',
  givenName: 'Daan',
  infix: '',
  familyName: 'Smit',
  birthDate: '2012-05-01',
  className: '2B',
  yearLevel: 2,
  level: 'havo',
  mentorId: null,
};

describe('form validation in the contract', () => {
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

  it('a leerlingnummer is a number: 10499X is refused as such, under the field', async () => {
    const { message, fields } = await refused(backend, 'students.save', { ...student, studentNumber: '10499X' });
    expect(message).toBe('Het leerlingnummer bestaat alleen uit cijfers; "10499X" is geen leerlingnummer.');
    expect(fields).toEqual({ studentNumber: message });
    expect((await refused(backend, 'students.save', { ...student, studentNumber: '  ' })).fields).toEqual({
      studentNumber: 'Vul het leerlingnummer in.',
    });
    expect((await refused(backend, 'students.save', { ...student, studentNumber: '12345678901' })).message).toBe(
      'Een leerlingnummer heeft hoogstens 10 cijfers.',
    );
  });

  it('a date of birth that cannot be anyone’s is refused; an unlikely age is let through', async () => {
    expect((await refused(backend, 'students.save', { ...student, birthDate: '1850-03-09' })).fields).toEqual({
      birthDate: 'Geboortedatum: 09-03-1850 kan niet kloppen; kies een datum tussen 1900 en 2100.',
    });
    expect((await refused(backend, 'students.save', { ...student, birthDate: '9999-12-31' })).message).toBe(
      'Geboortedatum: 31-12-9999 kan niet kloppen; kies een datum tussen 1900 en 2100.',
    );
    expect((await refused(backend, 'students.save', { ...student, birthDate: '2011-02-29' })).message).toBe(
      'Geboortedatum: 29-02-2011 bestaat niet.',
    );
    expect((await refused(backend, 'students.save', { ...student, birthDate: '09-03-2011' })).message).toBe(
      'Geboortedatum: vul een datum in als dd-mm-jjjj.',
    );
    // After "today" (2 November 2026): the people rule says so.
    expect((await refused(backend, 'students.save', { ...student, birthDate: '2026-11-03' })).message).toBe(
      'De geboortedatum 03-11-2026 kan niet kloppen.',
    );

    // Six years old is unlikely at a secondary school, but a warning only: the form asks, the contract stores.
    const { id } = await call(backend, 'students.save', {
      ...student,
      studentNumber: '700998',
      birthDate: '2020-01-01',
    });
    expect((await call(backend, 'students.get', { id })).birthDate).toBe('2020-01-01');
  });

  it('a leerjaar out of range or a fraction is refused, not clamped', async () => {
    for (const yearLevel of [9, 0, 2.5]) {
      const { message, fields } = await refused(backend, 'students.save', { ...student, yearLevel });
      expect(message).toBe('Leerjaar: kies 1 t/m 6.');
      expect(Object.keys(fields)).toEqual(['yearLevel']);
    }
    const { id } = await call(backend, 'students.save', { ...student, studentNumber: '700997', yearLevel: 6 });
    expect((await call(backend, 'students.get', { id })).yearLevel).toBe(6);
  });

  it('a phone number must look like one: guardians, partners and the school', async () => {
    const guardian = guardianInput(
      {
        givenName: 'Piet',
        infix: '',
        familyName: 'Smit',
        relation: 'vader',
        parentalAuthority: true,
        street: 'Kade',
        houseNumber: '2',
        postalCode: '3511 AA',
        city: 'Utrecht',
        salutation: 'Geachte heer Smit',
      },
      school.jesseId,
    );
    const abc = '"abc" is geen telefoonnummer; schrijf bijvoorbeeld 06-12345678 of +31 6 12345678.';
    expect(await refused(backend, 'guardians.save', { ...guardian, phone: 'abc' })).toEqual({
      message: abc,
      fields: { phone: abc },
    });
    expect((await refused(backend, 'guardians.save', { ...guardian, phone: '06-1234' })).fields.phone).toMatch(
      /^"06-1234" is geen telefoonnummer/,
    );
    await call(backend, 'guardians.save', { ...guardian, phone: '+31 6 1234 5678' });

    const partner = {
      id: null,
      organisation: 'Jeugdteam West',
      kind: 'jeugdhulp' as const,
      contactName: '',
      email: '',
      phone: 'abc',
      active: true,
    };
    expect((await refused(backend, 'partners.save', partner)).fields).toEqual({ phone: abc });
    await call(backend, 'partners.save', { ...partner, phone: '(030) 123 45 67' });

    const settings = await call(backend, 'settings.get', {});
    expect((await refused(backend, 'settings.update', { ...settings, phone: 'abc' })).fields).toEqual({ phone: abc });
    await call(backend, 'settings.update', { ...settings, phone: '030 123 45 67' });
  });

  it('every date field of the contract refuses 1850 and 9999-12-31, naming its field', async () => {
    const implausible = (label: string, iso: string) =>
      `${label}: ${iso.slice(8)}-${iso.slice(5, 7)}-${iso.slice(0, 4)} kan niet kloppen; kies een datum tussen 1900 en 2100.`;
    for (const date of ['1850-03-01', '9999-12-31']) {
      const meeting = (await call(backend, 'schedule.overview', { schoolYear: '2026-2027' })).meetings[0]!;
      const { id, seriesId, title, startTime, durationMinutes, location, note, chairId, secretaryId, attendees } = meeting;
      expect(
        (
          await refused(backend, 'meetings.save', {
            id,
            seriesId,
            title,
            date,
            startTime,
            durationMinutes,
            location,
            note,
            chairId,
            secretaryId,
            attendees,
          })
        ).fields,
      ).toEqual({
        date: implausible('Datum', date),
      });
      expect(
        (
          await refused(backend, 'calendar.saveOverride', {
            id: null,
            kind: 'study-day',
            name: 'studiedag',
            start: date,
            end: '2026-11-09',
            replaces: null,
          })
        ).fields.start,
      ).toBe(implausible('Van', date));
      expect(
        (
          await refused(backend, 'schedule.previewYear', {
            seriesId: school.iot,
            schoolYear: '2026-2027',
            firstDate: date,
          })
        ).message,
      ).toBe(implausible('Eerste overleg', date));
      expect((await refused(backend, 'students.setStatus', { id: school.jesseId, status: 'left', leftOn: date })).fields).toEqual({
        leftOn: implausible('Uitgeschreven per', date),
      });
      expect(
        (
          await refused(backend, 'audit.list', {
            filter: { userId: null, studentId: null, from: date, to: null },
            before: null,
            limit: 10,
          })
        ).message,
      ).toBe(implausible('Van', date));
      expect(
        (
          await refused(backend, 'consent.record', {
            studentId: school.jesseId,
            signer: { kind: 'student' },
            decision: 'given',
            purposes: ['bespreking'],
            partnerIds: [school.leerplicht],
            method: 'schriftelijk',
            informationGiven: '',
            givenOn: date,
            validUntil: null,
            untilCaseClosed: false,
          })
        ).fields,
      ).toEqual({ givenOn: implausible('Datum van de toestemming', date) });
      expect(
        (
          await refused(backend, 'consent.withdraw', {
            id: 'x',
            withdrawnOn: date,
            withdrawnBy: 'Marieke de Vries',
            note: '',
          })
        ).fields,
      ).toEqual({ withdrawnOn: implausible('Datum van intrekking', date) });
      const track = {
        id: null,
        studentId: school.jesseId,
        openedOn: '2026-10-01',
        steps: {},
        outcome: null,
        parentsInformed: false,
        parentsInformedNote: '',
        closedOn: null,
      };
      expect((await refused(backend, 'meldcode.save', { ...track, openedOn: date })).fields).toEqual({
        openedOn: implausible('Gestart op', date),
      });
      expect((await refused(backend, 'meldcode.save', { ...track, closedOn: date })).fields).toEqual({
        closedOn: implausible('Afgesloten op', date),
      });
      expect((await refused(backend, 'meldcode.save', { ...track, steps: { signalen: { date, notes: '' } } })).fields).toEqual({
        'steps.signalen.date': implausible('Datum van de stap', date),
      });
      expect(
        (
          await refused(backend, 'intakes.saveDraft', {
            id: 'x',
            revision: 1,
            referrerId: null,
            referredOn: date,
            meetingId: null,
            answers: {},
          })
        ).fields,
      ).toEqual({
        referredOn: implausible('Datum van aanmelding', date),
      });
      const due = await refused(backend, 'actions.save', {
        itemId: 'x',
        what: 'Bellen',
        holder: null,
        due: { kind: 'datum', date },
        audience: 'intern',
      });
      expect(due.message).toBe(implausible('Deadline', date));
    }
  });
});
