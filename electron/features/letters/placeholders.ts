/**
 * Letter templates: text with `{{placeholders}}` that the coordinator edits, merged per letter into
 * plain blocks for the Word builder. Pure: no I/O, the date is always given.
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
import type { LetterBlock } from '../../export/docx/models';
import { longDate, weekdayLongDate } from '../../shared/dutch-dates';
import { consentPurposes, type ConsentPurpose, type IsoDate } from '../consent/rules';
import { decisionLabels, type DecisionType } from '../minutes/vocabulary';
import { fullName } from '../people/names';

export const placeholderGroups = [
  { key: 'leerling', label: 'Leerling' },
  { key: 'ouders', label: 'Ouders' },
  { key: 'overleg', label: 'Overleg' },
  { key: 'besluit', label: 'Besluit' },
  { key: 'acties', label: 'Acties' },
  { key: 'toestemming', label: 'Toestemming' },
  { key: 'coordinator', label: 'Coördinator' },
  { key: 'school', label: 'School' },
  { key: 'brief', label: 'Brief' },
] as const;
export type PlaceholderGroup = (typeof placeholderGroups)[number]['key'];

/**
 * kind 'text': one string. 'list': several strings, 'actions': what/who/when; both become a
 * bulleted list when the placeholder stands alone on its line, and "a, b en c" inside a sentence.
 * `ifMissing` is what the letter says when the value is unknown: never the placeholder itself.
 */
export const placeholders = [
  {
    name: 'leerling.roepnaam',
    group: 'leerling',
    kind: 'text',
    description: 'Roepnaam van de leerling, bijv. „Zoë”.',
    ifMissing: 'uw kind',
  },
  {
    name: 'leerling.naam',
    group: 'leerling',
    kind: 'text',
    description: 'Volledige naam van de leerling, bijv. „Zoë de Vries”.',
    ifMissing: 'uw kind',
  },
  {
    name: 'leerling.klas',
    group: 'leerling',
    kind: 'text',
    description: 'Klas van de leerling, bijv. „2B”.',
    ifMissing: '—',
  },
  {
    name: 'leerling.leerlingnummer',
    group: 'leerling',
    kind: 'text',
    description: 'Leerlingnummer, bijv. „500101”.',
    ifMissing: '—',
  },
  {
    name: 'ouders.namen',
    group: 'ouders',
    kind: 'list',
    description: 'Namen van de ouders/verzorgers aan wie de brief is gericht, bijv. „Sanne de Vries en Pieter de Vries”.',
    ifMissing: 'ouder(s)/verzorger(s)',
  },
  {
    name: 'overleg.naam',
    group: 'overleg',
    kind: 'text',
    description: 'Naam van het overleg, bijv. „ZAT”.',
    ifMissing: 'het ondersteuningsoverleg',
  },
  {
    name: 'overleg.datum',
    group: 'overleg',
    kind: 'text',
    description: 'Datum van het overleg, bijv. „donderdag 12 november 2026”.',
    ifMissing: '(datum volgt)',
  },
  {
    name: 'overleg.tijd',
    group: 'overleg',
    kind: 'text',
    description: 'Tijd waarop de leerling aan de beurt is (anders het begin van het overleg), bijv. „14.20 uur”.',
    ifMissing: '(tijd volgt)',
  },
  {
    name: 'overleg.locatie',
    group: 'overleg',
    kind: 'text',
    description: 'Waar het overleg is, bijv. „Vergaderkamer”.',
    ifMissing: '(plaats volgt)',
  },
  {
    name: 'besluit',
    group: 'besluit',
    kind: 'text',
    description:
      'Het besluit en de toelichting die naar ouders mag, bijv. „Basisondersteuning op school. Zoë gaat twee keer per week naar de huiswerkklas.”',
    ifMissing: 'er is nog geen besluit genomen',
  },
  {
    name: 'acties',
    group: 'acties',
    kind: 'actions',
    description: 'De afspraken over de leerling die naar ouders mogen: wat, wie, wanneer. Op een eigen regel wordt dit een opsomming.',
    ifMissing: 'er zijn geen acties afgesproken',
  },
  {
    name: 'toestemming.doelen',
    group: 'toestemming',
    kind: 'list',
    description:
      'Waarvoor toestemming wordt gevraagd, bijv. „uw kind bespreken in een overleg met organisaties van buiten school”. Op een eigen regel wordt dit een opsomming.',
    ifMissing: '—',
  },
  {
    name: 'toestemming.partners',
    group: 'toestemming',
    kind: 'list',
    description: 'Met welke organisaties, bijv. „Kwadraad (jeugdhulp) en GGD (jeugdarts)”. Op een eigen regel wordt dit een opsomming.',
    ifMissing: '—',
  },
  {
    name: 'coordinator.naam',
    group: 'coordinator',
    kind: 'text',
    description: 'Naam van de coördinator die de brief ondertekent, bijv. „Anna Wolters”.',
    ifMissing: 'de ondersteuningscoördinator',
  },
  {
    name: 'coordinator.functie',
    group: 'coordinator',
    kind: 'text',
    description: 'Functie van de coördinator, bijv. „ondersteuningscoördinator”.',
    ifMissing: 'ondersteuningscoördinator',
  },
  {
    name: 'coordinator.email',
    group: 'coordinator',
    kind: 'text',
    description: 'E-mailadres van de coördinator.',
    ifMissing: '—',
  },
  {
    name: 'school.naam',
    group: 'school',
    kind: 'text',
    description: 'Naam van de school, bijv. „Lindeboom College”.',
    ifMissing: 'onze school',
  },
  {
    name: 'school.telefoon',
    group: 'school',
    kind: 'text',
    description: 'Telefoonnummer van de school.',
    ifMissing: '—',
  },
  { name: 'school.email', group: 'school', kind: 'text', description: 'E-mailadres van de school.', ifMissing: '—' },
  {
    name: 'datum',
    group: 'brief',
    kind: 'text',
    description: 'Datum van de brief, bijv. „1 december 2026”.',
    ifMissing: '—',
  },
] as const satisfies readonly {
  name: string;
  group: PlaceholderGroup;
  kind: 'text' | 'list' | 'actions';
  description: string;
  ifMissing: string;
}[];

type PlaceholderDef = (typeof placeholders)[number];
export type PlaceholderName = PlaceholderDef['name'];

/** One agreed action as a parent reads it; `who` is a name or role a parent knows, never a staff code. */
export interface LetterAction {
  what: string;
  who: string | null;
  /** Already worded: "uiterlijk 1 december 2026". */
  when: string | null;
}

type ValueOf<D extends PlaceholderDef> = D['kind'] extends 'text' ? string : D['kind'] extends 'list' ? string[] : LetterAction[];

/** The values of one letter; a missing or empty value prints the placeholder's `ifMissing` text. */
export type LetterValues = { [D in PlaceholderDef as D['name']]?: ValueOf<D> | null };

const byName = new Map<string, PlaceholderDef>(placeholders.map((p) => [p.name, p]));

/** Who a letter speaks to: the parents ("u", "uw kind"), or the student of 16 or older ("je"). */
export type Addressee = 'ouders' | 'leerling';

/** The blocks that hold text for one addressee only. */
export const addresseeSections = [
  { name: 'aanOuders', addressee: 'ouders', description: 'Alleen in de brief aan de ouders (u, uw kind).' },
  {
    name: 'aanLeerling',
    addressee: 'leerling',
    description: 'Alleen in de brief aan de leerling zelf, vanaf 16 jaar (je).',
  },
] as const satisfies readonly { name: string; addressee: Addressee; description: string }[];

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
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
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
  while (rest !== '') {
    const open = rest.indexOf(OPEN);
    const close = rest.indexOf(CLOSE);
    if (open === -1 && close === -1) {
      parts.push(...textParts(rest));
      break;
    }
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
    if (end === -1 || (reopen !== -1 && reopen < end)) {
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
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i]!;
      const above = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
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

/** How the family gets in touch: a letter that names these must not print "—" for them. */
const contactFields = {
  'school.telefoon': 'het telefoonnummer van de school',
  'school.email': 'het e-mailadres van de school',
  'coordinator.email': 'het e-mailadres voor de brieven (het e-mailadres van de school)',
  'coordinator.naam': 'de naam van wie de brieven ondertekent',
} as const satisfies Partial<Record<PlaceholderName, string>>;

/**
 * The school's contact fields this template names but that are empty, in words for the
 * coordinator: the letter would otherwise tell a family to call "—". Checked before letters are
 * made, so it is filled in under Instellingen → School en briefhoofd first.
 */
export function emptyContactFields(template: { subject: string; body: string }, values: LetterValues): string[] {
  const used = fieldsUsed(template.subject, template.body);
  return (Object.keys(contactFields) as (keyof typeof contactFields)[])
    .filter((name) => used.has(name) && textValue(name, values).trim() === '')
    .map((name) => `{{${name}}}: ${contactFields[name]} is niet ingevuld`);
}

/** Whether the template holds text for one addressee only (else both read the same letter). */
export const hasAddresseeBlocks = (text: string) => sectionMarkers(text).markers.length > 0;

export class TemplateError extends Error {
  constructor(readonly problems: string[]) {
    super(`Het sjabloon bevat fouten: ${problems.join(' ')}`);
    this.name = 'TemplateError';
  }
}

// ---------------------------------------------------------------------------------------------
// Merging

/**
 * The letter's body: every placeholder filled. A list or actions placeholder alone on its line
 * becomes a bulleted list between the paragraph's other lines. Throws TemplateError when the
 * template has problems, rather than send a letter with a hole in it.
 */
export function mergeTemplate(text: string, values: LetterValues, addressee: Addressee = 'ouders'): LetterBlock[] {
  const problems = templateProblems(text);
  if (problems.length > 0) throw new TemplateError(problems);
  const blocks: LetterBlock[] = [];
  for (const paragraph of parseTemplate(textFor(text, addressee))) {
    let lines: string[] = [];
    const flush = () => {
      const merged = lines.join('\n').trim();
      if (merged !== '') blocks.push({ kind: 'paragraph', text: merged });
      lines = [];
    };
    const [first, ...rest] = paragraph.lines;
    // "Wat hebben we besloten?" on a line of its own above the text it asks about: a heading.
    const question = first !== undefined && rest.length > 0 ? questionHeading(first) : null;
    if (question !== null) blocks.push({ kind: 'paragraph', text: question, heading: true });
    for (const line of question === null ? paragraph.lines : rest) {
      const alone = standaloneList(line);
      if (alone === null) {
        lines.push(mergeLine(line, values));
        continue;
      }
      flush();
      const items = listItems(alone, values);
      blocks.push(
        items.length > 0 ? { kind: 'list', items } : { kind: 'paragraph', text: asSentence(byName.get(alone)?.ifMissing ?? '—') },
      );
    }
    flush();
  }
  return blocks;
}

/** A one-line text such as a subject: paragraphs and lines joined with spaces, lists inline. */
export function mergeText(text: string, values: LetterValues, addressee: Addressee = 'ouders'): string {
  return mergeTemplate(text, values, addressee)
    .map((block) => (block.kind === 'paragraph' ? block.text : joinDutch(block.items)))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A paragraph's first line that is only text and ends in a question mark: what the lines under it answer. */
function questionHeading(line: TemplatePart[]): string | null {
  if (!line.every((part) => part.kind === 'text')) return null;
  const text = line
    .map((part) => (part.kind === 'text' ? part.text : ''))
    .join('')
    .trim();
  return text.endsWith('?') ? text : null;
}

function standaloneList(line: TemplatePart[]): PlaceholderName | null {
  const meaningful = line.filter((part) => !(part.kind === 'text' && part.text.trim() === ''));
  const only = meaningful[0];
  if (meaningful.length !== 1 || only === undefined || only.kind !== 'field') return null;
  return byName.get(only.name)?.kind === 'text' ? null : only.name;
}

function mergeLine(line: TemplatePart[], values: LetterValues): string {
  let out = '';
  for (const part of line) {
    if (part.kind === 'text') out += part.text;
    else if (part.kind === 'field') out += inlineValue(part.name, values, atSentenceStart(out));
  }
  return out.trimEnd();
}

function atSentenceStart(before: string): boolean {
  return before.trim() === '' || /[.!?]\s+$/.test(before);
}

function inlineValue(name: PlaceholderName, values: LetterValues, sentenceStart: boolean): string {
  const def = byName.get(name)!;
  let text: string;
  if (def.kind === 'text') text = clean(textValue(name, values));
  else text = joinDutch(def.kind === 'actions' ? actionItems(values, 'inline') : listItems(name, values));
  if (text !== '') return text;
  return sentenceStart ? capitalize(def.ifMissing) : def.ifMissing;
}

function textValue(name: PlaceholderName, values: LetterValues): string {
  const value: unknown = values[name];
  return typeof value === 'string' ? value : '';
}

function listItems(name: PlaceholderName, values: LetterValues): string[] {
  if (byName.get(name)?.kind === 'actions') return actionItems(values, 'list');
  const value: unknown = values[name];
  if (!Array.isArray(value)) return [];
  return value.map((item) => (typeof item === 'string' ? oneLine(item) : '')).filter((item) => item !== '');
}

/** "Wat — wie — wanneer" in a list; "wat (wie, wanneer)" inside a sentence. Unknown parts are left out. */
function actionItems(values: LetterValues, style: 'list' | 'inline'): string[] {
  return (values.acties ?? []).flatMap((action) => {
    const what = oneLine(action.what);
    const details = [action.who, action.when].map((part) => oneLine(part ?? '')).filter((part) => part !== '');
    if (what === '') return [];
    if (style === 'list') return [[what, ...details].join(' — ')];
    return [details.length === 0 ? what : `${what} (${details.join(', ')})`];
  });
}

/**
 * A value as printed: trimmed, blank lines folded into one line break, and braces turned into
 * parentheses, so that no value (however it was typed) can put a `{{` or `}}` into a letter.
 */
function clean(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n\s*\n/g, '\n')
    .replaceAll('{', '(')
    .replaceAll('}', ')')
    .trim();
}

function oneLine(value: string): string {
  return clean(value).replace(/\s+/g, ' ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A standalone replacement paragraph: capitalised, with a full stop when it ends in a word. */
function asSentence(text: string): string {
  const sentence = capitalize(text);
  return /[\p{L}\p{N})]$/u.test(sentence) ? `${sentence}.` : sentence;
}

/** "a", "a en b", "a, b en c". */
export function joinDutch(items: string[], last: 'en' | 'of' = 'en'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// From the case to the values

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
