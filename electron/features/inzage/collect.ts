import type { VaultDb } from '../../../db/open';
import type {
  InzageAction,
  InzageAuditLine,
  InzageConsent,
  InzageDocument,
  InzageIntake,
  InzageMeetingPart,
} from '../../export/docx/inzage';
import type { Fact } from '../../export/docx/parts';
import { instantDateTime, numericDate } from '../../shared/dutch-dates';
import { meetingRecord, meetingRecords } from '../agenda/store';
import { auditEntries } from '../audit/store';
import { restrictedMethods } from '../audit/line-readers';
import { auditLabel } from '../audit/vocabulary';
import { consentRows, meldcodeTrackOf } from '../consent/store';
import { consentPurposeLabels, type ConsentPurpose } from '../consent/rules';
import { type CaseStudent } from '../documents/compose';
import { answerText } from '../documents/compose-papers';
import { extractDocument } from '../documents/compose-minutes';
import { attachmentsOfConsents, attachmentsOfIntakes } from '../files/store';
import { formVersion, intakeRows } from '../intake/store';
import type { IntakeAnswers } from '../intake/form';
import { lettersOfStudent } from '../letters/store';
import { casesOfStudent } from '../minutes/store';
import { listActions, minutesView, dutch } from '../minutes/view';
import { actionStatusLabels } from '../minutes/vocabulary';
import { fullName } from '../people/names';
import { guardiansOfStudents, partnerNames, staffById, studentRow } from '../people/store';
import { documentSchool } from '../settings/letterhead';
import { maySeeMeldcode } from '../settings/roles';
import { fileText } from '../disclosure/policy';
import { nameIndexOf } from '../disclosure/store';
import { userNames } from '../settings/store';
import { letterOf } from './letter-part';
import { retentionOf } from './retention-part';

/**
 * Everything the vault holds about one student, for an inzage (AVG art. 15): read from every
 * domain, only ever by this student's id — another student's agenda item, intake or letter is
 * never read, so it cannot end up in the file — and with other families' names scrubbed from
 * every free text (the disclosure policy's 'file' reader, disclosure/policy.ts).
 *
 * The Meldcode track is left out, whoever exports and whatever `meldcodeCoordinatorAccess` says.
 * That setting decides who may read the track inside the app; it is not a decision to hand it
 * out. The Meldcode lets the school act without the parents where a child's safety is at stake,
 * and an inzage is usually asked by those very parents: the AVG (art. 23) and UAVG (art. 41)
 * allow limiting access to protect the child. So the aandachtsfunctionaris decides per case what
 * of a track is shared, outside this export, and nothing here says a track exists (its steps, its
 * log lines, the "meldcode" route on an intake): its existence is Meldcode information too. Only
 * someone who may see the track is told, on screen, that it was left out.
 */

export interface InzageAttachment {
  id: string;
  /** The name inside the zip's "bijlagen" folder. */
  fileName: string;
}

export interface CollectedInzage {
  studentNumber: string;
  document: InzageDocument;
  attachments: InzageAttachment[];
  /** For the confirm dialog of someone who may see the Meldcode track: one exists and is not in the export. */
  meldcodeLeftOut: boolean;
}

const intakeStatusLabels: Record<string, string> = {
  concept: 'Concept (nog niet ingediend)',
  ingediend: 'Ingediend',
  geaccepteerd: 'Geaccepteerd voor het overleg',
  teruggestuurd: 'Teruggestuurd naar de aanmelder',
  besproken: 'Besproken',
  afgesloten: 'Afgesloten',
};
const consentWayLabels: Record<string, string> = {
  schriftelijk: 'Schriftelijk',
  mondeling: 'Mondeling',
  digitaal: 'Digitaal',
};

const dateOrEmpty = (date: string | null) => (date ? numericDate(date) : '');
const momentOrEmpty = (instant: string | null) => (instant ? instantDateTime(instant) : '');
/** Audit details name meetings by id too ("IOT 12-11-2026 (3f2a…)"): meaningless to a reader. */
const withoutIds = (text: string) => text.replace(/\s*\((?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi, '');
/** A file name that is safe in any zip program and on any disk. */
const safeFileName = (name: string) =>
  name
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 120) || 'bijlage';

export function collectInzage(db: VaultDb, studentId: string, user: { id: string; name: string }, on: string): CollectedInzage {
  const student = studentRow(db, studentId);
  // The inzage is a named export about this student: their own family's names stay, everyone else's go.
  const staff = staffById(db);
  const scrub = fileText(nameIndexOf(db), studentId, [...staff.values()]);
  const users = userNames(db);
  const partners = partnerNames(db);
  const userName = (id: string | null) => (id ? (users.get(id) ?? 'een verwijderde gebruiker') : '');
  const school = documentSchool(db);
  const attachments: InzageAttachment[] = [];
  const listed: InzageDocument['attachments'] = [];
  const addAttachments = (rows: { id: string; fileName: string }[], belongsTo: string): string[] =>
    rows.map((row) => {
      const fileName = `${String(attachments.length + 1).padStart(2, '0')}-${safeFileName(scrub(row.fileName))}`;
      attachments.push({ id: row.id, fileName });
      listed.push({ fileName, belongsTo });
      return fileName;
    });

  const retention = retentionOf(db, student, on, scrub);
  const mentor = student.mentorId ? staff.get(student.mentorId) : undefined;
  const personal: Fact[] = [
    { label: 'Naam', value: fullName(student) },
    { label: 'Leerlingnummer', value: student.studentNumber },
    { label: 'Geboortedatum', value: dateOrEmpty(student.birthDate) },
    { label: 'Klas', value: student.className },
    { label: 'Leerjaar', value: student.yearLevel === null ? '' : String(student.yearLevel) },
    { label: 'Niveau', value: student.level },
    { label: 'Mentor', value: mentor ? mentor.name : '' },
    {
      label: 'Inschrijving',
      value: student.status === 'left' ? `Uitgeschreven${student.leftOn ? ` op ${numericDate(student.leftOn)}` : ''}` : 'Ingeschreven',
    },
    { label: 'Uitgestroomd naar', value: retention.destination },
  ];

  const guardianRows = guardiansOfStudents(db, [studentId]).get(studentId) ?? [];
  const guardians = guardianRows.map((g) => ({
    title: `${fullName(g)} (${g.relation})`,
    facts: [
      { label: 'Relatie', value: g.relation },
      {
        label: 'Ouderlijk gezag',
        value: g.parentalAuthority ? `Ja${g.authoritySince ? ` (vastgelegd sinds ${numericDate(g.authoritySince)})` : ''}` : 'Nee',
      },
      {
        label: 'Adres',
        value: [`${g.street} ${g.houseNumber}`.trim(), `${g.postalCode} ${g.city}`.trim()].filter((l) => l !== ''),
      },
      { label: 'E-mail', value: g.email },
      { label: 'Telefoon', value: g.phone },
      { label: 'Aanhef in brieven', value: g.salutation },
    ],
  }));

  // Intakes, with the form as it was when they were filled in.
  const intakeList = intakeRows(db, { status: null, meetingId: null, studentId, createdBy: null }).sort((a, b) =>
    a.referredOn.localeCompare(b.referredOn),
  );
  const meetings = meetingRecords(
    db,
    intakeList.flatMap((i) => (i.meetingId ? [i.meetingId] : [])),
  );
  const meetingName = (m: { title: string; seriesName: string | null; date: string }) =>
    `${m.seriesName ?? scrub(m.title)} ${dutch(m.date)}`;
  const intakeAttachments = attachmentsOfIntakes(
    db,
    intakeList.map((i) => i.id),
  );
  const intakes: InzageIntake[] = intakeList.map((intake) => {
    const meeting = intake.meetingId ? meetings.get(intake.meetingId) : undefined;
    const title = meeting ? `Aanmelding voor ${meetingName(meeting)}` : `Aanmelding van ${numericDate(intake.referredOn)}`;
    const answers = intake.answers as IntakeAnswers;
    return {
      title,
      facts: [
        { label: 'Status', value: intakeStatusLabels[intake.status] ?? intake.status },
        { label: 'Aangemeld door', value: intake.referrerId ? (staff.get(intake.referrerId)?.name ?? '') : '' },
        { label: 'Aangemeld op', value: numericDate(intake.referredOn) },
        { label: 'Ingediend', value: momentOrEmpty(intake.submittedAt) },
        {
          label: 'Beoordeeld',
          value: intake.decidedAt
            ? `${instantDateTime(intake.decidedAt)}${intake.decidedBy ? ` door ${userName(intake.decidedBy)}` : ''}`
            : '',
        },
        { label: 'Teruggestuurd omdat', value: scrub(intake.returnReason ?? '') },
      ],
      answers: formVersion(db, intake.formVersionId)
        .map((q) => ({ label: q.label, text: scrub(answerText(q, answers[q.key])) }))
        .filter((a) => a.text !== ''),
      attachments: addAttachments(
        intakeAttachments.filter((a) => a.intakeId === intake.id),
        title,
      ),
    };
  });

  // Consent as given, refused and withdrawn: who, when, for what, recorded by whom.
  const consentList = consentRows(db, [studentId]);
  const consentAttachments = attachmentsOfConsents(
    db,
    consentList.map((c) => c.id),
  );
  const consents: InzageConsent[] = consentList.map((c) => {
    const signer = `${c.signerName}${c.signerKind === 'student' ? ' (leerling)' : ''}`;
    const withdrawn = c.withdrawnOn ? `, ingetrokken op ${numericDate(c.withdrawnOn)}` : '';
    const title = `Toestemming ${c.decision === 'given' ? 'gegeven' : 'geweigerd'} door ${signer}${withdrawn}`;
    const facts: Fact[] = [
      { label: 'Waarvoor', value: c.purposes.map((p) => consentPurposeLabels[p as ConsentPurpose] ?? p) },
      { label: 'Partners', value: c.partnerIds.map((id) => partners.get(id) ?? 'een verwijderde partner') },
      { label: 'Hoe', value: consentWayLabels[c.method] ?? c.method },
      { label: c.decision === 'given' ? 'Gegeven op' : 'Geweigerd op', value: numericDate(c.givenOn) },
      {
        label: 'Geldig tot',
        value: c.validUntil ? numericDate(c.validUntil) : c.untilCaseClosed ? 'tot de zaak is afgesloten' : '',
      },
      { label: 'Uitleg gegeven', value: scrub(c.informationGiven) },
      { label: 'Vastgelegd', value: `${instantDateTime(c.recordedAt)} door ${userName(c.recordedBy)}` },
      { label: 'Ingetrokken op', value: dateOrEmpty(c.withdrawnOn) },
      { label: 'Ingetrokken door', value: scrub(c.withdrawnBy ?? '') },
      { label: 'Toelichting', value: scrub(c.withdrawalNote ?? '') },
      {
        label: 'Intrekking vastgelegd',
        value: c.withdrawalRecordedAt ? `${instantDateTime(c.withdrawalRecordedAt)} door ${userName(c.withdrawalRecordedBy)}` : '',
      },
    ];
    const files = addAttachments(
      consentAttachments.filter((a) => a.consentId === c.id),
      title,
    );
    return { title, facts: files.length === 0 ? facts : [...facts, { label: 'Bijlagen', value: files }] };
  });

  // Their own agenda items, each as the dossier extract of the minutes: never another item.
  const caseStudent: CaseStudent = {
    givenName: student.givenName,
    infix: student.infix,
    familyName: student.familyName,
    studentNumber: student.studentNumber,
    className: student.className,
    yearLevel: student.yearLevel,
  };
  const sources = { staff: staffById(db), partners };
  const cases = casesOfStudent(db, studentId).reverse();
  const views = new Map<string, ReturnType<typeof minutesView>>();
  const meetingParts: InzageMeetingPart[] = cases.map((c) => {
    const view = views.get(c.meetingId) ?? minutesView(db, c.meetingId, user.id);
    views.set(c.meetingId, view);
    const fixedIn = meetingRecord(db, c.meetingId).minutesFixedIn;
    const fixedAt = fixedIn ? meetingName(meetingRecord(db, fixedIn)) : null;
    const extract = extractDocument(view, c.itemId, caseStudent, sources, school, 'dossier', on, fixedAt, nameIndexOf(db));
    const item = extract.item;
    return {
      meeting: { ...extract.meeting, title: extract.meeting.seriesName ?? scrub(extract.meeting.title) },
      presence: extract.presence,
      status: extract.status,
      item: {
        ...item,
        paragraphs: item.paragraphs.map((p) => ({ ...p, text: scrub(p.text) })),
        actions: item.actions.map((a) => ({ ...a, what: scrub(a.what) })),
        carried: [],
      },
      addenda: extract.addenda.map((a) => ({ ...a, text: scrub(a.text) })),
    };
  });

  const actions: InzageAction[] = listActions(db, user.id, {
    status: 'alle',
    holderStaffId: null,
    seriesId: null,
    studentId,
    mine: false,
    overdueOnly: false,
  }).map((a) => ({
    number: a.number,
    meeting: `${meetingName({ title: a.meetingTitle, seriesName: null, date: a.meetingDate })}`,
    what: scrub(a.what),
    holder: a.holderLabel,
    due: a.due === null ? null : a.due.kind === 'datum' ? a.due.date : 'volgende-overleg',
    status: actionStatusLabels[a.status],
    note: a.statusNote ? scrub(a.statusNote) : null,
    intern: a.audience === 'intern',
  }));

  const letters = lettersOfStudent(db, studentId)
    .reverse()
    .map((row) => letterOf(db, user.id, studentId, row, scrub, userName, meetingName));

  // Who opened, changed or exported the file. A Meldcode line is never listed (see above).
  const { entries } = auditEntries(db, {
    userId: null,
    studentId,
    fromInstant: null,
    toInstant: null,
    before: null,
    limit: 100_000,
    hiddenMethods: restrictedMethods(),
  });
  const audit: InzageAuditLine[] = entries
    .filter((e) => !e.method.startsWith('meldcode.'))
    .map((e) => ({
      at: e.at,
      user: e.userName ?? 'een verwijderde gebruiker',
      what: auditLabel(e.method),
      detail: scrub(withoutIds(e.detail ?? '')),
    }));

  return {
    studentNumber: student.studentNumber,
    document: {
      school,
      student: { name: fullName(student), studentNumber: student.studentNumber },
      exportedOn: on,
      exportedBy: user.name,
      personal,
      guardians,
      intakes,
      consents,
      meetings: meetingParts,
      actions,
      letters,
      retention: retention.part,
      audit,
      attachments: listed,
    },
    attachments,
    meldcodeLeftOut: maySeeMeldcode(db, user.id) && meldcodeTrackOf(db, studentId) !== null,
  };
}
