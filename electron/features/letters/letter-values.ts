/**
 * From what the documents domain knows about one letter (LetterFacts) to the values of its
 * placeholders, in words a parent (or a student of 16 or older) reads. Pure: the date is always given.
 */
import { longDate, weekdayLongDate } from '../../shared/dutch-dates';
import { consentPurposes, type ConsentPurpose, type IsoDate } from '../consent/rules';
import { decisionLabels, type DecisionType } from '../minutes/vocabulary';
import { fullName } from '../people/names';
import type { Addressee, LetterValues } from './placeholder-catalogue';

/** "a", "a en b", "a, b en c". */
export function joinDutch(items: string[], last: 'en' | 'of' = 'en'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** Decisions in words a parent understands (the screens' labels are the team's jargon). */
export const decisionWordsForParents: Record<DecisionType, string> = {
  basisondersteuning: 'Basisondersteuning op school',
  'extra-ondersteuning': 'Extra ondersteuning op school, met een ontwikkelingsperspectiefplan (OPP)',
  'doorverwijzen-overleg': 'Bespreking in een overleg met deskundigen van binnen en buiten school (FlexZAT, ZAT of MDO)',
  // Which help outside school is said by `decisionWords`: the partners of the case, never examples a family would take for theirs.
  extern: 'Doorverwijzing naar hulp buiten school',
  'andere-route': 'Een andere plek of route in het onderwijs (bijvoorbeeld OOV of VSO)',
  afsluiten: 'De bespreking wordt afgesloten',
  terugkomen: 'We bespreken het opnieuw in het volgende overleg',
};

/**
 * The decision as a parent reads it: the type in their words once, then the team's text for them.
 * A referral names the organisations the case goes to ("… buiten school, bij het wijkteam"); a text
 * that starts with the type itself ("Basisondersteuning: huiswerkklas") continues the type's words
 * after a colon instead of repeating them ("Basisondersteuning op school: huiswerkklas").
 */
export function decisionWords(decision: NonNullable<LetterFacts['decision']>): string {
  const partners = (decision.partners ?? []).map((p) => p.trim()).filter((p) => p !== '');
  const typeWords = decision.type
    ? decision.type === 'extern' && partners.length > 0
      ? `${decisionWordsForParents.extern}, bij ${joinDutch([...new Set(partners)])}`
      : decisionWordsForParents[decision.type]
    : '';
  const text = decision.textForParents.trim();
  const sentence = (part: string) => (/[.!?]$/.test(part) ? part : `${part}.`);
  if (typeWords === '') return text === '' ? '' : sentence(text);
  if (text === '') return sentence(typeWords);
  const rest = decision.type ? withoutTypeLead(text, decision.type) : null;
  return rest === null ? `${sentence(typeWords)} ${sentence(text)}` : sentence(`${typeWords}: ${rest}`);
}

/** "Basisondersteuning: huiswerkklas" → "huiswerkklas" when the lead before the colon names the type; else null. */
function withoutTypeLead(text: string, type: DecisionType): string | null {
  const lead = /^([^:\n]{1,80}):\s*(\S[\s\S]*)$/.exec(text);
  if (lead === null) return null;
  const fold = (words: string) =>
    words
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  const said = fold(lead[1] ?? '');
  // The type as the team's screen says it ("Extra ondersteuning / OPP", "Extern (jeugdhulp, …)"), its first words, or the parents' words.
  const names = [decisionLabels[type], decisionWordsForParents[type]].flatMap((label) => [
    label,
    label.split(/\s*[(/]/)[0] ?? '',
    label.split(' ')[0] ?? '',
  ]);
  return names.some((name) => fold(name) !== '' && fold(name) === said) ? (lead[2] ?? '').trim() : null;
}

/** Consent purposes as they read in a letter, after "Wij vragen uw toestemming voor:". */
export const consentPurposeWordsForParents: Record<ConsentPurpose, string> = {
  bespreking: 'het bespreken van uw kind in een overleg met organisaties van buiten school',
  'informatie-uitwisselen': 'het uitwisselen van informatie over uw kind met deze organisaties',
  'rapporten-delen': 'het delen van rapporten en verslagen over uw kind',
  'overdracht-swv': 'het doorsturen van gegevens naar het samenwerkingsverband (bijvoorbeeld voor een TLV-aanvraag)',
};

/** The same, to a student of 16 or older who consents themselves: "Wij vragen je toestemming voor:". */
export const consentPurposeWordsForStudent: Record<ConsentPurpose, string> = {
  bespreking: 'het bespreken van jou in een overleg met organisaties van buiten school',
  'informatie-uitwisselen': 'het uitwisselen van informatie over jou met deze organisaties',
  'rapporten-delen': 'het delen van rapporten en verslagen over jou',
  'overdracht-swv': 'het doorsturen van je gegevens naar het samenwerkingsverband (bijvoorbeeld voor een TLV-aanvraag)',
};

/** Who does an action, as the addressee reads it: the parents are "u" to themselves and "je ouders" to the student. */
const holderWords: Record<Addressee, Record<'ouders' | 'leerling', (studentName: string) => string>> = {
  ouders: { ouders: () => 'u (ouders)', leerling: (name) => name },
  leerling: { ouders: () => 'je ouders', leerling: () => 'jij' },
};

/** What the documents domain knows about one letter; everything parents may not see is already left out. */
export interface LetterFacts {
  student: { givenName: string; infix: string; familyName: string; className: string; studentNumber: string };
  /** The full names of the people the letter is addressed to (`LetterAddressee.names`). */
  addressees: string[];
  meeting: {
    name: string;
    date: IsoDate;
    /** hh:mm */
    startTime: string;
    location: string;
    /** The case's start on the agenda, when the case is on it. */
    caseStartTime: string | null;
  } | null;
  /**
   * Only the decision text marked for parents; `partners`: the organisations outside school the
   * case goes to, as the parents already read them among the actions (none: the letter names none).
   */
  decision: { type: DecisionType | null; textForParents: string; partners?: string[] } | null;
  /**
   * Only the student's actions marked for parents; `holder` as a parent knows them ("de mentor",
   * "Kwadraad"), `holderIs` when the parents or the student themselves do it (worded per addressee).
   */
  actions: {
    what: string;
    holder: string | null;
    holderIs?: 'ouders' | 'leerling' | null;
    due: IsoDate | 'volgende-overleg' | null;
  }[];
  consent: { purposes: ConsentPurpose[]; partners: string[] } | null;
  coordinator: { name: string; role: string; email: string } | null;
  school: { name: string; phone: string; email: string };
  letterDate: IsoDate;
  /** Who the letter speaks to; the parents unless said otherwise. */
  addressedTo?: Addressee;
}

/** "14:05" → "14.05 uur", as Dutch letters write times. */
export function letterTime(time: string): string {
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  return match === null ? time : `${match[1]!.padStart(2, '0')}.${match[2]} uur`;
}

export function letterValues(facts: LetterFacts): LetterValues {
  const { student, meeting, decision, consent, coordinator, school } = facts;
  const addressee = facts.addressedTo ?? 'ouders';
  const purposeWords = addressee === 'leerling' ? consentPurposeWordsForStudent : consentPurposeWordsForParents;
  return {
    'leerling.roepnaam': student.givenName,
    'leerling.naam': fullName(student),
    'leerling.klas': student.className,
    'leerling.leerlingnummer': student.studentNumber,
    'ouders.namen': facts.addressees,
    'overleg.naam': meeting?.name ?? null,
    'overleg.datum': meeting ? weekdayLongDate(meeting.date) : null,
    'overleg.tijd': meeting ? letterTime(meeting.caseStartTime ?? meeting.startTime) : null,
    'overleg.locatie': meeting?.location ?? null,
    besluit: decision ? decisionWords(decision) : '',
    acties: facts.actions.map((action) => ({
      what: action.what,
      who: action.holderIs ? holderWords[addressee][action.holderIs](student.givenName || fullName(student)) : action.holder,
      when:
        action.due === null ? null : action.due === 'volgende-overleg' ? 'voor het volgende overleg' : `uiterlijk ${longDate(action.due)}`,
    })),
    'toestemming.doelen': consent
      ? consentPurposes.filter((purpose) => consent.purposes.includes(purpose)).map((p) => purposeWords[p])
      : null,
    'toestemming.partners': consent?.partners ?? null,
    'coordinator.naam': coordinator?.name ?? null,
    'coordinator.functie': coordinator?.role ?? null,
    'coordinator.email': coordinator?.email ?? null,
    'school.naam': school.name,
    'school.telefoon': school.phone,
    'school.email': school.email,
    datum: longDate(facts.letterDate),
  };
}

/** Made-up values for the editor's preview, as the parents or the student (16+) read them. */
export function sampleValuesFor(addressee: Addressee): LetterValues {
  if (addressee === 'ouders') return sampleValues;
  return {
    ...sampleValues,
    'ouders.namen': ['Zoë de Vries'],
    acties: [
      { what: 'Aanmelden voor de huiswerkklas', who: 'de mentor', when: 'uiterlijk 20 november 2026' },
      { what: 'Gesprek met de jeugdarts plannen', who: 'jij', when: 'voor het volgende overleg' },
    ],
    'toestemming.doelen': [consentPurposeWordsForStudent.bespreking],
  };
}

/** Made-up values for the editor's preview (the parents' letter). */
export const sampleValues: LetterValues = {
  'leerling.roepnaam': 'Zoë',
  'leerling.naam': 'Zoë de Vries',
  'leerling.klas': '2B',
  'leerling.leerlingnummer': '500101',
  'ouders.namen': ['Sanne de Vries-Bakker', 'Pieter de Vries'],
  'overleg.naam': 'ZAT',
  'overleg.datum': 'donderdag 12 november 2026',
  'overleg.tijd': '14.20 uur',
  'overleg.locatie': 'Vergaderkamer',
  besluit: 'Basisondersteuning op school. Zoë gaat twee keer per week naar de huiswerkklas.',
  acties: [
    { what: 'Aanmelden voor de huiswerkklas', who: 'de mentor', when: 'uiterlijk 20 november 2026' },
    { what: 'Gesprek met de jeugdarts plannen', who: 'ouders', when: 'voor het volgende overleg' },
  ],
  'toestemming.doelen': [consentPurposeWordsForParents.bespreking],
  'toestemming.partners': ['Kwadraad (jeugdhulp)', 'GGD (jeugdarts)'],
  'coordinator.naam': 'Anna Wolters',
  'coordinator.functie': 'ondersteuningscoördinator',
  'coordinator.email': 'a.wolters@lindeboomcollege.example',
  'school.naam': 'Lindeboom College',
  'school.telefoon': '030 123 45 67',
  'school.email': 'zorgteam@lindeboomcollege.example',
  datum: '1 december 2026',
};
