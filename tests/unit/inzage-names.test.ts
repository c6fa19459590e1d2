import { describe, expect, it } from 'vitest';
import { otherFamiliesScrubber, type NamedPerson } from '../../electron/features/inzage/other-names';

/** Other families' names in one student's inzage, on hand-made people (the rule: other-names.ts). */

const person = (studentId: string, givenName: string, infix: string, familyName: string): NamedPerson => ({ studentId, givenName, infix, familyName });

const everyone: NamedPerson[] = [
  person('jesse', 'Jesse', 'de', 'Vries'),
  person('jesse', 'Marieke', 'de', 'Vries'),
  person('jesse', 'Mark', 'de', 'Vries'),
  // His sister, a student too, with the same parents (guardians are kept per student).
  person('zoe', 'Zoë', 'de', 'Vries'),
  person('zoe', 'Marieke', 'de', 'Vries'),
  person('sanne', 'Sanne', 'de', 'Jong'),
  person('sanne', 'Petra', '', 'Bakker-de Jong'),
  person('aydin', 'Emre', '', 'Aydın'),
];
const scrub = otherFamiliesScrubber(everyone, 'jesse');

describe('other families in an inzage', () => {
  it("replaces other students' and their parents' names, longest first, in any case once written with a capital", () => {
    expect(scrub('Jesse zit naast Sanne de Jong; mevrouw Bakker-de Jong belde.')).toBe('Jesse zit naast [naam]; mevrouw [naam] belde.');
    expect(scrub('Sanne en Emre Aydın pesten hem.')).toBe('[naam] en [naam] pesten hem.');
    expect(scrub('Petra belde.')).toBe('[naam] belde.');
  });

  it("keeps his own family's names: a sister's given name goes, the surname they share stays", () => {
    expect(scrub('Zoë de Vries, zijn zus, en Mark de Vries kwamen.')).toBe('[naam], zijn zus, en Mark de Vries kwamen.');
    expect(scrub('Zoë helpt. Marieke de Vries ook.')).toBe('[naam] helpt. Marieke de Vries ook.');
  });

  it('leaves words that only look like a surname when nobody wrote a name: "te jong" is not Sanne de Jong', () => {
    expect(scrub('Hij is nog te jong voor de bovenbouw.')).toBe('Hij is nog te jong voor de bovenbouw.');
    expect(scrub('')).toBe('');
  });

  it("keeps the team's and the partners' names written in full, even when a family shares the surname", () => {
    const withTeam = otherFamiliesScrubber([...everyone, person('bas', 'Bas', '', 'Verbeek')], 'jesse', ['drs. M. Verbeek', 'Jeugdhulp Midden']);
    expect(withTeam('Gesprek met drs. M. Verbeek (Jeugdhulp Midden) en Bas Verbeek.')).toBe('Gesprek met drs. M. Verbeek (Jeugdhulp Midden) en [naam].');
    expect(withTeam('Mevrouw Verbeek belt.')).toBe('Mevrouw [naam] belt.');
  });

  it('shields only whole professional names of two or more words: a one-word contact name may be a child\'s', () => {
    const withContacts = otherFamiliesScrubber([...everyone, person('alissa', 'Alissa', '', 'Smit'), person('sem', 'Sanne', '', 'Kok')], 'jesse', ['Ali', 'Sanne', 'Ali Yilmaz']);
    expect(withContacts('Alissa Smit en Sanne Kok; Ali Yilmaz belt terug.')).toBe('[naam] en [naam]; Ali Yilmaz belt terug.');
  });

  it('scrubs only whole words', () => {
    expect(scrub("Sanne's fiets; Sanneke van de buren")).toBe("[naam]'s fiets; Sanneke van de buren");
  });
});
