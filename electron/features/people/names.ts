/** Names the Dutch way: "Daan de Vries", sorted and searched on "Vries, Daan de". */

export interface PersonName {
  givenName: string;
  infix: string;
  familyName: string;
}

export function fullName(p: PersonName): string {
  return [p.givenName, p.infix, p.familyName].filter(Boolean).join(' ');
}

/** A tussenvoegsel starts with a capital when no first name precedes it: "mevrouw De Vries". */
export function surnameAlone(p: Pick<PersonName, 'infix' | 'familyName'>): string {
  const infix = p.infix ? p.infix[0]!.toUpperCase() + p.infix.slice(1) : '';
  return [infix, p.familyName].filter(Boolean).join(' ');
}

/** Lower case without accents, so "Çelik" is found by typing "celik". */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function studentSearchText(s: PersonName & { studentNumber: string; className: string }): string {
  return normalizeForSearch(`${fullName(s)} ${s.familyName} ${s.studentNumber} ${s.className}`);
}

export const GENERIC_SALUTATION = 'Geachte ouder(s)/verzorger(s)';

/** The salutation a letter opens with, from the relation: mother, father, or the neutral form. */
export function defaultSalutation(g: { relation: string; infix: string; familyName: string }): string {
  const surname = surnameAlone(g);
  if (!surname) return GENERIC_SALUTATION;
  if (g.relation === 'moeder') return `Geachte mevrouw ${surname}`;
  if (g.relation === 'vader') return `Geachte heer ${surname}`;
  return GENERIC_SALUTATION;
}
