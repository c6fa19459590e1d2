import type {
  ActionLine,
  ActionListDocument,
  ActionListEntry,
  AgendaDocument,
  DocumentSchool,
  ExtractDocument,
  MeetingHeading,
  MinutesAddendum,
  MinutesDocument,
  MinutesDocumentItem,
  MinutesParagraph,
  NameStyle,
  PapersCase,
  PapersDocument,
  Presence,
} from '../../export/docx/models';
import { guestKindLabels } from '../agenda/vocabulary';
import type { IntakeQuestion, IntakeAnswers, AnswerValue, ViewAnswer } from '../intake/form';
import { concernAreaLabels, concernAreas } from '../intake/form';
import { localDate } from '../../shared/clock';
import type { minutesView, listActions } from '../minutes/view';
import { caseFields, infoPrefix, isOverdue, notesField } from '../minutes/rules';
import { actionStatusLabels, decisionLabels } from '../minutes/vocabulary';
import { initials, type PersonName } from '../people/names';
import { endTime } from '../schedule/store';
import {
  anonymousLabel,
  caseShown,
  familyShown,
  familyText,
  itemShown,
  listReaders,
  readersOf,
  staffBy,
  textGoes,
  type Audience,
  type CaseFacts,
} from '../disclosure/policy';
import { noScrub, scrubberOf, type NameIndex, type Scrub } from '../disclosure/scrubber';

/**
 * From what the screens read to what a Word document may show. Pure: each document names its
 * reader (an audience) and asks the disclosure policy (disclosure/policy.ts) what that reader may
 * read — initials or names, intern text or not, anonymised or left-out cases, one student's part
 * only — and scrubs free text with the vault-wide name index (disclosure/scrubber.ts).
 */

export type MinutesView = ReturnType<typeof minutesView>;
type ItemView = MinutesView['items'][number];
type ActionView = ItemView['actions'][number];
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
function itemTitle(item: ItemView, students: Map<string, CaseStudent>, style: NameStyle, audience: Audience, scrub: Scrub): string {
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

const scrubFor = (disclosure: Disclosure, cases: CaseFacts[]): Scrub =>
  disclosure.index ? scrubberOf(disclosure.index, readersOf(disclosure.audience, cases)) : noScrub;

/** A colleague as the reader knows them: "Emma de Boer (edb)" for the team, by name alone for anyone who does not know the codes. */
type StaffBy = 'code' | 'name';
const person = (p: { name: string; code: string } | null, by: StaffBy = 'code') =>
  p ? (by === 'code' ? `${p.name} (${p.code})` : p.name) : null;

export function meetingHeading(meeting: MinutesView['meeting'], by: StaffBy = 'code'): MeetingHeading {
  return {
    title: meeting.title,
    seriesName: meeting.seriesName,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: endTime(meeting.startTime, meeting.durationMinutes),
    location: meeting.location,
    chair: person(meeting.chair, by),
    secretary: person(meeting.secretary, by),
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

/**
 * The parents and the student present at their child's item, for this reader, as the policy says
 * (familyShown): by name, by role and the case's title as this document shows it, or not at all.
 * Attendance not recorded is not listed: a family is not expected at every case.
 */
function withFamilies(
  presence: Presence,
  items: { item: ItemView; title: string }[],
  audience: Audience,
  cases: CaseFacts[],
  style: NameStyle,
): Presence {
  const own = audience.kind === 'parents' || audience.kind === 'student' || audience.kind === 'file';
  const lists: Record<'aanwezig' | 'afwezig-met-bericht' | 'afwezig', string[]> = {
    aanwezig: [],
    'afwezig-met-bericht': [],
    afwezig: [],
  };
  for (const { item, title } of items) {
    const shown = familyShown(audience, item, cases, style);
    if (shown === 'left-out') continue;
    for (const member of item.family) {
      if (member.presence === null) continue;
      const role = member.kind === 'student' ? 'leerling' : member.relation;
      const label =
        shown === 'by-role'
          ? member.kind === 'student'
            ? `De leerling zelf (${title})`
            : `${role.charAt(0).toUpperCase()}${role.slice(1)} van ${title}`
          : own
            ? `${member.name} (${role})`
            : member.kind === 'student'
              ? `${member.name} (leerling)`
              : `${member.name}, ${role} van ${title}`;
      lists[member.presence].push(label);
    }
  }
  return {
    ...presence,
    present: [...presence.present, ...lists.aanwezig],
    absentWithNotice: [...presence.absentWithNotice, ...lists['afwezig-met-bericht']],
    absent: [...presence.absent, ...lists.afwezig],
  };
}

const itemKind = (kind: ItemView['kind']): MinutesDocumentItem['kind'] =>
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

function fieldLabel(key: string, sources: InfoSources, by: StaffBy): string {
  if (key.startsWith(infoPrefix)) {
    const [, kind, id] = key.split(':');
    if (kind === 'ouders') return 'Nieuwe informatie van ouders';
    if (kind === 'leerling') return 'Nieuwe informatie van de leerling';
    if (kind === 'staff') {
      const s = id ? sources.staff.get(id) : undefined;
      return s ? `Nieuwe informatie van ${person(s, by)}` : 'Nieuwe informatie';
    }
    return `Nieuwe informatie van ${(id && sources.partners.get(id)) || 'een partner'}`;
  }
  return caseFields.find((f) => f.key === key)?.label ?? (key === notesField.key ? notesField.label : key);
}

/** Staff by their code in the team's documents (as minutes are written), by name for a family. */
function holderText(action: ActionView, style: 'code' | 'name', staff: InfoSources['staff']): string | null {
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

/**
 * Minutes mark an action overdue as it stood at the meeting: they record that meeting, so a copy
 * made a month later says the same (a deadline passed since is the Acties page's business). A
 * concept made before the meeting can only know today.
 */
export const minutesAsOf = (meetingDate: string, generatedOn: string) => (generatedOn < meetingDate ? generatedOn : meetingDate);

/** An action a reader outside the team may read: marked for them, and agreed (a concept is still being written). */
const actionReadable = (action: ActionView, audience: Audience) =>
  textGoes(audience, action.audience) && (audience.kind === 'team' || audience.kind === 'file' || action.status !== 'concept');

function minutesItem(
  item: ItemView,
  title: string,
  sources: InfoSources,
  audience: Audience,
  scrub: Scrub,
  asOf: string,
): MinutesDocumentItem {
  const style = staffBy(audience);
  const paragraphs: MinutesParagraph[] = item.fields
    .filter((f) => f.text.trim() !== '' && textGoes(audience, f.audience))
    .map((f) => ({ label: fieldLabel(f.field, sources, style), text: scrub(f.text), intern: f.audience === 'intern' }));
  // The decision type goes where the decision text goes: a reader outside the team reads it only when the text is theirs.
  const decisionText = item.fields.find((f) => f.field === 'besluit');
  const decisionShown = decisionText === undefined || textGoes(audience, decisionText.audience);
  const line = (a: ActionView, carried: boolean) => ({
    ...actionLine(a, carried, holderText(a, style, sources.staff), asOf),
    what: scrub(a.what),
  });
  return {
    number: item.number,
    title,
    kind: itemKind(item.kind),
    lapsed: item.change === 'vervallen',
    decision: item.decision && decisionShown ? `Besluit: ${decisionLabels[item.decision]}` : null,
    paragraphs,
    actions: item.actions.filter((a) => actionReadable(a, audience)).map((a) => line(a, false)),
    carried: item.carried.filter((a) => actionReadable(a, audience)).map((a) => line(a, true)),
  };
}

function minutesStatus(view: MinutesView): MinutesDocument['status'] {
  return view.meeting.minutesFixedAt
    ? { kind: 'vastgesteld', on: localDate(view.meeting.minutesFixedAt), atMeeting: null }
    : { kind: 'concept' };
}

function addendaOf(view: MinutesView, itemIds: Set<string | null> | 'all', audience: Audience, scrub: Scrub): MinutesAddendum[] {
  const numbers = new Map(view.items.map((i) => [i.id, i.number]));
  return view.addenda
    .filter((a) => (itemIds === 'all' || itemIds.has(a.itemId)) && textGoes(audience, a.audience))
    .map((a) => ({
      at: a.createdAt,
      author: a.authorName,
      itemNumber: a.itemId ? (numbers.get(a.itemId) ?? null) : null,
      text: scrub(a.text),
      intern: a.audience === 'intern',
    }));
}

/** Whether an item reaches this reader at all: a case as the policy shows it, another item as it lists it. */
const itemReaches = (item: ItemView, audience: Audience) =>
  item.kind === 'casus' ? caseShown(audience, item) !== 'left-out' : itemShown(audience, item);

/**
 * The minutes of a meeting for one reader: the team's (every item, intern text marked; a case
 * without consent for everyone at the table by initials and without its name in the text), or an
 * external partner's (only the items they were at, no intern text, a case whose consent does not
 * cover them anonymised and one they left the room for — or a besloten one — left out).
 */
export function minutesDocument(
  view: MinutesView,
  students: Map<string, CaseStudent>,
  sources: InfoSources,
  school: DocumentSchool,
  style: NameStyle,
  generatedOn: string,
  fixedAt: string | null,
  disclosure: Disclosure,
): MinutesDocument {
  const status = minutesStatus(view);
  const { audience } = disclosure;
  const scrub = scrubFor(disclosure, view.items);
  const items = view.items.filter((item) => itemReaches(item, audience));
  // Addenda of the meeting as a whole go with the minutes; of an item, only with that item.
  const shownIds = new Set<string | null>([null, ...items.map((i) => i.id)]);
  const asOf = minutesAsOf(view.meeting.date, generatedOn);
  return {
    school,
    meeting: meetingHeading(view.meeting, staffBy(audience)),
    status: status.kind === 'vastgesteld' ? { ...status, atMeeting: fixedAt } : status,
    presence: withFamilies(
      presenceOf(view.attendees, staffBy(audience)),
      items
        .filter((i) => i.kind === 'casus' && i.change !== 'vervallen')
        .map((item) => ({ item, title: itemTitle(item, students, style, audience, scrub) })),
      audience,
      view.items,
      style,
    ),
    items: items.map((item) => minutesItem(item, itemTitle(item, students, style, audience, scrub), sources, audience, scrub, asOf)),
    actionsAsOf: asOf,
    addenda: addendaOf(view, audience.kind === 'team' ? 'all' : shownIds, audience, scrub),
    nameStyle: style,
    forReader: audience.kind === 'partner' ? (disclosure.readerName ?? 'een externe partner') : null,
    generatedOn,
  };
}

/**
 * One student's part of the minutes. Built only from that student's item, its actions and its
 * addenda: other items are never read, so no other student's name, initials or number can reach
 * the page. The parents' version holds only text marked "mag naar ouders".
 */
export function extractDocument(
  view: MinutesView,
  itemId: string,
  student: CaseStudent,
  sources: InfoSources,
  school: DocumentSchool,
  version: ExtractDocument['version'],
  generatedOn: string,
  fixedAt: string | null,
  /** The vault's names (null in tests of what is left out rather than scrubbed). */
  index: NameIndex | null,
): ExtractDocument {
  const item = view.items.find((i) => i.id === itemId);
  if (!item) throw new Error('extract of an item outside these minutes');
  const audience: Audience =
    version === 'dossier' ? { kind: 'file', studentId: item.studentId ?? '' } : { kind: 'parents', studentId: item.studentId ?? '' };
  // Another child named in this child's text never reaches this child's file or family; the
  // parents read staff by name, also where a code was typed, and the colleagues this extract names
  // (present, holding an action) keep their given name.
  const named = [
    ...view.attendees.filter((a) => a.kind === 'staff').map((a) => a.name),
    ...item.actions.map((a) => holderText(a, 'name', sources.staff) ?? ''),
  ];
  const scrub = !index
    ? noScrub
    : version === 'ouders'
      ? familyText(index, item.studentId ?? '', [...sources.staff.values()], named)
      : scrubberOf(index, readersOf(audience, [item]));
  const name = [student.givenName, student.infix, student.familyName].filter(Boolean).join(' ');
  const status = minutesStatus(view);
  return {
    school,
    version,
    meeting: meetingHeading(view.meeting, staffBy(audience)),
    status: status.kind === 'vastgesteld' ? { ...status, atMeeting: fixedAt } : status,
    student: { name, studentNumber: student.studentNumber, className: student.className },
    // Only this child's family: the extract is built from this item alone.
    presence: withFamilies(
      presenceOf(view.attendees, staffBy(audience)),
      [{ item, title: caseTitle(student, name, 'volledig') }],
      audience,
      [item],
      'volledig',
    ),
    item: minutesItem(item, caseTitle(student, name, 'volledig'), sources, audience, scrub, minutesAsOf(view.meeting.date, generatedOn)),
    addenda: addendaOf(view, new Set([itemId]), audience, scrub),
    generatedOn,
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

// ---------------------------------------------------------------------------------------------
// Stukken

/** One intake answer as text, or '' when unanswered. */
export function answerText(question: IntakeQuestion, value: AnswerValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nee';
  if (typeof value === 'string') return value.trim();
  if (question.kind === 'view') {
    const view = value as ViewAnswer;
    return view.text.trim() || (view.missingReason.trim() ? `Niet opgehaald: ${view.missingReason.trim()}` : '');
  }
  const areas = value as Partial<Record<(typeof concernAreas)[number], string>>;
  return concernAreas
    .filter((area) => (areas[area] ?? '').trim() !== '')
    .map((area) => `${concernAreaLabels[area]}: ${areas[area]!.trim()}`)
    .join('\n');
}

export interface PapersIntake {
  studentId: string | null;
  anonymousLabel: string | null;
  referrer: string | null;
  questions: IntakeQuestion[];
  answers: IntakeAnswers;
  /** The agenda item of this case at the meeting, if it is on the agenda. */
  item: Pick<ItemView, 'number' | 'start' | 'consent'> | null;
  /** Why the case may not be named to every reader (external partners without consent), or null. */
  anonymiseBecause: string | null;
}

/**
 * The stukken go to everyone at the table. A case the gate does not let through for all of them
 * is anonymised: no name, initials, number, class, agenda number or referrer, and every name in
 * its free text goes — the vault's, not only its own family's.
 */
export function papersDocument(
  view: MinutesView,
  intakes: PapersIntake[],
  students: Map<string, CaseStudent>,
  school: DocumentSchool,
  generatedOn: string,
  disclosure: Disclosure,
): PapersDocument {
  const facts: CaseFacts[] = intakes.map((intake, i) => ({
    id: `stuk-${i}`,
    kind: 'casus',
    studentId: intake.studentId,
    confidential: false,
    consent: { state: intake.anonymiseBecause === null ? 'ok' : 'missing' },
  }));
  const scrub = scrubFor(disclosure, facts);
  const cases: PapersCase[] = intakes.map((intake) => {
    const student = intake.studentId ? students.get(intake.studentId) : undefined;
    const anonymised = student === undefined || intake.anonymiseBecause !== null;
    const label = intake.anonymousLabel ?? (student?.yearLevel ? `leerling uit leerjaar ${student.yearLevel}` : 'leerling');
    const sections = intake.questions
      .filter((q) => !q.hidden)
      .map((q) => ({ label: q.label, text: answerText(q, intake.answers[q.key]) }))
      .filter((s) => s.text !== '')
      .map((s) => ({ ...s, text: scrub(s.text) }));
    return {
      title: anonymised ? anonymousLabel(null, label) : caseTitle(student, label, 'volledig'),
      studentNumber: anonymised ? null : (student?.studentNumber ?? null),
      anonymised,
      anonymisedBecause: student === undefined ? 'aangemeld zonder naam' : intake.anonymiseBecause,
      // An anonymised case has no agenda number, time or referrer: next to the agenda those would name it again.
      agendaNumber: anonymised ? null : (intake.item?.number ?? null),
      start: anonymised ? null : (intake.item?.start ?? null),
      referrer: anonymised ? null : intake.referrer,
      sections,
    };
  });
  cases.sort((a, b) => (a.agendaNumber ?? 999) - (b.agendaNumber ?? 999) || a.title.localeCompare(b.title, 'nl'));
  return { school, meeting: meetingHeading(view.meeting), cases, generatedOn };
}
