import type { IsoDate } from '../../shared/school-year';
import { ageOn, AGE_OF_OWN_CONSENT } from './age';
import { fullName, GENERIC_SALUTATION, surnameAlone, type PersonName } from './names';

export interface GuardianAddress {
  id: string;
  salutation: string;
  givenName: string;
  infix: string;
  familyName: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
}

function addressKey(g: GuardianAddress): string {
  // Stryker disable next-line MethodExpression: upper or lower case, the same addresses match
  return `${g.postalCode.replace(/\s/g, '').toUpperCase()}|${g.houseNumber.trim().toLowerCase()}`;
}

// ---------------------------------------------------------------------------------------------
// Letters home: who is written to, and how the envelope and the salutation read.

/** A guardian as stored (`db/schema/people.ts`), with what decides whether they get a letter. */
export interface AddresseeGuardian extends GuardianAddress {
  /** 'moeder', 'vader', 'voogd', 'ouder', 'pleegouder', … */
  relation: string;
  /** Ouderlijk gezag: letters go to these guardians by default. */
  parentalAuthority: boolean;
}

export interface AddresseeStudent extends PersonName {
  birthDate: IsoDate | null;
}

export interface LetterAddresseeOptions {
  /** Guardians without parental authority who are to get the letter anyway, chosen one by one. */
  includeWithoutAuthority: readonly string[];
  /** Whether the parents of a student of 16 or 17 get a copy of the letter to the student. */
  copyToParents: boolean;
}

export const DEFAULT_ADDRESSEE_OPTIONS: LetterAddresseeOptions = { includeWithoutAuthority: [], copyToParents: true };

export interface LetterAddressee {
  /**
   * 'ouders': a letter to the guardians at one address; 'leerling': to the student (16+); 'afschrift': the parents'
   * copy of that letter.
   */
  kind: 'ouders' | 'leerling' | 'afschrift';
  /** The guardians this letter goes to; empty for the student's own letter. */
  guardianIds: string[];
  /** "Dhr. P. de Vries", "Mevr. S. de Vries-Bakker", "Lindelaan 4", "3512 KL  Utrecht". */
  addressLines: string[];
  /** As printed above the body, with its comma: "Geachte heer De Vries,". */
  salutation: string;
  /** Full names for running text ({{ouders.namen}}): "Sanne de Vries-Bakker". */
  names: string[];
  /** The people as on the envelope, for a copy note: "Afschrift aan: Dhr. P. de Vries". */
  addressNames: string[];
}

const AGE_OF_MAJORITY = 18;

/**
 * The letters one message to a student's home takes, following the rules of "Letters home":
 * - the guardians with parental authority, plus those without it who were chosen explicitly;
 * - one letter per address (postcode + house number), so parents who live apart each get their own;
 * - a student of 16 or older on the letter date is written to directly (they consent themselves
 *   from 16); the parents of a minor get a copy per address unless `copyToParents` is false, and
 *   the parents of an adult get nothing, since their authority has ended.
 * An unknown birth date counts as under 16: the parents then hold authority in any case.
 */
export function letterAddressees(input: {
  student: AddresseeStudent;
  guardians: AddresseeGuardian[];
  letterDate: IsoDate;
  options?: LetterAddresseeOptions;
}): LetterAddressee[] {
  const { student, guardians, letterDate } = input;
  const options = input.options ?? DEFAULT_ADDRESSEE_OPTIONS;
  const chosen = guardians.filter((g) => g.parentalAuthority || options.includeWithoutAuthority.includes(g.id));
  const households = byAddress(chosen).map((group) => household(group, student));
  const age = student.birthDate === null ? null : ageOn(student.birthDate, letterDate);
  // Stryker disable next-line ConditionalExpression: null < 16 holds in JavaScript too; the check says it for the reader
  if (age === null || age < AGE_OF_OWN_CONSENT) return households;

  // The register keeps no address of the student's own: they live with (the first) parent with authority.
  const withAddress = (g: AddresseeGuardian) => g.street.trim() !== '' || g.postalCode.trim() !== '';
  const home = guardians.find((g) => g.parentalAuthority && withAddress(g)) ?? chosen.find(withAddress);
  const name = fullName(student);
  const toStudent: LetterAddressee = {
    kind: 'leerling',
    guardianIds: [],
    addressLines: [name, ...(home ? addressOf(home) : [])].filter((line) => line !== ''),
    // A student is spoken to by first name at school, and we record no gender to choose between
    // "heer" and "mevrouw": "Beste Zoë," is how a school writes to its own student.
    salutation: `Beste ${student.givenName.trim() || name},`,
    names: [name],
    addressNames: [name],
  };
  if (age >= AGE_OF_MAJORITY || !options.copyToParents) return [toStudent];
  // A copy is the student's letter as it is, salutation included; only the envelope differs.
  return [toStudent, ...households.map((h) => ({ ...h, kind: 'afschrift' as const, salutation: toStudent.salutation }))];
}

/** Guardians grouped per address in the order given; one without an address stays on their own. */
function byAddress<T extends GuardianAddress>(guardians: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const g of guardians) {
    const key = g.postalCode && g.houseNumber ? addressKey(g) : `alleen:${g.id}`;
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  return [...groups.values()];
}

function household(group: AddresseeGuardian[], student: PersonName): LetterAddressee {
  const addressNames = group.map(envelopeName);
  return {
    kind: 'ouders',
    guardianIds: group.map((g) => g.id),
    addressLines: [...addressNames, ...addressOf(group[0]!)].filter((line) => line !== ''),
    salutation: householdSalutation(group, student),
    names: group.map(fullName).filter((name) => name !== ''),
    addressNames,
  };
}

/** "Lindelaan 4" and "3512 KL  Utrecht": two spaces between postcode and city, as Dutch post has it. */
function addressOf(g: GuardianAddress): string[] {
  return [`${g.street.trim()} ${g.houseNumber.trim()}`.trim(), `${postcode(g.postalCode)}  ${g.city.trim()}`.trim()];
}

/** "3512kl" → "3512 KL"; anything that is not a Dutch postcode is printed as typed. */
function postcode(raw: string): string {
  const match = /^\s*(\d{4})\s*([a-zA-Z]{2})\s*$/.exec(raw);
  return match ? `${match[1]} ${match[2]!.toUpperCase()}` : raw.trim();
}

/** "Dhr. P.J. de Vries", "Mevr. S. de Vries-Bakker", "P. de Vries" (no title known). */
export function envelopeName(g: Pick<AddresseeGuardian, 'relation' | 'salutation' | 'givenName' | 'infix' | 'familyName'>): string {
  // Initials alone ("K.") would say nothing on an envelope: without a surname, the given name in full.
  if (g.familyName.trim() === '') return [title(g), g.givenName.trim()].filter(Boolean).join(' ');
  const letters = givenInitials(g.givenName);
  // Without initials before it, the particle starts the name and takes a capital: "Dhr. De Vries".
  const surname = letters === '' ? surnameAlone(g) : [g.infix.trim(), g.familyName.trim()].filter(Boolean).join(' ');
  return [title(g), letters, surname].filter(Boolean).join(' ');
}

function title(g: Pick<AddresseeGuardian, 'relation' | 'salutation'>): 'Dhr.' | 'Mevr.' | null {
  const relation = g.relation.trim().toLowerCase();
  if (relation === 'vader') return 'Dhr.';
  if (relation === 'moeder') return 'Mevr.';
  if (/^geachte\s+heer\b/i.test(g.salutation.trim())) return 'Dhr.';
  if (/^geachte\s+mevrouw\b/i.test(g.salutation.trim())) return 'Mevr.';
  return null;
}

/** "Pieter Jan" → "P.J.", "Anne-Marie" → "A.M.", "IJsbrand" → "IJ." (a Dutch digraph), "P.J." stays. */
export function givenInitials(givenNames: string): string {
  // Stryker disable next-line Regex: one separator or a run of them, the empty parts are dropped below
  const parts = givenNames.normalize('NFC').split(/[\s.-]+/);
  return parts
    .filter((part) => part !== '')
    .map((part) => (/^ij/i.test(part) ? 'IJ.' : `${[...part][0]!.toUpperCase()}.`))
    .join('');
}

/**
 * "Geachte heer De Vries," or, for two at one address, "Geachte mevrouw Çelik, geachte heer Çelik,".
 * When anyone's salutation is unknown (the neutral one stored, or no surname) the whole letter uses
 * the neutral form with the student's name, rather than greet one parent and not the other.
 */
function householdSalutation(group: GuardianAddress[], student: PersonName): string {
  const own = group.map((g) => {
    const stored = g.salutation.trim().replace(/,$/, '');
    return g.familyName.trim() === '' || stored === '' || stored === GENERIC_SALUTATION ? null : stored;
  });
  const known = own.filter((s): s is string => s !== null);
  if (known.length < own.length) {
    const child = student.givenName.trim();
    return child === '' ? `${GENERIC_SALUTATION},` : `${GENERIC_SALUTATION} van ${child},`;
  }
  return `${known.map((s, i) => (i === 0 ? s : s.charAt(0).toLowerCase() + s.slice(1))).join(', ')},`;
}
