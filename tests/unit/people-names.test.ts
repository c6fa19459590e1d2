import { describe, expect, it } from 'vitest';
import { defaultSalutation, fullName, normalizeForSearch, studentSearchText } from '../../electron/features/people/names';
import { letterRecipients, type GuardianAddress } from '../../electron/features/people/letter-recipients';

describe('names', () => {
  it('writes names the Dutch way', () => {
    expect(fullName({ givenName: 'Daan', infix: 'de', familyName: 'Vries' })).toBe('Daan de Vries');
    expect(defaultSalutation({ relation: 'moeder', infix: 'de', familyName: 'Vries' })).toBe('Geachte mevrouw De Vries');
    expect(defaultSalutation({ relation: 'vader', infix: 'van der', familyName: 'Meer' })).toBe('Geachte heer Van der Meer');
    expect(defaultSalutation({ relation: 'pleegouder', infix: '', familyName: 'Mulder' })).toBe('Geachte ouder(s)/verzorger(s)');
  });

  it('searches without accents or case', () => {
    expect(normalizeForSearch('  Çağan  ÖZTÜRK ')).toBe('cagan ozturk');
    expect(studentSearchText({ givenName: 'Zoë', infix: 'de', familyName: 'Wit', studentNumber: '500101', className: '1A' })).toContain('zoe de wit');
  });
});

describe('letter recipients', () => {
  const guardian = (id: string, salutation: string, postalCode: string, houseNumber: string): GuardianAddress => ({
    id,
    salutation,
    givenName: id,
    infix: '',
    familyName: 'Jansen',
    street: 'Straat',
    houseNumber,
    postalCode,
    city: 'Utrecht',
  });

  it('sends one letter to two guardians at the same address', () => {
    const letters = letterRecipients([
      guardian('A', 'Geachte mevrouw Jansen', '3512 AB', '12'),
      guardian('B', 'Geachte heer Jansen', '3512AB', '12'),
    ]);
    expect(letters).toHaveLength(1);
    expect(letters[0]!.salutation).toBe('Geachte mevrouw Jansen en geachte heer Jansen');
    expect(letters[0]!.addressLines[0]).toBe('A Jansen en B Jansen');
  });

  it('sends separated parents a letter each', () => {
    expect(letterRecipients([guardian('A', 'x', '3512 AB', '12'), guardian('B', 'y', '3431 KL', '4')])).toHaveLength(2);
  });

  it('never drops a guardian without an address, and never merges two of them', () => {
    const letters = letterRecipients([guardian('A', 'x', '', ''), guardian('B', 'y', '', '')]);
    expect(letters.map((l) => l.guardianIds)).toEqual([['A'], ['B']]);
    expect(letters[0]!.addressLines).toEqual(['A Jansen', 'Straat', 'Utrecht']);
  });

  it('uses the neutral salutation when one of the household has it, and joins three at one address', () => {
    const letters = letterRecipients([
      guardian('A', 'Geachte mevrouw Jansen', '3512 AB', '12'),
      guardian('B', 'Geachte ouder(s)/verzorger(s)', '3512 AB', '12'),
      guardian('C', 'Geachte heer Jansen', '3512 AB', '12'),
    ]);
    expect(letters).toEqual([
      {
        guardianIds: ['A', 'B', 'C'],
        salutation: 'Geachte ouder(s)/verzorger(s)',
        addressLines: ['A Jansen en B Jansen en C Jansen', 'Straat 12', '3512 AB  Utrecht'],
      },
    ]);
  });
});
