import { describe, expect, it } from 'vitest';
import { type CollisionInput, findCollisions } from '../../electron/features/schedule/calendar/collisions';

const meeting = (id: string, date: string, startTime: string, durationMinutes: number, people: string[]): CollisionInput => ({
  id,
  seriesName: `reeks ${id}`,
  date,
  startTime,
  durationMinutes,
  people,
});

describe('findCollisions', () => {
  it('reports overlapping meetings on the same date that share a person', () => {
    expect(
      findCollisions([
        meeting('iot', '2026-11-10', '14:00', 90, ['zorgco', 'mentor-1']),
        meeting('zat', '2026-11-10', '15:00', 60, ['zorgco', 'ggd']),
      ]),
    ).toEqual([{ a: 'iot', b: 'zat', date: '2026-11-10', sharedPeople: ['zorgco'] }]);
  });

  it('ignores meetings that only touch, that share nobody or that fall on another date', () => {
    expect(
      findCollisions([
        meeting('a', '2026-11-10', '14:00', 60, ['p1']),
        meeting('b', '2026-11-10', '15:00', 60, ['p1']), // starts when a ends
        meeting('c', '2026-11-10', '14:30', 60, ['p2']), // overlaps a and b, nobody shared
        meeting('d', '2026-11-11', '14:00', 60, ['p1']), // another day
      ]),
    ).toEqual([]);
  });

  it('finds a meeting inside a long one and lists every shared person', () => {
    const result = findCollisions([
      meeting('short', '2026-11-10', '10:00', 30, ['p3', 'p1', 'p2']),
      meeting('long', '2026-11-10', '09:00', 180, ['p1', 'p2', 'p4']),
      meeting('later', '2026-11-10', '11:30', 30, ['p4']),
    ]);
    expect(result).toEqual([
      { a: 'long', b: 'short', date: '2026-11-10', sharedPeople: ['p1', 'p2'] },
      { a: 'long', b: 'later', date: '2026-11-10', sharedPeople: ['p4'] },
    ]);
  });

  it('handles the same start time and sorts the result by date', () => {
    const result = findCollisions([
      meeting('x', '2027-01-19', '14:00', 60, ['p1']),
      meeting('y', '2027-01-19', '14:00', 60, ['p1']),
      meeting('v', '2026-12-15', '09:00', 60, ['p9']),
      meeting('w', '2026-12-15', '09:59', 10, ['p9']),
    ]);
    expect(result.map((c) => `${c.date} ${c.a}-${c.b}`)).toEqual(['2026-12-15 v-w', '2027-01-19 x-y']);
  });

  it('agrees with a brute-force comparison on a busy year', () => {
    const people = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const meetings: CollisionInput[] = [];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 600; i++) {
      const hour = String(8 + next(9)).padStart(2, '0');
      const minutes = String(next(4) * 15).padStart(2, '0');
      const day = String(1 + next(5)).padStart(2, '0');
      meetings.push(meeting(`m${i}`, `2027-03-${day}`, `${hour}:${minutes}`, 30 + next(4) * 30, [people[next(6)]!, people[next(6)]!]));
    }
    const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
    const expected = new Set<string>();
    for (let i = 0; i < meetings.length; i++) {
      for (let j = i + 1; j < meetings.length; j++) {
        const [p, q] = [meetings[i]!, meetings[j]!];
        const overlap =
          p.date === q.date &&
          minutes(p.startTime) < minutes(q.startTime) + q.durationMinutes &&
          minutes(q.startTime) < minutes(p.startTime) + p.durationMinutes;
        if (overlap && p.people.some((x) => q.people.includes(x))) expected.add([p.id, q.id].sort().join('|'));
      }
    }
    const found = findCollisions(meetings).map((c) => [c.a, c.b].sort().join('|'));
    expect(new Set(found).size).toBe(found.length);
    expect(new Set(found)).toEqual(expected);
  });
});
