import { addMinutes, format, parse } from 'date-fns';
import type { AgendaItemKind } from './vocabulary';

/**
 * The agenda as the domain knows it: standard items around the cases, numbered, with start times
 * that follow each item's time slot. Pure: the store and the screens both use it.
 */

export interface TemplateItem {
  kind: Exclude<AgendaItemKind, 'casus'>;
  title: string;
  minutes: number;
}

/** The product's standard template; a series may keep its own. Cases go after "actiepunten". */
export const standardTemplate: TemplateItem[] = [
  { kind: 'opening', title: 'Opening', minutes: 2 },
  { kind: 'mededelingen', title: 'Mededelingen', minutes: 5 },
  { kind: 'notulen', title: 'Notulen vorige vergadering (vaststellen)', minutes: 5 },
  { kind: 'actiepunten', title: 'Actiepunten', minutes: 10 },
  { kind: 'rondvraag', title: 'Rondvraag', minutes: 5 },
  { kind: 'sluiting', title: 'Sluiting', minutes: 1 },
  { kind: 'volgende-overleg', title: 'Volgende vergadering', minutes: 2 },
];

/** The kinds after which cases are placed, in order of preference. */
const casesAfter: AgendaItemKind[] = ['actiepunten', 'notulen', 'mededelingen', 'opening'];

/** The template with the cases in their place: after the action points (or the first standard item before them). */
export function composeAgenda<C>(template: TemplateItem[], cases: C[]): (TemplateItem | C)[] {
  const anchor = casesAfter.map((kind) => template.findIndex((t) => t.kind === kind)).find((i) => i >= 0) ?? -1;
  return [...template.slice(0, anchor + 1), ...cases, ...template.slice(anchor + 1)];
}

interface Timed {
  durationMinutes: number;
  /** A removed item (struck through after sending) takes no time and has no number. */
  change: string | null;
}

const counts = (item: Timed) => item.change !== 'vervallen';

/** "14:00" plus 90 minutes is "15:30". */
export const clockAfter = (start: string, minutes: number) =>
  format(addMinutes(parse(start, 'HH:mm', new Date(2000, 0, 1)), minutes), 'HH:mm');

/** Each item's start time ("14:05") from the meeting's start and the slots before it; null when removed. */
export function startTimes(meetingStart: string, items: Timed[]): (string | null)[] {
  let elapsed = 0;
  return items.map((item) => {
    if (!counts(item)) return null;
    const start = clockAfter(meetingStart, elapsed);
    elapsed += item.durationMinutes;
    return start;
  });
}

/** Minutes the agenda takes in total (removed items not counted). */
export const agendaMinutes = (items: Timed[]) => items.filter(counts).reduce((sum, i) => sum + i.durationMinutes, 0);

/** The number each item has on the agenda (1, 2, 3 …); removed items have none. */
export function itemNumbers(items: Timed[]): (number | null)[] {
  let n = 0;
  return items.map((item) => (counts(item) ? ++n : null));
}

/** Moves one element to a new index; the rest keep their order. */
export function moveTo<T>(list: T[], from: number, to: number): T[] {
  const result = [...list];
  const [moved] = result.splice(from, 1);
  result.splice(Math.max(0, Math.min(to, result.length)), 0, moved!);
  return result;
}
