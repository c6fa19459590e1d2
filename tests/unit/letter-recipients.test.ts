import { describe, expect, it } from 'vitest';
import {
  envelopeName,
  givenInitials,
  letterAddressees,
  type AddresseeGuardian,
  type AddresseeStudent,
  type LetterAddressee,
  type LetterAddresseeOptions,
} from '../../electron/features/people/letter-recipients';

const LETTER_DATE = '2026-12-01';

const zoe: AddresseeStudent = { givenName: 'Zoë', infix: 'de', familyName: 'Vries', birthDate: '2013-03-14' };

const lindelaan = { street: 'Lindelaan', houseNumber: '4', postalCode: '3512 KL', city: 'Utrecht' };
const dijk = { street: 'Dijk', houseNumber: '17a', postalCode: '3431kl', city: 'Nieuwegein' };

const mother: AddresseeGuardian = {
  id: 'moeder',
  relation: 'moeder',
  parentalAuthority: true,
  givenName: 'Sanne',
  infix: 'de',
  familyName: 'Vries-Bakker',
  salutation: 'Geachte mevrouw De Vries-Bakker',
  ...lindelaan,
};
const father: AddresseeGuardian = {
  id: 'vader',
  relation: 'vader',
  parentalAuthority: true,
  givenName: 'Pieter',
  infix: 'de',
  familyName: 'Vries',
  salutation: 'Geachte heer De Vries',
  ...lindelaan,
  postalCode: '3512KL', // the same address, typed differently
};

interface Case {
  name: string;
  student?: AddresseeStudent;
  guardians: AddresseeGuardian[];
  options?: Partial<LetterAddresseeOptions>;
  letters: Partial<LetterAddressee>[];
}

const cases: Case[] = [
  {
    name: 'joint authority at one address: one letter to both',
    guardians: [mother, father],
    letters: [
      {
        kind: 'ouders',
        guardianIds: ['moeder', 'vader'],
        addressLines: ['Mevr. S. de Vries-Bakker', 'Dhr. P. de Vries', 'Lindelaan 4', '3512 KL  Utrecht'],
        salutation: 'Geachte mevrouw De Vries-Bakker, geachte heer De Vries,',
        names: ['Sanne de Vries-Bakker', 'Pieter de Vries'],
        addressNames: ['Mevr. S. de Vries-Bakker', 'Dhr. P. de Vries'],
      },
    ],
  },
  {
    name: 'joint authority at two addresses: a letter each',
    guardians: [mother, { ...father, ...dijk }],
    letters: [
      { kind: 'ouders', guardianIds: ['moeder'], addressLines: ['Mevr. S. de Vries-Bakker', 'Lindelaan 4', '3512 KL  Utrecht'], salutation: 'Geachte mevrouw De Vries-Bakker,' },
      { kind: 'ouders', guardianIds: ['vader'], addressLines: ['Dhr. P. de Vries', 'Dijk 17a', '3431 KL  Nieuwegein'], salutation: 'Geachte heer De Vries,' },
    ],
  },
  {
    name: 'a parent without authority is left out by default',
    guardians: [mother, { ...father, ...dijk, parentalAuthority: false }],
    letters: [{ kind: 'ouders', guardianIds: ['moeder'] }],
  },
  {
    name: 'a parent without authority gets a letter when chosen',
    guardians: [mother, { ...father, ...dijk, parentalAuthority: false }],
    options: { includeWithoutAuthority: ['vader'] },
    letters: [
      { kind: 'ouders', guardianIds: ['moeder'] },
      { kind: 'ouders', guardianIds: ['vader'], addressLines: ['Dhr. P. de Vries', 'Dijk 17a', '3431 KL  Nieuwegein'] },
    ],
  },
  {
    name: 'a student who turns 16 on the letter date is written to directly; the parents get a copy per address',
    student: { ...zoe, birthDate: '2010-12-01' },
    guardians: [mother, { ...father, ...dijk }],
    letters: [
      { kind: 'leerling', guardianIds: [], addressLines: ['Zoë de Vries', 'Lindelaan 4', '3512 KL  Utrecht'], salutation: 'Beste Zoë,', names: ['Zoë de Vries'] },
      { kind: 'afschrift', guardianIds: ['moeder'], addressLines: ['Mevr. S. de Vries-Bakker', 'Lindelaan 4', '3512 KL  Utrecht'], salutation: 'Beste Zoë,' },
      { kind: 'afschrift', guardianIds: ['vader'], addressLines: ['Dhr. P. de Vries', 'Dijk 17a', '3431 KL  Nieuwegein'] },
    ],
  },
  {
    name: 'a student of 17 without a copy to the parents',
    student: { ...zoe, birthDate: '2009-06-30' },
    guardians: [mother, father],
    options: { copyToParents: false },
    letters: [{ kind: 'leerling', addressLines: ['Zoë de Vries', 'Lindelaan 4', '3512 KL  Utrecht'] }],
  },
  {
    name: 'a student of 15 (16 the day after the letter) still goes to the parents',
    student: { ...zoe, birthDate: '2010-12-02' },
    guardians: [mother, father],
    letters: [{ kind: 'ouders', guardianIds: ['moeder', 'vader'] }],
  },
  {
    name: 'a student of 18 gets the letter, the parents no copy',
    student: { ...zoe, birthDate: '2008-06-01' },
    guardians: [{ ...mother, parentalAuthority: false, ...dijk }, father],
    letters: [{ kind: 'leerling', guardianIds: [], addressLines: ['Zoë de Vries', 'Lindelaan 4', '3512 KL  Utrecht'], salutation: 'Beste Zoë,' }],
  },
  {
    name: 'an unknown birth date counts as a minor: the parents',
    student: { ...zoe, birthDate: null },
    guardians: [mother],
    letters: [{ kind: 'ouders', guardianIds: ['moeder'] }],
  },
  {
    name: 'no salutation known (the neutral one stored): the neutral form with the student’s name, no title',
    guardians: [{ ...mother, relation: 'ouder', salutation: 'Geachte ouder(s)/verzorger(s)' }],
    letters: [{ addressLines: ['S. de Vries-Bakker', 'Lindelaan 4', '3512 KL  Utrecht'], salutation: 'Geachte ouder(s)/verzorger(s) van Zoë,' }],
  },
  {
    name: 'one of two without a surname: the whole letter uses the neutral form',
    guardians: [mother, { ...father, id: 'x', relation: 'voogd', familyName: '', infix: '', givenName: 'Kim', salutation: 'Geachte ouder(s)/verzorger(s)' }],
    letters: [{ addressLines: ['Mevr. S. de Vries-Bakker', 'Kim', 'Lindelaan 4', '3512 KL  Utrecht'], salutation: 'Geachte ouder(s)/verzorger(s) van Zoë,' }],
  },
  {
    name: "particles: van 't Hooft as a guardian, title from the stored salutation",
    guardians: [
      { ...father, id: 'voogd', relation: 'voogd', givenName: 'Pieter Jan', infix: "van 't", familyName: 'Hooft', salutation: "Geachte heer Van 't Hooft" },
    ],
    letters: [{ addressLines: ["Dhr. P.J. van 't Hooft", 'Lindelaan 4', '3512 KL  Utrecht'], salutation: "Geachte heer Van 't Hooft," }],
  },
  {
    name: 'Turkish letters: Çelik',
    student: { givenName: 'Elif', infix: '', familyName: 'Çelik', birthDate: '2012-01-09' },
    guardians: [
      { ...mother, id: 'ayse', givenName: 'Ayşe', infix: '', familyName: 'Çelik', salutation: 'Geachte mevrouw Çelik' },
      { ...father, id: 'cagan', givenName: 'Çağan', infix: '', familyName: 'Çelik', salutation: 'Geachte heer Çelik' },
    ],
    letters: [
      {
        guardianIds: ['ayse', 'cagan'],
        addressLines: ['Mevr. A. Çelik', 'Dhr. Ç. Çelik', 'Lindelaan 4', '3512 KL  Utrecht'],
        salutation: 'Geachte mevrouw Çelik, geachte heer Çelik,',
        names: ['Ayşe Çelik', 'Çağan Çelik'],
      },
    ],
  },
  {
    name: 'a guardian without an address gets a letter of their own, never merged',
    guardians: [
      { ...mother, street: '', houseNumber: '', postalCode: '', city: '' },
      { ...father, street: '', houseNumber: '', postalCode: '', city: '' },
    ],
    letters: [
      { guardianIds: ['moeder'], addressLines: ['Mevr. S. de Vries-Bakker'] },
      { guardianIds: ['vader'], addressLines: ['Dhr. P. de Vries'] },
    ],
  },
];

describe('letterAddressees', () => {
  it.each(cases)('$name', ({ student = zoe, guardians, options, letters }) => {
    const result = letterAddressees({
      student,
      guardians,
      letterDate: LETTER_DATE,
      options: { includeWithoutAuthority: [], copyToParents: true, ...options },
    });
    expect(result).toHaveLength(letters.length);
    letters.forEach((expected, i) => expect(result[i]).toMatchObject(expected));
  });

  it('uses the default options when none are given', () => {
    const result = letterAddressees({ student: zoe, guardians: [mother, { ...father, parentalAuthority: false }], letterDate: LETTER_DATE });
    expect(result.map((l) => l.guardianIds)).toEqual([['moeder']]);
  });
});

describe('envelope names', () => {
  it.each([
    ['Pieter Jan', 'P.J.'],
    ['Anne-Marie', 'A.M.'],
    ['IJsbrand', 'IJ.'],
    ['P.J.', 'P.J.'],
    ['  çağan ', 'Ç.'],
    ['', ''],
  ])('initials of %j are %j', (given, expected) => {
    expect(givenInitials(given)).toBe(expected);
  });

  it('capitalises the particle when no initials precede it, and reads the title from the salutation', () => {
    expect(envelopeName({ relation: 'vader', salutation: '', givenName: '', infix: 'de', familyName: 'Vries' })).toBe('Dhr. De Vries');
    expect(envelopeName({ relation: 'ouder', salutation: 'Geachte mevrouw Jansen', givenName: 'Els', infix: '', familyName: 'Jansen' })).toBe('Mevr. E. Jansen');
    expect(envelopeName({ relation: 'pleegouder', salutation: 'Geachte ouder(s)/verzorger(s)', givenName: 'Pieter', infix: 'de', familyName: 'Vries' })).toBe('P. de Vries');
  });
});
