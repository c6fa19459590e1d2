import { describe, expect, it } from 'vitest';
import { defaultSalutation, fullName, normalizeForSearch, studentSearchText, type PersonName } from '../../electron/features/people/names';

describe('names', () => {
  it('writes names the Dutch way', () => {
    expect(fullName({ givenName: 'Daan', infix: 'de', familyName: 'Vries' })).toBe('Daan de Vries');
    expect(defaultSalutation({ relation: 'moeder', infix: 'de', familyName: 'Vries' })).toBe('Geachte mevrouw De Vries');
    expect(defaultSalutation({ relation: 'vader', infix: 'van der', familyName: 'Meer' })).toBe('Geachte heer Van der Meer');
    expect(defaultSalutation({ relation: 'pleegouder', infix: '', familyName: 'Mulder' })).toBe('Geachte ouder(s)/verzorger(s)');
  });

  it('searches without accents or case', () => {
    expect(normalizeForSearch('  Çağan  ÖZTÜRK ')).toBe('cagan ozturk');
    expect(studentSearchText({ givenName: 'Zoë', infix: 'de', familyName: 'Wit', studentNumber: '500101', className: '1A' })).toContain(
      'zoe de wit',
    );
  });

  it.each([
    ['Eléonore-Dubois', 'eleonore dubois'],
    ['Bakker-de Jong', 'bakker de jong'],
    ['Aydın', 'aydin'],
    ['AYDIN', 'aydin'],
    ['İsmail', 'ismail'],
    ['Groß', 'gross'],
    ['GROẞ', 'gross'],
    ['Søren Ødegård', 'soren odegard'],
    ['Ærøskøbing', 'aeroskobing'],
    ['Œzil', 'oezil'],
    ['Łukasz Wałęsa', 'lukasz walesa'],
    ['Đorđević', 'dordevic'],
    ['Ðuro', 'duro'],
    ['Þór', 'thor'],
    ['Ğülşen Çakır', 'gulsen cakir'],
    ['Şahin', 'sahin'],
    ['Ĳsselstein', 'ijsselstein'],
    ['IJsbrand', 'ijsbrand'],
    ['Məmmədov', 'memmedov'],
    ['Nguyễn', 'nguyen'],
    ["van 't Hooft", 'van t hooft'],
    ["O'Brien", 'o brien'],
    ['ﬁnn', 'finn'],
    ['"de jong" OR vries*', 'de jong or vries'],
    ['\t  ', ''],
  ])('folds %j to %j', (typed, folded) => {
    expect(normalizeForSearch(typed)).toBe(folded);
  });

  it('sorts students the Dutch way: family name without particle, accents folded, then given name', () => {
    const people: PersonName[] = [
      { givenName: 'Sanne', infix: '', familyName: 'Visser' },
      { givenName: 'Emre', infix: '', familyName: 'Ünal' },
      { givenName: 'Pieter', infix: "van 't", familyName: 'Hooft' },
      { givenName: 'Daan', infix: 'de', familyName: 'Vries' },
      { givenName: 'Ayşe', infix: '', familyName: 'Çelik' },
      { givenName: 'Anna', infix: 'van', familyName: 'Dijk' },
      { givenName: 'Eléonore', infix: '', familyName: 'Bakker-de Jong' },
      { givenName: 'Zoë', infix: '', familyName: 'Bakker' },
      { givenName: 'Bram', infix: '', familyName: 'Bakker' },
      { givenName: 'Yusuf', infix: '', familyName: 'El Amrani' },
      { givenName: 'Zeynep', infix: '', familyName: 'El' },
      { givenName: 'Elif', infix: '', familyName: 'Aydın' },
      { givenName: 'Jesse', infix: 'de', familyName: 'Jong' },
      { givenName: 'Lotte', infix: '', familyName: 'Jongeneel' },
    ];
    const key = (p: PersonName, i: number) => studentSearchText({ ...p, studentNumber: String(1000 + i), className: '1A' });
    const sorted = people
      .map((p, i) => ({ name: fullName(p), key: key(p, i) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((p) => p.name);
    expect(sorted).toEqual([
      'Elif Aydın',
      'Bram Bakker',
      'Zoë Bakker',
      'Eléonore Bakker-de Jong',
      'Ayşe Çelik',
      'Anna van Dijk',
      'Zeynep El',
      'Yusuf El Amrani',
      "Pieter van 't Hooft",
      'Jesse de Jong',
      'Lotte Jongeneel',
      'Emre Ünal',
      'Sanne Visser',
      'Daan de Vries',
    ]);
  });
});
