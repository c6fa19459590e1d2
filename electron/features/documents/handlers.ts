import type { VaultDb } from '../../../db/open';
import { readsOnly, type DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { buildActionListDocx } from '../../export/docx/action-list';
import { buildAgendaDocx } from '../../export/docx/agenda';
import { buildExtractDocx, buildMinutesDocx } from '../../export/docx/minutes';
import { buildPapersDocx } from '../../export/docx/papers';
import { now, today } from '../../shared/clock';
import { buildEml, plausibleAddress, type MailAddress } from '../../export/mail/eml';
import { longDate, weekdayLongDate } from '../../shared/dutch-dates';
import { endTime } from '../schedule/store';
import type { NameStyle } from '../../export/docx/models';
import { requireRole } from '../settings/roles';
import { getAgendaItem, hasAgenda, meetingRecord, meetingRecords } from '../agenda/store';
import { attendeeAddresses } from '../agenda/store-presence';
import { withExternals } from '../intake/case-consent';
import { formVersion, intakeRows } from '../intake/store';
import { meetingForCases } from '../meetings/store';
import { minutesView, listActions, dutch } from '../minutes/view';
import { caseShown, namedForAll, partnerReaders, type Audience } from '../disclosure/policy';
import { nameIndexOf } from '../disclosure/store';
import { actionListDocument, agendaDocument, type CaseStudent, type MinutesView } from './compose';
import { papersDocument, type PapersIntake } from './compose-papers';
import { extractDocument, minutesDocument } from './compose-minutes';
import { documentFileName } from '../../export/file-names';
import { documentSchool } from '../settings/letterhead';
import { activePartners, partnerNames, staffById, studentsById } from '../people/store';

type Documents =
  | 'documents.agenda'
  | 'documents.agendaMail'
  | 'documents.papers'
  | 'documents.minutes'
  | 'documents.minutesReaders'
  | 'documents.extract'
  | 'documents.actionList';

function caseStudents(db: VaultDb, ids: (string | null)[]): Map<string, CaseStudent> {
  return studentsById(
    db,
    ids.filter((id): id is string => id !== null),
  );
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

const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const file = (fileName: string, buffer: Buffer) => ({ fileName, contentBase64: buffer.toString('base64') });

/** The agenda and the stukken go to everyone at the table: the team, and the externals when there are. */
const atTheTable = (db: VaultDb, meetingId: string): Audience => ({
  kind: 'table',
  externals: withExternals(meetingForCases(db, meetingId)),
});

/** The external partners with a version of these minutes. */
const readersOfMinutes = (db: VaultDb, view: MinutesView) => partnerReaders(view.attendees, view.items, activePartners(db));

/** Intake statuses whose forms belong in a meeting's papers: accepted for it, or discussed in it. */
const papersStatuses = new Set(['geaccepteerd', 'besproken', 'afgesloten']);

/** The agenda as everyone at the table may read it: the Word export and the e-mail draft's attachment alike. */
async function agendaFile(db: VaultDb, userId: string, meetingId: string, names: NameStyle) {
  const view = minutesView(db, meetingId, userId);
  const students = caseStudents(db, studentsOf(view));
  const disclosure = { audience: atTheTable(db, meetingId), index: nameIndexOf(db) };
  const buffer = await buildAgendaDocx(agendaDocument(view, students, documentSchool(db), names, today(), disclosure));
  return { view, students, buffer, fileName: documentFileName('agenda', { date: view.meeting.date }) };
}

/** Who the agenda is mailed to: the invited with a usable address, and the names of those without one. */
function agendaRecipients(db: VaultDb, meetingId: string) {
  const to: MailAddress[] = [];
  const withoutAddress: string[] = [];
  const seen = new Set<string>();
  for (const a of attendeeAddresses(db, meetingId)) {
    const label = a.kind === 'partner' && a.organisation && a.name !== a.organisation ? `${a.name} (${a.organisation})` : a.name;
    if (!plausibleAddress(a.email)) withoutAddress.push(label);
    else if (!seen.has(a.email.toLowerCase())) {
      seen.add(a.email.toLowerCase());
      to.push({ name: label, address: a.email });
    }
  }
  return { to, withoutAddress };
}

/** The draft's short Dutch text: what is attached, when and where, and that it stays within the table. */
function agendaMailText(view: MinutesView, sender: string): string {
  const m = view.meeting;
  const where = m.location ? `, ${m.location}` : '';
  return [
    'Beste deelnemers,',
    '',
    `In de bijlage vindt u de agenda van ${m.title} op ${weekdayLongDate(m.date)}, ` +
      `${m.startTime}–${endTime(m.startTime, m.durationMinutes)}${where}.`,
    '',
    'De agenda bevat vertrouwelijke gegevens over leerlingen. Stuur hem niet door en bewaar hem niet langer dan nodig.',
    '',
    'Met vriendelijke groet,',
    sender,
  ].join('\n');
}

export const documentsHandlers: DomainHandlers<Documents> = {
  'documents.agenda': readsOnly(async ({ db, session, noteForAudit }, { meetingId, names }) => {
    allowNames(db, session.user.id, names);
    const { view, students, buffer, fileName } = await agendaFile(db, session.user.id, meetingId, names);
    noteForAudit({ detail: `agenda ${meetingRef(view)} (${names}) → ${fileName}`, studentIds: [...students.keys()] });
    return file(fileName, buffer);
  }),

  /**
   * "Agenda versturen": an e-mail draft (.eml) to the invited with the agenda attached, for the
   * school's own mail program to send. Students as initials: it goes to everyone at the table.
   */
  'documents.agendaMail': readsOnly(async ({ db, session, noteForAudit }, { meetingId }) => {
    meetingRecord(db, meetingId);
    if (!hasAgenda(db, meetingId)) throw new AppError('VALIDATION', 'Er is nog geen agenda om te versturen. Maak eerst de agenda.');
    const { view, students, buffer, fileName } = await agendaFile(db, session.user.id, meetingId, 'initialen');
    const { to, withoutAddress } = agendaRecipients(db, meetingId);
    const eml = buildEml({
      to,
      subject: `Agenda ${view.meeting.title} ${longDate(view.meeting.date)}`,
      text: agendaMailText(view, session.user.name),
      attachments: [{ fileName, contentType: WORD_TYPE, content: buffer }],
      date: new Date(now()),
    });
    const mailName = documentFileName('agenda', { date: view.meeting.date, variant: 'e-mail' }, 'eml');
    const missing = withoutAddress.length > 0 ? `; zonder e-mailadres: ${withoutAddress.join(', ')}` : '';
    noteForAudit({
      detail: `concept-e-mail agenda ${meetingRef(view)} aan ${to.map((t) => t.address).join(', ') || 'niemand'}${missing} → ${mailName}`,
      studentIds: [...students.keys()],
    });
    return { ...file(mailName, eml), recipients: to.map((t) => t.name), withoutAddress };
  }),

  'documents.papers': readsOnly(async ({ db, session, noteForAudit }, { meetingId }) => {
    const view = minutesView(db, meetingId, session.user.id);
    const intakes = intakeRows(db, { status: null, meetingId, studentId: null, createdBy: null }).filter((i) =>
      papersStatuses.has(i.status),
    );
    if (intakes.length === 0) throw new AppError('VALIDATION', 'Er zijn nog geen geaccepteerde aanmeldingen voor dit overleg.');
    const students = caseStudents(
      db,
      intakes.map((i) => i.studentId),
    );
    const staff = staffById(db);
    const itemOfIntake = new Map(view.items.flatMap((i) => (i.intakeId ? [[i.intakeId, i] as const] : [])));
    // The consent gate's own rule: externals at the table, or planned for this series' meetings.
    const withPartners = withExternals(meetingForCases(db, meetingId));
    const papers: PapersIntake[] = intakes.map((intake) => {
      const item = itemOfIntake.get(intake.id) ?? null;
      // The papers go to every attendee: with externals, only a case the gate lets through is named.
      const named = item ? namedForAll(item.consent) : !withPartners;
      return {
        studentId: intake.studentId,
        anonymousLabel: intake.anonymousLabel,
        referrer: intake.referrerId ? (staff.get(intake.referrerId)?.name ?? null) : null,
        questions: formVersion(db, intake.formVersionId),
        answers: intake.answers as PapersIntake['answers'],
        item,
        anonymiseBecause: named
          ? null
          : item
            ? 'geen toestemming om deze leerling met alle deelnemers te bespreken'
            : 'nog niet op de agenda, dus toestemming niet nagegaan',
      };
    });
    const disclosure = { audience: atTheTable(db, meetingId), index: nameIndexOf(db) };
    const buffer = await buildPapersDocx(papersDocument(view, papers, students, documentSchool(db), today(), disclosure));
    const fileName = documentFileName('stukken', { date: view.meeting.date });
    noteForAudit({ detail: `stukken ${meetingRef(view)} → ${fileName}`, studentIds: [...students.keys()] });
    return file(fileName, buffer);
  }),

  'documents.minutes': readsOnly(async ({ db, session, noteForAudit }, { meetingId, names, partnerId }) => {
    allowNames(db, session.user.id, names);
    const view = minutesView(db, meetingId, session.user.id);
    const students = caseStudents(db, studentsOf(view));
    const sources = { staff: staffById(db), partners: partnerNames(db) };
    let audience: Audience = { kind: 'team' };
    let readerName: string | undefined;
    if (partnerId) {
      const reader = readersOfMinutes(db, view).find((r) => r.partnerId === partnerId);
      if (!reader && !sources.partners.has(partnerId))
        throw new AppError('NOT_FOUND', 'Deze partner bestaat niet (meer).', {
          partnerId: 'Deze partner bestaat niet (meer).',
        });
      if (!reader)
        throw new AppError('VALIDATION', 'Deze partner was niet bij dit overleg: er is geen versie van de notulen voor.', {
          partnerId: 'Deze partner was niet bij dit overleg.',
        });
      audience = { kind: 'partner', partnerId, items: reader.items === null ? null : new Set(reader.items) };
      readerName = reader.name;
    }
    const doc = minutesDocument(view, students, sources, documentSchool(db), names, today(), fixedIn(db, meetingId), {
      audience,
      index: nameIndexOf(db),
      readerName,
    });
    const buffer = await buildMinutesDocx(doc);
    const variant = [view.meeting.minutesFixedAt ? '' : 'concept', partnerId ? 'partner' : ''].filter(Boolean).join('-');
    const fileName = documentFileName('notulen', { date: view.meeting.date, variant });
    // Only the students whose case this reader saw by name (an anonymised case names nobody).
    const named = view.items.flatMap((i) =>
      i.kind === 'casus' && i.studentId && caseShown(audience, i) !== 'anonymised' && caseShown(audience, i) !== 'left-out'
        ? [i.studentId]
        : [],
    );
    noteForAudit({
      detail: `notulen ${meetingRef(view)} (${names}${readerName ? `, versie voor ${readerName}` : ''}) → ${fileName}`,
      studentIds: named,
    });
    return file(fileName, buffer);
  }),

  'documents.minutesReaders': ({ db, session }, { meetingId }) => {
    const view = minutesView(db, meetingId, session.user.id);
    return readersOfMinutes(db, view).map((r) => ({
      partnerId: r.partnerId,
      name: r.name,
      wholeMeeting: r.items === null,
    }));
  },

  'documents.extract': readsOnly(async ({ db, session, noteForAudit }, { itemId, version }) => {
    const item = getAgendaItem(db, itemId);
    if (item.kind !== 'casus' || !item.studentId) throw new AppError('VALIDATION', 'Een uittreksel hoort bij een leerling op de agenda.');
    const view = minutesView(db, item.meetingId, session.user.id);
    const student = caseStudents(db, [item.studentId]).get(item.studentId);
    if (!student) throw new AppError('NOT_FOUND', 'Deze leerling bestaat niet (meer).');
    const sources = { staff: staffById(db), partners: partnerNames(db) };
    const doc = extractDocument(
      view,
      itemId,
      student,
      sources,
      documentSchool(db),
      version,
      today(),
      fixedIn(db, item.meetingId),
      nameIndexOf(db),
    );
    const buffer = await buildExtractDocx(doc);
    const fileName = documentFileName('uittreksel', {
      studentNumber: student.studentNumber,
      date: view.meeting.date,
      variant: version,
    });
    noteForAudit({ detail: `uittreksel (${version}) ${meetingRef(view)} → ${fileName}`, studentIds: [item.studentId] });
    return file(fileName, buffer);
  }),

  'documents.actionList': readsOnly(
    async ({ db, session, noteForAudit }, { groupBy, holderStaffId, seriesId, studentId, mine, overdueOnly, names }) => {
      allowNames(db, session.user.id, names);
      const actions = listActions(db, session.user.id, {
        status: 'open',
        holderStaffId,
        seriesId,
        studentId,
        mine,
        overdueOnly,
      }).filter((a) => a.status === 'open');
      const students = caseStudents(
        db,
        actions.map((a) => a.studentId),
      );
      const meetings = meetingRecords(
        db,
        actions.map((a) => a.meetingId),
      );
      const seriesOfMeeting = new Map([...meetings.values()].flatMap((m) => (m.seriesName ? [[m.id, m.seriesName] as const] : [])));
      const date = today();
      const buffer = await buildActionListDocx(
        actionListDocument(actions, students, seriesOfMeeting, staffById(db), documentSchool(db), groupBy, names, date, nameIndexOf(db)),
      );
      const fileName = documentFileName('actielijst', {
        date,
        variant: groupBy === 'holder' ? 'per-actiehouder' : 'per-reeks',
      });
      noteForAudit({
        detail: `actielijst ${groupBy === 'holder' ? 'per actiehouder' : 'per reeks'} (${names}) → ${fileName}`,
        studentIds: [...students.keys()],
      });
      return file(fileName, buffer);
    },
  ),
};
