import { describe, expect, it } from 'vitest';
import {
  concernAreaLabels,
  concernAreas,
  formProblems,
  intakeSections,
  isRequired,
  missingAnswers,
  standardQuestions,
  submitProblems,
  type IntakeQuestion,
} from '../../electron/features/intake/form';

const own = (over: Partial<IntakeQuestion> = {}): IntakeQuestion => ({
  key: 'eigen',
  label: 'Eigen vraag',
  help: '',
  kind: 'text',
  section: 'Aanvullende vragen',
  required: true,
  hidden: false,
  builtin: false,
  locked: false,
  options: [],
  ...over,
});
const standard = (key: string) => standardQuestions.find((q) => q.key === key)!;

describe('the standard aanmeldformulier', () => {
  // The questions every school starts with are the domain's (domain.md, "Aanmelding"); a change to
  // one of them shows here (update with -u when intended).
  it('asks these questions, in this order, with these rules', () => {
    expect(standardQuestions).toMatchSnapshot();
    expect(intakeSections).toMatchSnapshot();
    expect(concernAreas.map((a) => concernAreaLabels[a])).toEqual([
      'Leren',
      'Gedrag',
      'Sociaal-emotioneel',
      'Thuissituatie',
      'Gezondheid',
      'Verzuim',
    ]);
  });

  it('is itself a valid form', () => {
    expect(formProblems(standardQuestions)).toEqual({});
  });
});

describe('required answers', () => {
  it('the student’s view is required from 12 on the meeting date, and when the age is unknown', () => {
    const view = standard('visie-leerling');
    expect(isRequired(view, 11)).toBe(false);
    expect(isRequired(view, 12)).toBe(true);
    expect(isRequired(view, null)).toBe(true);
    expect(isRequired(own({ required: false }), 14)).toBe(false);
    expect(isRequired(own({ hidden: true }), 14)).toBe(false);
    expect(isRequired(own(), 14)).toBe(true);
  });

  it('names every unanswered required question with its own Dutch message', () => {
    const questions = [
      ...standardQuestions,
      own({ key: 'keuze', label: 'Schooltype', kind: 'choice', options: ['havo', 'vwo'] }),
      own({ key: 'janee', label: 'Is er een OPP', kind: 'yesno' }),
      own({ key: 'kort', label: 'Mentor' }),
    ];
    expect(missingAnswers(questions, {}, 14)).toEqual({
      aanleiding: 'Vul "Aanleiding" in.',
      vraag: 'Vul "Vraag aan het overleg" in.',
      zorgen: 'Beschrijf de zorg bij minstens één gebied.',
      geprobeerd: 'Vul "Wat is er al geprobeerd?" in.',
      'visie-ouders': 'Vul de visie van de ouders in, of de reden dat die ontbreekt.',
      'visie-leerling': 'Vul de visie van de leerling in, of de reden dat die ontbreekt.',
      keuze: 'Maak een keuze bij "Schooltype".',
      janee: 'Maak een keuze bij "Is er een OPP".',
      kort: 'Vul "Mentor" in.',
    });
    expect(Object.keys(missingAnswers(questions, {}, 11))).not.toContain('visie-leerling');
  });

  it('counts an answer as given only when it says something', () => {
    const q = (kind: IntakeQuestion['kind']) => [own({ kind, options: ['a', 'b'] })];
    const missing = (kind: IntakeQuestion['kind'], value: unknown) => 'eigen' in missingAnswers(q(kind), { eigen: value as never }, 14);
    expect(missing('text', '  ')).toBe(true);
    expect(missing('text', 'x')).toBe(false);
    expect(missing('longtext', 3)).toBe(true);
    expect(missing('choice', 'a')).toBe(false);
    expect(missing('yesno', false)).toBe(false);
    expect(missing('yesno', 'nee')).toBe(true);
    expect(missing('yesno', null)).toBe(true);
    expect(missing('areas', { gedrag: ' ', leren: '' })).toBe(true);
    expect(missing('areas', { gedrag: ' ', verzuim: 'Te laat' })).toBe(false);
    expect(missing('areas', null)).toBe(true);
    expect(missing('areas', 'Te laat')).toBe(true);
    expect(missing('view', { text: ' ', missingReason: '' })).toBe(true);
    expect(missing('view', { text: 'Wil hulp', missingReason: '' })).toBe(false);
    expect(missing('view', { text: '', missingReason: 'Ouders niet bereikt' })).toBe(false);
    expect(missing('view', undefined)).toBe(true);
  });
});

describe('submitting', () => {
  const complete = { referrerId: 'u1', referredOn: '2026-03-01', meetingId: 'm1', answers: { eigen: 'x' } };
  const problems = (intake: Partial<typeof complete> & { answers?: Record<string, string> }, meetingDate: string | null = '2026-03-10') =>
    submitProblems([own()], { ...complete, ...intake } as never, 14, meetingDate, '2026-03-05');

  it('a complete aanmelding for a coming meeting goes', () => {
    expect(problems({})).toEqual({});
    expect(problems({ referredOn: '2026-03-05' }, '2026-03-05')).toEqual({});
    expect(problems({}, null)).toEqual({});
  });

  it('says what is missing or wrong, by field', () => {
    expect(problems({ referrerId: null, referredOn: null, meetingId: null, answers: {} } as never)).toEqual({
      referrerId: 'Kies de aanmelder.',
      referredOn: 'Vul de datum van aanmelding in.',
      meetingId: 'Kies het overleg waarvoor je aanmeldt.',
      eigen: 'Vul "Eigen vraag" in.',
    });
    expect(problems({ referredOn: '2026-03-06' })).toEqual({
      referredOn: 'De datum van aanmelding ligt in de toekomst.',
    });
    expect(problems({}, '2026-03-04')).toEqual({
      meetingId: 'Dit overleg was op 4 maart 2026; kies een volgend overleg.',
    });
  });
});

describe('a school’s own form', () => {
  it('refuses a question twice, one without text, and a made-up built-in question', () => {
    expect(formProblems([...standardQuestions, own(), own()])).toEqual({
      eigen: 'Deze vraag staat twee keer in het formulier.',
    });
    expect(formProblems([...standardQuestions, own({ label: '  ' })])).toEqual({ eigen: 'Geef de vraag een tekst.' });
    expect(formProblems([...standardQuestions, own({ builtin: true, label: 'Nep' })])).toEqual({
      eigen: '"Nep" is geen vraag van het standaardformulier.',
    });
  });

  it('built-in questions keep their kind and lock; only text, visibility and whether required change', () => {
    const fixed = '"Aanleiding" is een vaste vraag; alleen de tekst, zichtbaarheid en verplichting zijn aan te passen.';
    const edit = (over: Partial<IntakeQuestion>) =>
      formProblems(standardQuestions.map((q) => (q.key === 'aanleiding' ? { ...q, ...over } : q)));
    expect(edit({ kind: 'text' })).toEqual({ aanleiding: fixed });
    expect(edit({ locked: false })).toEqual({ aanleiding: fixed });
    expect(edit({ builtin: false })).toEqual({ aanleiding: fixed });
    expect(edit({ label: 'Waarom nu?' })).toEqual({});
    // A question that is not locked may be hidden or optional.
    expect(formProblems(standardQuestions.map((q) => (q.key === 'bevorderend' ? { ...q, hidden: true } : q)))).toEqual({});
  });

  it('a locked question is never hidden or optional, and never left out', () => {
    expect(formProblems(standardQuestions.map((q) => (q.key === 'vraag' ? { ...q, hidden: true } : q)))).toEqual({
      vraag: '"Vraag aan het overleg" is verplicht en kan niet worden verborgen.',
    });
    expect(formProblems(standardQuestions.map((q) => (q.key === 'vraag' ? { ...q, required: false } : q)))).toEqual({
      vraag: '"Vraag aan het overleg" is verplicht en kan niet worden verborgen.',
    });
    // 'from-12' is the student view's own requirement, not "optional".
    expect(formProblems(standardQuestions.filter((q) => q.key !== 'zorgen' && q.key !== 'bevorderend'))).toEqual({
      zorgen: '"Zorgen per gebied" hoort in elk aanmeldformulier.',
    });
  });

  it('an own question is text, a choice or yes/no, and a choice has two options', () => {
    const kinds = '"Eigen vraag": een eigen vraag is tekst, keuze of ja/nee.';
    expect(formProblems([...standardQuestions, own({ kind: 'areas' })])).toEqual({ eigen: kinds });
    expect(formProblems([...standardQuestions, own({ kind: 'view' })])).toEqual({ eigen: kinds });
    expect(formProblems([...standardQuestions, own({ required: 'from-12' })])).toEqual({ eigen: kinds });
    expect(formProblems([...standardQuestions, own({ kind: 'yesno' }), own({ key: 'lang', kind: 'longtext' })])).toEqual({});
    const two = 'Geef bij "Eigen vraag" minstens twee keuzes.';
    expect(formProblems([...standardQuestions, own({ kind: 'choice', options: ['ja', ' '] })])).toEqual({ eigen: two });
    expect(formProblems([...standardQuestions, own({ kind: 'choice', options: ['ja', 'nee'] })])).toEqual({});
  });
});

describe('an own question may be hidden or optional', () => {
  it('is not locked', () => {
    expect(formProblems([...standardQuestions, own({ hidden: true })])).toEqual({});
    expect(formProblems([...standardQuestions, own({ required: false })])).toEqual({});
  });
});
