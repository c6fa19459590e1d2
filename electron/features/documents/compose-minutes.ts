import type {
  ExtractDocument,
  DocumentSchool,
  MinutesAddendum,
  MinutesDocument,
  MinutesDocumentItem,
  MinutesParagraph,
  NameStyle,
  Presence,
} from '../../export/docx/models';
import { localDate } from '../../shared/clock';
import { caseFields, infoPrefix, notesField } from '../minutes/rules';
import { decisionLabels } from '../minutes/vocabulary';
import {
  caseShown,
  familyShown,
  familyText,
  itemShown,
  readersOf,
  staffBy,
  textGoes,
  type Audience,
  type CaseFacts,
} from '../disclosure/policy';
import { noScrub, scrubberOf, type NameIndex, type Scrub } from '../disclosure/scrubber';
import {
  actionLine,
  caseTitle,
  holderText,
  itemKind,
  itemTitle,
  meetingHeading,
  presenceOf,
  scrubFor,
  staffLabel,
  type ActionView,
  type CaseStudent,
  type Disclosure,
  type InfoSources,
  type ItemView,
  type MinutesView,
  type StaffBy,
} from './compose';

/** The minutes of a meeting and one student's extract of them, for one reader (see compose.ts). */

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

function fieldLabel(key: string, sources: InfoSources, by: StaffBy): string {
  if (key.startsWith(infoPrefix)) {
    const [, kind, id] = key.split(':');
    if (kind === 'ouders') return 'Nieuwe informatie van ouders';
    if (kind === 'leerling') return 'Nieuwe informatie van de leerling';
    if (kind === 'staff') {
      const s = id ? sources.staff.get(id) : undefined;
      return s ? `Nieuwe informatie van ${staffLabel(s, by)}` : 'Nieuwe informatie';
    }
    return `Nieuwe informatie van ${(id && sources.partners.get(id)) || 'een partner'}`;
  }
  return caseFields.find((f) => f.key === key)?.label ?? (key === notesField.key ? notesField.label : key);
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
