import type { z } from 'zod';

/**
 * What may be typed (or pasted) into a name, an identifier or a line of text. Invisible control
 * characters do harm far from where they were typed: a NUL cuts a string short in C code, a line
 * break in a name adds a line to a calendar file or a CSV, and a bidi override (U+202A–U+202E,
 * U+2066–U+2069) shows "Jan" where "naJ" is stored, so two names that look alike are not the same.
 * In one line, invisible characters are refused too: a direction mark (U+200E, U+200F, U+061C)
 * or a zero-width space, joiner or soft hyphen makes "Jansen" and "Jan\u200Bsen" two names.
 */

const BIDI_CONTROLS = '\\u202A-\\u202E\\u2066-\\u2069';
/** Direction marks and characters that take no width: soft hyphen, zero-width space/joiners, word joiner, BOM. */
const INVISIBLE = '\\u00AD\\u061C\\u180E\\u200B\\u200C\\u200E\\u200F\\u2060-\\u2064\\uFEFF';
/** The combining grapheme joiner: outside the class, where it would combine with the character before it. */
const GRAPHEME_JOINER = '\\u034F';
/** A zero-width joiner is allowed only where it joins two emoji into one ("👩‍👧"); anywhere else it hides. */
const STRAY_JOINER = '(?<!\\p{Extended_Pictographic}(?:\\u{FE0F}|[\\u{1F3FB}-\\u{1F3FF}])?)\\u200D|\\u200D(?!\\p{Extended_Pictographic})';

/**
 * One line: no C0 or C1 control character (tab and line breaks included), no DEL, no line or paragraph separator, no
 * bidi control, nothing invisible.
 */
const CONTROLS_AND_SEPARATORS = '\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029';
const notInOneLine = new RegExp(`[${CONTROLS_AND_SEPARATORS}${BIDI_CONTROLS}${INVISIBLE}]|${GRAPHEME_JOINER}|${STRAY_JOINER}`, 'u');

/**
 * Several lines (minutes, answers, pasted from anywhere): only NUL and bidi controls are refused.
 * Other C0 characters (a form feed from a PDF) do no harm there: the Word export drops them.
 */
const notInLongText = new RegExp(`[\\u0000${BIDI_CONTROLS}]`, 'u');

/** Whether a one-line text (a name, a code, a title) holds only characters one can see. */
export function isPlainLine(text: string): boolean {
  return !notInOneLine.test(text);
}

/** Whether a text of several lines is free of NUL and bidi controls. */
export function isPlainLongText(text: string): boolean {
  return !notInLongText.test(text);
}

const capitalised = (label: string) => `${label[0]!.toUpperCase()}${label.slice(1)}`;

/**
 * The Dutch message for a field that holds one: `label` names the field as a sentence would
 * ("de naam", "het leerlingnummer").
 */
export function controlCharacterMessage(label: string, kind: 'line' | 'long' = 'line'): string {
  const examples =
    kind === 'line'
      ? 'een tab, een regeleinde, een spatie zonder breedte of een teken dat de leesrichting bepaalt'
      : 'een nulteken of een teken dat de leesrichting omdraait';
  return `${capitalised(label)} bevat een onzichtbaar stuurteken (${examples}). Typ de tekst opnieuw in plaats van hem te plakken.`;
}

/** A one-line field (name, code, title) that refuses control characters, its message naming `label`. */
export function plainLine<S extends z.ZodType<string>>(schema: S, label: string): S {
  return schema.refine(isPlainLine, { error: controlCharacterMessage(label) });
}

/** A field of several lines (minutes, answers, a letter) that refuses NUL and bidi controls. */
export function plainLongText<S extends z.ZodType<string>>(schema: S, label: string): S {
  return schema.refine(isPlainLongText, { error: controlCharacterMessage(label, 'long') });
}

/** A field's name in the input → how a sentence names it ("de roepnaam"). */
type FieldLabels<T> = Partial<Record<keyof T & string, string>>;

/**
 * The same rule for an object's fields, checked on the input alone: the shapes of students,
 * series or settings also describe what the backend answers, and a row stored before this rule
 * (or imported) must still be readable. A field may hold a string or a list of strings.
 */
export function plainTextFields<S extends z.ZodType<object>>(
  schema: S,
  lines: FieldLabels<z.output<S>>,
  long: FieldLabels<z.output<S>> = {},
): S {
  return schema.superRefine((value, ctx) => {
    const fields = value as Record<string, unknown>;
    const check = (labels: Record<string, string | undefined>, ok: (text: string) => boolean, kind: 'line' | 'long') => {
      for (const [key, label] of Object.entries(labels)) {
        const field = fields[key];
        const texts =
          typeof field === 'string' ? [field] : Array.isArray(field) ? field.filter((t): t is string => typeof t === 'string') : [];
        if (label && !texts.every(ok)) ctx.addIssue({ code: 'custom', path: [key], message: controlCharacterMessage(label, kind) });
      }
    };
    check(lines, isPlainLine, 'line');
    check(long, isPlainLongText, 'long');
  });
}
