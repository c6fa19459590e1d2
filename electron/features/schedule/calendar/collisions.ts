/** Finds meetings that overlap in time and need the same person. */
import type { ClockTime, IsoDate } from '../types';

export interface CollisionInput {
  id: string;
  seriesName: string;
  date: IsoDate;
  startTime: ClockTime;
  durationMinutes: number;
  people: string[];
}

export interface Collision {
  a: string;
  b: string;
  date: IsoDate;
  sharedPeople: string[];
}

const minutesOf = (time: ClockTime): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

interface Slot {
  meeting: CollisionInput;
  start: number;
  end: number;
  people: Set<string>;
}

/**
 * Two meetings collide when their times overlap on the same date (one ending at 15:00 and the
 * next starting at 15:00 do not) and they share at least one person. Grouped by date and swept in
 * start order, so only meetings that really overlap are compared.
 */
export function findCollisions(meetings: CollisionInput[]): Collision[] {
  const byDate = new Map<IsoDate, Slot[]>();
  for (const meeting of meetings) {
    const start = minutesOf(meeting.startTime);
    const slot: Slot = { meeting, start, end: start + meeting.durationMinutes, people: new Set(meeting.people) };
    const slots = byDate.get(meeting.date);
    if (slots) slots.push(slot);
    else byDate.set(meeting.date, [slot]);
  }

  const collisions: Collision[] = [];
  for (const date of [...byDate.keys()].sort()) {
    const slots = (byDate.get(date) ?? []).sort((x, y) => x.start - y.start);
    for (let i = 0; i < slots.length; i++) {
      const first = slots[i]!;
      for (let j = i + 1; j < slots.length; j++) {
        const second = slots[j]!;
        if (second.start >= first.end) break;
        // An empty meeting (0 minutes) occupies no time.
        if (second.end <= second.start) continue;
        const sharedPeople = [...first.people].filter((p) => second.people.has(p));
        if (sharedPeople.length > 0) {
          collisions.push({ a: first.meeting.id, b: second.meeting.id, date, sharedPeople });
        }
      }
    }
  }
  return collisions;
}
