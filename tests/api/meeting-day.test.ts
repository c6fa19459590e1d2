import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../helpers/backend';
import { apiError, documentsSchool, type DocumentsSchool } from './documents-setup';

/**
 * Issue 23, points 6 and 7 through the real dispatcher: a letter reporting on a meeting still to
 * come says so before it is made, and a series keeps its first meeting's date (stored, across a
 * lock), refused by name when it is not on the rhythm's weekday. Clock: Monday 2 November 2026.
 */

const TODAY = new Date(2026, 10, 2, 10, 0, 0);
const noOptions = { includeWithoutAuthority: [], copyToParents: true };

describe('meeting dates', () => {
  let school: DocumentsSchool;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
    school = await documentsSchool();
  });
  afterEach(() => {
    school.backend.lock();
    school.dir.cleanup();
    vi.useRealTimers();
  });

  it('warns that a letter about what was decided, dated today, speaks of a meeting that has not taken place yet', async () => {
    const { backend, meetingId } = school;
    await call(backend, 'agenda.create', { meetingId });
    await call(backend, 'agenda.addItem', {
      meetingId,
      kind: 'casus',
      studentId: school.jesseId,
      intakeId: null,
      origin: 'handmatig',
    });
    const ahead =
      'Dit overleg is pas op 12 november 2026: deze brief, gedateerd vandaag, zegt dat het al is geweest. Maak hem na het overleg.';
    const before = await call(backend, 'letters.cases', { meetingId, templateId: 'terugkoppeling', ...noOptions });
    expect(before.cases[0]!.warnings).toContain(ahead);
    // An invitation is about a meeting to come: nothing to warn about.
    const invitation = await call(backend, 'letters.cases', { meetingId, templateId: 'uitnodiging', ...noOptions });
    expect(invitation.cases[0]!.warnings).not.toContain(ahead);
    // On the day of the meeting the letter may report on it.
    vi.setSystemTime(new Date(2026, 10, 12, 16, 0, 0));
    const after = await call(backend, 'letters.cases', { meetingId, templateId: 'terugkoppeling', ...noOptions });
    expect(after.cases[0]!.warnings).not.toContain(ahead);
  });

  it("keeps a series' first meeting date across a lock, refuses one off the rhythm's weekday by name, and has none for a series by appointment", async () => {
    const { backend } = school;
    const zat = (await call(backend, 'series.list', {})).find((s) => s.id === school.zat)!;
    expect(zat.firstDate).toBeNull();
    const { id: _id, meetingCount: _count, ...fields } = zat;
    await call(backend, 'series.save', { ...fields, id: zat.id, firstDate: '2027-01-12' });

    const wrongDay = await apiError(backend, 'series.save', { ...fields, id: zat.id, firstDate: '2027-01-13' });
    expect(wrongDay.code).toBe('VALIDATION');
    expect(wrongDay.fields).toEqual({
      firstDate: 'Eerste overleg: 13 januari 2027 is een woensdag; het ritme is op dinsdag.',
    });
    const notADate = await apiError(backend, 'series.save', {
      ...fields,
      id: zat.id,
      firstDate: '01-09-202601-09-2026',
    });
    expect(notADate.fields?.firstDate).toMatch(/^Eerste overleg: /);

    const { environments } = await call(backend, 'vault.status', {});
    await call(backend, 'vault.lock', {});
    await call(backend, 'vault.unlock', {
      environmentId: environments[0]!.id,
      userId: school.coordinatorUserId,
      passphrase: 'correct paard batterij',
    });
    expect((await call(backend, 'series.list', {})).find((s) => s.id === zat.id)!.firstDate).toBe('2027-01-12');

    const { id } = await call(backend, 'series.save', {
      ...fields,
      id: null,
      name: 'MDO',
      intervalWeeks: null,
      weekday: null,
      firstDate: '2027-01-12',
    });
    expect((await call(backend, 'series.list', {})).find((s) => s.id === id)!.firstDate).toBeNull();
  });
});
