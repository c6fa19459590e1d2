import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initials } from '../../electron/features/people/names';
import { methodRoles } from '../../electron/app/method-roles';
import { call } from '../helpers/backend';
import { addressesOf, decodeWords, headerParameter, parseEml } from '../helpers/eml';
import {
  acceptedIntake,
  apiError,
  auditOf,
  bytesOf,
  documentsSchool,
  fullNameOf,
  intakeAnswers,
  jesse,
  visibleText,
  type DocumentsSchool,
} from './documents-setup';

/**
 * "Agenda versturen": an e-mail draft (.eml) to the invited with the agenda attached, through the
 * real dispatcher. Who gets it, who has no address, what the attachment may show (the disclosure
 * policy, as the Word export), and its audit line. The clock is fixed (Monday 2 November 2026).
 */

const TODAY = new Date(2026, 10, 2, 10, 0, 0);
const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('documents.agendaMail', () => {
  let school: DocumentsSchool;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: TODAY });
    school = await documentsSchool();
  });
  afterEach(() => {
    school.backend.lock();
    school.dir.cleanup();
    vi.useRealTimers();
  });

  async function giveAddress(code: string, email: string) {
    const member = (await call(school.backend, 'staff.list', {})).find((s) => s.code === code)!;
    await call(school.backend, 'staff.save', {
      id: member.id,
      name: member.name,
      code: member.code,
      functions: member.functions,
      email,
      active: member.active,
    });
  }

  it("addresses the invited with an address, names who has none, attaches the agenda and leaves one audit line; the status is the caller's next step", async () => {
    const { backend, meetingId } = school;
    await giveAddress('awo', 'a.wolters@testlyceum.example');
    await call(backend, 'agenda.create', { meetingId });
    await call(backend, 'agenda.addItem', {
      meetingId,
      kind: 'casus',
      studentId: school.jesseId,
      intakeId: null,
      origin: 'handmatig',
    });
    await call(backend, 'agenda.addItem', { meetingId, kind: 'overig', title: 'Studiedag zorgteam' });

    const draft = await call(backend, 'documents.agendaMail', { meetingId });
    expect(draft.fileName).toBe('agenda-2026-11-12-e-mail.eml');
    expect(draft.recipients).toEqual(['Anouk Wolters']);
    expect(draft.withoutAddress).toEqual(['Bram Groen']);

    const mail = parseEml(bytesOf(draft));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(addressesOf(mail.headers.get('to')!)).toEqual(['a.wolters@testlyceum.example']);
    expect(decodeWords(mail.headers.get('subject')!)).toBe('Agenda IOT 12 november 2026');
    const [body, attachment] = mail.parts;
    const text = body!.body.toString('utf8');
    expect(text).toContain('agenda van IOT op donderdag 12 november 2026, 13:30–15:00, Vergaderkamer');
    expect(text).toContain('Anouk Wolters');
    expect(text).not.toContain(fullNameOf(jesse));
    expect(attachment!.headers.get('content-type')).toContain(WORD);
    expect(headerParameter(attachment!.headers.get('content-disposition')!, 'filename')).toBe('agenda-2026-11-12.docx');
    const docx = await visibleText(attachment!.body);
    expect(docx).toContain('Studiedag zorgteam');
    expect(docx).toContain(`${initials(jesse)} (${jesse.className})`);
    expect(docx).not.toContain(fullNameOf(jesse));

    const lines = auditOf(backend, 'documents.agendaMail');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.detail).toContain('concept-e-mail agenda IOT 12-11-2026');
    expect(lines[0]!.detail).toContain('a.wolters@testlyceum.example');
    expect(lines[0]!.detail).toContain('zonder e-mailadres: Bram Groen');
    expect(lines[0]!.detail).not.toContain(fullNameOf(jesse));
    expect(lines[0]!.studentIds).toEqual([school.jesseId]);
    // Making the draft sends nothing: the screen sets "verstuurd" after handing it over.
    expect((await call(backend, 'agenda.get', { meetingId })).meeting.progress).toBe('gepland');
  });

  it('gives a partner at the table the agenda as the disclosure policy lets them read it: a case without consent anonymised', async () => {
    const { backend, zatMeetingId } = school;
    await giveAddress('awo', 'a.wolters@testlyceum.example');
    await call(backend, 'partners.save', {
      id: school.leerplicht,
      organisation: 'Leerplicht Utrecht',
      kind: 'leerplicht',
      contactName: 'Eline Çelik',
      email: 'e.celik@leerplicht.example',
      phone: '',
      active: true,
    });
    await acceptedIntake(school, {
      studentId: school.jesseId,
      seriesId: school.zat,
      meetingId: zatMeetingId,
      answers: intakeAnswers(fullNameOf(jesse)),
    });
    await call(backend, 'agenda.create', { meetingId: zatMeetingId });

    const draft = await call(backend, 'documents.agendaMail', { meetingId: zatMeetingId });
    expect(draft.recipients.sort()).toEqual(['Anouk Wolters', 'Eline Çelik (Leerplicht Utrecht)']);
    expect(draft.withoutAddress).toEqual([]);
    const mail = parseEml(bytesOf(draft));
    expect(addressesOf(mail.headers.get('to')!).sort()).toEqual(['a.wolters@testlyceum.example', 'e.celik@leerplicht.example']);
    expect(decodeWords(mail.headers.get('to')!)).toContain('Eline Çelik (Leerplicht Utrecht) <e.celik@leerplicht.example>');
    const docx = await visibleText(mail.parts[1]!.body);
    expect(docx).toContain('Leerling uit leerjaar 2');
    expect(docx).not.toContain(initials(jesse));
    expect(docx).not.toMatch(/\bbgr\b/);
    // The same document as the Word export of the agenda for the table.
    const exported = await visibleText(bytesOf(await call(backend, 'documents.agenda', { meetingId: zatMeetingId, names: 'initialen' })));
    expect(docx).toBe(exported);
  });

  it('refuses a meeting without an agenda, and only the agenda keepers may call it', async () => {
    const error = await apiError(school.backend, 'documents.agendaMail', { meetingId: school.meetingId });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: 'Er is nog geen agenda om te versturen. Maak eerst de agenda.',
    });
    expect(auditOf(school.backend, 'documents.agendaMail')).toHaveLength(0);
    expect(methodRoles['documents.agendaMail']).toEqual({
      who: 'roles',
      anyOf: ['coordinator', 'voorzitter', 'notulist'],
      to: 'de agenda versturen',
    });
  });
});
