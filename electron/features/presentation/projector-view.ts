import type { MinutesView } from '../documents/compose';
import { caseShown, readersOf, type Audience } from '../disclosure/policy';
import { scrubberOf, type NameIndex } from '../disclosure/scrubber';
import { decisionLabels } from '../minutes/vocabulary';
import { fullName, initials, type PersonName } from '../people/names';
import { currentItem, type Presentation } from './presenting';

/**
 * What the projector shows, laid out from what the disclosure policy lets it read (the projector
 * audience, disclosure/policy.ts). The projector page receives only this: full names only after
 * the chair's switch (and only for a case the consent gate lets through), never intern text,
 * Meldcode, consent or guardians' details, no name of any student or parent of the vault in any
 * text (the vault-wide index, not only this agenda's), and with guests in the room nothing of
 * another case, not even its initials.
 */

type ItemView = MinutesView['items'][number];

export interface ProjectedStudent extends PersonName {
  className: string;
}

export interface ProjectorFacts {
  schoolName: string;
  meeting: Pick<MinutesView['meeting'], 'title' | 'seriesName' | 'date' | 'startTime' | 'location'>;
  items: ItemView[];
  students: Map<string, ProjectedStudent>;
  /** Every student and guardian of the vault: their names are scrubbed from any text shown. */
  index: NameIndex;
  staffNames: Map<string, string>;
  /** External partners at this meeting (or planned for it): the room is not only the team. */
  withExternals: boolean;
}

export interface ProjectedAction {
  what: string;
  holder: string | null;
  /** yyyy-MM-dd, "volgende-overleg", or null. */
  due: string | null;
}

export interface ProjectedItem {
  number: number;
  start: string | null;
  title: string;
  current: boolean;
}

export type ProjectorScreen =
  | { state: 'wacht' }
  | { state: 'vergrendeld' }
  | { state: 'beeindigd' }
  | { state: 'zwart' }
  | { state: 'wit' }
  | {
      state: 'agenda';
      schoolName: string;
      meeting: { title: string; date: string; startTime: string; location: string };
      /** Guests in the room: the other items are left out altogether. */
      guestsPresent: boolean;
      items: ProjectedItem[];
      current: {
        number: number;
        title: string;
        isCase: boolean;
        question: string | null;
        minutes: { decision: string | null; decisionText: string | null; actions: ProjectedAction[] } | null;
      } | null;
    };

/** Guests by the item (parents, the student, a partner; named as guests or marked present) or externals at the whole meeting. */
export const guestsInRoom = (item: Pick<ItemView, 'guests' | 'family'> | undefined, withExternals: boolean) =>
  withExternals || (item?.guests.length ?? 0) > 0 || (item?.family.some((member) => member.presence === 'aanwezig') ?? false);

const audienceOf = (state: Presentation): Audience => ({ kind: 'projector', showNames: state.showNames });

const fullNamesShown = (item: ItemView, state: Presentation) => caseShown(audienceOf(state), item) === 'named';

/** "J.d.V., 2B", or with the chair's switch "Jesse de Vries, 2B"; an anonymous case keeps its label. */
function caseLabel(item: ItemView, facts: ProjectorFacts, state: Presentation): string {
  const student = item.studentId ? facts.students.get(item.studentId) : undefined;
  if (!student) return item.caseName ?? 'Leerling';
  const name = fullNamesShown(item, state) ? fullName(student) : initials(student);
  return student.className ? `${name}, ${student.className}` : name;
}

/** Every name of the vault goes from projected text, but the current student's when the chair shows it (never a parent's). */
function scrubberFor(current: ItemView | undefined, facts: ProjectorFacts, state: Presentation): (text: string) => string {
  return scrubberOf(facts.index, readersOf(audienceOf(state), facts.items, current));
}

function itemTitle(item: ItemView, facts: ProjectorFacts, state: Presentation, scrub: (t: string) => string): string {
  if (item.kind === 'casus') return caseLabel(item, facts, state);
  return scrub(item.title);
}

const shownText = (item: ItemView, field: string, scrub: (t: string) => string): string | null => {
  const found = item.fields.find((f) => f.field === field);
  return found && found.audience === 'ouders' && found.text.trim() !== '' ? scrub(found.text.trim()) : null;
};

function projectedMinutes(item: ItemView, facts: ProjectorFacts, scrub: (t: string) => string) {
  const decisionField = item.fields.find((f) => f.field === 'besluit');
  const decisionMayShow = decisionField === undefined || decisionField.audience === 'ouders';
  const actions = item.actions
    .filter((a) => a.audience === 'ouders' && a.status !== 'vervallen' && a.what.trim() !== '')
    .map((a) => ({
      what: scrub(a.what.trim()),
      holder: a.holder?.kind === 'staff' && a.holder.staffId ? (facts.staffNames.get(a.holder.staffId) ?? null) : a.holderLabel,
      due: a.due === null ? null : a.due.kind === 'datum' ? a.due.date : 'volgende-overleg',
    }));
  return {
    decision: item.decision && decisionMayShow ? decisionLabels[item.decision] : null,
    decisionText: shownText(item, 'besluit', scrub),
    actions,
  };
}

export function projectorScreen(facts: ProjectorFacts, state: Presentation): ProjectorScreen {
  if (state.screen === 'zwart') return { state: 'zwart' };
  if (state.screen === 'wit') return { state: 'wit' };
  const items = facts.items.filter((i) => i.change !== 'vervallen' && i.number !== null);
  // The agenda may change under the presentation: an item gone or lapsed hands over to its neighbour.
  const currentId = currentItem(
    state,
    facts.items.map((i) => ({ id: i.id, lapsed: i.change === 'vervallen' })),
  );
  const current = items.find((i) => i.id === currentId);
  const guestsPresent = guestsInRoom(current, facts.withExternals);
  const scrub = scrubberFor(current, facts, state);
  const listed = guestsPresent ? (current ? [current] : []) : items;
  const m = facts.meeting;
  return {
    state: 'agenda',
    schoolName: facts.schoolName,
    // A one-off meeting may be named after a student: its title is scrubbed like any text.
    meeting: { title: m.seriesName ?? scrub(m.title), date: m.date, startTime: m.startTime, location: m.location },
    guestsPresent,
    items: listed.map((item) => ({
      number: item.number!,
      start: item.start,
      // A besloten item keeps its subject to itself until it is the one being discussed.
      title: item.confidential && item !== current ? 'Besloten punt' : itemTitle(item, facts, state, scrub),
      current: item === current,
    })),
    current: current
      ? {
          number: current.number!,
          title: itemTitle(current, facts, state, scrub),
          isCase: current.kind === 'casus',
          question: current.kind === 'casus' ? shownText(current, 'vraag', scrub) : null,
          minutes: state.showMinutes ? projectedMinutes(current, facts, scrub) : null,
        }
      : null,
  };
}
