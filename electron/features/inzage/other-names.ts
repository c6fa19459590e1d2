import { withoutNames } from '../documents/compose';
import { fullName, type PersonName } from '../people/names';

/**
 * Other families' names in one student's inzage. The rule is the projector's and the papers': a
 * person's given name, family name and full name become "[naam]" (documents/compose.ts
 * `withoutNames` does the replacing), except the names this student's own family has — a brother's
 * given name goes, the surname he shares stays. Here the other families are the whole school, so
 * a text is only handed to `withoutNames` with the names that can be in it: those whose first
 * capitalised word the text has, capitalised (names are written with a capital; "te jong" is not
 * Sanne de Jong). The team's and the partners' own names ("drs. M. Verbeek", "Karin Meijer") are
 * no family's: written in full they stay, even when a family shares the surname.
 */

export interface NamedPerson extends PersonName {
  /** The student this person is, or is a guardian of. */
  studentId: string;
}

const fold = (word: string) => word.normalize('NFC').toLocaleLowerCase('nl');

/** Runs of letters starting with a capital: "Bakker" and "Jong" of "Bakker-de Jong", "O" and "Neill" of "O'Neill". */
const CAPITALISED = /\p{Lu}[\p{L}\p{M}]*/gu;

/** The first capitalised word of a name ("Bakker" of "de Bakker-de Jong"), or its first word, folded. */
function keyOf(name: string): string | null {
  const word = name.match(CAPITALISED)?.[0] ?? name.match(/[\p{L}\p{M}]+/u)?.[0];
  return word ? fold(word) : null;
}

export function otherFamiliesScrubber(everyone: NamedPerson[], studentId: string, professionals: string[] = []): (text: string) => string {
  const namesOf = (p: PersonName) => [p.givenName, p.familyName, fullName(p)].map((n) => n.trim()).filter((n) => n.length >= 2);
  const own = new Set(everyone.filter((p) => p.studentId === studentId).flatMap(namesOf).map(fold));
  const byKey = new Map<string, Set<string>>();
  for (const person of everyone) {
    if (person.studentId === studentId) continue;
    for (const name of namesOf(person)) {
      if (own.has(fold(name))) continue;
      const key = keyOf(name);
      if (key === null) continue;
      const names = byKey.get(key) ?? new Set<string>();
      names.add(name);
      byKey.set(key, names);
    }
  }
  // Only names of two or more words, matched as whole words: a one-word name ("Ali", "Sanne") may be
  // another child's, and "Ali" must not shield the "Ali" in "Alissa".
  const kept = [...new Set(professionals.map((n) => n.trim()).filter((n) => /\S\s+\S/u.test(n)))].sort((a, b) => b.length - a.length);
  const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const keptPattern = kept.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(${kept.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) => {
    if (text === '') return text;
    const capitalised = new Set((text.match(CAPITALISED) ?? []).map(fold));
    const candidates = [...capitalised].flatMap((word) => [...(byKey.get(word) ?? [])]);
    if (candidates.length === 0) return text;
    // Professionals' names are set aside (as \u0000n\u0000, which no name matches) while families' go.
    const held: string[] = [];
    let masked = text;
    if (keptPattern) masked = masked.replace(keptPattern, (name) => `\u0000${held.push(name) - 1}\u0000`);
    return withoutNames(masked, candidates).replace(/\u0000(\d+)\u0000/g, (_, index: string) => held[Number(index)] ?? '');
  };
}
