/**
 * What the chair does while presenting, without I/O: which item is current, what the projector
 * shows (the agenda, or a black or white screen), the item timer and the chair's two switches.
 * Keys follow presentation software; the same commands come from the console and the projector.
 */

export type Screen = 'agenda' | 'zwart' | 'wit';

export interface ItemTimer {
  running: boolean;
  /** Time spent on the current item up to `since` (ms). */
  elapsedMs: number;
  /** When `elapsedMs` was measured (epoch ms); while running, time goes on from here. */
  since: number;
}

export interface Presentation {
  meetingId: string;
  /** The user presenting: only they steer it. */
  userId: string;
  itemId: string | null;
  /** Where the current item stood among all items: if it is removed, the one that took its place follows. */
  itemIndex: number;
  screen: Screen;
  /** Full names instead of initials, switched on by the chair for this meeting only. */
  showNames: boolean;
  /** Decisions and actions of the current item on the projector, as the secretary types them. */
  showMinutes: boolean;
  timer: ItemTimer;
  /** The chair's last key or button (epoch ms): two hours without one ends the presentation. */
  lastKeyAt: number;
}

/** A presentation nobody steered for this long is forgotten on the projector: it ends. */
export const PRESENTATION_IDLE_MS = 2 * 60 * 60_000;

/** Why a presentation ends by itself: its meeting is over, its minutes fixed, its meeting gone, or no key for two hours. */
export type PresentationEnd = 'afgelopen' | 'vastgesteld' | 'weg' | 'stil';

/**
 * Whether the presentation must end now. A meeting that is afgelopen or whose minutes are fixed
 * is not presented any more (the room has gone; the agenda with its names must not stay up), and
 * neither is one whose chair pressed no key for two hours.
 */
export function presentationEnd(
  p: Presentation,
  meeting: { progress: string; minutesFixedAt: string | null } | null,
  nowMs: number,
): PresentationEnd | null {
  if (meeting === null) return 'weg';
  if (meeting.minutesFixedAt !== null) return 'vastgesteld';
  if (meeting.progress === 'afgelopen') return 'afgelopen';
  if (nowMs - p.lastKeyAt >= PRESENTATION_IDLE_MS) return 'stil';
  return null;
}

export const presentationEndWords: Record<PresentationEnd, string> = {
  afgelopen: 'het overleg is afgelopen',
  vastgesteld: 'de notulen van het overleg zijn vastgesteld',
  weg: 'het overleg bestaat niet meer',
  stil: 'er is twee uur geen toets ingedrukt',
};

export type PresentationCommand =
  | { command: 'next' }
  | { command: 'previous' }
  | { command: 'goTo'; itemId: string }
  | { command: 'black' }
  | { command: 'white' }
  | { command: 'timer' }
  | { command: 'names'; show: boolean }
  | { command: 'minutes'; show: boolean };

/** The items one can step through: those still on the agenda (a lapsed item is struck through, not presented). */
export interface PresentableItem {
  id: string;
  lapsed: boolean;
}

const presentable = (items: PresentableItem[]) => items.filter((i) => !i.lapsed);

export function startPresenting(meetingId: string, userId: string, items: PresentableItem[], nowMs: number): Presentation {
  const first = presentable(items)[0];
  return {
    meetingId,
    userId,
    itemId: first?.id ?? null,
    itemIndex: first ? items.indexOf(first) : 0,
    screen: 'agenda',
    showNames: false,
    showMinutes: false,
    timer: { running: false, elapsedMs: 0, since: nowMs },
    lastKeyAt: nowMs,
  };
}

export const timerElapsed = (timer: ItemTimer, nowMs: number) => timer.elapsedMs + (timer.running ? Math.max(0, nowMs - timer.since) : 0);

/** A new item starts its own time; a running timer keeps running. */
const freshTimer = (timer: ItemTimer, nowMs: number): ItemTimer => ({
  running: timer.running,
  elapsedMs: 0,
  since: nowMs,
});

/**
 * The current item after the agenda changed under the presentation (an item removed or lapsed):
 * the nearest one still presentable, so the projector never points at nothing.
 */
export function currentItem(state: Presentation, items: PresentableItem[]): string | null {
  const shown = presentable(items);
  if (shown.some((i) => i.id === state.itemId)) return state.itemId;
  const at = items.findIndex((i) => i.id === state.itemId);
  // Lapsed, it is still there: the next one. Removed, the one now in its place.
  const after = presentable(at >= 0 ? items.slice(at + 1) : items.slice(state.itemIndex))[0];
  return after?.id ?? shown.at(-1)?.id ?? null;
}

/** Every command is a key or a button of the chair's: it keeps the presentation alive (one that changes nothing leaves it as it was). */
export function applyCommand(state: Presentation, command: PresentationCommand, items: PresentableItem[], nowMs: number): Presentation {
  const next = appliedCommand(state, command, items, nowMs);
  return next === state ? state : { ...next, lastKeyAt: nowMs };
}

function appliedCommand(state: Presentation, command: PresentationCommand, items: PresentableItem[], nowMs: number): Presentation {
  const shown = presentable(items);
  const index = shown.findIndex((i) => i.id === currentItem(state, items));
  const goTo = (itemId: string | undefined): Presentation =>
    // Moving on also ends a black or white pause: the chair wants the room to see the next item.
    itemId === undefined || itemId === state.itemId
      ? { ...state, screen: 'agenda' }
      : {
          ...state,
          itemId,
          itemIndex: items.findIndex((i) => i.id === itemId),
          screen: 'agenda',
          timer: freshTimer(state.timer, nowMs),
        };
  switch (command.command) {
    case 'next':
      return goTo(shown[index + 1]?.id ?? shown[index]?.id);
    case 'previous':
      return goTo(shown[Math.max(0, index - 1)]?.id);
    case 'goTo':
      return shown.some((i) => i.id === command.itemId) ? goTo(command.itemId) : state;
    case 'black':
      return { ...state, screen: state.screen === 'zwart' ? 'agenda' : 'zwart' };
    case 'white':
      return { ...state, screen: state.screen === 'wit' ? 'agenda' : 'wit' };
    case 'timer':
      return {
        ...state,
        timer: { running: !state.timer.running, elapsedMs: timerElapsed(state.timer, nowMs), since: nowMs },
      };
    case 'names':
      return { ...state, showNames: command.show };
    case 'minutes':
      return { ...state, showMinutes: command.show };
  }
}
