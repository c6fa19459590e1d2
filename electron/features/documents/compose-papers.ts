import type { DocumentSchool, PapersCase, PapersDocument } from '../../export/docx/models';
import type { AnswerValue, IntakeAnswers, IntakeQuestion, ViewAnswer } from '../intake/form';
import { concernAreaLabels, concernAreas } from '../intake/form';
import { anonymousLabel, type CaseFacts } from '../disclosure/policy';
import { caseTitle, meetingHeading, scrubFor, type CaseStudent, type Disclosure, type ItemView, type MinutesView } from './compose';

/** The stukken: the intakes of a meeting's cases, for everyone at the table (see compose.ts). */

/** One intake answer as text, or '' when unanswered. */
export function answerText(question: IntakeQuestion, value: AnswerValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nee';
  if (typeof value === 'string') return value.trim();
  if (question.kind === 'view') {
    const view = value as ViewAnswer;
    return view.text.trim() || (view.missingReason.trim() ? `Niet opgehaald: ${view.missingReason.trim()}` : '');
  }
  const areas = value as Partial<Record<(typeof concernAreas)[number], string>>;
  return concernAreas
    .filter((area) => (areas[area] ?? '').trim() !== '')
    .map((area) => `${concernAreaLabels[area]}: ${areas[area]!.trim()}`)
    .join('\n');
}

export interface PapersIntake {
  studentId: string | null;
  anonymousLabel: string | null;
  referrer: string | null;
  questions: IntakeQuestion[];
  answers: IntakeAnswers;
  /** The agenda item of this case at the meeting, if it is on the agenda. */
  item: Pick<ItemView, 'number' | 'start' | 'consent'> | null;
  /** Why the case may not be named to every reader (external partners without consent), or null. */
  anonymiseBecause: string | null;
}

/**
 * The stukken go to everyone at the table. A case the gate does not let through for all of them
 * is anonymised: no name, initials, number, class, agenda number or referrer, and every name in
 * its free text goes — the vault's, not only its own family's.
 */
export function papersDocument(
  view: MinutesView,
  intakes: PapersIntake[],
  students: Map<string, CaseStudent>,
  school: DocumentSchool,
  generatedOn: string,
  disclosure: Disclosure,
): PapersDocument {
  const facts: CaseFacts[] = intakes.map((intake, i) => ({
    id: `stuk-${i}`,
    kind: 'casus',
    studentId: intake.studentId,
    confidential: false,
    consent: { state: intake.anonymiseBecause === null ? 'ok' : 'missing' },
  }));
  const scrub = scrubFor(disclosure, facts);
  const cases: PapersCase[] = intakes.map((intake) => {
    const student = intake.studentId ? students.get(intake.studentId) : undefined;
    const anonymised = student === undefined || intake.anonymiseBecause !== null;
    const label = intake.anonymousLabel ?? (student?.yearLevel ? `leerling uit leerjaar ${student.yearLevel}` : 'leerling');
    const sections = intake.questions
      .filter((q) => !q.hidden)
      .map((q) => ({ label: q.label, text: answerText(q, intake.answers[q.key]) }))
      .filter((s) => s.text !== '')
      .map((s) => ({ ...s, text: scrub(s.text) }));
    return {
      title: anonymised ? anonymousLabel(null, label) : caseTitle(student, label, 'volledig'),
      studentNumber: anonymised ? null : (student?.studentNumber ?? null),
      anonymised,
      anonymisedBecause: student === undefined ? 'aangemeld zonder naam' : intake.anonymiseBecause,
      // An anonymised case has no agenda number, time or referrer: next to the agenda those would name it again.
      agendaNumber: anonymised ? null : (intake.item?.number ?? null),
      start: anonymised ? null : (intake.item?.start ?? null),
      referrer: anonymised ? null : intake.referrer,
      sections,
    };
  });
  cases.sort((a, b) => (a.agendaNumber ?? 999) - (b.agendaNumber ?? 999) || a.title.localeCompare(b.title, 'nl'));
  return { school, meeting: meetingHeading(view.meeting), cases, generatedOn };
}
