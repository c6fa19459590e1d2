import { describe, expect, it } from 'vitest';
import { planYearChanges, type ExistingMeeting } from '../../electron/features/schedule/year-plan';
import type { PlannedMeeting } from '../../electron/features/schedule/types';

const planned = (date: string, over: Partial<PlannedMeeting> = {}): PlannedMeeting => ({
  date,
  startTime: '09:00',
  plannedDate: date,
  note: null,
  ...over,
});
const existing = (id: string, date: string, over: Partial<ExistingMeeting> = {}): ExistingMeeting => ({
  id,
  date,
  startTime: '09:00',
  plannedDate: date,
  note: null,
  keepReason: null,
  ...over,
});
const plan = (old: ExistingMeeting[], meetings: PlannedMeeting[]) => planYearChanges(old, { meetings, dropped: [] });

describe('planYearChanges', () => {
  it('leaves a year that was generated the same way alone', () => {
    expect(plan([existing('a', '2026-09-08'), existing('b', '2026-10-06')], [planned('2026-09-08'), planned('2026-10-06')])).toEqual({
      add: [],
      move: [],
      remove: [],
      kept: [],
      refresh: [],
      unchanged: 2,
    });
  });

  it('adds what is new and removes what is gone, sorted by date', () => {
    const changes = plan([existing('old', '2027-01-12'), existing('older', '2026-09-01')], [planned('2026-12-01'), planned('2026-11-03')]);
    expect(changes.add).toEqual([
      {
        meetingId: null,
        plannedDate: '2026-11-03',
        from: null,
        to: { date: '2026-11-03', startTime: '09:00' },
        note: null,
        keptBecause: null,
      },
      {
        meetingId: null,
        plannedDate: '2026-12-01',
        from: null,
        to: { date: '2026-12-01', startTime: '09:00' },
        note: null,
        keptBecause: null,
      },
    ]);
    expect(changes.remove).toEqual([
      {
        meetingId: 'older',
        plannedDate: '2026-09-01',
        from: { date: '2026-09-01', startTime: '09:00' },
        to: null,
        note: null,
        keptBecause: null,
      },
      {
        meetingId: 'old',
        plannedDate: '2027-01-12',
        from: { date: '2027-01-12', startTime: '09:00' },
        to: null,
        note: null,
        keptBecause: null,
      },
    ]);
    expect(changes.unchanged).toBe(0);
  });

  it('matches on the grid date first, so a meeting moved by a holiday keeps its identity', () => {
    // The grid date 2026-10-20 (herfstvakantie) now falls on 2026-10-27; another meeting sits close by.
    const changes = plan(
      [existing('herfst', '2026-10-20'), existing('next', '2026-11-03')],
      [planned('2026-10-27', { plannedDate: '2026-10-20', note: 'verschoven: herfstvakantie' }), planned('2026-11-03')],
    );
    expect(changes.move).toEqual([
      {
        meetingId: 'herfst',
        plannedDate: '2026-10-20',
        from: { date: '2026-10-20', startTime: '09:00' },
        to: { date: '2026-10-27', startTime: '09:00' },
        note: 'verschoven: herfstvakantie',
        keptBecause: null,
      },
    ]);
    expect(changes.unchanged).toBe(1);
    expect([...changes.add, ...changes.remove, ...changes.kept, ...changes.refresh]).toEqual([]);
  });

  it('a shifted rhythm moves each meeting to the nearest new date within 14 days, not further', () => {
    const changes = plan(
      [existing('a', '2026-09-01'), existing('b', '2026-10-01'), existing('far', '2026-12-01')],
      // b is 14 days from its new date (still the same meeting); far is 15 days from the last one.
      [planned('2026-09-03'), planned('2026-10-15'), planned('2026-12-16')],
    );
    expect(changes.move.map((m) => [m.meetingId, m.to?.date])).toEqual([
      ['a', '2026-09-03'],
      ['b', '2026-10-15'],
    ]);
    expect(changes.add.map((m) => m.to?.date)).toEqual(['2026-12-16']);
    expect(changes.remove.map((m) => m.meetingId)).toEqual(['far']);
  });

  it('of two candidates the nearer one is the same meeting, wherever it is listed', () => {
    for (const order of [
      [existing('near', '2026-09-10'), existing('further', '2026-09-02')],
      [existing('further', '2026-09-02'), existing('near', '2026-09-10')],
    ]) {
      const changes = plan(order, [planned('2026-09-09')]);
      expect(changes.move.map((m) => m.meetingId)).toEqual(['near']);
      expect(changes.remove.map((m) => m.meetingId)).toEqual(['further']);
    }
  });

  it('a meeting matched on its grid date is not taken again by a nearby one', () => {
    const changes = plan([existing('a', '2026-09-08')], [planned('2026-09-08'), planned('2026-09-10', { plannedDate: '2026-09-10' })]);
    expect(changes.unchanged).toBe(1);
    expect(changes.add.map((m) => m.to?.date)).toEqual(['2026-09-10']);
    expect(changes.move).toEqual([]);
  });

  it('two generated meetings on one grid date take one existing meeting, the other is added', () => {
    const changes = plan([existing('a', '2026-09-08')], [planned('2026-09-08'), planned('2026-09-30', { plannedDate: '2026-09-08' })]);
    expect(changes.unchanged).toBe(1);
    expect(changes.add.map((m) => m.to?.date)).toEqual(['2026-09-30']);
  });

  it('a new start time is a move; a meeting kept for a reason is kept, moved or gone', () => {
    const changes = plan(
      [
        existing('time', '2026-09-08'),
        existing('agenda', '2026-10-06', { keepReason: 'heeft een agenda' }),
        existing('minutes', '2026-11-03', { keepReason: 'heeft notulen', note: 'oud' }),
      ],
      [planned('2026-09-08', { startTime: '13:30' }), planned('2026-10-08')],
    );
    expect(changes.move).toEqual([
      {
        meetingId: 'time',
        plannedDate: '2026-09-08',
        from: { date: '2026-09-08', startTime: '09:00' },
        to: { date: '2026-09-08', startTime: '13:30' },
        note: null,
        keptBecause: null,
      },
    ]);
    expect(changes.kept).toEqual([
      {
        meetingId: 'agenda',
        plannedDate: '2026-10-08',
        from: { date: '2026-10-06', startTime: '09:00' },
        to: { date: '2026-10-08', startTime: '09:00' },
        note: null,
        keptBecause: 'heeft een agenda',
      },
      {
        meetingId: 'minutes',
        plannedDate: '2026-11-03',
        from: { date: '2026-11-03', startTime: '09:00' },
        to: null,
        note: 'oud',
        keptBecause: 'heeft notulen',
      },
    ]);
    expect(changes.remove).toEqual([]);
  });

  it('the same date and time with another grid date or note is refreshed quietly, unless it is kept', () => {
    const changes = plan(
      [
        existing('grid', '2026-09-08', { plannedDate: '2026-09-01' }),
        existing('note', '2026-10-06', { note: 'oud' }),
        existing('kept', '2026-11-03', { note: 'oud', keepReason: 'heeft notulen' }),
      ],
      [planned('2026-09-08'), planned('2026-10-06', { note: 'nieuw' }), planned('2026-11-03', { note: 'nieuw' })],
    );
    expect(changes.unchanged).toBe(3);
    expect(changes.refresh).toEqual([
      {
        meetingId: 'grid',
        plannedDate: '2026-09-08',
        from: { date: '2026-09-08', startTime: '09:00' },
        to: { date: '2026-09-08', startTime: '09:00' },
        note: null,
        keptBecause: null,
      },
      {
        meetingId: 'note',
        plannedDate: '2026-10-06',
        from: { date: '2026-10-06', startTime: '09:00' },
        to: { date: '2026-10-06', startTime: '09:00' },
        note: 'nieuw',
        keptBecause: null,
      },
    ]);
    expect([...changes.move, ...changes.kept]).toEqual([]);
  });

  it('sorts moves and kept meetings by their new date, removals by their old one', () => {
    const changes = plan(
      [
        existing('b', '2026-10-05', { keepReason: 'agenda' }),
        existing('a', '2026-09-01', { keepReason: 'agenda' }),
        existing('d', '2026-12-01'),
        existing('c', '2026-11-01'),
      ],
      [planned('2026-12-03'), planned('2026-11-03'), planned('2026-10-07'), planned('2026-09-03')],
    );
    expect(changes.kept.map((m) => m.meetingId)).toEqual(['a', 'b']);
    expect(changes.move.map((m) => m.meetingId)).toEqual(['c', 'd']);
  });
});

describe('grid dates before distance', () => {
  it('a shifted meeting keeps its own identity even when another one is nearer', () => {
    // Grid 2026-10-20 falls on 10-26 (one day from the meeting of 10-27); grid 10-27 falls on 10-28.
    const changes = plan(
      [existing('a', '2026-10-20'), existing('b', '2026-10-27')],
      [planned('2026-10-26', { plannedDate: '2026-10-20' }), planned('2026-10-28', { plannedDate: '2026-10-27' })],
    );
    expect(changes.move.map((m) => [m.meetingId, m.to?.date])).toEqual([
      ['a', '2026-10-26'],
      ['b', '2026-10-28'],
    ]);
  });

  it('of two meetings equally near, the first listed is the one moved', () => {
    const changes = plan([existing('x', '2026-09-05'), existing('y', '2026-09-13')], [planned('2026-09-09')]);
    expect(changes.move.map((m) => m.meetingId)).toEqual(['x']);
    expect(changes.remove.map((m) => m.meetingId)).toEqual(['y']);
  });
});
