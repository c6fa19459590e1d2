import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ADDRESSEE_OPTIONS,
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
      {
        kind: 'ouders',
        guardianIds: ['moeder'],
        addressLines: ['Mevr. S. de Vries-Bakker', 'Lindelaan 4', '3512 KL  Utrecht'],
        salutation: 'Geachte mevrouw De Vries-Bakker,',
      },
      {
        kind: 'ouders',
        guardianIds: ['vader'],
        addressLines: ['Dhr. P. de Vries', 'Dijk 17a', '3431 KL  Nieuwegein'],
        salutation: 'Geachte heer De Vries,',
      },
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
      {
        kind: 'leerling',
        guardianIds: [],
        addressLines: ['Zoë de Vries', 'Lindelaan 4', '3512 KL  Utrecht'],
        salutation: 'Beste Zoë,',
        names: ['Zoë de Vries'],
      },
      {
        kind: 'afschrift',
        guardianIds: ['moeder'],
        addressLines: ['Mevr. S. de Vries-Bakker', 'Lindelaan 4', '3512 KL  Utrecht'],
        salutation: 'Beste Zoë,',
      },
      {
        kind: 'afschrift',
        guardianIds: ['vader'],
        addressLines: ['Dhr. P. de Vries', 'Dijk 17a', '3431 KL  Nieuwegein'],
      },
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
    letters: [
      {
        kind: 'leerling',
        guardianIds: [],
        addressLines: ['Zoë de Vries', 'Lindelaan 4', '3512 KL  Utrecht'],
        salutation: 'Beste Zoë,',
      },
    ],
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
    letters: [
      {
        addressLines: ['S. de Vries-Bakker', 'Lindelaan 4', '3512 KL  Utrecht'],
        salutation: 'Geachte ouder(s)/verzorger(s) van Zoë,',
      },
    ],
  },
  {
    name: 'one of two without a surname: the whole letter uses the neutral form',
    guardians: [
      mother,
      {
        ...father,
        id: 'x',
        relation: 'voogd',
        familyName: '',
        infix: '',
        givenName: 'Kim',
        salutation: 'Geachte ouder(s)/verzorger(s)',
      },
    ],
    letters: [
      {
        addressLines: ['Mevr. S. de Vries-Bakker', 'Kim', 'Lindelaan 4', '3512 KL  Utrecht'],
        salutation: 'Geachte ouder(s)/verzorger(s) van Zoë,',
      },
    ],
  },
  {
    name: "particles: van 't Hooft as a guardian, title from the stored salutation",
    guardians: [
      {
        ...father,
        id: 'voogd',
        relation: 'voogd',
        givenName: 'Pieter Jan',
        infix: "van 't",
        familyName: 'Hooft',
        salutation: "Geachte heer Van 't Hooft",
      },
    ],
    letters: [
      {
        addressLines: ["Dhr. P.J. van 't Hooft", 'Lindelaan 4', '3512 KL  Utrecht'],
        salutation: "Geachte heer Van 't Hooft,",
      },
    ],
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
    const result = letterAddressees({
      student: zoe,
      guardians: [mother, { ...father, parentalAuthority: false }],
      letterDate: LETTER_DATE,
    });
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
    expect(
      envelopeName({
        relation: 'ouder',
        salutation: 'Geachte mevrouw Jansen',
        givenName: 'Els',
        infix: '',
        familyName: 'Jansen',
      }),
    ).toBe('Mevr. E. Jansen');
    expect(
      envelopeName({
        relation: 'pleegouder',
        salutation: 'Geachte ouder(s)/verzorger(s)',
        givenName: 'Pieter',
        infix: 'de',
        familyName: 'Vries',
      }),
    ).toBe('P. de Vries');
  });
});

describe('faults the cases above would not notice', () => {
  it.each([
    ['Stijn', 'S.'],
    ['Marijke', 'M.'],
    ['Thijs', 'T.'],
    ['Ijsbrand', 'IJ.'],
    ['ijsbrand', 'IJ.'],
    ['Jan IJsbrand', 'J.IJ.'],
    ['Anne.Marie', 'A.M.'],
    ['Pieter\tJan', 'P.J.'],
  ])('only a name that starts with the digraph gets "IJ.": %j → %j', (given, expected) => {
    expect(givenInitials(given)).toBe(expected);
  });

  it('a student of 16 gets their letter at the address of a parent with gezag, not of one without', () => {
    const noGezag = { ...father, ...dijk, parentalAuthority: false };
    for (const options of [
      { includeWithoutAuthority: [], copyToParents: true },
      { includeWithoutAuthority: ['vader'], copyToParents: true },
    ]) {
      const [toStudent] = letterAddressees({
        student: { ...zoe, birthDate: '2010-01-01' },
        guardians: [noGezag, mother],
        letterDate: LETTER_DATE,
        options,
      });
      expect(toStudent).toMatchObject({
        kind: 'leerling',
        addressLines: ['Zoë de Vries', 'Lindelaan 4', '3512 KL  Utrecht'],
      });
    }
  });

  it('a student of 16 whose parents with gezag have no address: the address of one chosen without gezag, else none', () => {
    const student = { ...zoe, birthDate: '2010-01-01' };
    const homeless = { ...mother, street: '', houseNumber: '', postalCode: '', city: '' };
    const noGezag = { ...father, ...dijk, parentalAuthority: false };
    const chosen = letterAddressees({
      student,
      guardians: [homeless, noGezag],
      letterDate: LETTER_DATE,
      options: { includeWithoutAuthority: ['vader'], copyToParents: false },
    });
    expect(chosen).toEqual([
      expect.objectContaining({ kind: 'leerling', addressLines: ['Zoë de Vries', 'Dijk 17a', '3431 KL  Nieuwegein'] }),
    ]);
    const notChosen = letterAddressees({
      student,
      guardians: [homeless, noGezag],
      letterDate: LETTER_DATE,
      options: { includeWithoutAuthority: [], copyToParents: false },
    });
    expect(notChosen).toEqual([expect.objectContaining({ kind: 'leerling', addressLines: ['Zoë de Vries'] })]);
    // A postcode alone (no street) is an address too.
    const postcodeOnly = { ...mother, street: '', houseNumber: '', city: '' };
    const [toStudent] = letterAddressees({
      student,
      guardians: [postcodeOnly],
      letterDate: LETTER_DATE,
      options: { includeWithoutAuthority: [], copyToParents: false },
    });
    expect(toStudent!.addressLines).toEqual(['Zoë de Vries', '3512 KL']);
  });

  it('guardians with a postcode but no house number are not merged into one letter', () => {
    const noNumber = { houseNumber: '', postalCode: '3512 KL' };
    const result = letterAddressees({
      student: zoe,
      guardians: [
        { ...mother, ...noNumber, street: 'Lindelaan' },
        { ...father, ...noNumber, street: 'Oudegracht' },
      ],
      letterDate: LETTER_DATE,
    });
    expect(result.map((l) => l.guardianIds)).toEqual([['moeder'], ['vader']]);
    // A house number without a postcode is no address either.
    const noPostcode = letterAddressees({
      student: zoe,
      guardians: [
        { ...mother, postalCode: '' },
        { ...father, postalCode: '' },
      ],
      letterDate: LETTER_DATE,
    });
    expect(noPostcode.map((l) => l.guardianIds)).toEqual([['moeder'], ['vader']]);
  });

  it('the same address typed differently is one letter: spaces and case in postcode and house number', () => {
    const result = letterAddressees({
      student: zoe,
      guardians: [
        { ...mother, postalCode: ' 3512 kl', houseNumber: '4A ' },
        { ...father, postalCode: '3512KL', houseNumber: '4a' },
      ],
      letterDate: LETTER_DATE,
    });
    expect(result.map((l) => l.guardianIds)).toEqual([['moeder', 'vader']]);
  });

  it('the relation decides the title, whatever the stored salutation says', () => {
    const name = { givenName: 'Sanne', infix: '', familyName: 'Bakker' };
    expect(envelopeName({ ...name, relation: 'moeder', salutation: 'Geachte ouder(s)/verzorger(s)' })).toBe('Mevr. S. Bakker');
    expect(envelopeName({ ...name, relation: ' Moeder ', salutation: 'Beste Sanne' })).toBe('Mevr. S. Bakker');
    expect(envelopeName({ ...name, relation: 'vader', salutation: 'Geachte mevrouw Bakker' })).toBe('Dhr. S. Bakker');
    expect(envelopeName({ ...name, relation: 'VADER', salutation: '' })).toBe('Dhr. S. Bakker');
    expect(envelopeName({ ...name, relation: 'voogd', salutation: '  geachte   heer Bakker' })).toBe('Dhr. S. Bakker');
    expect(envelopeName({ ...name, relation: 'voogd', salutation: 'Geachte heerlijke Bakker' })).toBe('S. Bakker');
    expect(envelopeName({ ...name, relation: 'voogd', salutation: 'Geachte mevrouwtje' })).toBe('S. Bakker');
    expect(envelopeName({ ...name, relation: 'voogd', salutation: 'Zeer geachte mevrouw Bakker' })).toBe('S. Bakker');
  });

  it('without a surname the given name is written in full, with the title', () => {
    expect(envelopeName({ relation: 'moeder', salutation: '', givenName: ' Kim ', infix: 'de', familyName: ' ' })).toBe('Mevr. Kim');
    expect(envelopeName({ relation: 'voogd', salutation: '', givenName: 'Kim', infix: '', familyName: '' })).toBe('Kim');
  });

  it('prints a postcode the Dutch way, and anything else as typed', () => {
    const letter = (postalCode: string) =>
      letterAddressees({
        student: zoe,
        guardians: [{ ...mother, postalCode }],
        letterDate: LETTER_DATE,
      })[0]!.addressLines.at(-1);
    expect(letter(' 3512kl ')).toBe('3512 KL  Utrecht');
    expect(letter('3512 kl')).toBe('3512 KL  Utrecht');
    expect(letter('B-1000')).toBe('B-1000  Utrecht');
    expect(letter('x3512KL')).toBe('x3512KL  Utrecht');
    expect(letter('3512KLM')).toBe('3512KLM  Utrecht');
  });

  it('a student without a given name is greeted by full name; a household without a child’s name neutrally', () => {
    const [toStudent] = letterAddressees({
      student: { ...zoe, givenName: '', birthDate: '2010-01-01' },
      guardians: [mother],
      letterDate: LETTER_DATE,
      options: { includeWithoutAuthority: [], copyToParents: false },
    });
    expect(toStudent!.salutation).toBe('Beste de Vries,');
    const [home] = letterAddressees({
      student: { ...zoe, givenName: '' },
      guardians: [{ ...mother, salutation: '' }],
      letterDate: LETTER_DATE,
    });
    expect(home!.salutation).toBe('Geachte ouder(s)/verzorger(s),');
    const [stored] = letterAddressees({
      student: zoe,
      guardians: [{ ...mother, salutation: ' Geachte mevrouw Bakker, ' }],
      letterDate: LETTER_DATE,
    });
    expect(stored!.salutation).toBe('Geachte mevrouw Bakker,');
  });
});

describe('blanks and stray spaces as typed into the register', () => {
  const sixteen = { ...zoe, birthDate: '2010-01-01' };
  const alone = { includeWithoutAuthority: [], copyToParents: false };

  it('an address of spaces is no address: the student is written to at the next parent’s', () => {
    const blank = { ...mother, street: '  ', houseNumber: ' ', postalCode: '  ', city: ' ' };
    const [toStudent] = letterAddressees({
      student: sixteen,
      guardians: [blank, { ...father, ...dijk }],
      letterDate: LETTER_DATE,
      options: alone,
    });
    expect(toStudent!.addressLines).toEqual(['Zoë de Vries', 'Dijk 17a', '3431 KL  Nieuwegein']);
    // A street without a postcode is an address.
    const streetOnly = { ...mother, postalCode: '', city: '' };
    const [toStudent2] = letterAddressees({
      student: sixteen,
      guardians: [streetOnly, { ...father, ...dijk }],
      letterDate: LETTER_DATE,
      options: alone,
    });
    expect(toStudent2!.addressLines).toEqual(['Zoë de Vries', 'Lindelaan 4']);
  });

  it('trims what was typed around street, number, city, postcode and names', () => {
    const padded = {
      ...mother,
      street: ' Lindelaan ',
      houseNumber: ' 4 ',
      city: ' Utrecht ',
      postalCode: ' B-1000 ',
      infix: ' de ',
      familyName: ' Vries ',
    };
    const [letter] = letterAddressees({ student: zoe, guardians: [padded], letterDate: LETTER_DATE });
    expect(letter!.addressLines).toEqual(['Mevr. S. de Vries', 'Lindelaan 4', 'B-1000  Utrecht']);
  });

  it('the student’s own letter names the student on the envelope and in the copy note', () => {
    const [toStudent] = letterAddressees({
      student: { ...sixteen, givenName: ' ' },
      guardians: [mother],
      letterDate: LETTER_DATE,
      options: alone,
    });
    expect(toStudent).toMatchObject({ salutation: 'Beste de Vries,', names: ['de Vries'], addressNames: ['de Vries'] });
  });

  it('a guardian without any name is left out of the running text', () => {
    const nameless = { ...mother, givenName: '', infix: '', familyName: '' };
    const [letter] = letterAddressees({ student: zoe, guardians: [nameless, father], letterDate: LETTER_DATE });
    expect(letter!.names).toEqual(['Pieter de Vries']);
  });

  it('titles from a salutation typed loosely, and none from one that only contains the words', () => {
    const name = { givenName: 'Sanne', infix: '', familyName: 'Bakker', relation: 'voogd' };
    expect(envelopeName({ ...name, salutation: ' Geachte  mevrouw Bakker' })).toBe('Mevr. S. Bakker');
    expect(envelopeName({ ...name, salutation: 'Zeer geachte heer Bakker' })).toBe('S. Bakker');
  });

  it('a salutation with a comma inside keeps it; only the closing comma goes', () => {
    const [letter] = letterAddressees({
      student: zoe,
      guardians: [{ ...mother, salutation: 'Geachte mevrouw Bakker, MSc' }],
      letterDate: LETTER_DATE,
    });
    expect(letter!.salutation).toBe('Geachte mevrouw Bakker, MSc,');
  });

  it('the neutral salutation for a guardian whose surname is blank or whose salutation is empty', () => {
    const salutation = (g: AddresseeGuardian, student = zoe) =>
      letterAddressees({ student, guardians: [g], letterDate: LETTER_DATE })[0]!.salutation;
    expect(salutation({ ...mother, familyName: ' ', infix: '' })).toBe('Geachte ouder(s)/verzorger(s) van Zoë,');
    expect(salutation({ ...mother, salutation: '' })).toBe('Geachte ouder(s)/verzorger(s) van Zoë,');
    expect(salutation({ ...mother, salutation: '' }, { ...zoe, givenName: '  ' })).toBe('Geachte ouder(s)/verzorger(s),');
  });

  it('by default letters go to gezag holders only, with a copy for the parents of a minor', () => {
    expect(DEFAULT_ADDRESSEE_OPTIONS).toEqual({ includeWithoutAuthority: [], copyToParents: true });
    const result = letterAddressees({
      student: sixteen,
      guardians: [mother, { ...father, ...dijk, parentalAuthority: false }],
      letterDate: LETTER_DATE,
    });
    expect(result.map((l) => [l.kind, l.guardianIds])).toEqual([
      ['leerling', []],
      ['afschrift', ['moeder']],
    ]);
  });
});
