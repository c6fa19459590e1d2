import { describe, expect, it } from 'vitest';
import { defaultSalutation, fullName, normalizeForSearch, studentSearchText } from '../../electron/features/people/names';

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
