import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_MAX_WAIT_MS, AUTOSAVE_MS, SaveTimer } from '../../renderer/components/save-timer';

/** The autosave's timing as a secretary meets it: typing on without a pause, and pausing. */
describe('when an autosave fires', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Types a key every `every` ms for `during` ms; a fired save takes what was typed (as the hooks do). */
  function typeOn(every: number, during: number) {
    const fired: number[] = [];
    const timer: SaveTimer = new SaveTimer(() => {
      fired.push(Date.now());
      timer.sending();
    });
    for (let t = 0; t < during; t += every) {
      timer.changed();
      vi.advanceTimersByTime(every);
    }
    return { fired, timer };
  }

  it('saves every key within a second while keys keep coming, six a second, without a pause', () => {
    const { fired } = typeOn(166, 10_000);
    expect(fired[0]).toBeLessThanOrEqual(AUTOSAVE_MAX_WAIT_MS);
    expect(fired.length).toBeGreaterThanOrEqual(8);
    // Each key is taken by a save fired at most a second after it was typed.
    for (let key = 0; key < 10_000 - AUTOSAVE_MAX_WAIT_MS; key += 166) {
      expect(fired.find((at) => at >= key)! - key).toBeLessThanOrEqual(AUTOSAVE_MAX_WAIT_MS);
    }
  });

  it('saves a moment after the typing pauses, once', () => {
    const { fired } = typeOn(166, 300);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(AUTOSAVE_MS);
    expect(fired).toEqual([166 + AUTOSAVE_MS]);
    vi.advanceTimersByTime(5000);
    expect(fired).toHaveLength(1);
  });

  it('counts the maximum wait from the first change no save has taken', () => {
    const fired: number[] = [];
    const timer = new SaveTimer(() => fired.push(Date.now()));
    timer.changed();
    vi.advanceTimersByTime(500);
    timer.changed();
    vi.advanceTimersByTime(400);
    timer.changed();
    vi.advanceTimersByTime(100);
    expect(fired).toEqual([1000]);
    // A save on its way took it all; typing on starts a new wait.
    timer.sending();
    vi.advanceTimersByTime(300);
    timer.changed();
    vi.advanceTimersByTime(500);
    timer.changed();
    vi.advanceTimersByTime(500);
    expect(fired).toEqual([1000, 2300]);
  });

  it('after a slow save, sends what was typed meanwhile at once when it has waited long enough', () => {
    const fired: number[] = [];
    const timer = new SaveTimer(() => fired.push(Date.now()));
    timer.changed();
    timer.sending();
    // A save takes 1.2 s; a key came 100 ms after it was sent: its save waits in line from 700 ms.
    vi.advanceTimersByTime(100);
    timer.changed();
    vi.advanceTimersByTime(1100);
    expect(fired).toEqual([700]);
    // The slow save is back and the key still waits (no save took it): at once, not 600 ms later.
    timer.again();
    vi.advanceTimersByTime(0);
    expect(fired).toEqual([700, 1200]);
  });

  it('fires nothing once cancelled', () => {
    const fired: number[] = [];
    const timer = new SaveTimer(() => fired.push(Date.now()));
    timer.changed();
    timer.cancel();
    vi.advanceTimersByTime(5000);
    expect(fired).toEqual([]);
  });
});
