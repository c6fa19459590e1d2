import type { VaultDb } from '../../../db/open';
import { AppError } from '../../api/errors';
import type { ConsentPurpose } from '../consent/rules';
import { minutesView } from '../minutes/view';
import { letterAddressees, type AddresseeGuardian, type LetterAddressee, type LetterAddresseeOptions } from '../people/letter-recipients';
import { fullName } from '../people/names';
import { guardiansOfStudents, partnerNames, staffById, studentRow, type StudentRow } from '../people/store';
import { readSettings, staffIdOfUser } from '../settings/store';
import type { LetterFacts } from './letter-values';
import { familyText, textGoes } from '../disclosure/policy';
import type { NameIndex } from '../disclosure/scrubber';
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
function holderForParents(
  action: MinutesView['items'][number]['actions'][number],
  staff: Map<string, { name: string }>,
  partners: Map<string, string>,
  studentName: string,
): string | null {
  const holder = action.holder;
  if (!holder) return null;
  if (holder.kind === 'staff') return holder.staffId ? (staff.get(holder.staffId)?.name ?? null) : null;
  if (holder.kind === 'partner') return holder.partnerId ? (partners.get(holder.partnerId) ?? null) : null;
  return holder.kind === 'ouders' ? 'u (ouders)' : studentName;
}

/**
 * The organisations outside school this case goes to, as the letter names them in a referral: the
 * partners holding its actions for parents. The family reads those actions in the same letter, so
 * naming them says nothing new; a partner who was only at the table (perhaps under a recorded
 * exception) is never named this way.
 */
function referralPartners(actions: MinutesView['items'][number]['actions'], partners: Map<string, string>): string[] {
  const names = actions.flatMap((a) =>
    a.holder?.kind === 'partner' && a.holder.partnerId ? [partners.get(a.holder.partnerId) ?? ''] : [],
  );
  return [...new Set(names.filter((name) => name !== ''))];
}

/** Consent is asked for discussing the student and exchanging information with the partners at this meeting. */
const consentPurposesAsked: ConsentPurpose[] = ['bespreking', 'informatie-uitwisselen'];

/** What a letter's facts are read from, besides the student and their case: the school's, once per run. */
export interface LetterContext {
  staff: Map<string, { name: string; code: string }>;
  partners: Map<string, string>;
  /** The vault's names: another child or family named in the case's text never reaches this family. */
  index: NameIndex;
  coordinator: NonNullable<LetterFacts['coordinator']>;
  school: LetterFacts['school'];
  /** The external partners at the meeting, whose consent the letter asks. */
  meetingPartners: string[];
}

/**
 * One student's letter facts from their case at a meeting (or none). Pure: only the decision and
 * actions marked for parents, their text as the parents' reader of the disclosure policy lets it
 * through (codes as names, no other child or family; the colleagues this letter names in full —
 * its contact, the actions' holders — keep their given name).
 */
export function letterFactsOf(
  student: LetterFacts['student'] & { id: string },
  view: Pick<MinutesView, 'meeting'> | null,
  item: MinutesView['items'][number] | null,
  context: LetterContext,
): LetterCase['facts'] {
  const { staff, partners, coordinator } = context;
  const decisionField = item?.fields.find((f) => f.field === 'besluit');
  // A decision travels with its text: when the secretary kept the text internal, the letter says nothing about it.
  const reader = { kind: 'parents' as const, studentId: student.id };
  const decisionForParents = decisionField && textGoes(reader, decisionField.audience) ? decisionField : null;
  const name = student.givenName || fullName(student);
  const parentsActions = (item?.actions ?? []).filter(
    (a) => textGoes(reader, a.audience) && (a.status === 'open' || a.status === 'gedaan' || a.status === 'teruggekoppeld'),
  );
  const named = [
    coordinator.name,
    ...parentsActions.flatMap((a) => (a.holder?.kind === 'staff' && a.holder.staffId ? [staff.get(a.holder.staffId)?.name ?? ''] : [])),
  ];
  // Parents read names, not codes: "terugkoppelen aan bgr" becomes "terugkoppelen aan Bram Groen".
  const forFamily = familyText(context.index, student.id, [...staff.values()], named);
  return {
    student: {
      givenName: student.givenName,
      infix: student.infix,
      familyName: student.familyName,
      className: student.className,
      studentNumber: student.studentNumber,
    },
    meeting: view
      ? {
          name: view.meeting.title,
          date: view.meeting.date,
          startTime: view.meeting.startTime,
          location: view.meeting.location,
          caseStartTime: item?.start ?? null,
        }
      : null,
    decision:
      item && decisionForParents
        ? {
            type: item.decision,
            textForParents: forFamily(decisionForParents.text),
            partners: referralPartners(parentsActions, partners),
          }
        : null,
    actions: parentsActions.map((a) => ({
      what: forFamily(a.what),
      holder: holderForParents(a, staff, partners, name),
      holderIs: a.holder?.kind === 'ouders' || a.holder?.kind === 'leerling' ? a.holder.kind : null,
      due: a.due === null ? null : a.due.kind === 'datum' ? a.due.date : 'volgende-overleg',
    })),
    consent: context.meetingPartners.length > 0 ? { purposes: consentPurposesAsked, partners: context.meetingPartners } : null,
    coordinator,
    school: context.school,
  };
}

export function letterCases(db: VaultDb, userId: string, input: { meetingId: string | null; studentIds: string[] }): LetterCase[] {
  const view = input.meetingId ? minutesView(db, input.meetingId, userId) : null;
  const settings = readSettings(db);
  const staff = staffById(db);
  const me = staff.get(staffIdOfUser(db, userId) ?? '');
  const context: LetterContext = {
    staff,
    partners: partnerNames(db),
    index: nameIndexOf(db),
    coordinator: {
      name: settings.letterSignatoryName || (me?.name ?? ''),
      role: settings.letterSignatoryRole || 'ondersteuningscoördinator',
      email: settings.email,
    },
    school: { name: settings.schoolName, phone: settings.phone, email: settings.email },
    meetingPartners: view ? view.attendees.filter((a) => a.kind === 'partner').map((a) => a.name) : [],
  };
  const guardians = guardiansOfStudents(db, input.studentIds);
  return input.studentIds.map((studentId) => {
    const student = studentRow(db, studentId);
    const item = view?.items.find((i) => i.kind === 'casus' && i.studentId === studentId && i.change !== 'vervallen') ?? null;
    if (view && !item) throw new AppError('VALIDATION', `${fullName(student)} staat niet (meer) op de agenda van dit overleg.`);
    return {
      student,
      guardians: guardians.get(studentId) ?? [],
      itemId: item?.id ?? null,
      facts: letterFactsOf({ ...student, id: studentId }, view, item, context),
    };
  });
}

/** Who gets this student's letter, with the school's choices for this run. */
export function addresseesOf(letterCase: LetterCase, letterDate: string, options: LetterAddresseeOptions): LetterAddressee[] {
  return letterAddressees({ student: letterCase.student, guardians: letterCase.guardians, letterDate, options });
}
