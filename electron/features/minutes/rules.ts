import { format, parseISO } from 'date-fns';
import type { AgendaItemKind } from '../agenda/vocabulary';
import type { ActionHolderKind, Audience } from './vocabulary';

/**
 * The structure of the minutes and the rules for actions, without I/O: which paragraphs an item
 * has, who may read each by default, when an action is complete, and how it is numbered.
 */

export interface FieldSpec {
  key: string;
  label: string;
  audience: Audience;
}

/** The paragraphs of a case, in the order they are discussed. "Nieuwe informatie" is per person: `info:<person>`. */
export const caseFields: FieldSpec[] = [
  { key: 'vraag', label: 'Vraag / aanleiding', audience: 'ouders' },
  { key: 'bespreking', label: 'Bespreking', audience: 'intern' },
  { key: 'besluit', label: 'Besluit', audience: 'ouders' },
  { key: 'informeren', label: 'Wie informeert ouders en mentor', audience: 'intern' },
  { key: 'reactie', label: 'Reactie van ouders of leerling', audience: 'ouders' },
];

/** Other items have one paragraph; the team's own business stays internal unless marked otherwise. */
export const notesField: FieldSpec = { key: 'notities', label: 'Notities', audience: 'intern' };

export const infoPrefix = 'info:';
/** "Nieuwe informatie" from one attendee, partner, the parents or the student: intern by default. */
export const infoField = (person: string) => `${infoPrefix}${person}`;

export const fieldKeyPattern =
  /^(vraag|bespreking|besluit|informeren|reactie|notities|info:(staff|partner):[\w-]{1,64}|info:(ouders|leerling))$/;

export function fieldsOf(kind: AgendaItemKind): FieldSpec[] {
  return kind === 'casus' ? caseFields : [notesField];
}

export function defaultAudience(key: string): Audience {
  if (key.startsWith(infoPrefix)) return 'intern';
  return caseFields.find((f) => f.key === key)?.audience ?? notesField.audience;
}

/** The question as the intake put it, to start the minutes of a case from. */
export function questionFromIntake(answers: Record<string, unknown>): string {
  const text = (key: string) => (typeof answers[key] === 'string' ? (answers[key] as string).trim() : '');
  return [text('aanleiding') && `Aanleiding: ${text('aanleiding')}`, text('vraag') && `Vraag: ${text('vraag')}`].filter(Boolean).join('\n');
}

/**
 * Who may read an action unless someone chooses otherwise follows its holder: what the parents or
 * the student are to do was agreed with the family and belongs in their letter; what a colleague
 * or a partner does stays the team's until it is marked for the parents.
 */
export function defaultActionAudience(holder: ActionHolderKind | null): Audience {
  return holder === 'ouders' || holder === 'leerling' ? 'ouders' : 'intern';
}

/**
 * A new holder brings their default, unless the audience had been set apart from the old holder's
 * default by hand. It opens to the parents only with the first holder chosen: what was typed for
 * a colleague's action, as intern, does not go home because the holder changed later.
 */
export function audienceAfterHolderChange(audience: Audience, from: ActionHolderKind | null, to: ActionHolderKind | null): Audience {
  if (audience !== defaultActionAudience(from)) return audience;
  const next = defaultActionAudience(to);
  return from !== null && audience === 'intern' && next !== 'intern' ? audience : next;
}

export interface ActionDraft {
  what: string;
  holder: { kind: ActionHolderKind; staffId: string | null; partnerId: string | null } | null;
  /** A date, "volgende overleg", or not chosen yet. */
  due: { kind: 'datum'; date: string } | { kind: 'volgende-overleg' } | null;
}

const dutchDate = (iso: string) => format(parseISO(iso), 'dd-MM-yyyy');

/**
 * What keeps an action a concept, by field. A concept is stored as typed; it becomes open as soon
 * as nothing is missing, so no validation ever throws text away.
 */
export function actionProblems(action: ActionDraft, meetingDate: string, hasNextMeeting: boolean): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!action.what.trim()) problems.what = 'Beschrijf wat er moet gebeuren.';
  if (!action.holder) problems.holder = 'Kies wie de actie uitvoert (de actiehouder).';
  else if (action.holder.kind === 'staff' && !action.holder.staffId) problems.holder = 'Kies de medewerker die de actie uitvoert.';
  else if (action.holder.kind === 'partner' && !action.holder.partnerId) problems.holder = 'Kies de externe partner die de actie uitvoert.';
  if (!action.due) problems.due = 'Kies een datum of "volgende overleg".';
  else if (action.due.kind === 'datum' && action.due.date < meetingDate) {
    problems.due = `De deadline (${dutchDate(action.due.date)}) ligt vóór het overleg van ${dutchDate(meetingDate)}.`;
  } else if (action.due.kind === 'volgende-overleg' && !hasNextMeeting) {
    problems.due = 'Er is nog geen volgend overleg gepland in deze reeks: kies een datum.';
  }
  return problems;
}

/** "3.2": item 3 of the agenda, second action in it. */
export const actionNumber = (itemNumber: number, sequence: number) => `${itemNumber}.${sequence}`;

/** "3.2 uit ZAT 12-03-2027": the number the action keeps until it is closed. */
export const actionOrigin = (number: string, meetingTitle: string, meetingDate: string) =>
  `${number} uit ${meetingTitle} ${dutchDate(meetingDate)}`;

/** "5.1" before "10.1": action numbers compare as numbers. */
export function compareNumbers(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

/** The next sequence in an item, after the numbers its actions already have ("3.1", "3.2" → 3). */
export function nextSequence(numbers: string[]): number {
  return numbers.reduce((max, n) => Math.max(max, Number(n.split('.')[1] ?? 0)), 0) + 1;
}

/** Open and past its date; an action due "at the next meeting" is overdue once that meeting has passed. */
export const isOverdue = (status: string, dueOn: string | null, today: string) => status === 'open' && dueOn !== null && dueOn < today;
