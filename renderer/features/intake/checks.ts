import { ApiError } from '../../api/client';
import { intakeSections, type IntakeQuestion, type IntakeSection } from '../../../electron/features/intake/form';

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
