import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  controlCharacterMessage,
  isPlainLine,
  isPlainLongText,
  plainLine,
  plainLongText,
  plainTextFields,
} from '../../electron/shared/plain-text';

/** Characters no name may hold: every C0 and C1 control, DEL, line and paragraph separators, bidi controls. */
const controls = [...Array(0x20).keys(), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i)].map((c) => String.fromCharCode(c));
const bidi = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const separators = ['\u2028', '\u2029'];
/** Characters one cannot see: direction marks, zero-width space and (non-)joiners, word joiner, BOM, soft hyphen. */
const invisible = ['\u200E', '\u200F', '\u061C', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u034F'];

/** One character: often ASCII (controls included), sometimes any code point. */
const anyChar = fc.oneof(
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

/** Any character except the refused ones, astral ones included. */
const refused = new Set([...controls, ...bidi, ...separators, ...invisible]);
/** Visible text; a zero-width joiner only inside an emoji sequence (a family, a skin tone). */
const visibleText = fc
  .array(
    fc.oneof(
      anyChar.filter((c) => ![...c].some((u) => refused.has(u))),
      fc.constantFrom('é', 'ë', "'", '-', ' ', 'ı', 'ß', 'ن', 'ש', '🙂', '👩\u200D👧', '👨🏽\u200D💻'),
    ),
  )
  .map((units) => units.join(''));
/** Refused wherever they stand (a joiner between two emoji is not: the cases above cover it). */
const refusedAnywhere = [...refused].filter((c) => c !== '\u200D');

describe('isPlainLine: names, codes, titles', () => {
  it('accepts the names a Dutch school has', () => {
    for (const name of [
      "Zoë van 't Hof",
      'Anaïs Öztürk',
      "'s-Hertogenbosch",
      'Yılmaz',
      'Nguyễn Thị Mai',
      'محمد',
      'שרה',
      'Jean-Luc',
      'IOT 2B/3C',
      'Leerplicht (RBL) Utrecht',
      '👩‍👧 ouders',
    ]) {
      expect(isPlainLine(name), name).toBe(true);
    }
  });

  it.each([
    ['NUL', 'Jan\u0000sen'],
    ['tab', 'Jan\tsen'],
    ['line feed', 'ZAT\nATTENDEE:x'],
    ['carriage return', 'ZAT\rX'],
    ['escape', 'IOT\u001b[2J'],
    ['DEL', 'a\u007fb'],
    ['next line (C1)', 'a\u0085b'],
    ['line separator', 'a\u2028b'],
    ['right-to-left override', 'Jan\u202Enesnaj'],
    ['left-to-right embedding', '\u202Aabc'],
    ['first strong isolate', 'a\u2068b\u2069'],
    ['left-to-right mark', 'Jan\u200Esen'],
    ['right-to-left mark', '\u200FJansen'],
    ['zero-width space', 'Jan\u200Bsen'],
    ['zero-width non-joiner', 'Jan\u200Csen'],
    ['zero-width joiner between letters', 'Jan\u200Dsen'],
    ['zero-width joiner after an emoji, before a letter', '🙂\u200Dx'],
    ['word joiner', 'Jan\u2060sen'],
    ['byte order mark', '\uFEFFJansen'],
    ['soft hyphen', 'Jan\u00ADsen'],
  ])('refuses a %s', (_what, text) => {
    expect(isPlainLine(text)).toBe(false);
  });

  it('property: visible text passes; one refused character anywhere fails it', () => {
    fc.assert(
      fc.property(visibleText, visibleText, fc.constantFrom(...refusedAnywhere), (before, after, control) => {
        expect(isPlainLine(before + after)).toBe(true);
        expect(isPlainLine(before + control + after)).toBe(false);
      }),
    );
  });
});

describe('isPlainLongText: minutes, answers, letters', () => {
  it('keeps line breaks and tabs, and characters a paste from Word or a PDF brings along', () => {
    expect(isPlainLongText('Eerste regel\r\nTweede\tregel\nDerde\u000bvierde\u000c')).toBe(true);
  });

  it.each([
    ['NUL', 'tekst\u0000'],
    ['right-to-left override', 'tekst \u202E'],
    ['pop directional isolate', '\u2069'],
  ])('refuses a %s', (_what, text) => {
    expect(isPlainLongText(text)).toBe(false);
  });

  it('property: every plain line is plain long text; NUL and bidi controls never are', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyChar }), fc.constantFrom('\u0000', ...bidi), (text, control) => {
        if (isPlainLine(text)) expect(isPlainLongText(text)).toBe(true);
        expect(isPlainLongText(text + control)).toBe(false);
      }),
    );
  });
});

describe('the rule in a schema', () => {
  it('names the field in Dutch', () => {
    expect(controlCharacterMessage('de naam')).toBe(
      'De naam bevat een onzichtbaar stuurteken (een tab, een regeleinde, een spatie zonder breedte of een ' +
        'teken dat de leesrichting bepaalt). Typ de tekst opnieuw in plaats van hem te plakken.',
    );
    expect(controlCharacterMessage('het antwoord', 'long')).toMatch(/^Het antwoord bevat een onzichtbaar stuurteken \(een nulteken/);
  });

  it('plainLine and plainLongText refuse with that message, after trimming', () => {
    const name = plainLine(z.string().trim().min(1), 'de roepnaam');
    expect(name.parse('  Daan\n')).toBe('Daan');
    expect(name.safeParse('Da\u202Ean').error?.issues[0]?.message).toBe(controlCharacterMessage('de roepnaam'));
    const minutes = plainLongText(z.string(), 'de tekst');
    expect(minutes.parse('a\n\tb')).toBe('a\n\tb');
    expect(minutes.safeParse('a\u0000').error?.issues[0]?.message).toBe(controlCharacterMessage('de tekst', 'long'));
  });

  it('plainTextFields checks the input by field, lists included, and leaves the shape it wraps alone', () => {
    const staff = z.object({
      name: z.string(),
      functions: z.array(z.string()),
      note: z.string().nullable(),
      remarks: z.string(),
    });
    const input = plainTextFields(staff, { name: 'de naam', functions: 'een functie', note: 'de notitie' }, { remarks: 'de opmerkingen' });
    const ok = { name: 'Anna Wolters', functions: ['LLCO', 'mentor'], note: null, remarks: 'regel 1\nregel 2' };
    expect(input.parse(ok)).toEqual(ok);
    const issues =
      input.safeParse({ name: 'Anna\tWolters', functions: ['LLCO', 'men\u2067tor'], note: 'x\ny', remarks: 'a\u0000' }).error?.issues ?? [];
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', controlCharacterMessage('de naam')],
      ['functions', controlCharacterMessage('een functie')],
      ['note', controlCharacterMessage('de notitie')],
      ['remarks', controlCharacterMessage('de opmerkingen', 'long')],
    ]);
    // What the backend answers with the same shape still reads a row stored before the rule.
    expect(staff.safeParse({ ...ok, name: 'Anna\tWolters' }).success).toBe(true);
  });
});
