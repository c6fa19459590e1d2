import type {
  ActionLine,
  ActionListDocument,
  ActionListEntry,
  AgendaDocument,
  DocumentSchool,
  MeetingHeading,
  MinutesDocumentItem,
  NameStyle,
  Presence,
} from '../../export/docx/models';
import { guestKindLabels } from '../agenda/vocabulary';
import { localDate } from '../../shared/clock';
import type { minutesView, listActions } from '../minutes/view';
import { isOverdue } from '../minutes/rules';
import { actionStatusLabels } from '../minutes/vocabulary';
import { initials, type PersonName } from '../people/names';
import { endTime } from '../schedule/store';
import { anonymousLabel, caseShown, listReaders, readersOf, type Audience, type CaseFacts } from '../disclosure/policy';
import { noScrub, scrubberOf, type NameIndex, type Scrub } from '../disclosure/scrubber';

/**
 * From what the screens read to what a Word document may show. Pure: each document names its
 * reader (an audience) and asks the disclosure policy (disclosure/policy.ts) what that reader may
 * read — initials or names, intern text or not, anonymised or left-out cases, one student's part
 * only — and scrubs free text with the vault-wide name index (disclosure/scrubber.ts).
 *
 * This file holds what every document shares and the agenda and action list; the minutes and
 * extracts are in compose-minutes.ts, the stukken in compose-papers.ts.
 */

export type MinutesView = ReturnType<typeof minutesView>;
export type ItemView = MinutesView['items'][number];
export type ActionView = ItemView['actions'][number];
export type ActionListView = ReturnType<typeof listActions>;

/** A student on an agenda or in minutes, as the documents domain knows them. */
export interface CaseStudent extends PersonName {
  studentNumber: string;
  className: string;
  yearLevel: number | null;
}

/** "J.d.V. (2B)" or "Jesse de Vries (2B)"; an anonymous case keeps its label ("leerling uit leerjaar 2"). */
export function caseTitle(student: CaseStudent | undefined, fallback: string, style: NameStyle): string {
  if (!student) return fallback;
  const name = style === 'volledig' ? [student.givenName, student.infix, student.familyName].filter(Boolean).join(' ') : initials(student);
  return student.className ? `${name} (${student.className})` : name;
}

/** A case as the policy shows it to this reader; another item's title is free text and scrubbed. */
export function itemTitle(item: ItemView, students: Map<string, CaseStudent>, style: NameStyle, audience: Audience, scrub: Scrub): string {
  if (item.kind !== 'casus') return scrub(item.title);
  const student = item.studentId ? students.get(item.studentId) : undefined;
  const shown = caseShown(audience, item);
  if (shown === 'anonymised') return anonymousLabel(student?.yearLevel, student ? null : item.caseName);
  // A case the gate does not let through is never printed by name, whatever was chosen.
  return caseTitle(student, item.caseName ?? 'Leerling', shown === 'named' ? style : 'initialen');
}

/** What a document reads about one meeting's items: the cases for the policy, a scrubber for its reader. */
export interface Disclosure {
  audience: Audience;
  /** The vault's name index; null only where nothing is scrubbed (a team document of an internal meeting in tests). */
  index: NameIndex | null;
  /** "Leerplicht Utrecht": whom a partner's version is for, printed on it. */
  readerName?: string;
}

export const scrubFor = (disclosure: Disclosure, cases: CaseFacts[]): Scrub =>
  disclosure.index ? scrubberOf(disclosure.index, readersOf(disclosure.audience, cases)) : noScrub;

/** A colleague as the reader knows them: "Emma de Boer (edb)" for the team, by name alone for anyone who does not know the codes. */
export type StaffBy = 'code' | 'name';
export const staffLabel = (p: { name: string; code: string } | null, by: StaffBy = 'code') =>
  p ? (by === 'code' ? `${p.name} (${p.code})` : p.name) : null;

export function meetingHeading(meeting: MinutesView['meeting'], by: StaffBy = 'code'): MeetingHeading {
  return {
    title: meeting.title,
    seriesName: meeting.seriesName,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: endTime(meeting.startTime, meeting.durationMinutes),
    location: meeting.location,
    chair: staffLabel(meeting.chair, by),
    secretary: staffLabel(meeting.secretary, by),
  };
}

const attendeeLabel = (a: MinutesView['attendees'][number], by: StaffBy = 'code') =>
  a.code && by === 'code' ? `${a.name} (${a.code})` : a.name;

export function presenceOf(attendees: MinutesView['attendees'], by: StaffBy = 'code'): Presence {
  const having = (p: (typeof attendees)[number]['presence']) => attendees.filter((a) => a.presence === p).map((a) => attendeeLabel(a, by));
  return {
    present: having('aanwezig'),
    absentWithNotice: having('afwezig-met-bericht'),
    absent: having('afwezig'),
    unknown: having(null),
  };
}

export const itemKind = (kind: ItemView['kind']): MinutesDocumentItem['kind'] =>
  kind === 'casus' ? 'casus' : kind === 'overig' ? 'overig' : 'vast';

/** Guests by role, never by name: a parent's name does not belong on an agenda. */
function guestLabels(guests: ItemView['guests']): string[] {
  return guests.map((g) => (g.kind === 'partner' ? g.name : g.kind === 'anders' ? 'gast' : guestKindLabels[g.kind].toLowerCase()));
}

/**
 * The agenda goes to everyone at the table: a case the gate does not let through for all of them
 * is shown as the stukken show it (no name, initials or inbrenger), and with externals no other
 * student is named in a title.
 */
export function agendaDocument(
  view: MinutesView,
  students: Map<string, CaseStudent>,
  school: DocumentSchool,
  style: NameStyle,
  generatedOn: string,
  disclosure: Disclosure,
): AgendaDocument {
  const scrub = scrubFor(disclosure, view.items);
  return {
    school,
    meeting: meetingHeading(view.meeting),
    attendees: view.attendees.map((a) => attendeeLabel(a)),
    items: view.items.map((item) => ({
      number: item.number,
      start: item.start,
      title: itemTitle(item, students, style, disclosure.audience, scrub),
      kind: itemKind(item.kind),
      presenter: item.kind === 'casus' && caseShown(disclosure.audience, item) === 'anonymised' ? null : (item.presenter?.code ?? null),
      durationMinutes: item.durationMinutes,
      confidential: item.confidential,
      guests: guestLabels(item.guests),
      change: item.change,
    })),
    nameStyle: style,
    sentOn: view.meeting.agendaSentAt ? localDate(view.meeting.agendaSentAt) : null,
    generatedOn,
  };
}

/** Labels for "nieuwe informatie" paragraphs: `info:staff:<id>` → "Nieuwe informatie van Anna Wolters (awo)". */
export interface InfoSources {
  staff: Map<string, { name: string; code: string }>;
  partners: Map<string, string>;
}

/** Staff by their code in the team's documents (as minutes are written), by name for a family. */
export function holderText(action: ActionView, style: 'code' | 'name', staff: InfoSources['staff']): string | null {
  const person = action.holder?.kind === 'staff' && action.holder.staffId ? staff.get(action.holder.staffId) : undefined;
  if (person) return style === 'code' ? person.code : person.name;
  return action.holderLabel;
}

/** `asOf`: the day whose overdue actions are marked; the action's own flag (today's) without it. */
export function actionLine(action: ActionView, carried: boolean, holder: string | null, asOf?: string): ActionLine {
  return {
    number: carried ? action.origin : action.number,
    what: action.what,
    holder,
    due: action.due === null ? null : action.due.kind === 'datum' ? action.due.date : 'volgende-overleg',
    status: actionStatusLabels[action.status],
    overdue: asOf === undefined ? action.overdue : isOverdue(action.status, action.dueOn, asOf),
  };
}

/** Open actions across meetings, per holder or per series, students as chosen. */
export function actionListDocument(
  actions: ActionListView,
  students: Map<string, CaseStudent>,
  /** Series name by meeting id. */
  seriesOfMeeting: Map<string, string>,
  staff: InfoSources['staff'],
  school: DocumentSchool,
  groupedBy: ActionListDocument['groupedBy'],
  style: NameStyle,
  generatedOn: string,
  index: NameIndex | null,
): ActionListDocument {
  // The list says it holds initials and class: its action texts then name nobody either.
  const scrub = index ? scrubberOf(index, listReaders(style)) : noScrub;
  const groups = new Map<string, ActionListEntry[]>();
  for (const a of actions) {
    const heading =
      groupedBy === 'holder' ? (a.holderLabel ?? 'Nog geen actiehouder') : (seriesOfMeeting.get(a.meetingId) ?? 'Losse overleggen');
    const student = a.studentId ? students.get(a.studentId) : undefined;
    const entry: ActionListEntry = {
      ...actionLine(a, false, holderText(a, 'code', staff)),
      what: scrub(a.what),
      student: a.studentId ? caseTitle(student, a.caseName ?? 'Leerling', style) : null,
      meeting: a.origin.replace(/^\S+ uit /, ''),
      overdue: a.overdue,
    };
    groups.set(heading, [...(groups.get(heading) ?? []), entry]);
  }
  return {
    school,
    title: groupedBy === 'holder' ? 'Openstaande acties per actiehouder' : 'Openstaande acties per overlegreeks',
    groupedBy,
    groups: [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'nl')).map(([heading, list]) => ({ heading, actions: list })),
    nameStyle: style,
    generatedOn,
  };
}
