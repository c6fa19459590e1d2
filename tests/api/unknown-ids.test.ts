import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { contract, methodNames, type MethodInput, type MethodName } from '../../electron/app/contract';
import { dispatch } from '../../electron/app/dispatch';
import { errorMessages } from '../../electron/api/errors';
import { call } from '../helpers/backend';
import { acceptedIntake, caseItemOf, documentsSchool, intakeAnswers, saveAction, TODAY, type DocumentsSchool } from './documents-setup';

/**
 * Every id a method takes, replaced by one that does not exist (the rest of the input valid),
 * answers NOT_FOUND with a Dutch message that says what is missing — never INTERNAL (a foreign
 * key failing in SQLite) and never a silent ok. The ids are found in the contract itself, so a
 * new method that takes an id fails here until it has a case below (or an exemption with a reason).
 */

/** Field names that hold ids of records: `id`, `meetingId`, `partnerIds`, … */
const idKey = /^(id|[a-z]\w*Ids?)$/;

/** The paths of a schema's id fields ("attendees.staffIds", "holder.staffId"), through unions, wrappers and arrays. */
function idPaths(schema: z.ZodType, prefix = ''): string[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, field]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return [...(idKey.test(key) ? [path] : []), ...idPaths(field, path)];
    });
  }
  if (schema instanceof z.ZodUnion) return [...new Set((schema.options as z.ZodType[]).flatMap((o) => idPaths(o, prefix)))];
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
    return idPaths(schema.unwrap() as z.ZodType, prefix);
  if (schema instanceof z.ZodPipe) return idPaths(schema.in as z.ZodType, prefix);
  if (schema instanceof z.ZodArray) return idPaths(schema.element as z.ZodType, prefix);
  return [];
}

/** Methods whose ids mean something else than a record to look up, and why. */
const exempt: Record<string, string> = {
  // The unlock screen runs before any vault is open: an unknown environment or user has its own codes there.
  'vault.unlock.environmentId': 'an unknown environment answers the vault-file problem it has',
  'vault.unlock.userId': 'answers USER_NOT_FOUND on the unlock screen',
  'vault.recover.environmentId': 'an unknown environment answers the vault-file problem it has',
  'vault.recover.userId': 'answers USER_NOT_FOUND on the unlock screen',
  'backup.open.userId': 'opened from the start screen like vault.unlock: answers USER_NOT_FOUND there',
  // A chosen file lives in memory for a while: when it is gone the user picks the file again.
  'import.preview.importId': 'answers IMPORT_EXPIRED: "kies het bestand opnieuw"',
  'import.start.importId': 'answers IMPORT_EXPIRED: "kies het bestand opnieuw"',
};

interface Fixture extends DocumentsSchool {
  userId: string;
  intakeId: string;
  draftIntakeId: string;
  draftRevision: number;
  itemId: string;
  consentId: string;
  actionId: string;
  actionRevision: number;
  attachmentId: string;
  templateId: string;
  overrideId: string;
  trackId: string;
}

interface Case<M extends MethodName = MethodName> {
  method: M;
  /** The id field the case replaces (a path from idPaths, or one the pattern cannot see). */
  field: string;
  input: (f: Fixture, unknown: string) => MethodInput<M>;
}
const of = <M extends MethodName>(method: M, field: string, input: (f: Fixture, unknown: string) => MethodInput<M>): Case =>
  ({ method, field, input }) as Case;

const student = (f: Fixture, id: string | null): MethodInput<'students.save'> => ({
  id,
  studentNumber: '700303',
  givenName: 'Noor',
  infix: '',
  familyName: 'Jansen',
  birthDate: '2012-01-01',
  className: '2B',
  yearLevel: 2,
  level: 'havo',
  mentorId: f.awo,
});
const guardian = (f: Fixture, over: Partial<MethodInput<'guardians.save'>>): MethodInput<'guardians.save'> => ({
  id: null,
  studentId: f.jesseId,
  givenName: 'Piet',
  infix: '',
  familyName: 'Vries',
  relation: 'vader',
  parentalAuthority: false,
  street: '',
  houseNumber: '',
  postalCode: '',
  city: '',
  email: '',
  phone: '',
  salutation: 'Geachte heer De Vries',
  ...over,
});
const series = (f: Fixture, over: Partial<MethodInput<'series.save'>>): MethodInput<'series.save'> => ({
  id: null,
  name: 'MDO',
  kind: 'MDO',
  intervalWeeks: null,
  weekday: null,
  startTime: '09:00',
  durationMinutes: 60,
  location: '',
  chairId: f.awo,
  secretaryId: f.awo,
  withExternalPartners: false,
  intakeDeadlineSchoolDays: 5,
  moveRule: 'week-after',
  continueFrom: 'grid',
  color: 'blue',
  active: true,
  attendees: { staffIds: [f.awo], partnerIds: [] },
  ...over,
});
const meeting = (f: Fixture, over: Partial<MethodInput<'meetings.save'>>): MethodInput<'meetings.save'> => ({
  id: null,
  seriesId: f.iot,
  title: 'Extra overleg',
  date: '2026-11-19',
  startTime: '09:00',
  durationMinutes: 60,
  location: '',
  note: null,
  chairId: f.awo,
  secretaryId: f.awo,
  attendees: { staffIds: [f.awo], partnerIds: [] },
  ...over,
});
const draft = (f: Fixture, over: Partial<MethodInput<'intakes.saveDraft'>>): MethodInput<'intakes.saveDraft'> => ({
  id: f.draftIntakeId,
  revision: f.draftRevision,
  referrerId: f.bgr,
  referredOn: '2026-11-02',
  meetingId: f.meetingId,
  answers: intakeAnswers('Sara'),
  ...over,
});
const actionFields = { what: 'Gesprek met moeder', holder: null, due: null, audience: 'intern' as const };
const actionFilter = (over: Partial<MethodInput<'actions.list'>>): MethodInput<'actions.list'> => ({
  status: 'open',
  holderStaffId: null,
  seriesId: null,
  studentId: null,
  mine: false,
  overdueOnly: false,
  ...over,
});
const letterOptions = { includeWithoutAuthority: [] as string[], copyToParents: false };
const consentInput = (f: DocumentsSchool, over: Partial<MethodInput<'consent.record'>>): MethodInput<'consent.record'> => ({
  studentId: f.saraId,
  signer: { kind: 'guardian', guardianId: f.guardians.saraMother },
  decision: 'given',
  purposes: ['bespreking'],
  partnerIds: [f.leerplicht],
  method: 'schriftelijk',
  informationGiven: '',
  givenOn: '2026-10-01',
  validUntil: null,
  untilCaseClosed: false,
  ...over,
});
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

const cases: Case[] = [
  of('users.setRoles', 'userId', (_, x) => ({ userId: x, roles: ['lid'] })),
  of('users.remove', 'userId', (_, x) => ({ userId: x })),
  of('students.get', 'id', (_, x) => ({ id: x })),
  of('students.timeline', 'id', (_, x) => ({ id: x })),
  of('students.save', 'id', (f, x) => student(f, x)),
  of('students.save', 'mentorId', (f, x) => ({ ...student(f, null), mentorId: x })),
  of('students.setStatus', 'id', (_, x) => ({ id: x, status: 'left', leftOn: '2026-11-01' })),
  of('guardians.save', 'id', (f, x) => guardian(f, { id: x })),
  of('guardians.save', 'studentId', (f, x) => guardian(f, { studentId: x })),
  of('guardians.remove', 'id', (_, x) => ({ id: x })),
  of('staff.save', 'id', (_, x) => ({ id: x, name: 'Kees Kok', code: 'kko', functions: [], email: '', active: true })),
  of('partners.save', 'id', (_, x) => ({
    id: x,
    organisation: 'GGD',
    kind: 'ggd',
    contactName: '',
    email: '',
    phone: '',
    active: true,
  })),
  of('import.progress', 'jobId', (_, x) => ({ jobId: x })),
  of('series.save', 'id', (f, x) => series(f, { id: x })),
  of('series.save', 'chairId', (f, x) => series(f, { chairId: x })),
  of('series.save', 'secretaryId', (f, x) => series(f, { secretaryId: x })),
  of('series.save', 'attendees.staffIds', (f, x) => series(f, { attendees: { staffIds: [f.awo, x], partnerIds: [] } })),
  of('series.save', 'attendees.partnerIds', (f, x) => series(f, { attendees: { staffIds: [], partnerIds: [x] } })),
  of('schedule.previewYear', 'seriesId', (_, x) => ({ seriesId: x, schoolYear: '2026-2027', firstDate: '2026-09-03' })),
  of('schedule.applyYear', 'seriesId', (_, x) => ({ seriesId: x, schoolYear: '2026-2027', firstDate: '2026-09-03' })),
  of('meetings.save', 'id', (f, x) => meeting(f, { id: x })),
  of('meetings.save', 'seriesId', (f, x) => meeting(f, { seriesId: x })),
  of('meetings.save', 'chairId', (f, x) => meeting(f, { chairId: x })),
  of('meetings.save', 'secretaryId', (f, x) => meeting(f, { secretaryId: x })),
  of('meetings.save', 'attendees.staffIds', (f, x) => meeting(f, { attendees: { staffIds: [x], partnerIds: [] } })),
  of('meetings.save', 'attendees.partnerIds', (f, x) => meeting(f, { attendees: { staffIds: [], partnerIds: [x] } })),
  of('meetings.remove', 'id', (_, x) => ({ id: x })),
  of('calendar.saveOverride', 'id', (_, x) => ({
    id: x,
    kind: 'study-day',
    name: 'Studiedag',
    start: '2027-02-01',
    end: '2027-02-01',
    replaces: null,
  })),
  of('calendar.removeOverride', 'id', (_, x) => ({ id: x })),
  of('schedule.exportIcs', 'seriesId', (_, x) => ({ schoolYear: '2026-2027', seriesId: x })),
  of('intakes.list', 'meetingId', (_, x) => ({ status: null, meetingId: x, studentId: null, mine: false })),
  of('intakes.list', 'studentId', (_, x) => ({ status: null, meetingId: null, studentId: x, mine: false })),
  of('intakes.get', 'id', (_, x) => ({ id: x })),
  of('intakes.create', 'studentId', (_, x) => ({ studentId: x, anonymousYearLevel: null, seriesId: null })),
  of('intakes.create', 'seriesId', (f, x) => ({ studentId: f.saraId, anonymousYearLevel: null, seriesId: x })),
  of('intakes.saveDraft', 'id', (f, x) => draft(f, { id: x })),
  of('intakes.saveDraft', 'referrerId', (f, x) => draft(f, { referrerId: x })),
  of('intakes.saveDraft', 'meetingId', (f, x) => draft(f, { meetingId: x })),
  of('intakes.submit', 'id', (f, x) => draft(f, { id: x })),
  of('intakes.submit', 'referrerId', (f, x) => draft(f, { referrerId: x })),
  of('intakes.submit', 'meetingId', (f, x) => draft(f, { meetingId: x })),
  of('intakes.decide', 'id', (_, x) => ({ id: x, decision: 'accept', reason: '' })),
  of('intakes.setStatus', 'id', (_, x) => ({ id: x, status: 'afgesloten' })),
  of('intakes.setGateRoute', 'id', (f, x) => ({ id: x, partnerId: f.leerplicht, route: 'anoniem' })),
  of('intakes.setGateRoute', 'partnerId', (f, x) => ({ id: f.intakeId, partnerId: x, route: 'anoniem' })),
  of('intakes.linkStudent', 'id', (f, x) => ({ id: x, studentId: f.saraId })),
  of('intakes.linkStudent', 'studentId', (f, x) => ({ id: f.intakeId, studentId: x })),
  of('intakes.remove', 'id', (_, x) => ({ id: x })),
  of('intakes.meetingOptions', 'seriesId', (_, x) => ({ seriesId: x })),
  of('attachments.add', 'intakeId', (_, x) => ({
    intakeId: x,
    consentId: null,
    fileName: 'verslag.pdf',
    contentBase64: PDF,
  })),
  of('attachments.add', 'consentId', (_, x) => ({
    intakeId: null,
    consentId: x,
    fileName: 'toestemming.pdf',
    contentBase64: PDF,
  })),
  of('attachments.download', 'id', (_, x) => ({ id: x })),
  of('attachments.remove', 'id', (_, x) => ({ id: x })),
  of('consent.overview', 'studentId', (_, x) => ({ studentId: x })),
  of('consent.record', 'studentId', (f, x) => consentInput(f, { studentId: x })),
  of('consent.record', 'signer.guardianId', (f, x) => consentInput(f, { signer: { kind: 'guardian', guardianId: x } })),
  of('consent.record', 'partnerIds', (f, x) => consentInput(f, { partnerIds: [f.leerplicht, x] })),
  of('consent.withdraw', 'id', (_, x) => ({ id: x, withdrawnOn: '2026-11-01', withdrawnBy: 'Moeder', note: '' })),
  of('meldcode.get', 'studentId', (_, x) => ({ studentId: x })),
  of('meldcode.save', 'id', (f, x) => ({
    id: x,
    studentId: f.jesseId,
    openedOn: '2026-10-01',
    steps: {},
    outcome: null,
    parentsInformed: false,
    parentsInformedNote: '',
    closedOn: null,
  })),
  of('meldcode.save', 'studentId', (_, x) => ({
    id: null,
    studentId: x,
    openedOn: '2026-10-01',
    steps: {},
    outcome: null,
    parentsInformed: false,
    parentsInformedNote: '',
    closedOn: null,
  })),
  of('agenda.template', 'seriesId', (_, x) => ({ seriesId: x })),
  of('agenda.saveTemplate', 'seriesId', (_, x) => ({ seriesId: x, caseMinutes: 15, items: null })),
  of('agenda.get', 'meetingId', (_, x) => ({ meetingId: x })),
  of('agenda.create', 'meetingId', (_, x) => ({ meetingId: x })),
  of('agenda.suggestions', 'meetingId', (_, x) => ({ meetingId: x })),
  of('agenda.addItem', 'meetingId', (_, x) => ({ meetingId: x, kind: 'overig', title: 'Nieuw punt' })),
  of('agenda.addItem', 'studentId', (f, x) => ({
    meetingId: f.meetingId,
    kind: 'casus',
    studentId: x,
    intakeId: null,
    origin: 'handmatig',
  })),
  of('agenda.addItem', 'intakeId', (f, x) => ({
    meetingId: f.meetingId,
    kind: 'casus',
    studentId: f.saraId,
    intakeId: x,
    origin: 'aanmelding',
  })),
  of('agenda.updateItem', 'id', (_, x) => ({
    id: x,
    title: 'Punt',
    presenterId: null,
    durationMinutes: 10,
    confidential: false,
    guests: [],
  })),
  of('agenda.updateItem', 'presenterId', (f, x) => ({
    id: f.itemId,
    title: 'Punt',
    presenterId: x,
    durationMinutes: 10,
    confidential: false,
    guests: [],
  })),
  of('agenda.moveItem', 'id', (_, x) => ({ id: x, toIndex: 0 })),
  of('agenda.removeItem', 'id', (_, x) => ({ id: x })),
  of('agenda.setProgress', 'meetingId', (_, x) => ({ meetingId: x, progress: 'bezig' })),
  of('agenda.setPresence', 'meetingId', (f, x) => ({ meetingId: x, person: `staff:${f.awo}`, presence: 'aanwezig' })),
  // Not an id by name: "staff:<id>" or "partner:<id>".
  of('agenda.setPresence', 'person', (f, x) => ({
    meetingId: f.meetingId,
    person: `staff:${x}`,
    presence: 'aanwezig',
  })),
  of('minutes.get', 'meetingId', (_, x) => ({ meetingId: x })),
  of('minutes.saveField', 'itemId', (_, x) => ({
    itemId: x,
    field: 'bespreking',
    text: 'Tekst',
    audience: 'intern',
    baseRevision: 0,
  })),
  of('minutes.setDecision', 'itemId', (_, x) => ({ itemId: x, decision: 'terugkomen', decided: true })),
  of('minutes.setDecision', 'referralSeriesId', (f, x) => ({
    itemId: f.itemId,
    decision: 'doorverwijzen-overleg',
    decided: true,
    referralSeriesId: x,
  })),
  of('minutes.fix', 'meetingId', (_, x) => ({ meetingId: x, atMeetingId: null })),
  of('minutes.fix', 'atMeetingId', (f, x) => ({ meetingId: f.meetingId, atMeetingId: x })),
  of('minutes.addAddendum', 'meetingId', (_, x) => ({
    meetingId: x,
    itemId: null,
    text: 'Aanvulling',
    audience: 'intern',
  })),
  of('minutes.addAddendum', 'itemId', (f, x) => ({
    meetingId: f.meetingId,
    itemId: x,
    text: 'Aanvulling',
    audience: 'intern',
  })),
  of('actions.save', 'id', (f, x) => ({ ...actionFields, id: x, baseRevision: f.actionRevision })),
  of('actions.save', 'itemId', (_, x) => ({ ...actionFields, itemId: x })),
  of('actions.save', 'holder.staffId', (f, x) => ({
    ...actionFields,
    itemId: f.itemId,
    holder: { kind: 'staff', staffId: x, partnerId: null },
  })),
  of('actions.save', 'holder.partnerId', (f, x) => ({
    ...actionFields,
    itemId: f.itemId,
    holder: { kind: 'partner', staffId: null, partnerId: x },
  })),
  of('actions.setStatus', 'id', (_, x) => ({ id: x, status: 'gedaan', note: '' })),
  of('actions.remove', 'id', (_, x) => ({ id: x })),
  of('actions.list', 'holderStaffId', (_, x) => actionFilter({ holderStaffId: x })),
  of('actions.list', 'seriesId', (_, x) => actionFilter({ seriesId: x })),
  of('actions.list', 'studentId', (_, x) => actionFilter({ studentId: x })),
  of('documents.agenda', 'meetingId', (_, x) => ({ meetingId: x, names: 'initialen' })),
  of('documents.agendaMail', 'meetingId', (_, x) => ({ meetingId: x })),
  of('documents.papers', 'meetingId', (_, x) => ({ meetingId: x })),
  of('documents.minutes', 'meetingId', (_, x) => ({ meetingId: x, names: 'initialen' })),
  of('documents.minutes', 'partnerId', (f, x) => ({ meetingId: f.meetingId, names: 'initialen', partnerId: x })),
  of('documents.minutesReaders', 'meetingId', (_, x) => ({ meetingId: x })),
  of('disclosure.check', 'studentId', (_, x) => ({ studentId: x, text: 'Jesse belt.' })),
  of('documents.extract', 'itemId', (_, x) => ({ itemId: x, version: 'ouders' })),
  of('documents.actionList', 'holderStaffId', (_, x) => ({
    ...actionFilter({ holderStaffId: x }),
    groupBy: 'holder',
    names: 'initialen',
  })),
  of('documents.actionList', 'seriesId', (_, x) => ({
    ...actionFilter({ seriesId: x }),
    groupBy: 'holder',
    names: 'initialen',
  })),
  of('documents.actionList', 'studentId', (_, x) => ({
    ...actionFilter({ studentId: x }),
    groupBy: 'holder',
    names: 'initialen',
  })),
  of('letters.saveTemplate', 'id', (_, x) => ({ id: x, name: 'Brief', subject: 'Onderwerp', body: 'Tekst' })),
  of('letters.resetTemplate', 'id', (_, x) => ({ id: x })),
  of('letters.cases', 'meetingId', (f, x) => ({ meetingId: x, templateId: f.templateId, ...letterOptions })),
  of('letters.cases', 'templateId', (f, x) => ({ meetingId: f.meetingId, templateId: x, ...letterOptions })),
  // Guardian ids, though the name does not say so.
  of('letters.cases', 'includeWithoutAuthority', (f, x) => ({
    meetingId: f.meetingId,
    templateId: f.templateId,
    includeWithoutAuthority: [x],
    copyToParents: false,
  })),
  of('letters.preview', 'templateId', (f, x) => ({
    templateId: x,
    meetingId: f.meetingId,
    studentIds: [f.jesseId],
    ...letterOptions,
  })),
  of('letters.preview', 'meetingId', (f, x) => ({
    templateId: f.templateId,
    meetingId: x,
    studentIds: [f.jesseId],
    ...letterOptions,
  })),
  of('letters.preview', 'studentIds', (f, x) => ({
    templateId: f.templateId,
    meetingId: f.meetingId,
    studentIds: [f.jesseId, x],
    ...letterOptions,
  })),
  of('letters.preview', 'includeWithoutAuthority', (f, x) => ({
    templateId: f.templateId,
    meetingId: f.meetingId,
    studentIds: [f.jesseId],
    includeWithoutAuthority: [x],
    copyToParents: false,
  })),
  of('letters.start', 'templateId', (f, x) => ({
    templateId: x,
    meetingId: f.meetingId,
    studentIds: [f.jesseId],
    ...letterOptions,
  })),
  of('letters.start', 'meetingId', (f, x) => ({
    templateId: f.templateId,
    meetingId: x,
    studentIds: [f.jesseId],
    ...letterOptions,
  })),
  of('letters.start', 'studentIds', (f, x) => ({
    templateId: f.templateId,
    meetingId: f.meetingId,
    studentIds: [f.jesseId, x],
    ...letterOptions,
  })),
  of('letters.start', 'includeWithoutAuthority', (f, x) => ({
    templateId: f.templateId,
    meetingId: f.meetingId,
    studentIds: [f.jesseId],
    includeWithoutAuthority: [x],
    copyToParents: false,
  })),
  of('letters.progress', 'jobId', (_, x) => ({ jobId: x })),
  of('letters.perAddress', 'jobId', (_, x) => ({ jobId: x })),
  of('audit.list', 'filter.userId', (_, x) => ({
    filter: { userId: x, studentId: null, from: null, to: null },
    before: null,
    limit: 50,
  })),
  of('audit.list', 'filter.studentId', (_, x) => ({
    filter: { userId: null, studentId: x, from: null, to: null },
    before: null,
    limit: 50,
  })),
  of('audit.export', 'filter.userId', (_, x) => ({ filter: { userId: x, studentId: null, from: null, to: null } })),
  of('audit.export', 'filter.studentId', (_, x) => ({ filter: { userId: null, studentId: x, from: null, to: null } })),
  of('presentation.start', 'meetingId', (_, x) => ({ meetingId: x })),
  // Runs while the fixture's presentation of the IOT is on.
  of('presentation.control', 'itemId', (_, x) => ({ command: 'goTo', itemId: x })),
  of('presentation.notes', 'meetingId', (_, x) => ({ meetingId: x })),
  of('presentation.saveNote', 'itemId', (_, x) => ({ itemId: x, text: 'Eerst moeder bellen' })),
  of('inzage.preview', 'studentId', (_, x) => ({ studentId: x })),
  of('inzage.export', 'studentId', (_, x) => ({ studentId: x })),
  of('retention.erase', 'studentIds', (_, x) => ({ studentIds: [x] })),
  // "Bewaren tot" must lie after the real today: the handler reads the clock.
  of('retention.keep', 'studentIds', (_, x) => ({
    studentIds: [x],
    reason: 'Lopende procedure',
    until: `${new Date().getFullYear() + 1}-06-30`,
  })),
  of('retention.destination', 'studentId', (_, x) => ({ studentId: x })),
  of('retention.setDestination', 'studentId', (_, x) => ({ studentId: x, destination: null })),
  // Last: a restore that went ahead would put the vault back as it was.
  of('backup.restore', 'source.id', (_, x) => ({ source: { from: 'list', id: x } })),
];

describe('the contract: every id field has a case or a reason', () => {
  it('finds the id fields of a method', () => {
    expect(idPaths(contract['series.save'].input).sort()).toEqual([
      'attendees.partnerIds',
      'attendees.staffIds',
      'chairId',
      'id',
      'secretaryId',
    ]);
    expect(idPaths(contract['actions.save'].input).sort()).toEqual(['holder.partnerId', 'holder.staffId', 'id', 'itemId']);
  });

  it.each(methodNames.flatMap((method) => idPaths(contract[method].input).map((field) => [method, field] as const)))(
    '%s %s',
    (method, field) => {
      const covered = cases.some((c) => c.method === method && c.field === field);
      const reason = exempt[`${method}.${field}`];
      expect(
        covered || reason !== undefined,
        `${method} takes ${field}: add a case to unknown-ids.test.ts, or an exemption with its reason`,
      ).toBe(true);
      expect(covered && reason !== undefined, `${method}.${field} is both tested and exempt`).toBe(false);
    },
  );
});

describe('an unknown id answers NOT_FOUND', () => {
  let f: Fixture;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
    const school = await documentsSchool();
    const { backend } = school;
    const userId = school.coordinatorUserId;
    // The first aandachtsfunctionaris is appointed by the coordinator: here, herself (for the Meldcode cases).
    await call(backend, 'users.setRoles', { userId, roles: ['coordinator', 'aandachtsfunctionaris'] });
    const intakeId = await acceptedIntake(school, {
      studentId: school.jesseId,
      seriesId: school.iot,
      meetingId: school.meetingId,
      answers: intakeAnswers('Jesse'),
    });
    const draftIntakeId = (
      await call(backend, 'intakes.create', {
        studentId: school.saraId,
        anonymousYearLevel: null,
        seriesId: school.iot,
      })
    ).id;
    const draftRevision = (await call(backend, 'intakes.get', { id: draftIntakeId })).revision;
    await call(backend, 'agenda.create', { meetingId: school.meetingId });
    const itemId = (await caseItemOf(backend, school.meetingId, school.jesseId)).id;
    const action = await saveAction(backend, {
      itemId,
      what: 'Moeder bellen',
      holder: { kind: 'staff', staffId: school.awo, partnerId: null },
      due: { kind: 'volgende-overleg' },
      audience: 'intern',
    });
    const consentId = (await call(backend, 'consent.record', consentInput(school, {}))).id;
    const attachmentId = (
      await call(backend, 'attachments.add', { intakeId, consentId: null, fileName: 'verslag.pdf', contentBase64: PDF })
    ).id;
    const templateId = (await call(backend, 'letters.templates', {}))[0]!.id;
    const overrideId = (
      await call(backend, 'calendar.saveOverride', {
        id: null,
        kind: 'study-day',
        name: 'Studiedag',
        start: '2027-03-01',
        end: '2027-03-01',
        replaces: null,
      })
    ).id;
    const trackId = (
      await call(backend, 'meldcode.save', {
        id: null,
        studentId: school.jesseId,
        openedOn: '2026-10-01',
        steps: {},
        outcome: null,
        parentsInformed: false,
        parentsInformedNote: '',
        closedOn: null,
      })
    ).id;
    await call(backend, 'presentation.start', { meetingId: school.meetingId });
    f = {
      ...school,
      userId,
      intakeId,
      draftIntakeId,
      draftRevision,
      itemId,
      consentId,
      actionId: action.id,
      actionRevision: action.revision,
      attachmentId,
      templateId,
      overrideId,
      trackId,
    };
  });
  afterAll(() => {
    f.backend.lock();
    f.dir.cleanup();
    vi.useRealTimers();
  });

  it.each(cases.map((c) => [c.method, c.field, c] as const))('%s with an unknown %s', async (_method, _field, c) => {
    const result = await dispatch(f.backend, c.method, c.input(f, randomUUID()));
    expect(result.ok ? 'ok' : result.error.code).toBe('NOT_FOUND');
    if (result.ok) return;
    // A message that says what does not exist, not the generic one.
    expect(result.error.message).not.toBe(errorMessages.NOT_FOUND);
    expect(result.error.message).toMatch(/bestaat niet|niet \(meer\)|niet meer|is niet/);
  });
});
