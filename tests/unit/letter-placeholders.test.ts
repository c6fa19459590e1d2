import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LetterBlock } from '../../electron/export/docx/models';
import { letterValues, sampleValues, sampleValuesFor, type LetterFacts } from '../../electron/features/letters/letter-values';
import { placeholderGroups, placeholders, type LetterValues } from '../../electron/features/letters/placeholder-catalogue';
import { emptyContactFields, mergeTemplate, mergeText } from '../../electron/features/letters/template-merge';
import { parseTemplate, templateProblems, TemplateError } from '../../electron/features/letters/template-syntax';
import { shippedTemplates } from '../../electron/features/letters/shipped-templates';

const names = placeholders.map((p) => p.name);

/** All text a merged letter prints. */
const printed = (blocks: LetterBlock[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.items)).join('\n');

describe('the placeholder list', () => {
  it('has every name once, each in a listed group, with a Dutch description and a text for when it is missing', () => {
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'leerling.roepnaam',
        'leerling.naam',
        'leerling.klas',
        'leerling.leerlingnummer',
        'ouders.namen',
        'overleg.naam',
        'overleg.datum',
        'overleg.tijd',
        'overleg.locatie',
        'besluit',
        'acties',
        'toestemming.doelen',
        'toestemming.partners',
        'coordinator.naam',
        'coordinator.functie',
        'coordinator.email',
        'school.naam',
        'school.telefoon',
        'school.email',
        'datum',
      ]),
    );
    const groups = placeholderGroups.map((g) => g.key);
    for (const p of placeholders) {
      expect(groups).toContain(p.group);
      expect(p.description.length).toBeGreaterThan(10);
      expect(p.ifMissing).not.toMatch(/[{}]/);
    }
  });
});

describe('parseTemplate', () => {
  it('splits paragraphs on blank lines and keeps single newlines as line breaks', () => {
    const paragraphs = parseTemplate('\n\nBeste {{ouders.namen}},\r\nfijn.\n\n\n  \nTot {{datum}}.\n');
    expect(paragraphs).toEqual([
      {
        lines: [
          [
            { kind: 'text', text: 'Beste ' },
            { kind: 'field', name: 'ouders.namen' },
            { kind: 'text', text: ',' },
          ],
          [{ kind: 'text', text: 'fijn.' }],
        ],
      },
      {
        lines: [
          [
            { kind: 'text', text: 'Tot ' },
            { kind: 'field', name: 'datum' },
            { kind: 'text', text: '.' },
          ],
        ],
      },
    ]);
  });

  it('reads names without regard to case, spaces or accents', () => {
    const [paragraph] = parseTemplate('{{ Leerling.Naam }} {{COÖRDINATOR.naam}} {{leerling. klas}}');
    expect(paragraph!.lines[0]!.filter((p) => p.kind === 'field')).toEqual([
      { kind: 'field', name: 'leerling.naam' },
      { kind: 'field', name: 'coordinator.naam' },
      { kind: 'field', name: 'leerling.klas' },
    ]);
  });
});

describe('templateProblems', () => {
  it.each([
    ['Beste {{leerling.naam2}}', 'Onbekend veld {{leerling.naam2}} — bedoel je {{leerling.naam}}?'],
    ['{{ Leerling.Naam2 }}', 'Onbekend veld {{Leerling.Naam2}} — bedoel je {{leerling.naam}}?'],
    ['{{leerlingnaam}}', 'Onbekend veld {{leerlingnaam}} — bedoel je {{leerling.naam}}?'],
    ['{{leerlign.klas}}', 'Onbekend veld {{leerlign.klas}} — bedoel je {{leerling.klas}}?'],
    ['{{roepnaam}}', 'Onbekend veld {{roepnaam}} — bedoel je {{leerling.roepnaam}}?'],
    [
      '{{coordinator}}',
      'Onbekend veld {{coordinator}} — bedoel je {{coordinator.naam}}, {{coordinator.functie}} of {{coordinator.email}}?',
    ],
    ['{{handtekening}}', 'Onbekend veld {{handtekening}} — kies een veld uit de lijst.'],
    ['Op {{overleg.datum om tien uur', 'Niet afgesloten veld {{overleg.datum — zet }} achter de veldnaam.'],
    ['Op {{overleg.datum\n}} om tien uur', 'Niet afgesloten veld {{overleg.datum — zet }} achter de veldnaam.'],
    ['Beste leerling.naam}}', 'Losse }} zonder {{ ervoor, na „Beste leerling.naam”.'],
    ['}} aan het begin', 'Losse }} zonder {{ ervoor, aan het begin van een regel.'],
    ['Leeg {{ }} veld', 'Leeg veld {{}} — vul een veldnaam in of haal de haken weg.'],
    ['Beste {leerling.naam},', 'Veld {leerling.naam} heeft enkele haken — schrijf {{leerling.naam}}.'],
    ['{{{leerling.naam}}}', 'Onbekend veld {{{leerling.naam}} — bedoel je {{leerling.naam}}?'],
  ])('%j', (template, message) => {
    expect(templateProblems(template)).toContain(message);
  });

  it('names each problem once and finds nothing wrong in a good template', () => {
    expect(templateProblems('{{foo}} en {{foo}} en {{bar}}')).toHaveLength(2);
    expect(templateProblems('Beste {{ ouders.namen }},\n\n{ geen veld } {x} {{acties}}')).toEqual([]);
  });

  it('ships four templates without problems, each with what it needs', () => {
    expect(shippedTemplates.map((t) => t.key)).toEqual(['uitnodiging', 'terugkoppeling', 'toestemming', 'verwijzing']);
    for (const t of shippedTemplates) {
      expect(templateProblems(t.subject), t.key).toEqual([]);
      expect(templateProblems(t.body), t.key).toEqual([]);
      const text = printed(mergeTemplate(t.body, sampleValues)) + mergeText(t.subject, sampleValues);
      expect(text, t.key).not.toMatch(/[{}]/);
    }
    const body = (key: string) => shippedTemplates.find((t) => t.key === key)!.body;
    expect(body('uitnodiging')).toContain('{{overleg.tijd}}');
    expect(body('terugkoppeling')).toMatch(/\{\{besluit\}\}[\s\S]*\{\{acties\}\}/);
    expect(body('toestemming')).toMatch(/toestemming\.doelen[\s\S]*toestemming\.partners[\s\S]*16 jaar/);
    expect(body('verwijzing')).toContain('{{besluit}}');
    expect(shippedTemplates.find((t) => t.key === 'toestemming')!.needs).toContain('consent');
  });
});

describe('mergeTemplate', () => {
  it('fills every placeholder and keeps paragraphs and line breaks', () => {
    const blocks = mergeTemplate(
      'Beste {{ouders.namen}},\n\nOver {{leerling.roepnaam}} ({{ LEERLING.klas }}):\nop {{overleg.datum}}.',
      sampleValues,
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Beste Sanne de Vries-Bakker en Pieter de Vries,' },
      { kind: 'paragraph', text: 'Over Zoë (2B):\nop donderdag 12 november 2026.' },
    ]);
  });

  it('turns {{acties}} alone on a line into a list "wat — wie — wanneer", and into a sentence inline', () => {
    const values: LetterValues = {
      acties: [
        { what: 'Aanmelden voor de huiswerkklas', who: 'de mentor', when: 'uiterlijk 20 november 2026' },
        { what: 'Gesprek plannen', who: null, when: null },
        { what: 'Boek lezen', who: 'Zoë', when: null },
      ],
    };
    expect(mergeTemplate('Wat gaan we doen?\n  {{acties}} \nDank.', values)).toEqual([
      // A question on its own line above its answer is a heading.
      { kind: 'paragraph', text: 'Wat gaan we doen?', heading: true },
      {
        kind: 'list',
        items: ['Aanmelden voor de huiswerkklas — de mentor — uiterlijk 20 november 2026', 'Gesprek plannen', 'Boek lezen — Zoë'],
      },
      { kind: 'paragraph', text: 'Dank.' },
    ]);
    // A question that is the whole paragraph, or follows other text, stays a sentence.
    expect(mergeTemplate('Heeft u vragen?\n\nBel ons. Heeft u vragen?\n{{acties}}', values)[0]).toEqual({
      kind: 'paragraph',
      text: 'Heeft u vragen?',
    });
    expect(mergeTemplate('Afgesproken: {{acties}}.', values)).toEqual([
      {
        kind: 'paragraph',
        text: 'Afgesproken: Aanmelden voor de huiswerkklas (de mentor, uiterlijk 20 november 2026), Gesprek plannen en Boek lezen (Zoë).',
      },
    ]);
  });

  it('says so when nothing was agreed', () => {
    for (const acties of [[], null, undefined]) {
      expect(mergeTemplate('{{acties}}', { acties })).toEqual([{ kind: 'paragraph', text: 'Er zijn geen acties afgesproken.' }]);
    }
    expect(mergeText('Afspraken: {{acties}}. {{acties}}.', {})).toBe(
      'Afspraken: er zijn geen acties afgesproken. Er zijn geen acties afgesproken.',
    );
  });

  it('prints readable Dutch, never the placeholder, for a missing value', () => {
    const text = printed(
      mergeTemplate(
        '{{leerling.roepnaam}} is in {{leerling.klas}}; tel {{school.telefoon}} om {{overleg.tijd}}. Zie {{toestemming.partners}}',
        {
          'leerling.roepnaam': '  ',
          'leerling.klas': null,
        },
      ),
    );
    expect(text).toBe('Uw kind is in —; tel — om (tijd volgt). Zie —');
  });

  it('lets no brace in a value become a placeholder', () => {
    const text = printed(mergeTemplate('{ {{besluit}} }', { besluit: '{{leerling.naam}}}' }));
    expect(text).not.toMatch(/\{\{|\}\}/);
  });

  it('refuses a template with problems', () => {
    expect(() => mergeTemplate('Beste {{leerling.naam2}}', sampleValues)).toThrow(TemplateError);
    expect(() => mergeTemplate('Beste {{leerling.naam2}}', sampleValues)).toThrow(/bedoel je \{\{leerling\.naam\}\}/);
  });

  it('never leaves {{ or }} in the output of any valid template (property)', () => {
    const literal = fc.string({
      unit: fc.constantFrom('a', 'Z', 'ë', ' ', '.', ',', '\n', '\n\n', '{', '}', '{ ', ' }', '\t'),
      maxLength: 12,
    });
    const field = fc
      .record({
        name: fc.constantFrom(...names),
        upper: fc.boolean(),
        before: fc.constantFrom('', ' ', '  '),
        after: fc.constantFrom('', ' ', '\t'),
      })
      .map(({ name, upper, before, after }) => `{{${before}${upper ? name.toUpperCase() : name}${after}}}`);
    const template = fc
      .array(fc.oneof(literal, field), { maxLength: 12 })
      .map((pieces) => pieces.join(''))
      .filter((text) => templateProblems(text).length === 0);
    const anyText = fc.string({ unit: fc.constantFrom('x', '{', '}', '{{', '}}', ' ', '\n'), maxLength: 8 });
    const values = fc.record(
      Object.fromEntries(
        placeholders.map((p) => [
          p.name,
          p.kind === 'text'
            ? fc.option(anyText, { nil: null })
            : p.kind === 'list'
              ? fc.option(fc.array(anyText, { maxLength: 3 }), { nil: null })
              : fc.option(
                  fc.array(
                    fc.record({
                      what: anyText,
                      who: fc.option(anyText, { nil: null }),
                      when: fc.option(anyText, { nil: null }),
                    }),
                    {
                      maxLength: 3,
                    },
                  ),
                  { nil: null },
                ),
        ]),
      ),
      { requiredKeys: [] },
    ) as fc.Arbitrary<LetterValues>;

    fc.assert(
      fc.property(template, values, (text, vals) => {
        for (const block of mergeTemplate(text, vals)) {
          for (const line of block.kind === 'paragraph' ? [block.text] : block.items) {
            expect(line).not.toContain('{{');
            expect(line).not.toContain('}}');
            expect(line.trim()).not.toBe('');
          }
        }
      }),
      { numRuns: 2000 },
    );
    // 2000 runs: seconds on a quiet machine, far longer on a loaded one.
  }, 60_000);
});

describe('letterValues', () => {
  const facts: LetterFacts = {
    student: { givenName: 'Zoë', infix: 'de', familyName: 'Vries', className: '2B', studentNumber: '500101' },
    addressees: ['Sanne de Vries-Bakker', 'Pieter de Vries'],
    meeting: { name: 'ZAT', date: '2026-11-12', startTime: '14:00', location: 'Vergaderkamer', caseStartTime: '14:20' },
    decision: { type: 'basisondersteuning', textForParents: 'Zoë gaat naar de huiswerkklas' },
    actions: [
      { what: 'Aanmelden huiswerkklas', holder: 'de mentor', due: '2026-11-20' },
      { what: 'Evalueren', holder: null, due: 'volgende-overleg' },
    ],
    consent: { purposes: ['rapporten-delen', 'bespreking'], partners: ['Kwadraad (jeugdhulp)', 'GGD (jeugdarts)'] },
    coordinator: { name: 'Anna Wolters', role: 'ondersteuningscoördinator', email: 'a.wolters@school.example' },
    school: { name: 'Lindeboom College', phone: '030 123 45 67', email: 'zorg@school.example' },
    letterDate: '2026-12-01',
  };

  it('words dates, times, the decision and the actions for a parent', () => {
    const values = letterValues(facts);
    expect(values['leerling.naam']).toBe('Zoë de Vries');
    expect(values['overleg.datum']).toBe('donderdag 12 november 2026');
    expect(values['overleg.tijd']).toBe('14.20 uur');
    expect(values.datum).toBe('1 december 2026');
    expect(values.besluit).toBe('Basisondersteuning op school. Zoë gaat naar de huiswerkklas.');
    expect(values.acties).toEqual([
      { what: 'Aanmelden huiswerkklas', who: 'de mentor', when: 'uiterlijk 20 november 2026' },
      { what: 'Evalueren', who: null, when: 'voor het volgende overleg' },
    ]);
    // Purposes in the fixed order, whatever order they were ticked in.
    expect(values['toestemming.doelen']![0]).toMatch(/^het bespreken van uw kind/);
    expect(mergeText('{{toestemming.partners}}', values)).toBe('Kwadraad (jeugdhulp) en GGD (jeugdarts)');
  });

  it("takes the meeting's start when the case has no time on the agenda", () => {
    expect(letterValues({ ...facts, meeting: { ...facts.meeting!, caseStartTime: null } })['overleg.tijd']).toBe('14.00 uur');
    const noMeeting = letterValues({ ...facts, meeting: null, decision: null, consent: null, coordinator: null });
    expect(mergeText('{{overleg.datum}} {{overleg.tijd}} {{besluit}} {{coordinator.naam}}', noMeeting)).toBe(
      '(datum volgt) (tijd volgt) er is nog geen besluit genomen de ondersteuningscoördinator',
    );
  });
});

describe('text for one addressee ({{#aanOuders}} / {{#aanLeerling}})', () => {
  const template = [
    'Wij hebben {{leerling.roepnaam}} besproken.',
    '{{#aanOuders}}\nIn deze brief leest u wat wij hebben besloten.\n\nBel ons gerust.\n{{/aanOuders}}\n' +
      '{{#aanLeerling}}\nIn deze brief lees je wat wij hebben besloten.\n{{/aanLeerling}}',
    'Groet van {{school.naam}}{{#aanLeerling}}, ook aan je ouders{{/aanLeerling}}.',
  ].join('\n\n');

  it('gives each addressee the common text and their own blocks, never the other’s', () => {
    expect(templateProblems(template)).toEqual([]);
    const toParents = mergeTemplate(template, sampleValues, 'ouders');
    const toStudent = mergeTemplate(template, sampleValues, 'leerling');
    expect(toParents).toEqual([
      { kind: 'paragraph', text: 'Wij hebben Zoë besproken.' },
      { kind: 'paragraph', text: 'In deze brief leest u wat wij hebben besloten.' },
      { kind: 'paragraph', text: 'Bel ons gerust.' },
      { kind: 'paragraph', text: 'Groet van Lindeboom College.' },
    ]);
    expect(toStudent).toEqual([
      { kind: 'paragraph', text: 'Wij hebben Zoë besproken.' },
      { kind: 'paragraph', text: 'In deze brief lees je wat wij hebben besloten.' },
      { kind: 'paragraph', text: 'Groet van Lindeboom College, ook aan je ouders.' },
    ]);
    // Without blocks both read the same letter; the parents are the default addressee.
    expect(mergeTemplate('Tekst.', sampleValues, 'leerling')).toEqual(mergeTemplate('Tekst.', sampleValues));
    expect(
      mergeText('{{#aanOuders}}Over {{leerling.roepnaam}}{{/aanOuders}}{{#aanLeerling}}Over jou{{/aanLeerling}}', sampleValues, 'leerling'),
    ).toBe('Over jou');
  });

  it('names every block that is misspelt, unclosed, stray or nested, and still checks the fields inside', () => {
    expect(templateProblems('{{#aanOuders}}Tekst')).toEqual(['Blok {{#aanOuders}} is niet afgesloten — zet {{/aanOuders}} aan het eind.']);
    expect(templateProblems('Tekst{{/aanLeerling}}')).toEqual(['{{/aanLeerling}} zonder {{#aanLeerling}} ervoor.']);
    expect(templateProblems('{{#aanOuder}}x{{/aanOuder}}')).toEqual([
      'Onbekend blok {{#aanOuder}} — gebruik {{#aanOuders}} of {{#aanLeerling}}.',
      'Onbekend blok {{/aanOuder}} — gebruik {{/aanOuders}} of {{/aanLeerling}}.',
    ]);
    expect(templateProblems('{{#aanOuders}}{{#aanLeerling}}x{{/aanLeerling}}{{/aanOuders}}')[0]).toBe(
      '{{#aanLeerling}} staat binnen {{#aanOuders}}: sluit dat blok eerst af met {{/aanOuders}}.',
    );
    expect(templateProblems('{{aanOuders}}')).toEqual(['{{aanOuders}} is geen veld: zet tekst tussen {{#aanOuders}} en {{/aanOuders}}.']);
    expect(templateProblems('{{#aanLeerling}}Hoi {{leerling.naam2}}{{/aanLeerling}}')[0]).toContain('Onbekend veld {{leerling.naam2}}');
    expect(() => mergeTemplate('{{#aanOuders}}open', sampleValues)).toThrow(TemplateError);
  });

  it('the shipped templates have a text for the student that never speaks to the parents', () => {
    const student = sampleValuesFor('leerling');
    for (const t of shippedTemplates) {
      expect(templateProblems(t.body)).toEqual([]);
      expect(templateProblems(t.subject)).toEqual([]);
      const text = `${mergeText(t.subject, student, 'leerling')}\n${printed(mergeTemplate(t.body, student, 'leerling'))}`;
      expect(text, t.key).toMatch(/\bje\b|\bjij\b|\bjou\b/);
      expect(text, t.key).not.toMatch(/\buw\b|\bu\b|\bUw\b|\bU\b|uw kind/);
      const toParents = printed(mergeTemplate(t.body, sampleValues, 'ouders'));
      expect(toParents, t.key).not.toMatch(/\bje\b|\bjij\b/);
    }
  });

  it('words the actions and the consent per addressee', () => {
    const facts: LetterFacts = {
      student: { givenName: 'Zoë', infix: 'de', familyName: 'Vries', className: '4A', studentNumber: '500101' },
      addressees: ['Zoë de Vries'],
      meeting: null,
      decision: null,
      actions: [
        { what: 'Gesprek plannen', holder: 'u (ouders)', holderIs: 'ouders', due: null },
        { what: 'Planning maken', holder: 'Zoë', holderIs: 'leerling', due: null },
        { what: 'Aanmelden', holder: 'Bram Groen', holderIs: null, due: null },
      ],
      consent: { purposes: ['bespreking'], partners: ['GGD'] },
      coordinator: null,
      school: { name: 'Lindeboom College', phone: '', email: '' },
      letterDate: '2026-12-01',
    };
    const toStudent = letterValues({ ...facts, addressedTo: 'leerling' });
    expect(toStudent.acties?.map((a) => a.who)).toEqual(['je ouders', 'jij', 'Bram Groen']);
    expect(toStudent['toestemming.doelen']).toEqual(['het bespreken van jou in een overleg met organisaties van buiten school']);
    const toParents = letterValues(facts);
    expect(toParents.acties?.map((a) => a.who)).toEqual(['u (ouders)', 'Zoë', 'Bram Groen']);
    expect(toParents['toestemming.doelen']).toEqual(['het bespreken van uw kind in een overleg met organisaties van buiten school']);
  });

  it('names the empty contact fields a template uses, in either addressee’s text', () => {
    const values = { ...sampleValues, 'school.telefoon': '', 'coordinator.email': ' ' };
    expect(emptyContactFields({ subject: 'Brief', body: '{{#aanLeerling}}Bel {{school.telefoon}}.{{/aanLeerling}}' }, values)).toEqual([
      '{{school.telefoon}}: het telefoonnummer van de school is niet ingevuld',
    ]);
    expect(emptyContactFields({ subject: 'Brief', body: 'Mail {{coordinator.email}} of bel {{school.telefoon}}.' }, values)).toHaveLength(
      2,
    );
    expect(emptyContactFields({ subject: 'Brief', body: 'Geen contact.' }, values)).toEqual([]);
    expect(emptyContactFields(shippedTemplates[0]!, sampleValues)).toEqual([]);
  });
});
