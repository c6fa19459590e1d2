import type { VaultDb } from '../../../db/open';
import type { DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { buildActionListDocx } from '../../export/docx/action-list';
import { buildAgendaDocx } from '../../export/docx/agenda';
import { buildExtractDocx, buildMinutesDocx } from '../../export/docx/minutes';
import { buildPapersDocx } from '../../export/docx/papers';
import { today } from '../../shared/clock';
import type { NameStyle } from '../../export/docx/models';
import { requireRole } from '../settings/roles';
import { getAgendaItem, meetingRecord, meetingRecords } from '../agenda/store';
import { requireKeeper } from '../agenda/view';
import { partnerNames } from '../consent/store';
import { withExternals } from '../intake/case-consent';
import { formVersion, intakeRows, staffById, studentsById } from '../intake/store';
import { meetingForCases } from '../meetings/store';
import { minutesView, listActions, dutch } from '../minutes/view';
import { fullName } from '../people/names';
import { guardiansOfStudents } from '../people/store';
import { actionListDocument, agendaDocument, extractDocument, mayBeNamed, minutesDocument, papersDocument, type CaseStudent, type MinutesView, type PapersIntake } from './compose';
import { documentFileName } from '../../export/file-names';
import { documentSchool } from '../settings/letterhead';

type Documents = 'documents.agenda' | 'documents.papers' | 'documents.minutes' | 'documents.extract' | 'documents.actionList';

function caseStudents(db: VaultDb, ids: (string | null)[]): Map<string, CaseStudent> {
  return studentsById(db, ids.filter((id): id is string => id !== null));
}

const studentsOf = (view: MinutesView) => view.items.flatMap((i) => (i.studentId && i.kind === 'casus' ? [i.studentId] : []));

/** "IOT 10-12-2026": the meeting the minutes were fixed in, when recorded. */
function fixedIn(db: VaultDb, meetingId: string): string | null {
  const at = meetingRecord(db, meetingId).minutesFixedIn;
  if (!at) return null;
  const m = meetingRecord(db, at);
  return `${m.title} ${dutch(m.date)}`;
}

/** Initials are the default everywhere; only the coordinator may put full names in a document. */
function allowNames(db: VaultDb, userId: string, names: NameStyle): void {
  if (names === 'volledig') requireRole(db, userId, 'coordinator', 'leerlingen met volledige naam in een document zetten');
}

/**
 * The meeting as the audit log names it: series and date, never its free-text title (a one-off
 * meeting may be called after a student).
 */
const meetingRef = (view: MinutesView) => `${view.meeting.seriesName ?? 'los overleg'} ${dutch(view.meeting.date)} (${view.meeting.id})`;

const file = (fileName: string, buffer: Buffer) => ({ fileName, contentBase64: buffer.toString('base64') });

/** Intake statuses whose forms belong in a meeting's papers: accepted for it, or discussed in it. */
const papersStatuses = new Set(['geaccepteerd', 'besproken', 'afgesloten']);

export const documentsHandlers: DomainHandlers<Documents> = {
  'documents.agenda': async ({ db, session, noteForAudit }, { meetingId, names }) => {
    allowNames(db, session.user.id, names);
    const view = minutesView(db, meetingId, session.user.id);
    const students = caseStudents(db, studentsOf(view));
    const buffer = await buildAgendaDocx(agendaDocument(view, students, documentSchool(db), names, today()));
    const fileName = documentFileName('agenda', { date: view.meeting.date });
    noteForAudit({ detail: `agenda ${meetingRef(view)} (${names}) → ${fileName}`, studentIds: [...students.keys()] });
    return file(fileName, buffer);
  },

  'documents.papers': async ({ db, session, noteForAudit }, { meetingId }) => {
    requireKeeper(db, session.user.id, 'de stukken van een overleg maken');
    const view = minutesView(db, meetingId, session.user.id);
    const intakes = intakeRows(db, { status: null, meetingId, studentId: null, createdBy: null }).filter((i) => papersStatuses.has(i.status));
    if (intakes.length === 0) throw new AppError('VALIDATION', 'Er zijn nog geen geaccepteerde aanmeldingen voor dit overleg.');
    const students = caseStudents(db, intakes.map((i) => i.studentId));
    const guardians = guardiansOfStudents(db, [...students.keys()]);
    const staff = staffById(db);
    const itemOfIntake = new Map(view.items.flatMap((i) => (i.intakeId ? [[i.intakeId, i] as const] : [])));
    // The consent gate's own rule: externals at the table, or planned for this series' meetings.
    const withPartners = withExternals(meetingForCases(db, meetingId));
    const papers: PapersIntake[] = intakes.map((intake) => {
      const item = itemOfIntake.get(intake.id) ?? null;
      const student = intake.studentId ? students.get(intake.studentId) : undefined;
      // The papers go to every attendee: with externals, only a case the gate lets through is named.
      const named = item ? mayBeNamed(item) : !withPartners;
      return {
        studentId: intake.studentId,
        anonymousLabel: intake.anonymousLabel,
        referrer: intake.referrerId ? (staff.get(intake.referrerId)?.name ?? null) : null,
        questions: formVersion(db, intake.formVersionId),
        answers: intake.answers as PapersIntake['answers'],
        item,
        anonymiseBecause: named ? null : item ? 'geen toestemming om deze leerling met alle deelnemers te bespreken' : 'nog niet op de agenda, dus toestemming niet nagegaan',
        namesToScrub:
          student && intake.studentId
            ? [student.givenName, student.familyName, fullName(student), ...(guardians.get(intake.studentId) ?? []).flatMap((g) => [g.givenName, g.familyName])]
            : [],
      };
    });
    const buffer = await buildPapersDocx(papersDocument(view, papers, students, documentSchool(db), today()));
    const fileName = documentFileName('stukken', { date: view.meeting.date });
    noteForAudit({ detail: `stukken ${meetingRef(view)} → ${fileName}`, studentIds: [...students.keys()] });
    return file(fileName, buffer);
  },

  'documents.minutes': async ({ db, session, noteForAudit }, { meetingId, names }) => {
    allowNames(db, session.user.id, names);
    const view = minutesView(db, meetingId, session.user.id);
    const students = caseStudents(db, studentsOf(view));
    const sources = { staff: staffById(db), partners: partnerNames(db) };
    const buffer = await buildMinutesDocx(minutesDocument(view, students, sources, documentSchool(db), names, today(), fixedIn(db, meetingId)));
    const fileName = documentFileName('notulen', { date: view.meeting.date, variant: view.meeting.minutesFixedAt ? '' : 'concept' });
    noteForAudit({ detail: `notulen ${meetingRef(view)} (${names}) → ${fileName}`, studentIds: [...students.keys()] });
    return file(fileName, buffer);
  },

  'documents.extract': async ({ db, session, noteForAudit }, { itemId, version }) => {
    const item = getAgendaItem(db, itemId);
    requireKeeper(db, session.user.id, 'een uittreksel uit de notulen maken');
    if (item.kind !== 'casus' || !item.studentId) throw new AppError('VALIDATION', 'Een uittreksel hoort bij een leerling op de agenda.');
    const view = minutesView(db, item.meetingId, session.user.id);
    const student = caseStudents(db, [item.studentId]).get(item.studentId);
    if (!student) throw new AppError('NOT_FOUND', 'Deze leerling bestaat niet (meer).');
    const sources = { staff: staffById(db), partners: partnerNames(db) };
    const doc = extractDocument(view, itemId, student, sources, documentSchool(db), version, today(), fixedIn(db, item.meetingId));
    const buffer = await buildExtractDocx(doc);
    const fileName = documentFileName('uittreksel', { studentNumber: student.studentNumber, date: view.meeting.date, variant: version });
    noteForAudit({ detail: `uittreksel (${version}) ${meetingRef(view)} → ${fileName}`, studentIds: [item.studentId] });
    return file(fileName, buffer);
  },

  'documents.actionList': async ({ db, session, noteForAudit }, { groupBy, holderStaffId, seriesId, studentId, mine, overdueOnly, names }) => {
    allowNames(db, session.user.id, names);
    const actions = listActions(db, session.user.id, { status: 'open', holderStaffId, seriesId, studentId, mine, overdueOnly }).filter((a) => a.status === 'open');
    const students = caseStudents(db, actions.map((a) => a.studentId));
    const meetings = meetingRecords(db, actions.map((a) => a.meetingId));
    const seriesOfMeeting = new Map([...meetings.values()].flatMap((m) => (m.seriesName ? [[m.id, m.seriesName] as const] : [])));
    const date = today();
    const buffer = await buildActionListDocx(actionListDocument(actions, students, seriesOfMeeting, staffById(db), documentSchool(db), groupBy, names, date));
    const fileName = documentFileName('actielijst', { date, variant: groupBy === 'holder' ? 'per-actiehouder' : 'per-reeks' });
    noteForAudit({ detail: `actielijst ${groupBy === 'holder' ? 'per actiehouder' : 'per reeks'} (${names}) → ${fileName}`, studentIds: [...students.keys()] });
    return file(fileName, buffer);
  },
};
