import { describe, expect, it } from 'vitest';
import {
  fieldsUsed,
  hasAddresseeBlocks,
  parseTemplate,
  TemplateError,
  templateProblems,
  textFor,
} from '../../electron/features/letters/template-syntax';

/** The parts of a one-line template. */
const partsOf = (line: string) => parseTemplate(line)[0]!.lines[0]!;

describe('parseTemplate', () => {
  it('reads \\r\\n and \\r as line breaks, and a line of spaces or tabs as a blank line', () => {
    expect(parseTemplate('a\rb\r\nc')).toEqual([
      { lines: [[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b' }], [{ kind: 'text', text: 'c' }]] },
    ]);
    expect(parseTemplate('a\n \t\nb')).toEqual([{ lines: [[{ kind: 'text', text: 'a' }]] }, { lines: [[{ kind: 'text', text: 'b' }]] }]);
    // A paragraph's leading and trailing lines of only spaces are not lines of the letter.
    expect(parseTemplate('x\n\n  \nTekst\n  ')).toEqual([
      { lines: [[{ kind: 'text', text: 'x' }]] },
      { lines: [[{ kind: 'text', text: 'Tekst' }]] },
    ]);
    expect(parseTemplate('  \n\n \n')).toEqual([]);
  });

  it('keeps the text around a stray }} and an unclosed {{, and goes on reading after them', () => {
    expect(partsOf('a }} b {{datum}}')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'problem', raw: '}}', message: 'Losse }} zonder {{ ervoor, na „a ”.' },
      { kind: 'text', text: ' b ' },
      { kind: 'field', name: 'datum' },
    ]);
    expect(partsOf('Op {{datum {{leerling.naam}}!')).toEqual([
      { kind: 'text', text: 'Op ' },
      { kind: 'problem', raw: '{{datum', message: 'Niet afgesloten veld {{datum — zet }} achter de veldnaam.' },
      { kind: 'text', text: ' ' },
      { kind: 'field', name: 'leerling.naam' },
      { kind: 'text', text: '!' },
    ]);
    expect(partsOf('Op {{  ')).toEqual([
      { kind: 'text', text: 'Op ' },
      { kind: 'problem', raw: '{{  ', message: 'Niet afgesloten veld {{ — zet }} achter de veldnaam.' },
    ]);
    expect(partsOf('{{ overleg.datum en verder')).toEqual([
      {
        kind: 'problem',
        raw: '{{ overleg.datum',
        message: 'Niet afgesloten veld {{ overleg.datum — zet }} achter de veldnaam.',
      },
      { kind: 'text', text: ' en verder' },
    ]);
  });

  it('names a field by what was typed, without the spaces around it', () => {
    expect(partsOf('{{  onbekend  }}')).toEqual([
      { kind: 'problem', raw: '{{onbekend}}', message: 'Onbekend veld {{onbekend}} — kies een veld uit de lijst.' },
    ]);
    expect(partsOf('{{#aanOuders}}')).toEqual([
      {
        kind: 'problem',
        raw: '{{#aanOuders}}',
        message: '{{#aanOuders}} is geen veld: zet tekst tussen {{#aanOuders}} en {{/aanOuders}}.',
      },
    ]);
    expect(partsOf('{{/ aanleerling}}')[0]).toMatchObject({
      message: '{{/ aanleerling}} is geen veld: zet tekst tussen {{#aanLeerling}} en {{/aanLeerling}}.',
    });
    // Only a leading # or / marks a block; elsewhere it is a misspelt field.
    expect(partsOf('{{aan#Ouders}}')[0]).toMatchObject({ kind: 'problem', raw: '{{aan#Ouders}}' });
    expect(partsOf('{{aan#Ouders}}')[0]).not.toMatchObject({ message: expect.stringContaining('is geen veld') });
  });

  it('marks a known name in single braces, wherever it stands, and leaves other braces as text', () => {
    expect(partsOf('{datum}.')).toEqual([
      { kind: 'problem', raw: '{datum}', message: 'Veld {datum} heeft enkele haken — schrijf {{datum}}.' },
      { kind: 'text', text: '.' },
    ]);
    expect(partsOf('Op {DATUM}')).toEqual([
      { kind: 'text', text: 'Op ' },
      { kind: 'problem', raw: '{DATUM}', message: 'Veld {DATUM} heeft enkele haken — schrijf {{datum}}.' },
    ]);
    expect(partsOf('{x} en {datum}{leerling.klas}')).toEqual([
      { kind: 'text', text: '{x} en ' },
      { kind: 'problem', raw: '{datum}', message: 'Veld {datum} heeft enkele haken — schrijf {{datum}}.' },
      { kind: 'problem', raw: '{leerling.klas}', message: 'Veld {leerling.klas} heeft enkele haken — schrijf {{leerling.klas}}.' },
    ]);
  });
});

describe('templateProblems', () => {
  it('quotes at most the last 20 characters before a stray }}', () => {
    expect(templateProblems('Dit is een nogal lange zin vol woorden }}')).toEqual([
      'Losse }} zonder {{ ervoor, na „nge zin vol woorden ”.',
    ]);
    expect(templateProblems('Tekst\n   }}')).toEqual(['Losse }} zonder {{ ervoor, aan het begin van een regel.']);
    expect(templateProblems('x  }}')).toEqual(['Losse }} zonder {{ ervoor, na „x  ”.']);
  });

  it('suggests the nearest names: close spellings, the part after the dot, a group', () => {
    expect(templateProblems('{{.roepnaam.}}')).toEqual(['Onbekend veld {{.roepnaam.}} — bedoel je {{leerling.roepnaam}}?']);
    expect(templateProblems('{{school.}}')).toEqual([
      'Onbekend veld {{school.}} — bedoel je {{school.naam}}, {{school.telefoon}} of {{school.email}}?',
    ]);
    expect(templateProblems('{{naam}}')).toEqual([
      'Onbekend veld {{naam}} — bedoel je {{leerling.naam}}, {{overleg.naam}}, {{coordinator.naam}} of {{school.naam}}?',
    ]);
    // Two edits away from a short name is still close; three is not.
    expect(templateProblems('{{dxtxm}}')).toEqual(['Onbekend veld {{dxtxm}} — bedoel je {{datum}}?']);
    expect(templateProblems('{{dxxxm}}')).toEqual(['Onbekend veld {{dxxxm}} — kies een veld uit de lijst.']);
    // A long name allows a quarter of its length: five edits for "leerling.leerlingnummer".
    expect(templateProblems('{{leerling.lrlngnmmr}}')).toEqual([
      'Onbekend veld {{leerling.lrlngnmmr}} — bedoel je {{leerling.leerlingnummer}}?',
    ]);
    expect(templateProblems('{{leerling.lrlngnmm}}')).toEqual(['Onbekend veld {{leerling.lrlngnmm}} — kies een veld uit de lijst.']);
    // Dots are left off only at the ends.
    expect(templateProblems('{{..roepnaam}}')).toEqual(['Onbekend veld {{..roepnaam}} — bedoel je {{leerling.roepnaam}}?']);
    expect(templateProblems('{{roep.naam}}')).toEqual(['Onbekend veld {{roep.naam}} — kies een veld uit de lijst.']);
    expect(templateProblems('{{school..}}')).toEqual([
      'Onbekend veld {{school..}} — bedoel je {{school.naam}}, {{school.telefoon}} of {{school.email}}?',
    ]);
    // A prefix too many or too few costs an edit per character.
    expect(templateProblems('{{xxxxxxdatum}}')).toEqual(['Onbekend veld {{xxxxxxdatum}} — kies een veld uit de lijst.']);
    expect(templateProblems('{{lingnummer}}')).toEqual(['Onbekend veld {{lingnummer}} — kies een veld uit de lijst.']);
    // Two swaps are two edits; without counting a swap as one edit this would be four.
    expect(templateProblems('{{adtmu}}')).toEqual(['Onbekend veld {{adtmu}} — bedoel je {{datum}}?']);
    // Only the closest of the near names.
    expect(templateProblems('{{school.naan}}')).toEqual(['Onbekend veld {{school.naan}} — bedoel je {{school.naam}}?']);
    expect(templateProblems('{{leerling.naas}}')).toEqual(['Onbekend veld {{leerling.naas}} — bedoel je {{leerling.naam}}?']);
    // Two neighbours swapped count as one edit, at the start and the end of a name too.
    expect(templateProblems('{{adtum}}')).toEqual(['Onbekend veld {{adtum}} — bedoel je {{datum}}?']);
    expect(templateProblems('{{leerling.klsa}}')).toEqual(['Onbekend veld {{leerling.klsa}} — bedoel je {{leerling.klas}}?']);
    expect(templateProblems('{{acteis}}')).toEqual(['Onbekend veld {{acteis}} — bedoel je {{acties}}?']);
  });

  it('names blocks that close the wrong block, and names the block markers once, not also as fields', () => {
    expect(templateProblems('{{#aanOuders}}x{{/aanLeerling}}')).toEqual([
      '{{/aanLeerling}} sluit {{#aanOuders}} niet af — schrijf {{/aanOuders}}.',
      'Blok {{#aanOuders}} is niet afgesloten — zet {{/aanOuders}} aan het eind.',
    ]);
    expect(templateProblems('{{#aanOuders}}a{{/aanOuders}}{{/aanOuders}}')).toEqual(['{{/aanOuders}} zonder {{#aanOuders}} ervoor.']);
    expect(templateProblems('{{#aanOuders}}a{{#aanOuders}}b{{/aanOuders}}')).toEqual([
      '{{#aanOuders}} staat binnen {{#aanOuders}}: sluit dat blok eerst af met {{/aanOuders}}.',
    ]);
    expect(templateProblems('{{ # AanOuders }}a{{/ aan ouders}}\n{{#aanLeerling}}b{{/aanLeerling}}')).toEqual([]);
    // Fields are checked in the text without its markers: what the letter would print.
    expect(templateProblems('{datum{{#aanOuders}}}x{{/aanOuders}}')).toEqual(['Veld {datum} heeft enkele haken — schrijf {{datum}}.']);
  });
});

describe('textFor', () => {
  const template = 'A\n{{#aanOuders}}\nB\n{{/aanOuders}}\n  {{#aanLeerling}}  \nC\n{{/aanLeerling}}';

  it('takes a marker alone on its line away with its line, and keeps what stands beside a marker', () => {
    expect(textFor(template, 'ouders')).toBe('A\nB\n');
    expect(textFor(template, 'leerling')).toBe('A\nC\n');
    expect(textFor('Groet{{#aanLeerling}}, ook aan je ouders{{/aanLeerling}}.\nEinde', 'ouders')).toBe('Groet.\nEinde');
    expect(textFor('Groet{{#aanLeerling}}, ook aan je ouders{{/aanLeerling}}.\nEinde', 'leerling')).toBe(
      'Groet, ook aan je ouders.\nEinde',
    );
    expect(textFor('{{#aanOuders}}u{{/aanOuders}}\nje', 'leerling')).toBe('\nje');
    expect(textFor('{{#aanOuders}}\nu\n{{/aanOuders}}\nje', 'leerling')).toBe('je');
    expect(textFor('Zonder blokken.', 'leerling')).toBe('Zonder blokken.');
    // A marker with text before it keeps its line, even when nothing follows it.
    expect(textFor('Tekst {{#aanLeerling}}\nvoor jou\n{{/aanLeerling}}\nEinde', 'ouders')).toBe('Tekst Einde');
  });
});

describe('fieldsUsed and hasAddresseeBlocks', () => {
  it('lists the known fields of all texts, not the block markers or misspelt names', () => {
    expect([...fieldsUsed('Over {{leerling.naam}}', '{{#aanOuders}}{{ Datum }} {{datumm}}\n\n{{acties}}{{/aanOuders}}')]).toEqual([
      'leerling.naam',
      'datum',
      'acties',
    ]);
    expect(fieldsUsed()).toEqual(new Set());
  });

  it('tells whether a template holds text for one addressee', () => {
    expect(hasAddresseeBlocks('a {{#aanLeerling}}b{{/aanLeerling}}')).toBe(true);
    expect(hasAddresseeBlocks('a {{leerling.naam}}')).toBe(false);
    expect(hasAddresseeBlocks('a {{#aanIedereen}}b')).toBe(false);
  });
});

describe('TemplateError', () => {
  it('carries every problem, in a Dutch message', () => {
    const error = new TemplateError(['Eén.', 'Twee.']);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TemplateError');
    expect(error.message).toBe('Het sjabloon bevat fouten: Eén. Twee.');
    expect(error.problems).toEqual(['Eén.', 'Twee.']);
  });
});
