import { useCallback, useEffect, useRef, useState } from 'react';
import type { Audience } from '../../../electron/features/minutes/vocabulary';
import { invoke } from '../../api/client';
import type { MinuteFieldView } from '../agenda/queries';
import { useSaveBoard } from './save-board';

/** Saved this long after the last keystroke: a killed app loses at most about a second. */
export const MINUTES_AUTOSAVE_MS = 600;

export type Theirs = MinuteFieldView;

/**
 * One paragraph of the minutes as the secretary types it. Saves go one at a time, each on top of
 * the revision the previous one returned. When a colleague saved the same paragraph in between,
 * the backend answers with their version instead of storing ours: both stay on screen until the
 * secretary chooses, and nothing is saved over theirs before that. A refetch replaces the text
 * only when nothing typed here is unsaved.
 */
export function useMinuteField(itemId: string, server: MinuteFieldView, editable: boolean) {
  const board = useSaveBoard();
  const key = `${itemId}/${server.field}`;
  const [text, setText] = useState(server.text);
  const [audience, setAudience] = useState<Audience>(server.audience);
  const [theirs, setTheirs] = useState<Theirs | null>(null);
  const local = useRef({ text: server.text, audience: server.audience });
  const revision = useRef(server.revision);
  const version = useRef(0);
  const savedVersion = useRef(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inConflict = useRef(false);
  const dirty = () => version.current !== savedVersion.current;

  const save = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    pending.current += 1;
    const run = async () => {
      if (!dirty() || inConflict.current || !editable) return;
      const sending = version.current;
      board.report(key, { kind: 'saving' });
      try {
        const result = await invoke('minutes.saveField', { itemId, field: server.field, text: local.current.text, audience: local.current.audience, baseRevision: revision.current });
        if (result.saved) {
          revision.current = result.revision;
          savedVersion.current = sending;
          if (dirty()) timer.current = setTimeout(() => void save(), MINUTES_AUTOSAVE_MS);
          else board.report(key, { kind: 'saved', at: result.savedAt });
        } else {
          inConflict.current = true;
          setTheirs(result.theirs);
          board.report(key, { kind: 'conflict', error: new Error(`${result.theirs.updatedBy ?? 'Iemand anders'} heeft dit onderdeel intussen ook gewijzigd.`) });
        }
      } catch (error) {
        board.report(key, { kind: 'failed', error });
      }
    };
    const next = queue.current.then(run, run).finally(() => {
      pending.current -= 1;
    });
    queue.current = next;
    return next;
    // `server.field` and `itemId` identify the paragraph; the rest is read through refs.
  }, [board, editable, itemId, key, server.field]);

  const change = (patch: Partial<{ text: string; audience: Audience }>, immediately = false) => {
    local.current = { ...local.current, ...patch };
    if (patch.text !== undefined) setText(patch.text);
    if (patch.audience !== undefined) setAudience(patch.audience);
    version.current += 1;
    if (inConflict.current) return;
    board.report(key, { kind: 'saving' });
    clearTimeout(timer.current);
    if (immediately) void save();
    else timer.current = setTimeout(() => void save(), MINUTES_AUTOSAVE_MS);
  };

  /** After a conflict: keep what was typed here (saved on top of theirs) or take theirs. */
  const resolve = (choice: 'mine' | 'theirs' | 'both') => {
    if (!theirs) return;
    revision.current = theirs.revision;
    inConflict.current = false;
    setTheirs(null);
    if (choice === 'theirs') {
      local.current = { text: theirs.text, audience: theirs.audience };
      setText(theirs.text);
      setAudience(theirs.audience);
      savedVersion.current = version.current;
      board.report(key, { kind: 'idle' });
      return;
    }
    if (choice === 'both') change({ text: `${theirs.text}\n\n${local.current.text}` }, true);
    else {
      version.current += 1;
      void save();
    }
  };

  // A colleague's newer save shows here when nothing typed here is waiting.
  useEffect(() => {
    if (server.revision > revision.current && !dirty() && pending.current === 0 && !inConflict.current) {
      revision.current = server.revision;
      local.current = { text: server.text, audience: server.audience };
      setText(server.text);
      setAudience(server.audience);
    }
  }, [server.revision, server.text, server.audience]);

  // Leaving the page or hiding the window: store what is not stored yet.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void save();
    };
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      if (dirty()) void save();
    };
  }, [save]);

  return { text, audience, theirs, change, flush: save, resolve };
}
