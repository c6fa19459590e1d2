import { initials, type PersonName } from '../people/names';

/**
 * Other people's identifiers in free text, for the whole vault at once. Pure: the index is built
 * from every student and guardian (and the team's and partners' names, which stay), once, and then
 * answers any number of texts with one pass over their words — a school of 2,000 students is one
 * map lookup per word, not 2,000 patterns per paragraph.
 *
 * What counts as an identifier: a given name (the roepnaam), a family name with and without its
 * particle, each part of a double name, the full name, their possessive ("Jesses moeder",
 * "Noors"), a student's initials (with the class after them: "N.V. (3B)"; hurried as "NV (3B)" or
 * "n.v., 3b" only with the class) and leerlingnummer (also glued to a word: "lln700104").
 * A name of one word ("Noor", "Visser", "de Jong") counts only when written with a capital: "te
 * jong" is not Sanne de Jong; a name of two words ("noor visser") counts in any case. Staff and
 * partners written in full ("Emma de Boer", "drs. M. Verbeek", "Leerplicht Utrecht") or by their
 * code ("edb") stay; a lone given name that is a pupil's and a staff member's goes (the reading
 * that cannot leak), and `findNames` says so, for the warning while typing — unless the same
 * document names that colleague in full to its reader (`knowing`: the letter's contact "Emma
 * Prins" makes "Emma belt u" stay).
 */

export const NAME_PLACEHOLDER = '[naam]';

/** A student, or a guardian of one, as the index knows them. */
export interface IndexedPerson extends PersonName {
  /** The student this person is, or is a guardian of. */
  studentId: string;
  kind: 'student' | 'guardian';
  studentNumber?: string;
  className?: string;
}

/** Someone whose name in full (or code) stays in any text: the team and the partners. */
export interface Professional {
  name: string;
  code?: string | null;
}

interface Owner {
  studentId: string;
  kind: 'student' | 'guardian';
}

interface Phrase {
  tokens: string[];
  /** Per token: must be written with a capital (a one-word name) — false for particles. */
  capital: boolean[];
  /** Null: a professional's name, kept. */
  owners: Owner[] | null;
}

export interface NameIndex {
  phrases: Map<string, Phrase[]>;
  /** The same phrases by all their tokens, to merge owners while building. */
  byTokens: Map<string, Phrase>;
  initials: Map<string, { owner: Owner; className: string }[]>;
  /** Initials as letters only, lower case, with the class ("nv|3b"): "NV (3B)" and "n.v. (3b)" as typed in a hurry. */
  initialsInClass: Map<string, Owner[]>;
  numbers: Map<string, Owner>;
  codes: Set<string>;
  /** Folded given names of staff: a lone match of one is the hard case the warning names. */
  staffGivenNames: Set<string>;
  size: number;
}

/** Who may be named in a text: per student, the student themselves and their family (guardians). */
export interface Readers {
  student(studentId: string): boolean;
  family(studentId: string): boolean;
  /**
   * Folded words of the colleagues this document names in full to its reader (a letter's contact,
   * an action's holder): one of them written alone ("Emma belt u") stays even when a pupil shares
   * it — the reader already reads that name here, so it tells them nothing, and "[naam] belt u"
   * would mangle the letter.
   */
  colleagues?: ReadonlySet<string>;
}

export const nobody: Readers = { student: () => false, family: () => false };
export const everybody: Readers = { student: () => true, family: () => true };

/** These students (and, when `withFamily`, their guardians) may be named; nobody else. */
export function onlyThese(studentIds: Iterable<string>, withFamily: boolean): Readers {
  const set = new Set(studentIds);
  return { student: (id) => set.has(id), family: (id) => withFamily && set.has(id) };
}

/** The same readers, who also read these colleagues' names in full in the same document. */
export function knowing(readers: Readers, colleagues: readonly string[]): Readers {
  const words = new Set(colleagues.flatMap((name) => wordsOf(name).filter(isCapital).map(fold)));
  return words.size === 0 ? readers : { student: readers.student, family: readers.family, colleagues: words };
}

/** Everyone but these students and their families. */
export function allBut(studentIds: Iterable<string>): Readers {
  const set = new Set(studentIds);
  if (set.size === 0) return everybody;
  return { student: (id) => !set.has(id), family: (id) => !set.has(id) };
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** What may stand between the words of one name: spaces, a hyphen, a dot (drs. M. Verbeek), an apostrophe (van 't Hof). */
const JOIN = /^[\s.\-'’]{1,3}$/u;
const INITIALS = /(?<![\p{L}\p{N}.])\p{Lu}\.(?:\s?\p{L}\.)+/gu;
/**
 * Initials without a capital or without dots, only with a class after them: "NV (3B)", "n.v., 3b".
 * The class is looked ahead at, not taken, so "Noor, NV (3B)" is tried at "Noor" and at "NV".
 */
const LOOSE_INITIALS =
  /(?<![\p{L}\p{N}.])((?:\p{L}\.\s?){2,6}|\p{L}{2,5})(?=(\s*(?:\(\s*([\p{L}\p{N}]{1,6})\s*\)|,\s*([\p{L}\p{N}]{1,6})(?![\p{L}\p{N}]))))/gu;
/** Every run of digits, also inside a word ("lln700104", "nr.700104"): a leerlingnummer is one wherever it stands. */
const DIGITS = /\p{N}+/gu;
const CLASS_AFTER = /^\s*(?:\(\s*([\p{L}\p{N}]{1,6})\s*\)|,\s*([\p{L}\p{N}]{1,6})(?![\p{L}\p{N}]))/u;

/** Lower case without accents: "Çelik" and "celik", "Aydın" and "aydin" are one name. */
export function fold(word: string): string {
  // Most words are plain ASCII: lower case is all they need (and this runs once per word of every text).
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').toLowerCase();
}

const wordsOf = (text: string) => text.match(WORD) ?? [];
const isCapital = (word: string) => {
  const first = word.charAt(0);
  return first !== first.toLocaleLowerCase('nl');
};

function addPhrase(index: NameIndex, words: string[], particles: Set<string>, owner: Owner | null): void {
  if (words.length === 0) return;
  const tokens = words.map(fold);
  if (tokens.join('').length < 2) return;
  const core = tokens.filter((t) => !particles.has(t));
  if (core.length === 0) return;
  // One core word must be capitalised in the text; two or more are a name in any case.
  const capital = tokens.map((t) => core.length === 1 && !particles.has(t));
  const whole = tokens.join(' ');
  const same = index.byTokens.get(whole);
  if (same) {
    if (owner === null) return; // a family's name wins over a professional's: the reading that cannot leak
    if (same.owners === null) same.owners = [owner];
    else if (!same.owners.some((o) => o.studentId === owner.studentId && o.kind === owner.kind)) same.owners.push(owner);
    // The stricter reading wins: a name any owner writes as one word counts only with a capital.
    same.capital = same.capital.map((c, i) => c && capital[i]!);
    return;
  }
  const phrase: Phrase = { tokens, capital, owners: owner ? [owner] : null };
  index.byTokens.set(whole, phrase);
  const list = index.phrases.get(tokens[0]!);
  if (list) list.push(phrase);
  else index.phrases.set(tokens[0]!, [phrase]);
  index.size++;
}

/** The ways one person is written: full, without particle, surname with and without it, each part of a double name, given name. */
function phrasesOf(p: PersonName): { words: string[]; particles: Set<string> }[] {
  const given = wordsOf(p.givenName);
  const infix = wordsOf(p.infix);
  const family = wordsOf(p.familyName);
  // Lower-case words inside a family name ("Bakker-de Jong") are particles too.
  const particles = new Set([...infix, ...family.filter((w) => !isCapital(w))].map(fold));
  const parts = p.familyName
    .split('-')
    .map(wordsOf)
    .filter((w) => w.length > 0);
  const bare = (words: string[]) => words.filter((w) => !particles.has(fold(w)));
  const forms: string[][] = [
    [...given, ...infix, ...family],
    [...given, ...family],
    [...given, ...bare(family)],
    [...infix, ...family],
    family,
    bare(family),
    given,
  ];
  for (const part of parts) forms.push(part, bare(part));
  if (given.length > 1) forms.push(given.slice(0, 1));
  return forms.filter((f) => f.length > 0).map((words) => ({ words, particles }));
}

export function buildNameIndex(people: IndexedPerson[], professionals: Professional[]): NameIndex {
  const index: NameIndex = {
    phrases: new Map(),
    byTokens: new Map(),
    initials: new Map(),
    initialsInClass: new Map(),
    numbers: new Map(),
    codes: new Set(),
    staffGivenNames: new Set(),
    size: 0,
  };
  for (const pro of professionals) {
    const words = wordsOf(pro.name);
    // Only a name of two or more words is kept: "Ali" alone may be a child's.
    if (words.length >= 2) addPhrase(index, words, new Set(), null);
    if (pro.code && pro.code.trim() !== '') index.codes.add(pro.code.trim());
    if (pro.code && words[0]) index.staffGivenNames.add(fold(words[0]));
  }
  for (const person of people) {
    const owner = { studentId: person.studentId, kind: person.kind };
    for (const { words, particles } of phrasesOf(person)) addPhrase(index, words, particles, owner);
    if (person.kind === 'student') {
      const letters = initials(person);
      if (letters.length >= 4) {
        const list = index.initials.get(letters) ?? [];
        list.push({ owner, className: fold(person.className ?? '') });
        index.initials.set(letters, list);
        if (person.className) {
          const key = `${fold(letters.replace(/\./g, ''))}|${fold(person.className)}`;
          index.initialsInClass.set(key, [...(index.initialsInClass.get(key) ?? []), owner]);
        }
      }
      if (person.studentNumber) index.numbers.set(person.studentNumber, owner);
    }
  }
  // Longest first, so "Noor Visser" is tried before "Noor".
  for (const list of index.phrases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

/** A name found in a text that its reader may not read. */
export interface FoundName {
  start: number;
  end: number;
  text: string;
  studentIds: string[];
  /** A lone given name that is also a staff member's: maybe the colleague was meant. */
  alsoStaff: boolean;
}

const mayRead = (owners: Owner[], readers: Readers) =>
  owners.some((o) => (o.kind === 'student' ? readers.student(o.studentId) : readers.family(o.studentId)));

interface Token {
  word: string;
  folded: string;
  start: number;
  end: number;
}

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) tokens.push({ word: m[0], folded: fold(m[0]), start: m.index, end: m.index + m[0].length });
  return tokens;
}

/** The phrase starting at token `at`, longest first; a family's name beats a professional's of the same length. */
function matchAt(index: NameIndex, text: string, tokens: Token[], at: number): { phrase: Phrase; length: number; end: number } | null {
  const first = tokens[at]!;
  const direct = index.phrases.get(first.folded);
  // A possessive of a one-word name: "Jesses", "Noors".
  const possessive =
    first.folded.length > 2 && first.folded.endsWith('s')
      ? index.phrases.get(first.folded.slice(0, -1))?.filter((p) => p.tokens.length === 1)
      : undefined;
  if (!direct && !possessive) return null;
  const candidates = possessive ? [...(direct ?? []), ...possessive] : direct!;
  let best: { phrase: Phrase; length: number; end: number } | null = null;
  for (const phrase of candidates) {
    const n = phrase.tokens.length;
    if (at + n > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const token = tokens[at + k]!;
      const want = phrase.tokens[k]!;
      const last = k === n - 1;
      ok = token.folded === want || (last && token.folded === `${want}s` && want.length >= 2);
      if (ok && k > 0) ok = JOIN.test(text.slice(tokens[at + k - 1]!.end, token.start));
      if (ok && phrase.capital[k]) ok = isCapital(token.word);
    }
    if (!ok) continue;
    if (!best || n > best.length || (n === best.length && best.phrase.owners === null && phrase.owners !== null)) {
      best = { phrase, length: n, end: tokens[at + n - 1]!.end };
    }
  }
  return best;
}

/** Every identifier in `text` of someone `readers` may not read, in order. */
export function findNames(index: NameIndex, text: string, readers: Readers): FoundName[] {
  if (text === '') return [];
  const found: FoundName[] = [];
  const taken: [number, number][] = [];
  for (const m of text.matchAll(INITIALS)) {
    const letters = m[0].replace(/\s/g, '');
    const owners = index.initials.get(letters);
    if (
      !owners ||
      mayRead(
        owners.map((o) => o.owner),
        readers,
      )
    )
      continue;
    let end = m.index + m[0].length;
    const after = CLASS_AFTER.exec(text.slice(end));
    const klass = after ? fold(after[1] ?? after[2] ?? '') : '';
    if (after && owners.some((o) => o.className !== '' && o.className === klass)) end += after[0].length;
    found.push({
      start: m.index,
      end,
      text: text.slice(m.index, end),
      studentIds: owners.map((o) => o.owner.studentId),
      alsoStaff: false,
    });
    taken.push([m.index, end]);
  }
  const isFree = (start: number, end: number) => !taken.some(([s, e]) => start < e && end > s);
  for (const m of text.matchAll(LOOSE_INITIALS)) {
    const end = m.index + m[0].length + m[2]!.length;
    const owners = index.initialsInClass.get(`${fold(m[1]!.replace(/[.\s]/g, ''))}|${fold(m[3] ?? m[4] ?? '')}`);
    if (!owners || !isFree(m.index, end) || mayRead(owners, readers)) continue;
    found.push({
      start: m.index,
      end,
      text: text.slice(m.index, end),
      studentIds: owners.map((o) => o.studentId),
      alsoStaff: false,
    });
    taken.push([m.index, end]);
  }
  if (index.numbers.size > 0) {
    for (const m of text.matchAll(DIGITS)) {
      const owner = index.numbers.get(m[0]);
      const end = m.index + m[0].length;
      if (!owner || !isFree(m.index, end)) continue;
      // A number the reader may read stays, and no name is looked for inside it.
      if (!mayRead([owner], readers)) found.push({ start: m.index, end, text: m[0], studentIds: [owner.studentId], alsoStaff: false });
      taken.push([m.index, end]);
    }
  }
  const tokens = tokensOf(text);
  const free = (t: Token) => isFree(t.start, t.end);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!free(token)) continue;
    const match = matchAt(index, text, tokens, i);
    if (match === null) continue;
    // A staff code as written ("edb") stays; a capitalised "Sem" that is a code and a pupil's name does not.
    if (match.phrase.owners !== null && match.length === 1 && index.codes.has(token.word)) continue;
    // A colleague this document names in full, written alone (not "Emmas moeder": a colleague's mother is nobody's business here).
    if (
      match.phrase.owners !== null &&
      match.length === 1 &&
      token.folded === match.phrase.tokens[0] &&
      readers.colleagues?.has(token.folded)
    )
      continue;
    if (match.phrase.owners !== null && !mayRead(match.phrase.owners, readers)) {
      found.push({
        start: token.start,
        end: match.end,
        text: text.slice(token.start, match.end),
        studentIds: [...new Set(match.phrase.owners.map((o) => o.studentId))],
        alsoStaff: match.length === 1 && index.staffGivenNames.has(match.phrase.tokens[0]!),
      });
    }
    i += match.length - 1;
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `text` with every identifier its reader may not read replaced by [naam]. */
export function scrubText(index: NameIndex, text: string, readers: Readers): string {
  const found = findNames(index, text, readers);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const f of found) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + NAME_PLACEHOLDER;
    at = f.end;
  }
  return out + text.slice(at);
}

/** A scrubber bound to one reader: what a channel passes around. */
export type Scrub = (text: string) => string;
export const scrubberOf =
  (index: NameIndex, readers: Readers): Scrub =>
  (text) =>
    scrubText(index, text, readers);
export const noScrub: Scrub = (text) => text;
