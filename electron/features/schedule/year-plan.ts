import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { ClockTime, GeneratedYear, IsoDate, PlannedMeeting } from './types';

/** A meeting the series' rhythm planned earlier (it has a grid date), in the stretch being (re)generated. */
export interface ExistingMeeting {
  id: string;
  date: IsoDate;
  startTime: ClockTime;
  plannedDate: IsoDate;
  note: string | null;
  /** Why it must stay as it is (moved by hand, has an agenda, intakes or minutes); null if free. */
  keepReason: string | null;
}

export interface YearChange {
  meetingId: string | null;
  plannedDate: IsoDate;
  from: { date: IsoDate; startTime: ClockTime } | null;
  to: { date: IsoDate; startTime: ClockTime } | null;
  note: string | null;
  keptBecause: string | null;
}

export interface YearChanges {
  add: YearChange[];
  move: YearChange[];
  remove: YearChange[];
  kept: YearChange[];
  /** Same date and time, but another grid date or note: updated quietly, not shown as a move. */
  refresh: YearChange[];
  unchanged: number;
}

/** A generated date this close to an existing meeting is the same meeting, moved. */
const SAME_MEETING_WITHIN_DAYS = 14;

/**
 * What generating a year would change. Existing meetings are matched to generated ones on the grid
 * date they came from, then by nearest date, so that a shifted rhythm moves meetings (keeping
 * their identity and calendar UID) rather than deleting and re-adding them.
 */
export function planYearChanges(existing: ExistingMeeting[], generated: GeneratedYear): YearChanges {
  const changes: YearChanges = { add: [], move: [], remove: [], kept: [], refresh: [], unchanged: 0 };
  const unmatched = new Set(existing);
  const pairs = new Map<PlannedMeeting, ExistingMeeting>();

  const byPlanned = new Map(existing.map((e) => [e.plannedDate, e]));
  for (const g of generated.meetings) {
    const e = byPlanned.get(g.plannedDate);
    if (e && unmatched.has(e)) {
      pairs.set(g, e);
      unmatched.delete(e);
    }
  }
  for (const g of generated.meetings) {
    if (pairs.has(g)) continue;
    let best: ExistingMeeting | null = null;
    let bestDistance = Infinity;
    for (const e of unmatched) {
      const distance = Math.abs(differenceInCalendarDays(parseISO(e.date), parseISO(g.date)));
      if (distance <= SAME_MEETING_WITHIN_DAYS && distance < bestDistance) [best, bestDistance] = [e, distance];
    }
    if (best) {
      pairs.set(g, best);
      unmatched.delete(best);
    }
  }

  for (const g of generated.meetings) {
    const e = pairs.get(g);
    const to = { date: g.date, startTime: g.startTime };
    if (!e) {
      changes.add.push({
        meetingId: null,
        plannedDate: g.plannedDate,
        from: null,
        to,
        note: g.note,
        keptBecause: null,
      });
      continue;
    }
    const from = { date: e.date, startTime: e.startTime };
    if (e.date === g.date && e.startTime === g.startTime) {
      changes.unchanged++;
      if (!e.keepReason && (e.plannedDate !== g.plannedDate || e.note !== g.note)) {
        changes.refresh.push({
          meetingId: e.id,
          plannedDate: g.plannedDate,
          from,
          to,
          note: g.note,
          keptBecause: null,
        });
      }
    } else if (e.keepReason) {
      changes.kept.push({
        meetingId: e.id,
        plannedDate: g.plannedDate,
        from,
        to,
        note: g.note,
        keptBecause: e.keepReason,
      });
    } else {
      changes.move.push({ meetingId: e.id, plannedDate: g.plannedDate, from, to, note: g.note, keptBecause: null });
    }
  }
  for (const e of unmatched) {
    const from = { date: e.date, startTime: e.startTime };
    const change = { meetingId: e.id, plannedDate: e.plannedDate, from, to: null, note: e.note };
    if (e.keepReason) changes.kept.push({ ...change, keptBecause: e.keepReason });
    else changes.remove.push({ ...change, keptBecause: null });
  }
  for (const list of [changes.add, changes.move, changes.remove, changes.kept]) {
    list.sort((a, b) => (a.to?.date ?? a.from!.date).localeCompare(b.to?.date ?? b.from!.date));
  }
  return changes;
}
