import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AnswerValue, IntakeAnswers } from '../../../electron/features/intake/form';
import { ApiError, invoke } from '../../api/client';
import { flushBeforeLock } from '../../api/session';
import type { SaveState } from '../../components/SaveIndicator';
import { AUTOSAVE_MAX_WAIT_MS, SaveTimer } from '../../components/save-timer';
import { intakesKey, type IntakeDetail } from './queries';

export interface Draft {
  referrerId: string | null;
  referredOn: string;
  meetingId: string | null;
  answers: IntakeAnswers;
}

export type { SaveState };

/** A form is filled in field by field: a little longer to pause than in the minutes, the same maximum wait. */
const AUTOSAVE_MS = 800;

const fromServer = (intake: IntakeDetail): Draft => ({
  referrerId: intake.referrerId,
  referredOn: intake.referredOn,
  meetingId: intake.meetingId,
  answers: intake.answers,
});

const toInput = (id: string, revision: number, d: Draft) => ({
  id,
  revision,
  referrerId: d.referrerId,
  referredOn: d.referredOn || null,
  meetingId: d.meetingId,
  answers: d.answers,
});

/**
 * The form's own copy of an intake, saved as the user types. The copy is taken from the server
 * once; after that a refetch only replaces it when it is newer and nothing typed here is unsaved
 * (someone else's save), so a refetch never takes a word away. Only saves and submit change the
 * revision; a decision's new status comes from the query, never from this copy. Saves and submit
 * go through one queue, each sent with the revision the previous one returned; a stale one is
 * refused (CONFLICT) and then autosave stops until the user loads the newest version, with their
 * text still on screen.
 */
export function useIntakeDraft(intake: IntakeDetail) {
  const queryClient = useQueryClient();
  const id = intake.id;
  const [draft, setDraft] = useState<Draft>(() => fromServer(intake));
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const draftRef = useRef(draft);
  const revision = useRef(intake.revision);
  /** Local changes are counted; the server holds everything up to `savedVersion`. */
  const version = useRef(0);
  const savedVersion = useRef(0);
  /** The tail of the save queue, and how many saves are queued or running. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  // A moment after the typing pauses, and at least once a second while it goes on.
  const [timer] = useState(() => new SaveTimer(undefined, AUTOSAVE_MS, AUTOSAVE_MAX_WAIT_MS));
  const stopped = useRef(false);
  const editable = useRef(intake.canEdit);
  useLayoutEffect(() => {
    editable.current = intake.canEdit;
  });

  // Reads refs only: the same answer from any render.
  const dirty = () => version.current !== savedVersion.current;

  const replace = useCallback((next: IntakeDetail) => {
    draftRef.current = fromServer(next);
    setDraft(draftRef.current);
    revision.current = next.revision;
    savedVersion.current = version.current;
  }, []);

  /**
   * Runs `run` after every earlier save or submit has finished, failed or not. Waiting and then
   * sending is not enough: two callers waiting for the same save would both resume and send one
   * revision, and the second would get a false CONFLICT.
   */
  const serial = useCallback(<T>(run: () => Promise<T>): Promise<T> => {
    pending.current += 1;
    const next = queue.current.then(run, run).finally(() => {
      pending.current -= 1;
    });
    queue.current = next;
    return next;
  }, []);

  /** Another save for what changed while one was on its way. */
  const schedule = useCallback(() => timer.again(), [timer]);

  /** Never rejects: a failure shows in `saveState`. */
  const save = useCallback((): Promise<void> => {
    timer.cancel();
    return serial(async () => {
      // Checked when its turn comes: an earlier save may already have sent everything.
      if (!dirty() || stopped.current || !editable.current) return;
      const sending = version.current;
      timer.sending();
      setSaveState({ kind: 'saving' });
      try {
        const result = await invoke('intakes.saveDraft', toInput(id, revision.current, draftRef.current));
        revision.current = result.revision;
        savedVersion.current = sending;
        if (dirty()) schedule();
        else setSaveState({ kind: 'saved', at: result.savedAt });
        // Lists, the gate of a newly chosen meeting and "te laat" follow the saved draft.
        void queryClient.invalidateQueries({ queryKey: intakesKey });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CONFLICT') {
          stopped.current = true;
          setSaveState({ kind: 'conflict', error });
        } else {
          setSaveState({ kind: 'failed', error });
        }
      }
    });
  }, [id, queryClient, schedule, serial, timer]);
  useLayoutEffect(() => timer.onDue(() => void save()), [timer, save]);

  const update = (patch: Partial<Draft>) => {
    draftRef.current = { ...draftRef.current, ...patch };
    setDraft(draftRef.current);
    version.current += 1;
    if (!stopped.current) {
      setSaveState({ kind: 'saving' });
      timer.changed();
    }
  };
  const setAnswer = (key: string, value: AnswerValue) => update({ answers: { ...draftRef.current.answers, [key]: value } });

  // A newer server version replaces the copy only when nothing typed here would be lost.
  useEffect(() => {
    if (intake.revision > revision.current && !dirty() && pending.current === 0 && !stopped.current) replace(intake);
  }, [intake, replace]);

  // Locking (button, idle, the desktop's screen lock or sleep) stores what is typed first.
  useEffect(() => flushBeforeLock(save), [save]);

  // Leaving the page or the window: save what is not saved yet.
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

  /** Hands the draft in; the backend saves it first, so on INCOMPLETE it is kept at the next revision. */
  const submit = () => {
    timer.cancel();
    return serial(async () => {
      const from = revision.current;
      const sending = version.current;
      timer.sending();
      try {
        const result = await invoke('intakes.submit', toInput(id, from, draftRef.current));
        revision.current = result.revision;
        savedVersion.current = sending;
        setSaveState({ kind: 'idle' });
        return result;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'INCOMPLETE') {
          // The backend saved exactly this draft on top of `from` before it refused.
          revision.current = from + 1;
          savedVersion.current = sending;
          setSaveState({ kind: 'saved', at: new Date().toISOString() });
        } else if (error instanceof ApiError && error.code === 'CONFLICT') {
          stopped.current = true;
          setSaveState({ kind: 'conflict', error });
        }
        throw error;
      } finally {
        if (dirty()) schedule();
      }
    });
  };

  /** After a conflict: take the newest version from the server (the user copied what they need). */
  const loadLatest = async () => {
    const latest = await queryClient.fetchQuery({
      queryKey: [...intakesKey, 'detail', id],
      queryFn: () => invoke('intakes.get', { id }),
      staleTime: 0,
    });
    stopped.current = false;
    replace(latest);
    setSaveState({ kind: 'idle' });
  };

  /** Before removing the concept: nothing more to save. Returns the undo, for when the removal fails. */
  const discard = () => {
    timer.sending();
    const wasStopped = stopped.current;
    const kept = savedVersion.current;
    stopped.current = true;
    savedVersion.current = version.current;
    return () => {
      stopped.current = wasStopped;
      savedVersion.current = kept;
      if (dirty()) schedule();
    };
  };

  return { draft, saveState, update, setAnswer, save, submit, loadLatest, discard };
}
