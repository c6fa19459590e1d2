import type { VaultDb } from '../../../db/open';
import { AppError } from '../../api/errors';
import { partnerNames } from '../consent/store';
import type { ConsentPurpose } from '../consent/rules';
import { staffById, staffIdOfUser } from '../intake/store';
import { minutesView } from '../minutes/view';
import { letterAddressees, type AddresseeGuardian, type LetterAddressee, type LetterAddresseeOptions } from '../people/letter-recipients';
import { fullName } from '../people/names';
import { staffCodesAsNames } from '../people/staff-codes';
import { guardiansOfStudents, studentRow, type StudentRow } from '../people/store';
import { readSettings } from '../settings/store';
import type { LetterFacts } from './placeholders';
import { readersOf } from '../disclosure/policy';
import { scrubberOf } from '../disclosure/scrubber';
import { nameIndexOf } from '../disclosure/store';

/**
 * What one letter may say about one student, read from the vault: only what parents may read
 * (text marked "mag naar ouders", no staff codes, no other student), and who it goes to.
 */

export interface LetterCase {
  student: StudentRow;
  guardians: AddresseeGuardian[];
  /** The student's case at the meeting, when there is one. */
  itemId: string | null;
  facts: Omit<LetterFacts, 'addressees' | 'letterDate'>;
}

type MinutesView = ReturnType<typeof minutesView>;

/** How a parent knows who does what: a name, an organisation, "u", the student's own name. */
function holderForParents(action: MinutesView['items'][number]['actions'][number], staff: Map<string, { name: string }>, partners: Map<string, string>, studentName: string): string | null {
  const holder = action.holder;
  if (!holder) return null;
  if (holder.kind === 'staff') return holder.staffId ? (staff.get(holder.staffId)?.name ?? null) : null;
  if (holder.kind === 'partner') return holder.partnerId ? (partners.get(holder.partnerId) ?? null) : null;
  return holder.kind === 'ouders' ? 'u (ouders)' : studentName;
}

/** Consent is asked for discussing the student and exchanging information with the partners at this meeting. */
const consentPurposesAsked: ConsentPurpose[] = ['bespreking', 'informatie-uitwisselen'];

export function letterCases(db: VaultDb, userId: string, input: { meetingId: string | null; studentIds: string[] }): LetterCase[] {
  const view = input.meetingId ? minutesView(db, input.meetingId, userId) : null;
  const settings = readSettings(db);
  const staff = staffById(db);
  const partners = partnerNames(db);
  // Parents read names, not codes: "terugkoppelen aan bgr" becomes "terugkoppelen aan Bram Groen".
  const staffCodes = [...staff.values()];
  const index = nameIndexOf(db);
  const guardians = guardiansOfStudents(db, input.studentIds);
  const me = staff.get(staffIdOfUser(db, userId) ?? '');
  const coordinator = {
    name: settings.letterSignatoryName || (me?.name ?? ''),
    role: settings.letterSignatoryRole || 'ondersteuningscoördinator',
    email: settings.email,
  };
  const meetingPartners = view ? view.attendees.filter((a) => a.kind === 'partner').map((a) => a.name) : [];

  return input.studentIds.map((studentId) => {
    const student = studentRow(db, studentId);
    const item = view?.items.find((i) => i.kind === 'casus' && i.studentId === studentId && i.change !== 'vervallen') ?? null;
    if (view && !item) throw new AppError('VALIDATION', `${fullName(student)} staat niet (meer) op de agenda van dit overleg.`);
    const decisionField = item?.fields.find((f) => f.field === 'besluit');
    // A decision travels with its text: when the secretary kept the text internal, the letter says nothing about it.
    const decisionForParents = decisionField?.audience === 'ouders' ? decisionField : null;
    const name = student.givenName || fullName(student);
    // Another child named in this child's text never reaches this family (the disclosure policy's parents reader).
    const forFamily = scrubberOf(index, readersOf({ kind: 'parents', studentId }, []));
    return {
      student,
      guardians: guardians.get(studentId) ?? [],
      itemId: item?.id ?? null,
      facts: {
        student: { givenName: student.givenName, infix: student.infix, familyName: student.familyName, className: student.className, studentNumber: student.studentNumber },
        meeting: view
          ? { name: view.meeting.title, date: view.meeting.date, startTime: view.meeting.startTime, location: view.meeting.location, caseStartTime: item?.start ?? null }
          : null,
        decision: item && decisionForParents ? { type: item.decision, textForParents: forFamily(staffCodesAsNames(decisionForParents.text, staffCodes)) } : null,
        actions: (item?.actions ?? [])
          .filter((a) => a.audience === 'ouders' && (a.status === 'open' || a.status === 'gedaan' || a.status === 'teruggekoppeld'))
          .map((a) => ({
            what: forFamily(staffCodesAsNames(a.what, staffCodes)),
            holder: holderForParents(a, staff, partners, name),
            holderIs: a.holder?.kind === 'ouders' || a.holder?.kind === 'leerling' ? a.holder.kind : null,
            due: a.due === null ? null : a.due.kind === 'datum' ? a.due.date : 'volgende-overleg',
          })),
        consent: meetingPartners.length > 0 ? { purposes: consentPurposesAsked, partners: meetingPartners } : null,
        coordinator,
        school: { name: settings.schoolName, phone: settings.phone, email: settings.email },
      },
    };
  });
}

/** Who gets this student's letter, with the school's choices for this run. */
export function addresseesOf(letterCase: LetterCase, letterDate: string, options: LetterAddresseeOptions): LetterAddressee[] {
  return letterAddressees({ student: letterCase.student, guardians: letterCase.guardians, letterDate, options });
}
