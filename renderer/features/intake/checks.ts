import { ApiError } from '../../api/client';
import { intakeSections, missingAnswers, type IntakeQuestion, type IntakeSection } from '../../../electron/features/intake/form';
import { longDate } from '../../../electron/shared/dutch-dates';
import type { Draft } from './useIntakeDraft';

/**
 * What the backend's submit would refuse, checked before sending so the messages appear at once:
 * the questions through the shared form model, the aanmelding fields with the backend's wording.
 */
export function submitProblems(
  questions: IntakeQuestion[],
  draft: Draft,
  studentAge: number | null,
  meetingDate: string | null,
  today: string,
): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!draft.referrerId) fields.referrerId = 'Kies de aanmelder.';
  if (!draft.referredOn) fields.referredOn = 'Vul de datum van aanmelding in.';
  else if (draft.referredOn > today) fields.referredOn = 'De datum van aanmelding ligt in de toekomst.';
  if (!draft.meetingId) fields.meetingId = 'Kies het overleg waarvoor je aanmeldt.';
  else if (meetingDate && meetingDate < today) fields.meetingId = `Dit overleg was op ${longDate(meetingDate)}; kies een volgend overleg.`;
  return { ...fields, ...missingAnswers(questions, draft.answers, studentAge) };
}

/** The shown questions per section, sections in the form's fixed order (empty ones left out). */
export function visibleSections(questions: IntakeQuestion[]): { section: IntakeSection; questions: IntakeQuestion[] }[] {
  return intakeSections
    .map((section) => ({ section, questions: questions.filter((q) => !q.hidden && q.section === section) }))
    .filter((s) => s.questions.length > 0);
}

/** Field keys in the order they appear on screen: the first problem is where the user goes. */
export function fieldOrder(questions: IntakeQuestion[]): string[] {
  return ['referrerId', 'referredOn', 'meetingId', ...visibleSections(questions).flatMap((s) => s.questions.map((q) => q.key))];
}


/**
 * The backend's messages per field, keyed as the form's fields: "answers.zorgen.leren" is the
 * question "zorgen". Empty for an error that is about no field.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) {
    const parts = path.split('.');
    const key = parts[0] === 'answers' && parts[1] ? parts[1] : parts[0]!;
    fields[key] ??= message;
  }
  return fields;
}
