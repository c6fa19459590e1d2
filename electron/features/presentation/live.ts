import type { Backend, Session } from '../../api/context';
import type { Presentation, PresentationEnd } from './presenting';

/**
 * The presentation running in this app, kept in memory only: it belongs to the unlocked session
 * that started it, so a lock ends it and an unlock never brings it back.
 */
interface Live {
  session: Session;
  presentation: Presentation;
}

const running = new WeakMap<Backend, Live>();

/**
 * A presentation that ended by itself (meeting over, two hours without a key), for the projector's neutral screen and
 * the console's notice.
 */
export interface EndedPresentation {
  meetingId: string;
  reason: PresentationEnd;
}

const ended = new WeakMap<Backend, { session: Session } & EndedPresentation>();

/** How the last presentation of this session ended by itself, or null (stopped by the chair, or none). */
export function endedOf(backend: Backend): EndedPresentation | null {
  const last = ended.get(backend);
  return last && last.session === backend.session ? { meetingId: last.meetingId, reason: last.reason } : null;
}

/** Ends the presentation by itself: the projector then shows a neutral screen instead of closing. */
export function endPresentation(backend: Backend, meetingId: string, reason: PresentationEnd): void {
  if (backend.session) ended.set(backend, { session: backend.session, meetingId, reason });
  running.delete(backend);
  backend.maybeChanged();
}

export function presentationOf(backend: Backend): Presentation | null {
  const live = running.get(backend);
  if (!live) return null;
  if (live.session !== backend.session) {
    running.delete(backend);
    return null;
  }
  return live.presentation;
}

export function setPresentation(backend: Backend, presentation: Presentation | null): void {
  ended.delete(backend);
  if (presentation && backend.session) running.set(backend, { session: backend.session, presentation });
  else running.delete(backend);
  backend.maybeChanged();
}

/**
 * Waits until something the projector shows may have changed — the presentation, any write to the
 * vault, a lock — or `timeoutMs` passed. `writes` reads the vault's write counter (null once
 * locked): answered reads do not wake the projector.
 */
export function nextChange(backend: Backend, writes: () => number | null, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    let seenWrites = writes();
    let seenPresentation = presentationOf(backend);
    const done = () => {
      clearTimeout(timer);
      stop();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const stop = backend.onMaybeChanged(() => {
      const nowPresentation = presentationOf(backend);
      const nowWrites = backend.session ? writes() : null;
      if (nowPresentation !== seenPresentation || nowWrites !== seenWrites || nowWrites === null) done();
      seenPresentation = nowPresentation;
      seenWrites = nowWrites;
    });
  });
}
