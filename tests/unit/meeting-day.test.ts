import { afterEach, describe, expect, it, vi } from 'vitest';
import { today } from '../../electron/shared/clock';
import {
  DAYS_AHEAD_WITHOUT_ASKING,
  meetingDayQuestion,
  meetingFarAhead,
  meetingStillAhead,
} from '../../electron/features/schedule/meeting-day';

describe('starting or closing a meeting far from its date', () => {
  afterEach(() => vi.useRealTimers());

  it('asks, naming the date, for a meeting five weeks ahead; not on the day, the days just before, or afterwards', () => {
    // Monday 7 December 2026, late in the evening: still the 7th on the school's clock.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 11, 7, 23, 30) });
    const now = today();
    expect(now).toBe('2026-12-07');
    expect(meetingDayQuestion('2027-01-13', now, 'starten')).toBe('Dit overleg staat gepland op 13 januari 2027. Toch nu starten?');
    expect(meetingDayQuestion('2027-01-13', now, 'afronden')).toBe('Dit overleg staat gepland op 13 januari 2027. Toch nu afronden?');
    for (const date of ['2026-12-07', '2026-12-08', '2026-12-10', '2026-11-12', '2025-06-01'])
      expect(meetingDayQuestion(date, now, 'starten'), date).toBeNull();
    expect(DAYS_AHEAD_WITHOUT_ASKING).toBe(3);
    expect(meetingFarAhead('2026-12-10', now)).toBe(false);
    expect(meetingFarAhead('2026-12-11', now)).toBe(true);
  });

  it('counts calendar days across a month, a year and summer time', () => {
    expect(meetingFarAhead('2027-01-01', '2026-12-29')).toBe(false);
    expect(meetingFarAhead('2027-01-02', '2026-12-29')).toBe(true);
    expect(meetingFarAhead('2027-03-31', '2027-03-28')).toBe(false);
    expect(meetingFarAhead('2027-04-01', '2027-03-28')).toBe(true);
  });

  it('knows a meeting after today has not taken place, so a letter of today may not report on it', () => {
    expect(meetingStillAhead('2027-01-13', '2026-12-07')).toBe(true);
    expect(meetingStillAhead('2026-12-07', '2026-12-07')).toBe(false);
    expect(meetingStillAhead('2026-11-12', '2026-12-07')).toBe(false);
  });
});
