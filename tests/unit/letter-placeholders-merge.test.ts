import { describe, expect, it } from 'vitest';
import { sampleValues } from '../../electron/features/letters/letter-values';
import type { LetterValues } from '../../electron/features/letters/placeholder-catalogue';
import { emptyContactFields, mergeTemplate, mergeText } from '../../electron/features/letters/template-merge';
import { TemplateError } from '../../electron/features/letters/template-syntax';

describe('a missing value in a sentence', () => {
  it('is capitalised only where a sentence starts', () => {
    const missing = (template: string) => mergeText(template, {});
    expect(missing('{{leerling.roepnaam}} komt.')).toBe('Uw kind komt.');
    expect(missing('   {{leerling.roepnaam}} komt.')).toBe('Uw kind komt.');
    expect(missing('Klaar. {{leerling.roepnaam}} komt.')).toBe('Klaar. Uw kind komt.');
    expect(missing('Klaar!  {{leerling.roepnaam}} komt.')).toBe('Klaar! Uw kind komt.');
    expect(missing('Klaar?\t{{leerling.roepnaam}} komt.')).toBe('Klaar? Uw kind komt.');
    expect(missing('Over {{leerling.roepnaam}}.')).toBe('Over uw kind.');
    expect(missing('Klaar.{{leerling.roepnaam}}')).toBe('Klaar.uw kind');
    expect(missing('Klaar, {{leerling.roepnaam}}')).toBe('Klaar, uw kind');
    expect(mergeTemplate('{{ouders.namen}}, welkom', {})).toEqual([{ kind: 'paragraph', text: 'Ouder(s)/verzorger(s), welkom' }]);
  });
});

describe('values as printed', () => {
  it('folds blank lines, drops spaces before a line break and turns braces into parentheses', () => {
    const besluit = ' Eerste regel  \r\n\r\n  Tweede {regel}\rDerde\t\nvierde ';
    expect(mergeTemplate('Besluit: {{besluit}}  ', { besluit })).toEqual([
      { kind: 'paragraph', text: 'Besluit: Eerste regel\n  Tweede (regel)\nDerde\nvierde' },
    ]);
  });

  it('prints a list inside a sentence on one line, leaving out empty items and what is not text', () => {
    const values = { 'ouders.namen': ['  Sanne\n\nde Vries ', ' ', 'Pieter {x}', 42] } as unknown as LetterValues;
    expect(mergeText('Beste {{ouders.namen}},', values)).toBe('Beste Sanne de Vries en Pieter (x),');
    expect(mergeTemplate('{{ouders.namen}}', values)).toEqual([{ kind: 'list', items: ['Sanne de Vries', 'Pieter (x)'] }]);
    const notAList = { 'ouders.namen': 'Sanne' } as unknown as LetterValues;
    expect(mergeText('Beste {{ouders.namen}}', notAList)).toBe('Beste ouder(s)/verzorger(s)');
    expect(mergeText('Beste {{leerling.naam}}', { 'leerling.naam': ['Zoë'] } as unknown as LetterValues)).toBe('Beste uw kind');
  });

  it('words each action on one line, leaving out unknown parts and actions without a what', () => {
    const values: LetterValues = {
      acties: [
        { what: '  Bellen\nmet school ', who: ' ', when: ' vóór {vrijdag} ' },
        { what: ' ', who: 'de mentor', when: 'morgen' },
        { what: 'Lezen', who: 'Zoë\n\nde Vries', when: null },
        { what: 'Rusten', who: null, when: '' },
      ],
    };
    expect(mergeTemplate('{{acties}}', values)).toEqual([
      { kind: 'list', items: ['Bellen met school — vóór (vrijdag)', 'Lezen — Zoë de Vries', 'Rusten'] },
    ]);
    expect(mergeText('Afspraken: {{acties}}.', values)).toBe(
      'Afspraken: Bellen met school (vóór (vrijdag)), Lezen (Zoë de Vries) en Rusten.',
    );
    expect(mergeText('{{acties}}', { acties: [{ what: ' ', who: 'x', when: 'y' }] })).toBe('Er zijn geen acties afgesproken.');
  });
});

describe('a list alone on its line', () => {
  it('splits the paragraph around the list, and says in a sentence when the list is empty', () => {
    expect(mergeTemplate('Wij vragen:\n {{toestemming.doelen}}\t\nMet:\n{{toestemming.partners}}\nDank.', sampleValues)).toEqual([
      { kind: 'paragraph', text: 'Wij vragen:' },
      { kind: 'list', items: ['het bespreken van uw kind in een overleg met organisaties van buiten school'] },
      { kind: 'paragraph', text: 'Met:' },
      { kind: 'list', items: ['Kwadraad (jeugdhulp)', 'GGD (jeugdarts)'] },
      { kind: 'paragraph', text: 'Dank.' },
    ]);
    // A word or closing parenthesis at the end gets a full stop; a dash does not.
    expect(mergeTemplate('{{ouders.namen}}\n{{toestemming.partners}}', {})).toEqual([
      { kind: 'paragraph', text: 'Ouder(s)/verzorger(s).' },
      { kind: 'paragraph', text: '—' },
    ]);
    expect(mergeTemplate('{{acties}}', { acties: [] })).toEqual([{ kind: 'paragraph', text: 'Er zijn geen acties afgesproken.' }]);
  });

  it('is a list only when it is the one field on its line and a list field', () => {
    expect(mergeTemplate('{{ouders.namen}} en {{ouders.namen}}', { 'ouders.namen': ['A', 'B'] })).toEqual([
      { kind: 'paragraph', text: 'A en B en A en B' },
    ]);
    expect(mergeTemplate('Voor: {{ouders.namen}}', { 'ouders.namen': ['A', 'B'] })).toEqual([{ kind: 'paragraph', text: 'Voor: A en B' }]);
    expect(mergeTemplate('Brief\n{{leerling.naam}}\nEinde', { 'leerling.naam': 'Zoë' })).toEqual([
      { kind: 'paragraph', text: 'Brief\nZoë\nEinde' },
    ]);
  });

  it('leaves no empty paragraph for a line of nothing but a marker or spaces', () => {
    expect(mergeTemplate('{{ouders.namen}}\n{{#aanLeerling}}{{/aanLeerling}}', { 'ouders.namen': ['A'] })).toEqual([
      { kind: 'list', items: ['A'] },
    ]);
  });
});

describe('a question above its answer', () => {
  it('becomes a heading only when it is only text, ends in a question mark and has lines under it', () => {
    expect(mergeTemplate('  Wat is besloten?  \n{{besluit}}', { besluit: 'Huiswerkklas.' })).toEqual([
      { kind: 'paragraph', text: 'Wat is besloten?', heading: true },
      { kind: 'paragraph', text: 'Huiswerkklas.' },
    ]);
    expect(mergeTemplate('Wat vindt {{leerling.roepnaam}}?\nDat het goed gaat.', { 'leerling.roepnaam': 'Zoë' })).toEqual([
      { kind: 'paragraph', text: 'Wat vindt Zoë?\nDat het goed gaat.' },
    ]);
    expect(mergeTemplate('Wat is besloten.\nHuiswerkklas.', {})).toEqual([{ kind: 'paragraph', text: 'Wat is besloten.\nHuiswerkklas.' }]);
    expect(mergeTemplate('Vragen?\n{{acties}}', { acties: [{ what: 'Bellen', who: null, when: null }] })).toEqual([
      { kind: 'paragraph', text: 'Vragen?', heading: true },
      { kind: 'list', items: ['Bellen'] },
    ]);
  });
});

describe('mergeText', () => {
  it('joins paragraphs, lines and lists into one line', () => {
    expect(mergeText('  Over {{leerling.roepnaam}}\n\n{{ouders.namen}}\n  en   meer  ', sampleValues)).toBe(
      'Over Zoë Sanne de Vries-Bakker en Pieter de Vries en meer',
    );
    expect(mergeText('Vraag?\nAntwoord', {})).toBe('Vraag? Antwoord');
  });

  it('refuses a template with problems, naming each', () => {
    expect(() => mergeText('{{datum', {})).toThrow(new TemplateError(['Niet afgesloten veld {{datum — zet }} achter de veldnaam.']));
    let caught: unknown;
    try {
      mergeTemplate('{{#aanOuders}}{{x}}', {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TemplateError);
    expect((caught as TemplateError).problems).toEqual([
      'Blok {{#aanOuders}} is niet afgesloten — zet {{/aanOuders}} aan het eind.',
      'Onbekend veld {{x}} — kies een veld uit de lijst.',
    ]);
  });
});

describe('emptyContactFields', () => {
  it('names each empty contact field the subject or body uses, in the coordinator’s words', () => {
    const values: LetterValues = {
      ...sampleValues,
      'school.telefoon': null,
      'school.email': ' ',
      'coordinator.email': '',
      'coordinator.naam': '',
    };
    expect(
      emptyContactFields(
        { subject: 'Brief van {{coordinator.naam}}', body: '{{school.email}} {{coordinator.email}} {{school.telefoon}} {{school.naam}}' },
        { ...values, 'school.naam': '' },
      ),
    ).toEqual([
      '{{school.telefoon}}: het telefoonnummer van de school is niet ingevuld',
      '{{school.email}}: het e-mailadres van de school is niet ingevuld',
      '{{coordinator.email}}: het e-mailadres voor de brieven (het e-mailadres van de school) is niet ingevuld',
      '{{coordinator.naam}}: de naam van wie de brieven ondertekent is niet ingevuld',
    ]);
    expect(emptyContactFields({ subject: 'Brief', body: 'Bel {{school.telefoon}}.' }, { 'school.telefoon': ' 030 ' })).toEqual([]);
  });
});
