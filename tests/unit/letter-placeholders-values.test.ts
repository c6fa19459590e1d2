import { describe, expect, it } from 'vitest';
import {
  decisionWords,
  joinDutch,
  letterTime,
  letterValues,
  sampleValues,
  sampleValuesFor,
  type LetterFacts,
} from '../../electron/features/letters/letter-values';

describe('joinDutch', () => {
  it('joins with commas and "en" (or "of") before the last', () => {
    expect(joinDutch([])).toBe('');
    expect(joinDutch(['a'])).toBe('a');
    expect(joinDutch(['a', 'b'])).toBe('a en b');
    expect(joinDutch(['a', 'b', 'c'])).toBe('a, b en c');
    expect(joinDutch(['a', 'b', 'c', 'd'], 'of')).toBe('a, b, c of d');
  });
});

describe('letterTime', () => {
  it('writes hh:mm as Dutch letters do, and leaves anything else as typed', () => {
    expect(letterTime('14:05')).toBe('14.05 uur');
    expect(letterTime('9:30')).toBe('09.30 uur');
    expect(letterTime('08:15:00')).toBe('08.15 uur');
    expect(letterTime('na de lunch')).toBe('na de lunch');
    expect(letterTime('om 9:30')).toBe('om 9:30');
    expect(letterTime('')).toBe('');
  });
});

describe('decisionWords', () => {
  it('says the type in the parents’ words, then the team’s text, each as a sentence', () => {
    expect(decisionWords({ type: null, textForParents: '  ' })).toBe('');
    expect(decisionWords({ type: null, textForParents: ' Zoë krijgt extra tijd ' })).toBe('Zoë krijgt extra tijd.');
    expect(decisionWords({ type: null, textForParents: 'Klaar!' })).toBe('Klaar!');
    expect(decisionWords({ type: null, textForParents: 'Zie blz. 3' })).toBe('Zie blz. 3.');
    expect(decisionWords({ type: 'basisondersteuning', textForParents: '' })).toBe('Basisondersteuning op school.');
    expect(decisionWords({ type: 'afsluiten', textForParents: 'Het gaat goed?' })).toBe('De bespreking wordt afgesloten. Het gaat goed?');
    expect(decisionWords({ type: 'extra-ondersteuning', textForParents: 'Zoë krijgt een OPP' })).toBe(
      'Extra ondersteuning op school, met een ontwikkelingsperspectiefplan (OPP). Zoë krijgt een OPP.',
    );
  });

  it('names the organisations of a referral once each, and only for a referral', () => {
    expect(decisionWords({ type: 'extern', textForParents: '', partners: [' Kwadraad ', 'GGD', 'Kwadraad', '  '] })).toBe(
      'Doorverwijzing naar hulp buiten school, bij Kwadraad en GGD.',
    );
    expect(decisionWords({ type: 'extern', textForParents: '', partners: ['  '] })).toBe('Doorverwijzing naar hulp buiten school.');
    expect(decisionWords({ type: 'extern', textForParents: '' })).toBe('Doorverwijzing naar hulp buiten school.');
    expect(decisionWords({ type: 'basisondersteuning', textForParents: '', partners: ['Kwadraad'] })).toBe('Basisondersteuning op school.');
  });

  it('continues a text that starts with the type after a colon instead of repeating the type', () => {
    const continued = (type: NonNullable<LetterFacts['decision']>['type'], textForParents: string) =>
      decisionWords({ type, textForParents });
    // The team's label, in any case and with accents or extra spaces.
    expect(continued('basisondersteuning', 'Basisondersteuning: huiswerkklas')).toBe('Basisondersteuning op school: huiswerkklas.');
    expect(continued('basisondersteuning', ' BASISONDERSTEUNING  :   huiswerkklas ')).toBe('Basisondersteuning op school: huiswerkklas.');
    expect(continued('basisondersteuning', 'Basisondersteuning:huiswerkklas')).toBe('Basisondersteuning op school: huiswerkklas.');
    expect(continued('extra-ondersteuning', 'Extra   ondersteuning: een OPP')).toBe(
      'Extra ondersteuning op school, met een ontwikkelingsperspectiefplan (OPP): een OPP.',
    );
    // The label up to its "(" or "/", or its first word.
    expect(continued('extra-ondersteuning', 'Extra ondersteuning: een OPP')).toBe(
      'Extra ondersteuning op school, met een ontwikkelingsperspectiefplan (OPP): een OPP.',
    );
    expect(continued('extern', 'Extern: bij het wijkteam')).toBe('Doorverwijzing naar hulp buiten school: bij het wijkteam.');
    expect(continued('afsluiten', 'Afsluiten: het gaat goed')).toBe('De bespreking wordt afgesloten: het gaat goed.');
    expect(continued('terugkomen', 'Terugkomen: in januari')).toBe('We bespreken het opnieuw in het volgende overleg: in januari.');
    // The parents' words themselves.
    expect(continued('afsluiten', 'De bespreking wordt afgesloten: klaar')).toBe('De bespreking wordt afgesloten: klaar.');
    // A lead that names something else, or no lead at all, is the team's own sentence.
    expect(continued('basisondersteuning', 'Let op: huiswerkklas')).toBe('Basisondersteuning op school. Let op: huiswerkklas.');
    expect(continued('basisondersteuning', 'Extern: huiswerkklas')).toBe('Basisondersteuning op school. Extern: huiswerkklas.');
    expect(continued('basisondersteuning', 'Basisondersteuning:')).toBe('Basisondersteuning op school. Basisondersteuning:.');
    expect(continued('basisondersteuning', 'Basisondersteuning\nen meer: x')).toBe(
      'Basisondersteuning op school. Basisondersteuning\nen meer: x.',
    );
    expect(continued('basisondersteuning', `${'a'.repeat(81)}: x`)).toBe(`Basisondersteuning op school. ${'a'.repeat(81)}: x.`);
    // What follows the colon keeps its lines.
    expect(continued('basisondersteuning', 'Basisondersteuning: huiswerkklas\nen mentoruur')).toBe(
      'Basisondersteuning op school: huiswerkklas\nen mentoruur.',
    );
  });
});

describe('letterValues', () => {
  const facts: LetterFacts = {
    student: { givenName: 'Zoë', infix: 'de', familyName: 'Vries', className: '2B', studentNumber: '500101' },
    addressees: ['Sanne de Vries-Bakker', 'Pieter de Vries'],
    meeting: { name: 'ZAT', date: '2026-11-12', startTime: '14:00', location: 'Vergaderkamer', caseStartTime: '14:20' },
    decision: { type: 'extern', textForParents: 'Zoë gaat naar het wijkteam', partners: ['Wijkteam Noord'] },
    actions: [
      { what: 'Aanmelden huiswerkklas', holder: 'de mentor', due: '2026-11-20' },
      { what: 'Evalueren', holder: null, due: 'volgende-overleg' },
      { what: 'Gesprek plannen', holder: 'ouders', holderIs: 'ouders', due: null },
      { what: 'Planning maken', holder: 'Zoë', holderIs: 'leerling', due: null },
    ],
    consent: { purposes: ['overdracht-swv', 'bespreking'], partners: ['Kwadraad (jeugdhulp)'] },
    coordinator: { name: 'Anna Wolters', role: 'ondersteuningscoördinator', email: 'a.wolters@school.example' },
    school: { name: 'Lindeboom College', phone: '030 123 45 67', email: 'zorg@school.example' },
    letterDate: '2026-12-01',
  };

  it('gives every placeholder its value, worded for the parents', () => {
    expect(letterValues(facts)).toEqual({
      'leerling.roepnaam': 'Zoë',
      'leerling.naam': 'Zoë de Vries',
      'leerling.klas': '2B',
      'leerling.leerlingnummer': '500101',
      'ouders.namen': ['Sanne de Vries-Bakker', 'Pieter de Vries'],
      'overleg.naam': 'ZAT',
      'overleg.datum': 'donderdag 12 november 2026',
      'overleg.tijd': '14.20 uur',
      'overleg.locatie': 'Vergaderkamer',
      besluit: 'Doorverwijzing naar hulp buiten school, bij Wijkteam Noord. Zoë gaat naar het wijkteam.',
      acties: [
        { what: 'Aanmelden huiswerkklas', who: 'de mentor', when: 'uiterlijk 20 november 2026' },
        { what: 'Evalueren', who: null, when: 'voor het volgende overleg' },
        { what: 'Gesprek plannen', who: 'u (ouders)', when: null },
        { what: 'Planning maken', who: 'Zoë', when: null },
      ],
      'toestemming.doelen': [
        'het bespreken van uw kind in een overleg met organisaties van buiten school',
        'het doorsturen van gegevens naar het samenwerkingsverband (bijvoorbeeld voor een TLV-aanvraag)',
      ],
      'toestemming.partners': ['Kwadraad (jeugdhulp)'],
      'coordinator.naam': 'Anna Wolters',
      'coordinator.functie': 'ondersteuningscoördinator',
      'coordinator.email': 'a.wolters@school.example',
      'school.naam': 'Lindeboom College',
      'school.telefoon': '030 123 45 67',
      'school.email': 'zorg@school.example',
      datum: '1 december 2026',
    });
  });

  it('words actions and consent for a student of 16 or older, and leaves unknown parts empty', () => {
    const toStudent = letterValues({
      ...facts,
      addressedTo: 'leerling',
      meeting: null,
      decision: null,
      consent: { purposes: ['rapporten-delen', 'informatie-uitwisselen'], partners: [] },
      coordinator: null,
    });
    expect(toStudent.acties?.map((a) => a.who)).toEqual(['de mentor', null, 'je ouders', 'jij']);
    expect(toStudent['toestemming.doelen']).toEqual([
      'het uitwisselen van informatie over jou met deze organisaties',
      'het delen van rapporten en verslagen over jou',
    ]);
    expect(toStudent['toestemming.partners']).toEqual([]);
    for (const name of ['overleg.naam', 'overleg.datum', 'overleg.tijd', 'overleg.locatie', 'coordinator.naam'] as const) {
      expect(toStudent[name], name).toBeNull();
    }
    expect(toStudent['coordinator.functie']).toBeNull();
    expect(toStudent['coordinator.email']).toBeNull();
    expect(toStudent.besluit).toBe('');
    const noConsent = letterValues({ ...facts, consent: null });
    expect(noConsent['toestemming.doelen']).toBeNull();
    expect(noConsent['toestemming.partners']).toBeNull();
    expect(letterValues({ ...facts, meeting: { ...facts.meeting!, name: 'IOT', location: '' } })['overleg.naam']).toBe('IOT');
  });

  it('names the student by full name when the given name is empty', () => {
    const values = letterValues({ ...facts, student: { ...facts.student, givenName: '' } });
    expect(values.acties?.map((a) => a.who)).toEqual(['de mentor', null, 'u (ouders)', 'de Vries']);
  });
});

describe('sample values for the editor’s preview', () => {
  it('are the parents’ letter, or the same letter to the student', () => {
    expect(sampleValuesFor('ouders')).toBe(sampleValues);
    expect(sampleValuesFor('leerling')).toEqual({
      ...sampleValues,
      'ouders.namen': ['Zoë de Vries'],
      acties: [
        { what: 'Aanmelden voor de huiswerkklas', who: 'de mentor', when: 'uiterlijk 20 november 2026' },
        { what: 'Gesprek met de jeugdarts plannen', who: 'jij', when: 'voor het volgende overleg' },
      ],
      'toestemming.doelen': ['het bespreken van jou in een overleg met organisaties van buiten school'],
    });
  });
});
