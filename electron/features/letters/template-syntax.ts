/**
 * Letter templates: text with `{{placeholders}}` that the coordinator edits. This file reads the
 * template and names its problems; template-merge.ts fills it in. Pure: no I/O.
 *
 * Placeholder names are case-, accent- and space-insensitive (`{{ Coördinator.Naam }}` is
 * `{{coordinator.naam}}`), because coordinators type them by hand; anything that is not exactly
 * one known name is a problem, and a template with problems is never merged, so a parent never
 * receives a letter with `{{…}}` in it.
 *
 * One template serves both addressees: the parents, and a student of 16 or older written to
 * directly ("je"). Text for one of them only stands between `{{#aanOuders}}` and `{{/aanOuders}}`
 * or `{{#aanLeerling}}` and `{{/aanLeerling}}`; everything outside such a block goes to both.
 */
import { joinDutch } from './letter-values';
import {
  addresseeSections,
  placeholderByName as byName,
  placeholders,
  type Addressee,
  type PlaceholderName,
} from './placeholder-catalogue';

const sectionByName = new Map<string, (typeof addresseeSections)[number]>(addresseeSections.map((s) => [s.name.toLowerCase(), s]));

// ---------------------------------------------------------------------------------------------
// Parsing

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'field'; name: PlaceholderName }
  /** Something that must be fixed before the template can be merged. */
  | { kind: 'problem'; raw: string; message: string };

/** A paragraph's lines; a single newline in the template is a line break inside the paragraph. */
export interface TemplateParagraph {
  lines: TemplatePart[][];
}

/** Lower case, no accents, no spaces: how names are compared. */
function normalizeName(raw: string): string {
  return (
    raw
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      // Stryker disable next-line Regex: removing each space or a run of them at once is the same
      .replace(/\s+/g, '')
      .toLowerCase()
  );
}

/** Paragraphs split on blank lines; empty paragraphs (leading/trailing/double blank lines) vanish. */
export function parseTemplate(text: string): TemplateParagraph[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\s*\n|\n\s*$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => ({ lines: paragraph.split('\n').map(parseLine) }));
}

const OPEN = '{{';
const CLOSE = '}}';

/** A placeholder never spans lines: an `{{` without `}}` on its own line is unclosed. */
function parseLine(line: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let rest = line;
  // Stryker disable next-line StringLiteral: an empty rest ends in the first branch's break as well
  while (rest !== '') {
    const open = rest.indexOf(OPEN);
    const close = rest.indexOf(CLOSE);
    if (open === -1 && close === -1) {
      parts.push(...textParts(rest));
      break;
    }
    // Stryker disable next-line EqualityOperator: `{{` and `}}` never start at the same index
    if (close !== -1 && (open === -1 || close < open)) {
      parts.push(...textParts(rest.slice(0, close)));
      parts.push({ kind: 'problem', raw: CLOSE, message: strayClose(rest.slice(0, close)) });
      rest = rest.slice(close + CLOSE.length);
      continue;
    }
    parts.push(...textParts(rest.slice(0, open)));
    const after = rest.slice(open + OPEN.length);
    const end = after.indexOf(CLOSE);
    const reopen = after.indexOf(OPEN);
    // Stryker disable next-line EqualityOperator: `{{` and `}}` never start at the same index
    if (end === -1 || (reopen !== -1 && reopen < end)) {
      // Stryker disable next-line OptionalChaining,Regex,StringLiteral: the pattern matches at 0 (if need be, empty), so never null
      const raw = OPEN + (after.match(/^\s*\S*/)?.[0] ?? '');
      parts.push({ kind: 'problem', raw, message: `Niet afgesloten veld ${raw.trim()} — zet }} achter de veldnaam.` });
      rest = after.slice(raw.length - OPEN.length);
      continue;
    }
    parts.push(fieldPart(after.slice(0, end)));
    rest = after.slice(end + CLOSE.length);
  }
  return parts;
}

function fieldPart(content: string): TemplatePart {
  const raw = `${OPEN}${content.trim()}${CLOSE}`;
  const normalized = normalizeName(content);
  if (normalized === '') {
    return { kind: 'problem', raw, message: 'Leeg veld {{}} — vul een veldnaam in of haal de haken weg.' };
  }
  const known = byName.get(normalized);
  if (known !== undefined) return { kind: 'field', name: known.name };
  const section = sectionByName.get(normalized.replace(/^[#/]/, ''));
  if (section !== undefined) {
    return {
      kind: 'problem',
      raw,
      message: `${raw} is geen veld: zet tekst tussen {{#${section.name}}} en {{/${section.name}}}.`,
    };
  }
  return { kind: 'problem', raw, message: unknownField(raw, normalized) };
}

/**
 * Literal text, except a known name in single braces ("{leerling.naam}"): that is a misspelt
 * placeholder and would otherwise be printed as it stands.
 */
function textParts(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of text.matchAll(/(?<!\{)\{([^{}]+)\}(?!\})/g)) {
    // Stryker disable next-line StringLiteral: a capture group that always takes part is never undefined
    const known = byName.get(normalizeName(match[1] ?? ''));
    if (known === undefined) continue;
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    parts.push({
      kind: 'problem',
      raw: match[0],
      message: `Veld ${match[0]} heeft enkele haken — schrijf {{${known.name}}}.`,
    });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

function strayClose(before: string): string {
  const context = before.slice(-20).trimStart();
  return context === '' ? 'Losse }} zonder {{ ervoor, aan het begin van een regel.' : `Losse }} zonder {{ ervoor, na „${context}”.`;
}

const MAX_SUGGESTIONS = 4;

function unknownField(raw: string, normalized: string): string {
  const suggestions = suggestNames(normalized);
  if (suggestions.length === 0) return `Onbekend veld ${raw} — kies een veld uit de lijst.`;
  return `Onbekend veld ${raw} — bedoel je ${joinDutch(
    suggestions.map((name) => `{{${name}}}`),
    'of',
  )}?`;
}

/**
 * The nearest known names: a close spelling ("leerling.naam2", "leerlingnaam"), the part after the
 * dot ("roepnaam"), or a group name ("coordinator").
 */
function suggestNames(input: string): PlaceholderName[] {
  const names = placeholders.map((p) => p.name);
  const bare = input.replace(/^\.+|\.+$/g, '');
  const bySuffix = names.filter((name) => name.split('.').pop() === bare);
  const byGroup = names.filter((name) => name.startsWith(`${bare}.`));
  const byDistance = names
    .map((name) => ({ name, distance: editDistance(input, name) }))
    .filter(({ name, distance }) => distance <= Math.max(2, Math.floor(name.length / 4)));
  const best = Math.min(...byDistance.map(({ distance }) => distance));
  const closest = byDistance.filter(({ distance }) => distance === best).map(({ name }) => name);
  return [...new Set([...closest, ...bySuffix, ...byGroup])].slice(0, MAX_SUGGESTIONS);
}

/** Levenshtein distance, with a swap of two neighbours counting as one edit ("leerlign"). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    // The first row and column: deleting or inserting a prefix. The rest is filled in below.
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : i)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      const above = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      // At i = 1 or j = 1, a[-1] or b[-1] is undefined: no swap there.
      if (a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
      }
    }
  }
  return rows[a.length]![b.length]!;
}

/** Every problem once, in the order they occur; empty when the template can be merged. */
export function templateProblems(text: string): string[] {
  const { problems } = sectionMarkers(text);
  const messages = parseTemplate(withoutMarkers(text)).flatMap((paragraph) =>
    paragraph.lines.flatMap((line) => line.flatMap((part) => (part.kind === 'problem' ? [part.message] : []))),
  );
  return [...new Set([...problems, ...messages])];
}

// ---------------------------------------------------------------------------------------------
// Blocks for one addressee

interface SectionMarker {
  /** Where the marker starts and ends in the text; a marker alone on its line takes the line with it. */
  from: number;
  to: number;
  open: boolean;
  addressee: Addressee;
}

const MARKER = /\{\{\s*([#/])\s*([^{}]*?)\s*\}\}/g;

/** The `{{#…}}` and `{{/…}}` markers of a text, and what is wrong with how they pair up. */
function sectionMarkers(text: string): { markers: SectionMarker[]; problems: string[] } {
  const markers: SectionMarker[] = [];
  const problems: string[] = [];
  let open: { name: string; raw: string } | null = null;
  for (const match of text.matchAll(MARKER)) {
    const raw = match[0];
    const isOpen = match[1] === '#';
    // Stryker disable next-line StringLiteral: a capture group that always takes part is never undefined
    const section = sectionByName.get(normalizeName(match[2] ?? ''));
    if (!section) {
      const names = addresseeSections.map((s) => `{{${match[1]}${s.name}}}`);
      problems.push(`Onbekend blok ${raw} — gebruik ${joinDutch(names, 'of')}.`);
      continue;
    }
    if (isOpen && open) {
      problems.push(`${raw} staat binnen ${open.raw}: sluit dat blok eerst af met {{/${open.name}}}.`);
      continue;
    }
    if (!isOpen && (!open || open.name !== section.name)) {
      problems.push(open ? `${raw} sluit ${open.raw} niet af — schrijf {{/${open.name}}}.` : `${raw} zonder {{#${section.name}}} ervoor.`);
      continue;
    }
    open = isOpen ? { name: section.name, raw } : null;
    markers.push({
      ...lineOf(text, match.index, match.index + raw.length),
      open: isOpen,
      addressee: section.addressee,
    });
  }
  if (open) problems.push(`Blok ${open.raw} is niet afgesloten — zet {{/${open.name}}} aan het eind.`);
  return { markers, problems };
}

/** A marker alone on its line is removed with the line, so the letter gets no empty line for it. */
function lineOf(text: string, from: number, to: number): { from: number; to: number } {
  // Stryker disable next-line ArithmeticOperator: text[from] and text[from + 1] are the marker's braces, never a newline
  const start = text.lastIndexOf('\n', from - 1) + 1;
  const end = text.indexOf('\n', to);
  const lineEnd = end === -1 ? text.length : end;
  const alone = text.slice(start, from).trim() === '' && text.slice(to, lineEnd).trim() === '';
  return alone ? { from: start, to: end === -1 ? lineEnd : end + 1 } : { from, to };
}

/** The text without its block markers, every block kept: what is checked for misspelt fields. */
function withoutMarkers(text: string): string {
  // Unknown blocks are named by sectionMarkers already; here they would read as unknown fields too.
  return text.replace(MARKER, '');
}

/**
 * The text one addressee reads: blocks for the other addressee left out, the markers removed.
 * Only for a template without problems (mergeTemplate checks first).
 */
export function textFor(text: string, addressee: Addressee): string {
  const { markers } = sectionMarkers(text);
  let out = '';
  let at = 0;
  let skipping = false;
  for (const marker of markers) {
    if (!skipping) out += text.slice(at, marker.from);
    skipping = marker.open && marker.addressee !== addressee;
    at = marker.to;
  }
  return skipping ? out : out + text.slice(at);
}

/** The placeholders a template uses, in either addressee's text (the subject and the body). */
export function fieldsUsed(...texts: string[]): Set<PlaceholderName> {
  const used = new Set<PlaceholderName>();
  for (const text of texts) {
    for (const paragraph of parseTemplate(withoutMarkers(text))) {
      for (const line of paragraph.lines) for (const part of line) if (part.kind === 'field') used.add(part.name);
    }
  }
  return used;
}

/** Whether the template holds text for one addressee only (else both read the same letter). */
export const hasAddresseeBlocks = (text: string) => sectionMarkers(text).markers.length > 0;

export class TemplateError extends Error {
  constructor(readonly problems: string[]) {
    super(`Het sjabloon bevat fouten: ${problems.join(' ')}`);
    this.name = 'TemplateError';
  }
}
