import { createHash } from 'node:crypto';
import type { VaultDb } from '../../../db/open';
import type { Backend } from '../../api/context';
import { readsOnly, type DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { epochMs, now } from '../../shared/clock';
import { agendaItemsOf, getAgendaItem, meetingRecord, meetingRecords } from '../agenda/store';
import { familiesOf } from '../agenda/store-presence';
import { withExternals } from '../intake/case-consent';
import { meetingForCases } from '../meetings/store';
import { dutch, minutesView } from '../minutes/view';
import type { NameIndex } from '../disclosure/scrubber';
import { nameIndexOf } from '../disclosure/store';
import { readSettings } from '../settings/store';
import { endedOf, endPresentation, nextChange, presentationOf, setPresentation } from './live';
import {
  applyCommand,
  currentItem,
  presentationEnd,
  presentationEndWords,
  startPresenting,
  type Presentation,
  type PresentationCommand,
} from './presenting';
import { guestsInRoom, projectorScreen, type ProjectorFacts, type ProjectorScreen } from './projector-view';
import { registerStudentEraser } from '../people/erasure';
import { chairNotesOf, presentationEraser, rowsWrittenSoFar, saveChairNote } from './store';
import { staffById, studentsById } from '../people/store';

/** The chair's notes on a case go when its student is erased (people/erasure.ts). */
export function registerPresentationHooks(): void {
  registerStudentEraser('presentation', presentationEraser);
}

type Presenting =
  | 'presentation.start'
  | 'presentation.state'
  | 'presentation.ended'
  | 'presentation.control'
  | 'presentation.showNames'
  | 'presentation.stop'
  | 'presentation.projector'
  | 'presentation.notes'
  | 'presentation.saveNote';

/** The longest the projector's question "anything new?" stays open before it asks again. */
const PROJECTOR_WAIT_MS = 25_000;

/** The items as the presentation steps through them, with the family of each case (present or not) for who is in the room. */
function presentableItems(db: VaultDb, meetingId: string) {
  const items = agendaItemsOf(db, meetingId);
  const families = familiesOf(
    db,
    meetingId,
    items.flatMap((i) => (i.kind === 'casus' && i.studentId ? [i.studentId] : [])),
  );
  return items.map((i) => ({
    id: i.id,
    lapsed: i.change === 'vervallen',
    guests: i.guests,
    family: (i.studentId && families.get(i.studentId)) || [],
  }));
}

/** The presentation as the chair's console reads it, with who is in the room for the current item. */
function consoleState(db: VaultDb, p: Presentation) {
  const externals = withExternals(meetingForCases(db, p.meetingId));
  const items = presentableItems(db, p.meetingId);
  const itemId = currentItem(p, items);
  return {
    meetingId: p.meetingId,
    itemId,
    screen: p.screen,
    showNames: p.showNames,
    showMinutes: p.showMinutes,
    timer: p.timer,
    withExternals: externals,
    guestsPresent: guestsInRoom(
      items.find((i) => i.id === itemId),
      externals,
    ),
  };
}

/**
 * The running presentation, or null: it ends by itself first when its meeting is afgelopen or its
 * minutes are fixed (the agenda with its names must not outlive the meeting), or when the chair
 * pressed no key for two hours.
 */
function livePresentation(backend: Backend, db: VaultDb): Presentation | null {
  const p = presentationOf(backend);
  if (!p) return null;
  const end = presentationEnd(p, meetingRecords(db, [p.meetingId]).get(p.meetingId) ?? null, epochMs());
  if (end === null) return p;
  endPresentation(backend, p.meetingId, end);
  return null;
}

/** The running presentation, steered only by the user who started it. */
function ownPresentation(backend: Backend, db: VaultDb, userId: string): Presentation {
  const p = livePresentation(backend, db);
  const ended = endedOf(backend);
  if (!p && ended) throw new AppError('NOT_FOUND', `De presentatie is beëindigd: ${presentationEndWords[ended.reason]}.`);
  if (!p) throw new AppError('NOT_FOUND', 'Er wordt niets gepresenteerd. Kies Presenteren bij een overleg.');
  if (p.userId !== userId) throw new AppError('FORBIDDEN', 'Alleen wie de presentatie startte, kan haar bedienen.');
  return p;
}

function steer(backend: Backend, db: VaultDb, userId: string, command: PresentationCommand) {
  const p = ownPresentation(backend, db, userId);
  const next = applyCommand(p, command, presentableItems(db, p.meetingId), epochMs());
  setPresentation(backend, next);
  return consoleState(db, next);
}

/**
 * Everything the projector's view is built from, read for the presenter (their Meldcode rights,
 * not more). `index`: the vault's names to scrub (the bench passes an empty one to measure what
 * scrubbing costs).
 */
export function projectorFacts(db: VaultDb, p: Presentation, index: NameIndex = nameIndexOf(db)): ProjectorFacts {
  const view = minutesView(db, p.meetingId, p.userId);
  const studentIds = view.items.flatMap((i) => (i.studentId ? [i.studentId] : []));
  return {
    schoolName: readSettings(db).schoolName,
    meeting: view.meeting,
    items: view.items,
    students: studentsById(db, studentIds),
    index,
    staffNames: new Map([...staffById(db).values()].map((s) => [s.id, s.name])),
    withExternals: withExternals(meetingForCases(db, p.meetingId)),
  };
}

const versionOf = (screen: ProjectorScreen) => createHash('sha256').update(JSON.stringify(screen)).digest('base64url').slice(0, 22);

export const presentationHandlers: DomainHandlers<Presenting> = {
  'presentation.start': ({ backend, db, session, noteForAudit }, { meetingId }) => {
    const meeting = meetingRecord(db, meetingId);
    const items = presentableItems(db, meetingId);
    if (!items.some((i) => !i.lapsed)) throw new AppError('VALIDATION', 'Dit overleg heeft nog geen agenda om te presenteren.');
    const p = startPresenting(meetingId, session.user.id, items, epochMs());
    const over = presentationEnd(p, meeting, epochMs());
    if (over) throw new AppError('VALIDATION', `Dit overleg wordt niet meer gepresenteerd: ${presentationEndWords[over]}.`);
    setPresentation(backend, p);
    noteForAudit({
      detail: `presenteren ${meeting.seriesName ?? 'los overleg'} ${dutch(meeting.date)} (${meeting.id})`,
      studentIds: agendaItemsOf(db, meetingId).flatMap((i) => (i.studentId ? [i.studentId] : [])),
    });
    return consoleState(db, p);
  },

  'presentation.state': ({ backend, db }) => {
    const p = livePresentation(backend, db);
    return p ? consoleState(db, p) : null;
  },

  'presentation.ended': ({ backend, db }) => {
    // Asking is itself a moment to end a presentation whose meeting is over.
    livePresentation(backend, db);
    const ended = endedOf(backend);
    return ended ? { meetingId: ended.meetingId, reason: presentationEndWords[ended.reason] } : null;
  },

  'presentation.control': ({ backend, db, session }, command) => {
    if (command.command === 'goTo') {
      const p = ownPresentation(backend, db, session.user.id);
      if (!presentableItems(db, p.meetingId).some((i) => i.id === command.itemId)) {
        throw new AppError('NOT_FOUND', 'Dit agendapunt staat niet (meer) op de agenda van dit overleg.');
      }
    }
    return steer(backend, db, session.user.id, command);
  },

  'presentation.showNames': ({ backend, db, session, noteForAudit }, { show }) => {
    const p = ownPresentation(backend, db, session.user.id);
    noteForAudit({
      detail: `${show ? 'volledige namen' : 'initialen'} op het scherm bij overleg ${p.meetingId}`,
      studentIds: [],
    });
    return steer(backend, db, session.user.id, { command: 'names', show });
  },

  'presentation.stop': ({ backend, db, session }) => {
    if (livePresentation(backend, db)) ownPresentation(backend, db, session.user.id);
    setPresentation(backend, null);
    return null;
  },

  'presentation.projector': readsOnly(async ({ backend, db, session }, { seen }) => {
    const build = (): ProjectorScreen => {
      if (backend.session !== session) return { state: 'vergrendeld' };
      const p = livePresentation(backend, db);
      if (p) return projectorScreen(projectorFacts(db, p), p);
      // Ended by itself: a neutral screen, nothing of the meeting; stopped by the chair: the window closes.
      return endedOf(backend) ? { state: 'beeindigd' } : { state: 'wacht' };
    };
    const deadline = epochMs() + PROJECTOR_WAIT_MS;
    let screen = build();
    let version = versionOf(screen);
    while (version === seen && screen.state !== 'vergrendeld' && epochMs() < deadline) {
      await nextChange(backend, () => rowsWrittenSoFar(db), deadline - epochMs());
      screen = build();
      version = versionOf(screen);
    }
    return { ...screen, version };
  }),

  'presentation.notes': ({ db, session }, { meetingId }) => {
    meetingRecord(db, meetingId);
    return chairNotesOf(
      db,
      session.user.id,
      agendaItemsOf(db, meetingId).map((i) => i.id),
    );
  },

  'presentation.saveNote': ({ db, session }, { itemId, text }) => {
    getAgendaItem(db, itemId);
    saveChairNote(db, session.user.id, itemId, text, now());
    return null;
  },
};
