import { describe, expect, it } from 'vitest';
import { clockText, presenterAction } from '../../renderer/features/presentation/keys';

const key = (k: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  presenterAction({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });

describe('presenter keys, as presentation software and remote clickers send them', () => {
  it('maps next, previous, black, white, timer and stop', () => {
    for (const k of ['ArrowRight', 'PageDown', ' ']) expect(key(k)).toEqual({ command: 'next' });
    for (const k of ['ArrowLeft', 'PageUp']) expect(key(k)).toEqual({ command: 'previous' });
    for (const k of ['b', 'B', '.']) expect(key(k)).toEqual({ command: 'black' });
    for (const k of ['w', 'W', ',']) expect(key(k)).toEqual({ command: 'white' });
    for (const k of ['t', 'T']) expect(key(k)).toEqual({ command: 'timer' });
    expect(key('Escape')).toEqual({ command: 'stop' });
  });

  it('leaves other keys and shortcuts with a modifier alone', () => {
    for (const k of ['a', 'Enter', 'ArrowDown', 'F5', 'Tab']) expect(key(k)).toBeNull();
    expect(key('b', { ctrlKey: true })).toBeNull();
    expect(key('ArrowRight', { altKey: true })).toBeNull();
    expect(key('w', { metaKey: true })).toBeNull();
  });

  it('shows time left as minutes and seconds, and over time with a minus', () => {
    expect(clockText(10 * 60_000)).toBe('10:00');
    expect(clockText(61_500)).toBe('1:01');
    expect(clockText(0)).toBe('0:00');
    expect(clockText(-90_000)).toBe('-1:30');
  });
});
