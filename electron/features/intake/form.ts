import { longDate } from '../../shared/dutch-dates';
import { vocabulary } from '../../shared/vocabulary';

/**
 * The aanmeldformulier as data: the built-in questions every school asks (in the order the
 * domain gives them) and the school's own additions. Pure: the screens, the handlers and the
 * demo all read the form and check answers through these functions.
 */

export const [concernAreas, concernAreaLabels] = vocabulary({
  leren: 'Leren',
  gedrag: 'Gedrag',
  'sociaal-emotioneel': 'Sociaal-emotioneel',
  thuissituatie: 'Thuissituatie',
  gezondheid: 'Gezondheid',
  verzuim: 'Verzuim',
});
export type ConcernArea = (typeof concernAreas)[number];

export const intakeSections = [
  'Aanleiding en vraag',
  'Zorgen',
  'Wat is er al gedaan',
  'Beeld van de leerling',
  'Visie van ouders en leerling',
  'Aanvullende vragen',
] as const;
export type IntakeSection = (typeof intakeSections)[number];

/**
 * text: one line; longtext: a paragraph; choice: one of `options`; yesno: ja/nee;
 * areas: a text per concern area, at least one filled when required;
 * view: someone's view in their words, or the reason it is missing.
 */
export type QuestionKind = 'text' | 'longtext' | 'choice' | 'yesno' | 'areas' | 'view';

export interface IntakeQuestion {
  key: string;
  label: string;
  help: string;
  kind: QuestionKind;
  section: IntakeSection;
  /** true; or 'from-12': required when the student is 12 or older on the meeting date. */
  required: boolean | 'from-12';
  hidden: boolean;
  /** Built-in questions keep their key; the law or the process needs some (`locked`): never hidden or optional. */
  builtin: boolean;
  locked: boolean;
  options: string[];
}

export type ViewAnswer = { text: string; missingReason: string };
export type AnswerValue = string | boolean | null | Partial<Record<ConcernArea, string>> | ViewAnswer;
export type IntakeAnswers = Record<string, AnswerValue>;

const builtin = (q: Omit<IntakeQuestion, 'builtin' | 'hidden' | 'options' | 'help'> & { help?: string }): IntakeQuestion => ({
  help: '',
  ...q,
  builtin: true,
  hidden: false,
  options: [],
});

/** The form a new school starts with. */
export const standardQuestions: IntakeQuestion[] = [
  builtin({
    key: 'aanleiding',
    label: 'Aanleiding',
    help: 'Wat is er gebeurd of gezien waardoor je de leerling aanmeldt?',
    kind: 'longtext',
    section: 'Aanleiding en vraag',
    required: true,
    locked: true,
  }),
  builtin({
    key: 'vraag',
    label: 'Vraag aan het overleg',
    help: 'Welke vraag moet het overleg beantwoorden?',
    kind: 'longtext',
    section: 'Aanleiding en vraag',
    required: true,
    locked: true,
  }),
  builtin({
    key: 'zorgen',
    label: 'Zorgen per gebied',
    help: 'Beschrijf de zorg bij minstens één gebied.',
    kind: 'areas',
    section: 'Zorgen',
    required: true,
    locked: true,
  }),
  builtin({
    key: 'geprobeerd',
    label: 'Wat is er al geprobeerd?',
    help: 'Welke aanpak, hoe lang, en met welk effect?',
    kind: 'longtext',
    section: 'Wat is er al gedaan',
    required: true,
    locked: true,
  }),
  builtin({
    key: 'bevorderend',
    label: 'Bevorderende factoren',
    help: 'Sterke kanten, wat helpt.',
    kind: 'longtext',
    section: 'Beeld van de leerling',
    required: false,
    locked: false,
  }),
  builtin({
    key: 'belemmerend',
    label: 'Belemmerende factoren',
    kind: 'longtext',
    section: 'Beeld van de leerling',
    required: false,
    locked: false,
  }),
  builtin({
    key: 'behoeften',
    label: 'Onderwijs- en ondersteuningsbehoeften',
    help: 'Wat heeft deze leerling nodig?',
    kind: 'longtext',
    section: 'Beeld van de leerling',
    required: false,
    locked: false,
  }),
  builtin({
    key: 'verzuim-resultaten',
    label: 'Verzuim en resultaten',
    kind: 'longtext',
    section: 'Beeld van de leerling',
    required: false,
    locked: false,
  }),
  builtin({
    key: 'professionals',
    label: 'Andere betrokken professionals',
    help: 'Jeugdhulp, huisarts, wijkteam…',
    kind: 'longtext',
    section: 'Beeld van de leerling',
    required: false,
    locked: false,
  }),
  builtin({
    key: 'visie-ouders',
    label: 'Visie van de ouders',
    kind: 'view',
    section: 'Visie van ouders en leerling',
    required: true,
    locked: true,
  }),
  builtin({
    key: 'visie-leerling',
    label: 'Visie van de leerling',
    help: 'Verplicht vanaf 12 jaar.',
    kind: 'view',
    section: 'Visie van ouders en leerling',
    required: 'from-12',
    locked: true,
  }),
];

const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

function isFilled(question: IntakeQuestion, value: AnswerValue | undefined): boolean {
  switch (question.kind) {
    case 'yesno':
      return typeof value === 'boolean';
    case 'areas':
      return typeof value === 'object' && value !== null && Object.values(value).some((t) => !blank(t));
    case 'view': {
      const view = value as ViewAnswer | undefined;
      return !!view && (!blank(view.text) || !blank(view.missingReason));
    }
    default:
      return !blank(value);
  }
}

function missingMessage(question: IntakeQuestion): string {
  switch (question.kind) {
    case 'areas':
      return 'Beschrijf de zorg bij minstens één gebied.';
    case 'view':
      return `Vul de ${question.label.toLowerCase()} in, of de reden dat die ontbreekt.`;
    case 'choice':
    case 'yesno':
      return `Maak een keuze bij "${question.label}".`;
    default:
      return `Vul "${question.label}" in.`;
  }
}

/** Required of this question for this student: 'from-12' counts from the age on the meeting date. */
export function isRequired(question: IntakeQuestion, studentAge: number | null): boolean {
  if (question.hidden) return false;
  if (question.required === 'from-12') return studentAge === null || studentAge >= 12;
  return question.required;
}

/** The unanswered required questions, each with the Dutch message shown next to it. */
export function missingAnswers(questions: IntakeQuestion[], answers: IntakeAnswers, studentAge: number | null): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const q of questions) {
    if (isRequired(q, studentAge) && !isFilled(q, answers[q.key])) missing[q.key] = missingMessage(q);
  }
  return missing;
}

/**
 * Everything submitting refuses, by field: the aanmelding itself (who, when, for which meeting)
 * and the form's required answers. The screen checks this before sending; the backend again.
 */
export function submitProblems(
  questions: IntakeQuestion[],
  intake: { referrerId: string | null; referredOn: string | null; meetingId: string | null; answers: IntakeAnswers },
  studentAge: number | null,
  meetingDate: string | null,
  today: string,
): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!intake.referrerId) fields.referrerId = 'Kies de aanmelder.';
  if (!intake.referredOn) fields.referredOn = 'Vul de datum van aanmelding in.';
  else if (intake.referredOn > today) fields.referredOn = 'De datum van aanmelding ligt in de toekomst.';
  if (!intake.meetingId) fields.meetingId = 'Kies het overleg waarvoor je aanmeldt.';
  else if (meetingDate && meetingDate < today) fields.meetingId = `Dit overleg was op ${longDate(meetingDate)}; kies een volgend overleg.`;
  return { ...fields, ...missingAnswers(questions, intake.answers, studentAge) };
}

/**
 * Checks a school's edited form: keys unique, built-in questions as the app defines them (their
 * kind and whether they are locked come from `standardQuestions`, not from the edit), locked
 * questions still shown and required, choices with options. Returns Dutch messages by question
 * key (empty when fine).
 */
export function formProblems(questions: IntakeQuestion[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Set<string>();
  const standard = new Map(standardQuestions.map((q) => [q.key, q]));
  for (const q of questions) {
    const own = standard.get(q.key);
    if (seen.has(q.key)) problems[q.key] = 'Deze vraag staat twee keer in het formulier.';
    seen.add(q.key);
    if (!q.label.trim()) problems[q.key] = 'Geef de vraag een tekst.';
    if (q.builtin && !own) problems[q.key] = `"${q.label}" is geen vraag van het standaardformulier.`;
    if (own && (!q.builtin || q.kind !== own.kind || q.locked !== own.locked)) {
      problems[q.key] = `"${own.label}" is een vaste vraag; alleen de tekst, zichtbaarheid en verplichting zijn aan te passen.`;
    }
    const locked = own?.locked ?? false;
    if (locked && (q.hidden || q.required === false)) problems[q.key] = `"${q.label}" is verplicht en kan niet worden verborgen.`;
    if (!own && (q.kind === 'areas' || q.kind === 'view' || q.required === 'from-12')) {
      problems[q.key] = `"${q.label}": een eigen vraag is tekst, keuze of ja/nee.`;
    }
    if (q.kind === 'choice' && q.options.filter((o) => o.trim()).length < 2)
      problems[q.key] = `Geef bij "${q.label}" minstens twee keuzes.`;
  }
  for (const s of standardQuestions.filter((q) => q.locked)) {
    if (!seen.has(s.key)) problems[s.key] = `"${s.label}" hoort in elk aanmeldformulier.`;
  }
  return problems;
}
