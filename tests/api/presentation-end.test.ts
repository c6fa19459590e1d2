import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call } from '../helpers/backend';
import {
  acceptedIntake,
  apiError,
  documentsSchool,
  fullNameOf,
  intakeAnswers,
  jesse,
  TODAY,
  type DocumentsSchool,
} from './documents-setup';

/**
 * A presentation does not outlive its meeting (issue 21, item 6): it ends when the meeting is
 * afgelopen (or its minutes are fixed) and after two hours without a key; the projector then
 * shows a neutral screen with nothing of the meeting. Date is faked, so the test moves the clock.
 */
describe('a presentation ends with its meeting', () => {
  let school: DocumentsSchool;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
    school = await documentsSchool();
    const { backend, meetingId } = school;
    await acceptedIntake(school, {
      studentId: school.jesseId,
      seriesId: school.iot,
      meetingId,
      answers: intakeAnswers(jesse.givenName),
    });
    await call(backend, 'agenda.create', { meetingId });
    await call(backend, 'presentation.start', { meetingId });
    await call(backend, 'presentation.showNames', { show: true });
  });
  afterEach(() => {
    school.backend.lock();
    school.dir.cleanup();
    vi.useRealTimers();
  });

  const projector = () => call(school.backend, 'presentation.projector', { seen: null });
  const later = (minutes: number) => vi.setSystemTime(new Date(TODAY.getTime() + minutes * 60_000));

  it('ends when the meeting is afgelopen: the projector shows a neutral screen, the chair cannot steer or restart it', async () => {
    const { backend, meetingId } = school;
    await call(backend, 'agenda.setProgress', { meetingId, progress: 'bezig' });
    expect(JSON.stringify(await projector())).toContain(fullNameOf(jesse));

    await call(backend, 'agenda.setProgress', { meetingId, progress: 'afgelopen' });
    const screen = await projector();
    expect(screen.state).toBe('beeindigd');
    expect(JSON.stringify(screen)).not.toMatch(/Jesse|IOT|Testlyceum/);
    expect(await call(backend, 'presentation.state', {})).toBeNull();
    // The chair's console says why.
    expect(await call(backend, 'presentation.ended', {})).toEqual({ meetingId, reason: 'het overleg is afgelopen' });
    expect(await apiError(backend, 'presentation.control', { command: 'next' })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'De presentatie is beëindigd: het overleg is afgelopen.',
    });
    expect(await apiError(backend, 'presentation.start', { meetingId })).toMatchObject({
      code: 'VALIDATION',
      message: 'Dit overleg wordt niet meer gepresenteerd: het overleg is afgelopen.',
    });

    // Back to bezig (the minutes are still open), it may be presented again, with initials as at every start.
    await call(backend, 'agenda.setProgress', { meetingId, progress: 'bezig' });
    expect((await call(backend, 'presentation.start', { meetingId })).showNames).toBe(false);
    expect((await projector()).state).toBe('agenda');
    expect(await call(backend, 'presentation.ended', {})).toBeNull();
  });

  it('ends after two hours without a key; every key keeps it going', async () => {
    const { backend } = school;
    later(119);
    await call(backend, 'presentation.control', { command: 'next' });
    later(119 + 119);
    expect((await projector()).state).toBe('agenda');
    expect(await call(backend, 'presentation.state', {})).not.toBeNull();
    later(119 + 120);
    const screen = await projector();
    expect(screen.state).toBe('beeindigd');
    expect(JSON.stringify(screen)).not.toContain(fullNameOf(jesse));
    expect(await call(backend, 'presentation.state', {})).toBeNull();
    expect((await apiError(backend, 'presentation.control', { command: 'next' })).message).toBe(
      'De presentatie is beëindigd: er is twee uur geen toets ingedrukt.',
    );
    expect(await call(backend, 'presentation.ended', {})).toEqual({
      meetingId: school.meetingId,
      reason: 'er is twee uur geen toets ingedrukt',
    });
  });

  it('a chair who stops the presentation closes the projector window as before (no ended screen)', async () => {
    await call(school.backend, 'presentation.stop', {});
    expect((await projector()).state).toBe('wacht');
    expect(await call(school.backend, 'presentation.ended', {})).toBeNull();
  });
});
