/**
 * The students' stored search text, as a rule of the storage layer: the column is derived, and a
 * migration that changes its layout (0009) must rebuild it for existing rows with this same rule,
 * so it lives below the app. The people domain re-exports it (electron/features/people/names.ts).
 */

/**
 * Letters that carry no accent to strip but that a Dutch school meets in names (Turkish, Nordic,
 * Polish, Croatian, German, Azerbaijani): each is typed as its plain Latin look-alike.
 */
const PLAIN_LETTERS: Record<string, string> = {
  ı: 'i',
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ŧ: 't',
  ə: 'e',
  ŋ: 'n',
  ĸ: 'k',
};
const PLAIN_LETTER = new RegExp(`[${Object.keys(PLAIN_LETTERS).join('')}]`, 'gu');

/**
 * The one folding of names for search and sorting, for stored text and typed query alike: lower
 * case, no accents ("Çelik" → "celik", "Ĳsselmeer" → "ijsselmeer"), "Aydın" → "aydin", "Groß" →
 * "gross", and every run of other characters (hyphen, apostrophe, spaces) one space, so
 * "Bakker-de Jong" is found by "de jong" and "van 't Hooft" by "t hooft". Words are what SQLite's
 * FTS5 (unicode61) takes as tokens: runs of letters and digits.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(PLAIN_LETTER, (c) => PLAIN_LETTERS[c]!)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SearchableStudent {
  givenName: string;
  infix: string;
  familyName: string;
  studentNumber: string;
  className: string;
}

/**
 * A student's search text: "family⇥given⇥infix⇥given infix family number class", each part folded.
 * It doubles as the Dutch sort key, so ordering by it sorts on the family name without its
 * particle ("van 't Hooft" under H), "Çelik" with C, then the given name; the tab sorts below every
 * letter, so "El" comes before "El Amrani" and "Bakker" before "Bakker-de Jong".
 */
export function studentSearchText(s: SearchableStudent): string {
  const full = [s.givenName, s.infix, s.familyName].filter(Boolean).join(' ');
  return [s.familyName, s.givenName, s.infix, `${full} ${s.studentNumber} ${s.className}`].map(normalizeForSearch).join('\t');
}
