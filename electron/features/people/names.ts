/** Names the Dutch way: "Daan de Vries", sorted and searched on "Vries, Daan de". */

export interface PersonName {
  givenName: string;
  infix: string;
  familyName: string;
}

export function fullName(p: PersonName): string {
  // Trimmed first: a blank given name must not leave a double space ("  de Vries").
  return [p.givenName, p.infix, p.familyName]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * Initials the way a support team writes them on a projected or printed agenda: "Jesse de Vries"
 * → "J.d.V.", "Eléonore Bakker-de Jong" → "E.B.d.J.". The particle stays lower case, so "J.d.V." and
 * "J.D.V." (Jan Dirk Visser) are told apart.
 */
export function initials(p: PersonName): string {
  const letter = (word: string) => [...word.normalize('NFC')].find((c) => /\p{L}/u.test(c)) ?? '';
  const words = (text: string) => text.split(/[\s-]+/).filter(Boolean);
  const given = words(p.givenName).map((w) => letter(w).toUpperCase());
  const infix = words(p.infix).map((w) => letter(w).toLowerCase());
  const family = words(p.familyName).map((w) => {
    const first = letter(w);
    // Particles inside a double surname ("Bakker-de Jong") keep their lower case.
    return first === first.toLowerCase() ? first : first.toUpperCase();
  });
  return [...given, ...infix, ...family]
    .filter(Boolean)
    .map((c) => `${c}.`)
    .join('');
}

/** A tussenvoegsel starts with a capital when no first name precedes it: "mevrouw De Vries". */
export function surnameAlone(p: Pick<PersonName, 'infix' | 'familyName'>): string {
  const infix = p.infix ? p.infix[0]!.toUpperCase() + p.infix.slice(1) : '';
  return [infix, p.familyName].filter(Boolean).join(' ');
}

/** Folding and the stored search text are the storage layer's rule (a migration rebuilds them). */
export { normalizeForSearch, studentSearchText } from '../../../db/search-text';

export const GENERIC_SALUTATION = 'Geachte ouder(s)/verzorger(s)';

/** The salutation a letter opens with, from the relation: mother, father, or the neutral form. */
export function defaultSalutation(g: { relation: string; infix: string; familyName: string }): string {
  const surname = surnameAlone(g);
  if (!surname) return GENERIC_SALUTATION;
  if (g.relation === 'moeder') return `Geachte mevrouw ${surname}`;
  if (g.relation === 'vader') return `Geachte heer ${surname}`;
  return GENERIC_SALUTATION;
}
