/** Saved this long after the last change, when the typing pauses. */
export const AUTOSAVE_MS = 600;
/**
 * And never later than this after the first change not yet sent: someone who types on without a
 * pause is saved about once a second, so a killed app loses at most the last second or so.
 */
export const AUTOSAVE_MAX_WAIT_MS = 1000;

/**
 * When an autosave fires: a debounce (`quiet` after the last change) with a maximum wait counted
 * from the first change that no save has taken yet. Plain timers, no React: the hooks hold one.
 */
export class SaveTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet taken by a save was made; undefined when none waits. */
  private firstUnsent: number | undefined;

  constructor(
    private fire: () => void = () => undefined,
    private readonly quiet = AUTOSAVE_MS,
    private readonly maxWait = AUTOSAVE_MAX_WAIT_MS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** A change was made: fire `quiet` after it, but no later than `maxWait` after the oldest unsent one. */
  changed(): void {
    this.firstUnsent ??= this.now();
    this.schedule();
  }

  /** A save takes everything changed so far: the next change starts a new maximum wait. */
  sending(): void {
    this.cancel();
    this.firstUnsent = undefined;
  }

  /** A save came back and changes made meanwhile still wait: fire again by the same rule. */
  again(): void {
    this.firstUnsent ??= this.now();
    this.schedule();
  }

  /** What firing does: a hook points it at its newest save after each render, never during one. */
  onDue(fire: () => void): void {
    this.fire = fire;
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const now = this.now();
    const due = Math.min(now + this.quiet, (this.firstUnsent ?? now) + this.maxWait);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.fire();
      },
      Math.max(0, due - now),
    );
  }
}
