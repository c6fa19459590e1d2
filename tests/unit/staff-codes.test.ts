import { describe, expect, it } from 'vitest';
import { staffCodesAsNames } from '../../electron/features/people/staff-codes';

/** Parents read names, not codes (issue 21): the one function every parents' text goes through. */
const staff = [
  { code: 'bgr', name: 'Bram Groen' },
  { code: 'awo', name: 'Anouk Wolters' },
  { code: 'sisl', name: 'Sietske Slot' },
  { code: 'de', name: 'Dirk Evers' },
];

describe('staffCodesAsNames', () => {
  it.each([
    ['terugkoppelen aan bgr', 'terugkoppelen aan Bram Groen'],
    ['BGR belt u deze week.', 'Bram Groen belt u deze week.'],
    ['awo/bgr plannen een gesprek (sisl schuift aan).', 'Anouk Wolters/Bram Groen plannen een gesprek (Sietske Slot schuift aan).'],
    ['Gesprek met bgr.', 'Gesprek met Bram Groen.'],
  ])('%s', (typed, read) => expect(staffCodesAsNames(typed, staff)).toBe(read));

  it.each([
    ['a code inside a word', 'bgrx en abgr en awoke'],
    ['an e-mail address or a file name', 'mail naar bgr@school.nl of open awo.docx'],
    ['a capitalised word that could be a name', 'Bgr en Awo'],
    ['a code that is an everyday word', 'met de mentor'],
  ])('leaves alone %s', (_, text) => expect(staffCodesAsNames(text, staff)).toBe(text));

  it('changes nothing without staff, and is the same when applied twice', () => {
    expect(staffCodesAsNames('aan bgr', [])).toBe('aan bgr');
    const once = staffCodesAsNames('aan bgr en awo', staff);
    expect(staffCodesAsNames(once, staff)).toBe(once);
  });
});
