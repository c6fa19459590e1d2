import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushBeforeLock } from '../api/session';
import type { SaveState } from './SaveIndicator';
import { SaveTimer } from './save-timer';

export { AUTOSAVE_MAX_WAIT_MS, AUTOSAVE_MS } from './save-timer';

/** What a save answers: stored at a new revision, or refused because someone else saved first. */
export type SaveOutcome<T> = { saved: true; revision: number; at: string; stored: T } | { saved: false; theirs: Theirs<T> };
export interface Theirs<T> {
  value: T;
  revision: number;
  by: string | null;
  at: string | null;
}

interface Draft<T> {
  value: T;
  revision: number;
  theirs: Theirs<T> | null;
}

/**
 * One page of autosaving parts (paragraphs, actions). Each part reports its state here and the
 * page shows the worst; a part that is left with unsaved text or an open conflict leaves it here
 * and finds it again when it comes back; "opnieuw proberen" and locking the vault flush them all.
 * The stable half (report, drafts, flushes) and the changing half (the overall state) are two
 * contexts, so a keystroke does not re-render every part.
 */
interface Board {
  report(key: string, state: SaveState): void;
  keepDraft(key: string, draft: Draft<unknown>): void;
  takeDraft(key: string): Draft<unknown> | undefined;
  register(key: string, flush: () => Promise<void>): () => void;
  flushAll(): Promise<void>;
  /** Stores everything, then fails when something could not be stored (a conflict, no connection). */
  flushAllOrFail(): Promise<void>;
}

const BoardContext = createContext<Board | null>(null);
const OverallContext = createContext<SaveState>({ kind: 'idle' });

const rank: Record<SaveState['kind'], number> = { conflict: 4, failed: 3, saving: 2, saved: 1, idle: 0 };

function worst(states: SaveState[]): SaveState {
  let result: SaveState = { kind: 'idle' };
  for (const state of states) {
    if (rank[state.kind] > rank[result.kind]) result = state;
    else if (state.kind === 'saved' && result.kind === 'saved' && state.at > result.at) result = state;
  }
  return result;
}

export function AutosaveBoard({ children }: { children: ReactNode }) {
  const states = useRef(new Map<string, SaveState>());
  const drafts = useRef(new Map<string, Draft<unknown>>());
  const flushes = useRef(new Map<string, () => Promise<void>>());
  const [overall, setOverall] = useState<SaveState>({ kind: 'idle' });
  const board = useMemo<Board>(() => {
    const flushAll = async () => {
      await Promise.allSettled([...flushes.current.values()].map((flush) => flush()));
    };
    return {
      report(key, state) {
        // Every keystroke reports "saving": the page re-renders only when the overall state changes.
        const before = states.current.get(key);
        if (before?.kind === state.kind && (state.kind !== 'saved' || (before.kind === 'saved' && before.at === state.at))) return;
        if (state.kind === 'idle') states.current.delete(key);
        else states.current.set(key, state);
        const next = worst([...states.current.values()]);
        setOverall((current) =>
          current.kind === next.kind &&
          (current.kind !== 'saved' || (next.kind === 'saved' && current.at === next.at)) &&
          current.kind !== 'failed' &&
          current.kind !== 'conflict'
            ? current
            : next,
        );
      },
      keepDraft: (key, draft) => drafts.current.set(key, draft),
      takeDraft(key) {
        const draft = drafts.current.get(key);
        drafts.current.delete(key);
        return draft;
      },
      register(key, flush) {
        flushes.current.set(key, flush);
        return () => {
          if (flushes.current.get(key) === flush) flushes.current.delete(key);
        };
      },
      flushAll,
      async flushAllOrFail() {
        await flushAll();
        const open = [...states.current.values()].find((s) => s.kind === 'failed' || s.kind === 'conflict');
        if (open) {
          throw new Error(
            open.kind === 'conflict'
              ? 'Eerst kiezen welke versie blijft: een alinea of actie is tegelijk door iemand anders gewijzigd.'
              : 'Nog niet alles wat je typte is opgeslagen. Probeer het opnieuw zodra het weer lukt.',
          );
        }
      },
    };
  }, []);
  useEffect(() => flushBeforeLock(board.flushAll), [board]);
  return (
    <BoardContext.Provider value={board}>
      <OverallContext.Provider value={overall}>{children}</OverallContext.Provider>
    </BoardContext.Provider>
  );
}

export const useAutosaveOverall = () => useContext(OverallContext);

export function useAutosaveBoard(): Board {
  const board = useContext(BoardContext);
  if (!board) throw new Error('useAutosaveBoard outside AutosaveBoard');
  return board;
}

/**
 * One autosaving part: a local copy saved a moment after each change, one save at a time on top
 * of the revision the previous one returned. When someone else saved in between, their version
 * is kept beside ours until the user chooses; nothing is saved over it before that. A newer
 * server copy replaces ours only when nothing typed here is waiting.
 */
export function useAutosave<T>({
  key,
  server,
  editable,
  save,
  same,
  onStored,
}: {
  key: string;
  server: { value: T; revision: number };
  editable: boolean;
  save(value: T, baseRevision: number): Promise<SaveOutcome<T>>;
  /** Whether two values are the same (a refetch of what we saved is no news). */
  same(a: T, b: T): boolean;
  /** After a save: the page's cached copy follows, so coming back to the part shows what was stored. */
  onStored?(stored: T, revision: number): void;
}) {
  const board = useAutosaveBoard();
  const [initial] = useState(() => board.takeDraft(key) as Draft<T> | undefined);
  const [value, setValue] = useState<T>(initial?.value ?? server.value);
  const [theirs, setTheirs] = useState<Theirs<T> | null>(initial?.theirs ?? null);
  const local = useRef<T>(initial?.value ?? server.value);
  const revision = useRef(initial?.revision ?? server.revision);
  const version = useRef(initial ? 1 : 0);
  const savedVersion = useRef(0);
  const pending = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  // Fires the save a moment after the typing pauses, and at least once a second while it goes on.
  const [timer] = useState(() => new SaveTimer());
  const conflict = useRef<Theirs<T> | null>(initial?.theirs ?? null);
  const saveRef = useRef(save);
  const storedRef = useRef(onStored);
  const editableRef = useRef(editable);
  const serverRef = useRef(server);
  const sameRef = useRef(same);
  // The newest props for the save that runs later; set after the render, before any event can fire.
  useLayoutEffect(() => {
    saveRef.current = save;
    storedRef.current = onStored;
    editableRef.current = editable;
    serverRef.current = server;
    sameRef.current = same;
  });
  const dirty = () => version.current !== savedVersion.current;

  /** A colleague's newer save shows here once nothing typed here waits: asked on news and after each save. */
  const adoptNewer = useCallback(() => {
    const latest = serverRef.current;
    const waiting = version.current !== savedVersion.current || pending.current > 0 || conflict.current !== null;
    if (latest.revision <= revision.current || waiting) return;
    revision.current = latest.revision;
    if (!sameRef.current(local.current, latest.value)) {
      local.current = latest.value;
      setValue(latest.value);
    }
  }, []);

  const flush = useCallback((): Promise<void> => {
    timer.cancel();
    pending.current += 1;
    const run = async () => {
      if (!dirty() || conflict.current || !editableRef.current) return;
      const sending = version.current;
      timer.sending();
      board.report(key, { kind: 'saving' });
      try {
        const outcome = await saveRef.current(local.current, revision.current);
        if (outcome.saved) {
          revision.current = outcome.revision;
          savedVersion.current = sending;
          storedRef.current?.(outcome.stored, outcome.revision);
          if (dirty()) timer.again();
          else board.report(key, { kind: 'saved', at: outcome.at });
        } else {
          conflict.current = outcome.theirs;
          setTheirs(outcome.theirs);
          board.report(key, {
            kind: 'conflict',
            error: new Error(`${outcome.theirs.by ?? 'Iemand anders'} heeft dit intussen ook gewijzigd.`),
          });
        }
      } catch (error) {
        board.report(key, { kind: 'failed', error });
      }
    };
    const next = queue.current.then(run, run).finally(() => {
      pending.current -= 1;
      adoptNewer();
    });
    queue.current = next;
    return next;
  }, [adoptNewer, board, key, timer]);
  useLayoutEffect(() => timer.onDue(() => void flush()), [timer, flush]);

  const change = useCallback(
    (next: T, immediately = false) => {
      local.current = next;
      setValue(next);
      version.current += 1;
      if (conflict.current) return;
      board.report(key, { kind: 'saving' });
      if (immediately) void flush();
      else timer.changed();
    },
    [board, flush, key, timer],
  );

  /** After a conflict: keep ours (saved on top of theirs), take theirs, or a merge of both. */
  const resolve = (choice: 'mine' | 'theirs' | { merged: T }) => {
    const other = conflict.current;
    if (!other) return;
    revision.current = other.revision;
    conflict.current = null;
    setTheirs(null);
    if (choice === 'theirs') {
      local.current = other.value;
      setValue(other.value);
      savedVersion.current = version.current;
      board.report(key, { kind: 'idle' });
      // Theirs may itself be older than what the server has now.
      adoptNewer();
    } else if (choice === 'mine') {
      version.current += 1;
      void flush();
    } else change(choice.merged, true);
  };

  // News from the server: a refetch after a colleague saved.
  useEffect(adoptNewer, [adoptNewer, server.revision, server.value]);

  // Registered for "opnieuw proberen" and locking; on leaving, unsaved text stays with the page.
  useEffect(() => {
    const unregister = board.register(key, flush);
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      unregister();
      document.removeEventListener('visibilitychange', onHidden);
      // Left with an open conflict: both versions wait here. Left typing: sent now, and kept
      // here only if that save fails, so a return never sends an old copy again.
      const keep = () => board.keepDraft(key, { value: local.current, revision: revision.current, theirs: conflict.current });
      if (conflict.current) keep();
      else if (dirty()) void flush().then(() => (dirty() ? keep() : undefined));
    };
  }, [board, flush, key]);

  // A draft found again after leaving the part: send it, or show its conflict again.
  const resumed = useRef(initial);
  useEffect(() => {
    const draft = resumed.current;
    resumed.current = undefined;
    if (draft?.theirs) board.report(key, { kind: 'conflict', error: new Error('Twee versies: kies welke je houdt.') });
    else if (draft) void flush();
  }, [board, flush, key]);

  return { value, theirs, change, flush, resolve };
}
