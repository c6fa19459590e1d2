import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/api/context';
import { call, makeBackend, newSchool, tempDir } from '../helpers/backend';

/**
 * Issue 23: with no meeting with external partners within ten weeks the consent form has nothing
 * to tick; the overview then offers the partners of the student's intake meeting, or of its series.
 * The clock is fixed (Monday 2 November 2026).
 */
const TODAY = new Date(2026, 10, 2, 10, 0, 0);

describe('the partners the consent form offers', () => {
  let dir: ReturnType<typeof tempDir>;
  let backend: Backend;
  let studentId: string;
  let ggd: string;
  let leerplicht: string;
  let wijkteam: string;
  let flexzat: string;

  const series = (name: string, partnerIds: string[]) =>
    call(backend, 'series.save', {
      id: null,
      name,
      kind: 'FlexZAT',
      intervalWeeks: null,
      weekday: null,
      startTime: '13:30',
      durationMinutes: 60,
      location: 'Kamer 1.12',
      chairId: null,
      secretaryId: null,
      withExternalPartners: true,
      intakeDeadlineSchoolDays: 0,
      moveRule: 'week-after',
      continueFrom: 'grid',
      color: 'grape',
      active: true,
      attendees: { staffIds: [], partnerIds },
    });
  const meeting = (seriesId: string, date: string, partnerIds: string[]) =>
    call(backend, 'meetings.save', {
      id: null,
      seriesId,
      title: 'FlexZAT',
      date,
      startTime: '13:30',
      durationMinutes: 60,
      location: 'Kamer 1.12',
      note: null,
      chairId: null,
      secretaryId: null,
      attendees: { staffIds: [], partnerIds },
    });
  const offer = async () => (await call(backend, 'consent.overview', { studentId })).partnerOffer;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
    dir = tempDir();
    backend = makeBackend(dir.path);
    await call(backend, 'vault.create', newSchool);
    const partner = async (organisation: string, kind: 'ggd' | 'leerplicht' | 'jeugdhulp') =>
      (
        await call(backend, 'partners.save', {
          id: null,
          organisation,
          kind,
          contactName: '',
          email: '',
          phone: '',
          active: true,
        })
      ).id;
    ggd = await partner('GGD jeugdarts', 'ggd');
    leerplicht = await partner('Leerplicht Utrecht', 'leerplicht');
    wijkteam = await partner('Sociaal Wijkteam Utrecht-Noordwest en Overvecht', 'jeugdhulp');
    studentId = (
      await call(backend, 'students.save', {
        id: null,
        studentNumber: '700101',
        givenName: 'Daan',
        infix: 'de',
        familyName: 'Vries',
        birthDate: '2012-03-10',
        className: '2B',
        yearLevel: 2,
        level: 'havo',
        mentorId: null,
      })
    ).id;
    flexzat = (await series('FlexZAT', [ggd, wijkteam])).id;
  });
  afterEach(() => {
    backend.lock();
    dir.cleanup();
    vi.useRealTimers();
  });

  it(
    'offers nothing without an intake, the series partners for an intake by appointment, and the meeting ' + 'partners once it has one',
    async () => {
      expect(await offer()).toBeNull();

      // Handed in for the FlexZAT, which meets by appointment: no meeting yet, so the series' partners.
      const { id: intakeId } = await call(backend, 'intakes.create', {
        studentId,
        anonymousYearLevel: null,
        seriesId: flexzat,
      });
      expect(await offer()).toEqual({
        label: 'FlexZAT',
        partners: [
          { id: ggd, name: 'GGD jeugdarts' },
          { id: wijkteam, name: 'Sociaal Wijkteam Utrecht-Noordwest en Overvecht' },
        ],
      });

      // A FlexZAT fifteen weeks ahead, with leerplicht at the table: the meeting's partners, not the series'.
      const later = await meeting(flexzat, '2027-02-15', [leerplicht]);
      const { revision } = await call(backend, 'intakes.get', { id: intakeId }).then((i) => ({ revision: i.revision }));
      await call(backend, 'intakes.saveDraft', {
        id: intakeId,
        revision,
        referrerId: null,
        referredOn: null,
        meetingId: later.id,
        answers: {},
      });
      expect(await offer()).toEqual({
        label: 'FlexZAT 15-02-2027',
        partners: [{ id: leerplicht, name: 'Leerplicht Utrecht' }],
      });

      // A meeting with partners within ten weeks: the form ticks its partners itself, nothing is offered.
      await meeting(flexzat, '2026-12-07', [ggd]);
      const overview = await call(backend, 'consent.overview', { studentId });
      expect(overview.upcoming.map((m) => m.date)).toEqual(['2026-12-07']);
      expect(overview.partnerOffer).toBeNull();
    },
  );

  it("offers a meeting's series partners when the meeting itself has none chosen", async () => {
    const bare = await meeting(flexzat, '2027-03-01', []);
    const { id: intakeId } = await call(backend, 'intakes.create', {
      studentId,
      anonymousYearLevel: null,
      seriesId: flexzat,
    });
    const { revision } = await call(backend, 'intakes.get', { id: intakeId });
    await call(backend, 'intakes.saveDraft', {
      id: intakeId,
      revision,
      referrerId: null,
      referredOn: null,
      meetingId: bare.id,
      answers: {},
    });
    expect((await offer())?.label).toBe('FlexZAT');
    // An inactive partner is not offered.
    await call(backend, 'partners.save', {
      id: wijkteam,
      organisation: 'Sociaal Wijkteam Utrecht-Noordwest en Overvecht',
      kind: 'jeugdhulp',
      contactName: '',
      email: '',
      phone: '',
      active: false,
    });
    expect((await offer())?.partners.map((p) => p.id)).toEqual([ggd]);
  });
});
