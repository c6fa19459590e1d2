import type { Backend } from '../../electron/api/context';
import type { MethodOutput } from '../../electron/app/contract';
import { call } from '../helpers/backend';
import { caseItemOf, documentsSchool, fillSchoolContact, intakeAnswers, saveAction, type DocumentsSchool } from './documents-setup';

/**
 * A school for the inzage tests (api, unit, docx), through the real dispatcher: Jesse and Sara
 * discussed in the same IOT, each with an intake, minutes, an action and a letter home; Jesse's
 * minutes name Sara and her father; Jesse has consent (one given and withdrawn), attachments on
 * his intake and his consent, and a Meldcode track. Tests fix the clock at TODAY first.
 */

export const words = {
  /** In Jesse's minutes, naming Sara and her father: scrubbed in Jesse's inzage. */
  jesseDiscussion: 'Jesse botst in de klas met Sara Bakker; Tom Bakker belde er ook over. Mark de Vries komt op gesprek.',
  jesseDecision: 'Jesse gaat twee keer per week naar de huiswerkklas.',
  jesseAction: 'Aanmelden voor de huiswerkklas',
  saraDiscussion: 'Sara heeft last van faalangst bij toetsen.',
  saraDecision: 'Sara krijgt een buddy uit de bovenbouw.',
  saraAction: 'Een buddy zoeken voor Sara',
  jesseReport: 'verslag-jesse.pdf',
  consentScan: 'toestemming-moeder.pdf',
  meldcodeNotes: 'Blauwe plekken op de bovenarm gezien in de gymles.',
  withdrawal: 'Vader belde: geen informatie meer naar Leerplicht.',
};

export interface InzageSchool extends DocumentsSchool {
  jesseIntake: string;
  saraIntake: string;
}

/** Polls a letters job until its print document is handed out (which logs the letters). */
async function lettersSent(backend: Backend, jobId: string): Promise<MethodOutput<'letters.progress'>> {
  const deadline = performance.now() + 15_000;
  for (;;) {
    const progress = await call(backend, 'letters.progress', { jobId });
    if (progress.state !== 'running') return progress;
    if (performance.now() > deadline) throw new Error('letters job still running');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export async function inzageSchool(): Promise<InzageSchool> {
  const school = await documentsSchool();
  await fillSchoolContact(school);
  const { backend, meetingId, nextMeetingId, iot } = school;
  // The first aandachtsfunctionaris is appointed by a coordinator: here herself, for the Meldcode track.
  await call(backend, 'users.setRoles', {
    userId: school.coordinatorUserId,
    roles: ['coordinator', 'aandachtsfunctionaris'],
  });

  // Intakes for the next IOT, Jesse's with a report attached while it was a draft.
  const intake = async (studentId: string, name: string, attachment: string | null) => {
    const { id } = await call(backend, 'intakes.create', { studentId, anonymousYearLevel: null, seriesId: iot });
    if (attachment)
      await call(backend, 'attachments.add', {
        intakeId: id,
        consentId: null,
        fileName: attachment,
        contentBase64: Buffer.from(`%PDF-1.7\n${attachment}`).toString('base64'),
      });
    const draft = await call(backend, 'intakes.get', { id });
    await call(backend, 'intakes.submit', {
      id,
      revision: draft.revision,
      referrerId: school.bgr,
      referredOn: draft.referredOn,
      meetingId: nextMeetingId,
      answers: intakeAnswers(name),
    });
    return id;
  };
  const jesseIntake = await intake(school.jesseId, 'Jesse', words.jesseReport);
  const saraIntake = await intake(school.saraId, 'Sara', null);

  // Both in the IOT of 12 November.
  await call(backend, 'agenda.create', { meetingId });
  for (const studentId of [school.jesseId, school.saraId])
    await call(backend, 'agenda.addItem', { meetingId, kind: 'casus', studentId, intakeId: null, origin: 'handmatig' });
  const jesseItem = await caseItemOf(backend, meetingId, school.jesseId);
  const saraItem = await caseItemOf(backend, meetingId, school.saraId);
  const due = { kind: 'datum' as const, date: '2026-11-20' };
  await call(backend, 'minutes.saveField', {
    itemId: jesseItem.id,
    field: 'bespreking',
    text: words.jesseDiscussion,
    audience: 'intern',
    baseRevision: 0,
  });
  await call(backend, 'minutes.saveField', {
    itemId: jesseItem.id,
    field: 'besluit',
    text: words.jesseDecision,
    audience: 'ouders',
    baseRevision: 0,
  });
  await call(backend, 'minutes.setDecision', { itemId: jesseItem.id, decision: 'basisondersteuning', decided: true });
  await saveAction(backend, {
    itemId: jesseItem.id,
    what: words.jesseAction,
    holder: { kind: 'staff', staffId: school.bgr, partnerId: null },
    due,
    audience: 'ouders',
  });
  await call(backend, 'minutes.saveField', {
    itemId: saraItem.id,
    field: 'bespreking',
    text: words.saraDiscussion,
    audience: 'intern',
    baseRevision: 0,
  });
  await call(backend, 'minutes.saveField', {
    itemId: saraItem.id,
    field: 'besluit',
    text: words.saraDecision,
    audience: 'ouders',
    baseRevision: 0,
  });
  await call(backend, 'minutes.setDecision', { itemId: saraItem.id, decision: 'basisondersteuning', decided: true });
  await saveAction(backend, {
    itemId: saraItem.id,
    what: words.saraAction,
    holder: { kind: 'staff', staffId: school.awo, partnerId: null },
    due,
    audience: 'ouders',
  });

  // Consent for Jesse: the mother's, with her signed form; the father's, withdrawn.
  const consent = async (guardianId: string) =>
    (
      await call(backend, 'consent.record', {
        studentId: school.jesseId,
        signer: { kind: 'guardian', guardianId },
        decision: 'given',
        purposes: ['bespreking'],
        partnerIds: [school.leerplicht],
        method: 'schriftelijk',
        informationGiven: 'Uitleg over het ZAT en leerplicht aan tafel.',
        givenOn: '2026-10-20',
        validUntil: null,
      })
    ).id;
  const mothers = await consent(school.guardians.jesseMother);
  await call(backend, 'attachments.add', {
    intakeId: null,
    consentId: mothers,
    fileName: words.consentScan,
    contentBase64: Buffer.from('%PDF-1.7\nhandtekening').toString('base64'),
  });
  const fathers = await consent(school.guardians.jesseFather);
  await call(backend, 'consent.withdraw', {
    id: fathers,
    withdrawnOn: '2026-10-28',
    withdrawnBy: 'vader, telefonisch',
    note: words.withdrawal,
  });

  // A Meldcode track for Jesse: never in an inzage.
  await call(backend, 'meldcode.save', {
    id: null,
    studentId: school.jesseId,
    openedOn: '2026-10-01',
    steps: { signalen: { date: '2026-10-01', notes: words.meldcodeNotes } },
    outcome: null,
    parentsInformed: false,
    parentsInformedNote: '',
    closedOn: null,
  });

  // The feedback letter home for both, as the coordinator sends it after the meeting.
  const { jobId } = await call(backend, 'letters.start', {
    meetingId,
    templateId: 'terugkoppeling',
    studentIds: [school.jesseId, school.saraId],
    includeWithoutAuthority: [],
    copyToParents: true,
  });
  await lettersSent(backend, jobId);

  // Opening Jesse's file leaves a line that names him.
  await call(backend, 'students.get', { id: school.jesseId });
  return { ...school, jesseIntake, saraIntake };
}
