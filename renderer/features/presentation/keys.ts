import type { MethodInput } from '../../../electron/app/contract';

/** A key as presentation software reads it: → / PageDown / space, ← / PageUp, B, W, T, Esc. */
export type PresenterAction = MethodInput<'presentation.control'> | { command: 'stop' };

/**
 * The same keys on the console and the projector. Remote clickers send PageDown/PageUp, and "."
 * for a black screen; a key with Ctrl, Cmd or Alt belongs to something else.
 */
export function presenterAction(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): PresenterAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      return { command: 'next' };
    case 'ArrowLeft':
    case 'PageUp':
      return { command: 'previous' };
    case 'b':
    case 'B':
    case '.':
      return { command: 'black' };
    case 'w':
    case 'W':
    case ',':
      return { command: 'white' };
    case 't':
    case 'T':
      return { command: 'timer' };
    case 'Escape':
      return { command: 'stop' };
    default:
      return null;
  }
}

/** "12:05", or "-1:30" when over time. */
export function clockText(ms: number): string {
  const negative = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${negative ? '-' : ''}${minutes}:${String(seconds).padStart(2, '0')}`;
}
