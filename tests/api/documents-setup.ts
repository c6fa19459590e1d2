import { eq } from 'drizzle-orm';
import type { Backend } from '../../electron/api/context';
import type { ApiErrorBody, MethodInput, MethodOutput } from '../../electron/app/contract';
import { dispatch } from '../../electron/app/dispatch';
import { auditLog, auditStudents } from '../../db/schema';
import { call, makeBackend, newSchool, tempDir } from '../helpers/backend';
import { unzipDocx, paragraphTexts } from '../docx/docx-text';

/**
 * A school for the documents and letters API tests, through the real dispatcher: an internal IOT
 * and a ZAT with Leerplicht at the table, two students with guardians (one household, and parents
 * who live apart), and helpers to read what came out (the Word text, the audit log).
 * Tests fix the clock at TODAY (Monday 2 November 2026) before calling `documentsSchool`.
 */
export const TODAY = new Date(2026, 10, 2, 10, 0, 0);

export interface StudentSpec {
  givenName: string;
  infix: string;
  familyName: string;
  studentNumber: string;
  className: string;
  yearLevel: number;
  birthDate: string;
}

/** Student A: parents with authority at one address. */
export const jesse: StudentSpec = {
  givenName: 'Jesse',
  infix: 'de',
  familyName: 'Vries',
  studentNumber: '700101',
  className: '2B',
  yearLevel: 2,
  birthDate: '2012-03-10',
};
/** Student B: parents with authority at two addresses. */
export const sara: StudentSpec = {
  givenName: 'Sara',
  infix: '',
  familyName: 'Bakker',
  studentNumber: '700202',
  className: '3C',
  yearLevel: 3,
  birthDate: '2011-06-21',
};

export const fullNameOf = (s: Pick<StudentSpec, 'givenName' | 'infix' | 'familyName'>) =>
  [s.givenName, s.infix, s.familyName].filter(Boolean).join(' ');

export interface GuardianSpec {
  givenName: string;
  infix: string;
  familyName: string;
  relation: string;
  parentalAuthority: boolean;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  salutation: string;
}

export const guardianInput = (g: GuardianSpec, studentId: string): MethodInput<'guardians.save'> => ({
  id: null,
  studentId,
  email: '',
  phone: '',
  ...g,
});

export interface DocumentsSchool {
  dir: ReturnType<typeof tempDir>;
  backend: Backend;
  coordinatorUserId: string;
  environmentId: string;
  awo: string;
  bgr: string;
  leerplicht: string;
  iot: string;
  zat: string;
  /** IOT of Thursday 12 November 2026, internal. */
  meetingId: string;
  /** The IOT after it. */
  nextMeetingId: string;
  nextMeetingDate: string;
  /** The first ZAT after today, with Leerplicht Utrecht at the table. */
  zatMeetingId: string;
  zatDate: string;
  jesseId: string;
  saraId: string;
  guardians: { jesseMother: string; jesseFather: string; saraMother: string; saraFather: string };
}

const seriesInput = (
  name: string,
  kind: string,
  weekday: number,
  partnerIds: string[],
  staffIds: string[],
  chair: string,
): MethodInput<'series.save'> => ({
  id: null,
  name,
  kind,
  intervalWeeks: 5,
  weekday,
  startTime: '13:30',
  durationMinutes: 90,
  location: 'Vergaderkamer',
  chairId: chair,
  secretaryId: chair,
  withExternalPartners: partnerIds.length > 0,
  intakeDeadlineSchoolDays: 5,
  moveRule: 'week-after',
  continueFrom: 'grid',
  color: 'teal',
  active: true,
  attendees: { staffIds, partnerIds },
});

export async function addStudent(backend: Backend, s: StudentSpec): Promise<string> {
  return (await call(backend, 'students.save', { id: null, level: 'havo', mentorId: null, ...s })).id;
}

/** A new vault with the coordinator (awo) unlocked, the series planned and two students with guardians. */
export async function documentsSchool(): Promise<DocumentsSchool> {
  const dir = tempDir();
  const backend = makeBackend(dir.path);
  await call(backend, 'vault.create', newSchool);
  const { environments } = await call(backend, 'vault.status', {});
  const environmentId = environments[0]!.id;
  const coordinatorUserId = (await call(backend, 'users.list', {}))[0]!.id;
  const awo = (await call(backend, 'staff.list', {})).find((s) => s.code === newSchool.staffCode)!.id;
  const bgr = (
    await call(backend, 'staff.save', {
      id: null,
      name: 'Bram Groen',
      code: 'bgr',
      functions: ['LLCO'],
      email: '',
      active: true,
    })
  ).id;
  const leerplicht = (
    await call(backend, 'partners.save', {
      id: null,
      organisation: 'Leerplicht Utrecht',
      kind: 'leerplicht',
      contactName: '',
      email: '',
      phone: '',
      active: true,
    })
  ).id;
  const iot = (await call(backend, 'series.save', seriesInput('IOT', 'IOT', 4, [], [awo, bgr], awo))).id;
  const zat = (await call(backend, 'series.save', seriesInput('ZAT', 'ZAT', 2, [leerplicht], [awo], awo))).id;
  await call(backend, 'schedule.applyYear', { seriesId: iot, schoolYear: '2026-2027', firstDate: '2026-09-03' });
  await call(backend, 'schedule.applyYear', { seriesId: zat, schoolYear: '2026-2027', firstDate: '2026-09-08' });
  const iotMeetings = (await call(backend, 'intakes.meetingOptions', { seriesId: iot })).meetings;
  const meetingId = iotMeetings.find((m) => m.date === '2026-11-12')!.id;
  const nextMeeting = iotMeetings.find((m) => m.date > '2026-11-12')!;
  const zatMeeting = (await call(backend, 'intakes.meetingOptions', { seriesId: zat })).meetings.find((m) => m.date > '2026-11-02')!;

  const jesseId = await addStudent(backend, jesse);
  const saraId = await addStudent(backend, sara);
  const home = { street: 'Lindelaan', houseNumber: '4', postalCode: '3512 KL', city: 'Utrecht' };
  const save = async (g: GuardianSpec, studentId: string) => (await call(backend, 'guardians.save', guardianInput(g, studentId))).id;
  const jesseMother = await save(
    {
      givenName: 'Marieke',
      infix: 'de',
      familyName: 'Vries',
      relation: 'moeder',
      parentalAuthority: true,
      salutation: 'Geachte mevrouw De Vries',
      ...home,
    },
    jesseId,
  );
  const jesseFather = await save(
    {
      givenName: 'Mark',
      infix: 'de',
      familyName: 'Vries',
      relation: 'vader',
      parentalAuthority: true,
      salutation: 'Geachte heer De Vries',
      ...home,
    },
    jesseId,
  );
  const saraMother = await save(
    {
      givenName: 'Ilse',
      infix: '',
      familyName: 'Bakker',
      relation: 'moeder',
      parentalAuthority: true,
      salutation: 'Geachte mevrouw Bakker',
      street: 'Dorpsstraat',
      houseNumber: '8',
      postalCode: '3431 AB',
      city: 'Nieuwegein',
    },
    saraId,
  );
  const saraFather = await save(
    {
      givenName: 'Tom',
      infix: '',
      familyName: 'Bakker',
      relation: 'vader',
      parentalAuthority: true,
      salutation: 'Geachte heer Bakker',
      street: 'Dijk',
      houseNumber: '17a',
      postalCode: '3432 CD',
      city: 'Nieuwegein',
    },
    saraId,
  );
  return {
    dir,
    backend,
    coordinatorUserId,
    environmentId,
    awo,
    bgr,
    leerplicht,
    iot,
    zat,
    meetingId,
    nextMeetingId: nextMeeting.id,
    nextMeetingDate: nextMeeting.date,
    zatMeetingId: zatMeeting.id,
    zatDate: zatMeeting.date,
    jesseId,
    saraId,
    guardians: { jesseMother, jesseFather, saraMother, saraFather },
  };
}

/** An intake for a student, handed in by the LLCO (bgr) and accepted for the meeting. */
export async function acceptedIntake(
  school: DocumentsSchool,
  input: { studentId: string; seriesId: string; meetingId: string; answers: MethodInput<'intakes.submit'>['answers'] },
): Promise<string> {
  const { backend } = school;
  const { id } = await call(backend, 'intakes.create', {
    studentId: input.studentId,
    anonymousYearLevel: null,
    seriesId: input.seriesId,
  });
  const draft = await call(backend, 'intakes.get', { id });
  await call(backend, 'intakes.submit', {
    id,
    revision: draft.revision,
    referrerId: school.bgr,
    referredOn: draft.referredOn,
    meetingId: input.meetingId,
    answers: input.answers,
  });
  await call(backend, 'intakes.decide', { id, decision: 'accept', reason: '' });
  return id;
}

/** Full answers to the standard intake form, with words a reader can look for. */
export function intakeAnswers(name: string): MethodInput<'intakes.submit'>['answers'] {
  return {
    aanleiding: `${name} is sinds de herfstvakantie vaak afwezig.`,
    vraag: 'Is verwijzing naar leerplicht nodig?',
    zorgen: { verzuim: '12 lesuren ongeoorloofd' },
    geprobeerd: 'Drie gesprekken met de mentor.',
    'visie-ouders': { text: 'Moeder maakt zich zorgen over de slaap.', missingReason: '' },
    'visie-leerling': { text: `${name} zegt slecht te slapen.`, missingReason: '' },
  };
}

/** Saves an action and returns it as stored (a conflict fails the test). */
export async function saveAction(
  backend: Backend,
  input: MethodInput<'actions.save'>,
): Promise<Extract<MethodOutput<'actions.save'>, { saved: true }>['action']> {
  const result = await call(backend, 'actions.save', input);
  if (!result.saved) throw new Error('unexpected conflict');
  return result.action;
}

/** The case item of a student at a meeting, as the minutes read it. */
export async function caseItemOf(backend: Backend, meetingId: string, studentId: string) {
  const item = (await call(backend, 'minutes.get', { meetingId })).items.find((i) => i.kind === 'casus' && i.studentId === studentId);
  if (!item) throw new Error('no case item for this student');
  return item;
}

/** Locks and unlocks as another user of the same vault. */
export async function switchUser(school: DocumentsSchool, userId: string, passphrase: string): Promise<void> {
  await call(school.backend, 'vault.lock', {});
  await call(school.backend, 'vault.unlock', { environmentId: school.environmentId, userId, passphrase });
}

/** Calls a method that must fail, and returns its whole error (with the fields of a form). */
export async function apiError(backend: Backend, method: string, input: unknown): Promise<ApiErrorBody> {
  const result = await dispatch(backend, method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

export const bytesOf = (file: { contentBase64: string }) => Buffer.from(file.contentBase64, 'base64');

/**
 * Everything a reader of the Word file can see, one paragraph a line: the body, headers and
 * footers, and the document's properties (title, subject), where a name could hide as well.
 */
export async function visibleText(buffer: Buffer): Promise<string> {
  const parts = await unzipDocx(buffer);
  const properties = [...parts.core.matchAll(/<(dc:title|dc:subject|cp:keywords|dc:description|dc:creator)>([^<]*)</g)].map(
    (m) => m[2] ?? '',
  );
  return [
    ...paragraphTexts(parts.document),
    ...parts.headers.flatMap(paragraphTexts),
    ...parts.footers.flatMap(paragraphTexts),
    ...properties,
  ].join('\n');
}

/** The audit lines of a method, newest last, each with the students it names. */
export function auditOf(backend: Backend, method: string): { id: number; detail: string | null; studentIds: string[] }[] {
  const db = backend.session!.vault.db;
  const rows = db.select().from(auditLog).where(eq(auditLog.method, method)).orderBy(auditLog.id).all();
  return rows.map((row) => ({
    id: row.id,
    detail: row.detail,
    studentIds: db
      .select({ studentId: auditStudents.studentId })
      .from(auditStudents)
      .where(eq(auditStudents.auditId, row.id))
      .all()
      .map((s) => s.studentId)
      .sort(),
  }));
}

/** The school's contact details a letter names ({{school.telefoon}}, {{coordinator.email}}): letters are refused while they are empty. */
export async function fillSchoolContact(school: DocumentsSchool): Promise<void> {
  const settings = await call(school.backend, 'settings.get', {});
  await call(school.backend, 'settings.update', {
    ...settings,
    phone: '030 123 45 67',
    email: 'zorgteam@testlyceum.example',
  });
}

/** Both of Sara's parents consent to discussing her with the given partners (Jesse's never do). */
export async function saraConsentsTo(school: DocumentsSchool, partnerIds: string[]): Promise<void> {
  for (const guardianId of [school.guardians.saraMother, school.guardians.saraFather]) {
    await call(school.backend, 'consent.record', {
      studentId: school.saraId,
      signer: { kind: 'guardian', guardianId },
      decision: 'given',
      purposes: ['bespreking'],
      partnerIds,
      method: 'schriftelijk',
      informationGiven: 'Uitleg over het ZAT en leerplicht aan tafel.',
      givenOn: '2026-10-20',
      validUntil: null,
    });
  }
}
