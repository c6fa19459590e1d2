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
import { caseFields, infoPrefix, notesField } from '../minutes/rules';
import { actionStatusLabels, decisionLabels } from '../minutes/vocabulary';
import { initials, type PersonName } from '../people/names';
import { endTime } from '../schedule/store';

/**
 * From what the screens read to what a Word document may show. Pure: the privacy rules of every
 * document are decided here (initials or names, intern text or not, anonymised cases, one
 * student's part only) and tested without a database.
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

/** Who may be named in full: only a case the consent gate lets through (or an internal meeting). */
export const mayBeNamed = (item: Pick<ItemView, 'consent'>) => item.consent === null || item.consent.state === 'ok' || item.consent.state === 'intern';

/** "J.d.V. (2B)" or "Jesse de Vries (2B)"; an anonymous case keeps its label ("leerling uit leerjaar 2"). */
export function caseTitle(student: CaseStudent | undefined, fallback: string, style: NameStyle): string {
  if (!student) return fallback;
  const name = style === 'volledig' ? [student.givenName, student.infix, student.familyName].filter(Boolean).join(' ') : initials(student);
  return student.className ? `${name} (${student.className})` : name;
}

function itemTitle(item: ItemView, students: Map<string, CaseStudent>, style: NameStyle): string {
  if (item.kind !== 'casus') return item.title;
  const student = item.studentId ? students.get(item.studentId) : undefined;
  // A case the gate does not let through is never printed by name, whatever was chosen.
  return caseTitle(student, item.caseName ?? 'Leerling', mayBeNamed(item) ? style : 'initialen');
}

const person = (p: { name: string; code: string } | null) => (p ? `${p.name} (${p.code})` : null);

export function meetingHeading(meeting: MinutesView['meeting']): MeetingHeading {
  return {
    title: meeting.title,
    seriesName: meeting.seriesName,
    date: meeting.date,
    startTime: meeting.startTime,
    endTime: endTime(meeting.startTime, meeting.durationMinutes),
    location: meeting.location,
    chair: person(meeting.chair),
    secretary: person(meeting.secretary),
  };
}

const attendeeLabel = (a: MinutesView['attendees'][number]) => (a.code ? `${a.name} (${a.code})` : a.name);

export function presenceOf(attendees: MinutesView['attendees']): Presence {
  const having = (p: (typeof attendees)[number]['presence']) => attendees.filter((a) => a.presence === p).map(attendeeLabel);
  return { present: having('aanwezig'), absentWithNotice: having('afwezig-met-bericht'), absent: having('afwezig'), unknown: having(null) };
}

const itemKind = (kind: ItemView['kind']): MinutesDocumentItem['kind'] => (kind === 'casus' ? 'casus' : kind === 'overig' ? 'overig' : 'vast');

/** Guests by role, never by name: a parent's name does not belong on an agenda. */
function guestLabels(guests: ItemView['guests']): string[] {
  return guests.map((g) => (g.kind === 'partner' ? g.name : g.kind === 'anders' ? 'gast' : guestKindLabels[g.kind].toLowerCase()));
}

export function agendaDocument(view: MinutesView, students: Map<string, CaseStudent>, school: DocumentSchool, style: NameStyle, generatedOn: string): AgendaDocument {
  return {
    school,
    meeting: meetingHeading(view.meeting),
    attendees: view.attendees.map(attendeeLabel),
    items: view.items.map((item) => ({
      number: item.number,
      start: item.start,
      title: itemTitle(item, students, style),
      kind: itemKind(item.kind),
      presenter: item.presenter?.code ?? null,
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

function fieldLabel(key: string, sources: InfoSources): string {
  if (key.startsWith(infoPrefix)) {
    const [, kind, id] = key.split(':');
    if (kind === 'ouders') return 'Nieuwe informatie van ouders';
    if (kind === 'leerling') return 'Nieuwe informatie van de leerling';
    if (kind === 'staff') {
      const s = id ? sources.staff.get(id) : undefined;
      return s ? `Nieuwe informatie van ${s.name} (${s.code})` : 'Nieuwe informatie';
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

export function actionLine(action: ActionView, carried: boolean, holder: string | null): ActionLine {
  return {
    number: carried ? action.origin : action.number,
    what: action.what,
    holder,
    due: action.due === null ? null : action.due.kind === 'datum' ? action.due.date : 'volgende-overleg',
    status: actionStatusLabels[action.status],
  };
}

/** Which text may be in a document: everything for the team and the dossier, only "mag naar ouders" for a family. */
type Readers = 'team' | 'ouders';
const readable = (audience: 'intern' | 'ouders', readers: Readers) => readers === 'team' || audience === 'ouders';
/** An action a family may read: theirs, and agreed (a concept is still being written). */
const actionReadable = (action: ActionView, readers: Readers) => readable(action.audience, readers) && (readers === 'team' || action.status !== 'concept');

function minutesItem(item: ItemView, title: string, sources: InfoSources, readers: Readers): MinutesDocumentItem {
  const style = readers === 'ouders' ? 'name' : 'code';
  const paragraphs: MinutesParagraph[] = item.fields
    .filter((f) => f.text.trim() !== '' && readable(f.audience, readers))
    .map((f) => ({ label: fieldLabel(f.field, sources), text: f.text, intern: f.audience === 'intern' }));
  // The decision type goes where the decision text goes: a family reads it only when the text is theirs.
  const decisionText = item.fields.find((f) => f.field === 'besluit');
  const decisionShown = readers === 'team' || decisionText === undefined || decisionText.audience === 'ouders';
  return {
    number: item.number,
    title,
    kind: itemKind(item.kind),
    lapsed: item.change === 'vervallen',
    decision: item.decision && decisionShown ? `Besluit: ${decisionLabels[item.decision]}` : null,
    paragraphs,
    actions: item.actions.filter((a) => actionReadable(a, readers)).map((a) => actionLine(a, false, holderText(a, style, sources.staff))),
    carried: item.carried.filter((a) => actionReadable(a, readers)).map((a) => actionLine(a, true, holderText(a, style, sources.staff))),
  };
}

function minutesStatus(view: MinutesView): MinutesDocument['status'] {
  return view.meeting.minutesFixedAt ? { kind: 'vastgesteld', on: localDate(view.meeting.minutesFixedAt), atMeeting: null } : { kind: 'concept' };
}

function addendaOf(view: MinutesView, itemId: string | null | 'all', readers: Readers): MinutesAddendum[] {
  const numbers = new Map(view.items.map((i) => [i.id, i.number]));
  return view.addenda
    .filter((a) => (itemId === 'all' || a.itemId === itemId) && readable(a.audience, readers))
    .map((a) => ({ at: a.createdAt, author: a.authorName, itemNumber: a.itemId ? (numbers.get(a.itemId) ?? null) : null, text: a.text, intern: a.audience === 'intern' }));
}

/** The team's minutes: every item, intern text marked as such. */
export function minutesDocument(
  view: MinutesView,
  students: Map<string, CaseStudent>,
  sources: InfoSources,
  school: DocumentSchool,
  style: NameStyle,
  generatedOn: string,
  fixedAt: string | null,
): MinutesDocument {
  const status = minutesStatus(view);
  return {
    school,
    meeting: meetingHeading(view.meeting),
    status: status.kind === 'vastgesteld' ? { ...status, atMeeting: fixedAt } : status,
    presence: presenceOf(view.attendees),
    items: view.items.map((item) => minutesItem(item, itemTitle(item, students, style), sources, 'team')),
    addenda: addendaOf(view, 'all', 'team'),
    nameStyle: style,
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
): ExtractDocument {
  const item = view.items.find((i) => i.id === itemId);
  if (!item) throw new Error('extract of an item outside these minutes');
  const readers: Readers = version === 'dossier' ? 'team' : 'ouders';
  const name = [student.givenName, student.infix, student.familyName].filter(Boolean).join(' ');
  const status = minutesStatus(view);
  return {
    school,
    version,
    meeting: meetingHeading(view.meeting),
    status: status.kind === 'vastgesteld' ? { ...status, atMeeting: fixedAt } : status,
    student: { name, studentNumber: student.studentNumber, className: student.className },
    presence: presenceOf(view.attendees),
    item: minutesItem(item, caseTitle(student, name, 'volledig'), sources, readers),
    addenda: addendaOf(view, itemId, readers),
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
): ActionListDocument {
  const groups = new Map<string, ActionListEntry[]>();
  for (const a of actions) {
    const heading = groupedBy === 'holder' ? (a.holderLabel ?? 'Nog geen actiehouder') : (seriesOfMeeting.get(a.meetingId) ?? 'Losse overleggen');
    const student = a.studentId ? students.get(a.studentId) : undefined;
    const entry: ActionListEntry = {
      ...actionLine(a, false, holderText(a, 'code', staff)),
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

/**
 * Names typed into the form's free text go too when a case is anonymised: the student's and the
 * guardians' given and family names become "[naam]". A safeguard, not a promise; the note on the
 * case says the text was written for the team.
 */
export function withoutNames(text: string, names: string[]): string {
  const words = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return text;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(`(?<![\\p{L}])(${escaped.join('|')})(?![\\p{L}])`, 'giu'), '[naam]');
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
  /** Student's and guardians' names to scrub from free text when anonymised. */
  namesToScrub: string[];
}

export function papersDocument(view: MinutesView, intakes: PapersIntake[], students: Map<string, CaseStudent>, school: DocumentSchool, generatedOn: string): PapersDocument {
  const cases: PapersCase[] = intakes.map((intake) => {
    const student = intake.studentId ? students.get(intake.studentId) : undefined;
    const anonymised = student === undefined || intake.anonymiseBecause !== null;
    const label = intake.anonymousLabel ?? (student?.yearLevel ? `leerling uit leerjaar ${student.yearLevel}` : 'leerling');
    const sections = intake.questions
      .filter((q) => !q.hidden)
      .map((q) => ({ label: q.label, text: answerText(q, intake.answers[q.key]) }))
      .filter((s) => s.text !== '')
      .map((s) => (anonymised ? { ...s, text: withoutNames(s.text, intake.namesToScrub) } : s));
    return {
      title: anonymised ? label.charAt(0).toUpperCase() + label.slice(1) : caseTitle(student, label, 'volledig'),
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
