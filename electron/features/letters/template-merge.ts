/**
 * Merging a template with the values of one letter into plain blocks for the Word builder. Pure:
 * no I/O. A template with problems (template-syntax.ts) is never merged.
 */
import type { LetterBlock } from '../../export/docx/models';
import { joinDutch } from './letter-values';
import { placeholderByName as byName, type Addressee, type LetterValues, type PlaceholderName } from './placeholder-catalogue';
import { fieldsUsed, parseTemplate, TemplateError, templateProblems, textFor, type TemplatePart } from './template-syntax';

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
