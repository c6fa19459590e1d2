import { describe, expect, it } from 'vitest';
import { guestPartners, partnerReaders, caseShown, readersOf, type CaseFacts } from '../../electron/features/disclosure/policy';
import { familyText } from '../../electron/features/disclosure/policy';
import {
  buildNameIndex,
  everybody,
  findNames,
  knowing,
  nobody,
  onlyThese,
  scrubText,
  type IndexedPerson,
} from '../../electron/features/disclosure/scrubber';

/** The vault-wide scrubber and the policy's answers, on hand-made people (the rules: disclosure/). */

const student = (
  studentId: string,
  givenName: string,
  infix: string,
  familyName: string,
  studentNumber: string,
  className: string,
): IndexedPerson => ({
  studentId,
  kind: 'student',
  givenName,
  infix,
  familyName,
  studentNumber,
  className,
});
const guardian = (studentId: string, givenName: string, infix: string, familyName: string): IndexedPerson => ({
  studentId,
  kind: 'guardian',
  givenName,
  infix,
  familyName,
});

const everyone: IndexedPerson[] = [
  student('jesse', 'Jesse', 'de', 'Vries', '700101', '2B'),
  guardian('jesse', 'Marieke', 'de', 'Vries'),
  guardian('jesse', 'Mark', 'de', 'Vries'),
  // His sister, a student too, with the same parents (guardians are kept per student).
  student('zoe', 'Zoë', 'de', 'Vries', '700102', '1A'),
  guardian('zoe', 'Marieke', 'de', 'Vries'),
  student('sanne', 'Sanne', 'de', 'Jong', '700103', '3C'),
  guardian('sanne', 'Petra', '', 'Bakker-de Jong'),
  student('noor', 'Noor', '', 'Visser', '700104', '3B'),
  guardian('noor', 'Linda', '', 'Visser'),
  student('emre', 'Emre', '', 'Aydın', '700105', '2A'),
  student('emma', 'Emma', '', 'Jansen', '700106', '4A'),
  student('bas', 'Bas', '', 'Verbeek', '700107', '4B'),
  student('noah', 'Noah', '', 'Jansen', '700108', '1B'),
  student('lisa', 'Lisa', 'van den', 'Berg', '700109', '1C'),
  student('tim', 'Tim', '', 'Kok-van Dam', '700110', '4A'),
];
const professionals = [
  { name: 'Emma de Boer', code: 'edb' },
  { name: 'Emma Prins', code: 'epr' },
  { name: 'Bram Groen', code: 'bgr' },
  { name: 'drs. M. Verbeek' },
  { name: 'Jeugdhulp Midden' },
  { name: 'Ali' },
];
const index = buildNameIndex(everyone, professionals);
const jesseFamily = onlyThese(['jesse'], true);
const scrub = (text: string) => scrubText(index, text, jesseFamily);

describe('the vault-wide scrubber', () => {
  it("replaces other students' and their parents' names, longest first, once written with a capital", () => {
    expect(scrub('Jesse zit naast Sanne de Jong; mevrouw Bakker-de Jong belde.')).toBe('Jesse zit naast [naam]; mevrouw [naam] belde.');
    expect(scrub('Sanne en Emre Aydın pesten hem; emre aydin ook.')).toBe('[naam] en [naam] pesten hem; [naam] ook.');
    expect(scrub('Petra belde.')).toBe('[naam] belde.');
  });

  it('catches possessives, initials with class and leerlingnummers', () => {
    expect(scrub("Noors moeder belt; Sannes fiets; Noor's tas.")).toBe("[naam] moeder belt; [naam] fiets; [naam]'s tas.");
    expect(scrub('N.V. (3B) en S.d.J., 3C kwamen; 700104 ook.')).toBe('[naam] en [naam] kwamen; [naam] ook.');
    expect(scrub('Jesse (J.d.V.) en 700101 blijven.')).toBe('Jesse (J.d.V.) en 700101 blijven.');
  });

  it("keeps his own family's names: a sister's given name goes, the surname they share stays", () => {
    expect(scrub('Zoë de Vries, zijn zus, en Mark de Vries kwamen.')).toBe('[naam], zijn zus, en Mark de Vries kwamen.');
    expect(scrub('Zoë helpt. Marieke de Vries ook.')).toBe('[naam] helpt. Marieke de Vries ook.');
  });

  it('leaves words that only look like a name: "te jong" is not Sanne de Jong, "Sanneke" is not Sanne', () => {
    expect(scrub('Hij is nog te jong; de visser vaart uit.')).toBe('Hij is nog te jong; de visser vaart uit.');
    expect(scrub("Sanne's fiets; Sanneke van de buren")).toBe("[naam]'s fiets; Sanneke van de buren");
    expect(scrub('')).toBe('');
  });

  it("keeps the team's and partners' names in full and staff codes, and prefers the reading that cannot leak for a lone shared given name", () => {
    expect(scrub('Gesprek met drs. M. Verbeek (Jeugdhulp Midden) en Bas Verbeek; edb belt.')).toBe(
      'Gesprek met drs. M. Verbeek (Jeugdhulp Midden) en [naam]; edb belt.',
    );
    expect(scrub('Emma de Boer belt u; Emma Jansen niet.')).toBe('Emma de Boer belt u; [naam] niet.');
    expect(scrub('Emma belt u deze week.')).toBe('[naam] belt u deze week.');
    const found = findNames(index, 'Emma belt u deze week.', jesseFamily);
    expect(found).toMatchObject([{ text: 'Emma', studentIds: ['emma'], alsoStaff: true }]);
  });

  it('catches what a hurried secretary types: lower case, particles, double names, numbers inside words, initials without dots', () => {
    expect(scrub('noah jansen pest hem; NOAH JANSEN ook.')).toBe('[naam] pest hem; [naam] ook.');
    expect(scrub('Lisa van den Berg en mevrouw Van den Berg; van den Berg belde.')).toBe('[naam] en mevrouw [naam]; [naam] belde.');
    expect(scrub('Tim Kok-van Dam, meneer Kok-van Dam en Tims broer.')).toBe('[naam], meneer [naam] en [naam] broer.');
    expect(scrub('Zie lln700104 en ll.nr.700104 (700104).')).toBe('Zie lln[naam] en ll.nr.[naam] ([naam]).');
    expect(scrub('NV (3B) en n.v., 3b; N.V. alleen.')).toBe('[naam] en [naam]; [naam] alleen.');
    expect(scrub('Bellen met Noor, NV (3B).')).toBe('Bellen met [naam], [naam].');
    // Without a class, letters without dots are too often something else (NV, AVG, OPP).
    expect(scrub('Het NV-bedrijf en de AVG (3B).')).toBe('Het NV-bedrijf en de AVG (3B).');
    // His own number glued to a word stays, and is not read as anything else.
    expect(scrub('lln700101')).toBe('lln700101');
  });

  it('does not mangle a letter: a colleague in full stays, and one the letter names keeps a lone given name (not a possessive)', () => {
    expect(scrub('Emma Prins belt u; Emma Prins en Emma Jansen.')).toBe('Emma Prins belt u; Emma Prins en [naam].');
    const letter = knowing(jesseFamily, ['Emma Prins']);
    expect(scrubText(index, 'Emma belt u deze week.', letter)).toBe('Emma belt u deze week.');
    expect(scrubText(index, 'Emmas moeder en Emma Jansen; Noor belt.', letter)).toBe('[naam] moeder en [naam]; [naam] belt.');
    // The warning while typing still names the hard case.
    expect(findNames(index, 'Emma belt u.', jesseFamily)).toMatchObject([{ text: 'Emma', alsoStaff: true }]);
    // A parents' text: codes become names, the letter's contact keeps her given name, another child goes.
    const forParents = familyText(index, 'jesse', [{ code: 'epr', name: 'Emma Prins' }], ['Emma Prins']);
    expect(forParents('epr belt u; Emma ook. Sanne de Jong niet.')).toBe('Emma Prins belt u; Emma ook. [naam] niet.');
  });

  it('names nothing for nobody, and leaves everything for everybody', () => {
    expect(scrubText(index, 'Jesse de Vries en Marieke', nobody)).toBe('[naam] en [naam]');
    expect(scrubText(index, 'Jesse de Vries en Noor', everybody)).toBe('Jesse de Vries en Noor');
  });
});

describe('the disclosure policy', () => {
  const partners = [
    { id: 'lp', name: 'Leerplicht Utrecht', kind: 'leerplicht' as const },
    { id: 'ggd', name: 'GGD regio Utrecht', kind: 'ggd' as const },
  ];
  it('takes an item guest of kind partner for a partner of the school, or an unknown external', () => {
    expect(guestPartners([{ kind: 'partner', name: 'leerplicht' }], partners).map((p) => p.id)).toEqual(['lp']);
    expect(
      guestPartners(
        [
          { kind: 'partner', name: 'GGD regio Utrecht' },
          { kind: 'ouders', name: 'Linda Visser' },
        ],
        partners,
      ).map((p) => p.id),
    ).toEqual(['ggd']);
    expect(guestPartners([{ kind: 'partner', name: 'Veilig Thuis' }], partners)[0]!.id).toBe('gast:veilig thuis');
  });

  it("shows a partner a case named only when that partner's consent covers it; leaves out besloten items and those they left or were not at", () => {
    const gate = (named: boolean, leaves = false) => ({
      state: named ? 'ok' : 'missing',
      partners: [{ partnerId: 'lp', named, leaves }],
    });
    const c = (id: string, over: Partial<CaseFacts>): CaseFacts => ({
      id,
      kind: 'casus',
      studentId: id,
      confidential: false,
      consent: gate(true),
      ...over,
    });
    const partner = { kind: 'partner' as const, partnerId: 'lp', items: null };
    expect(caseShown(partner, c('a', {}))).toBe('named');
    expect(caseShown(partner, c('b', { consent: gate(false) }))).toBe('anonymised');
    expect(caseShown(partner, c('c', { consent: gate(false, true) }))).toBe('left-out');
    expect(caseShown(partner, c('d', { confidential: true }))).toBe('left-out');
    expect(caseShown({ ...partner, items: new Set(['a']) }, c('e', {}))).toBe('left-out');
    const readers = readersOf(partner, [c('a', {}), c('b', { consent: gate(false) })]);
    expect([readers.student('a'), readers.family('a'), readers.student('b'), readers.student('x')]).toEqual([true, true, false, false]);
  });

  it('gives a partner a version of the whole meeting when at the table, of their items when a guest', () => {
    const readers = partnerReaders(
      [{ person: 'partner:ggd', kind: 'partner', name: 'GGD regio Utrecht', presence: 'aanwezig' }],
      [{ id: 'i1', guests: [{ kind: 'partner', name: 'Leerplicht' }], change: null }],
      partners,
    );
    expect(readers).toEqual([
      { partnerId: 'ggd', name: 'GGD regio Utrecht', items: null },
      { partnerId: 'lp', name: 'Leerplicht Utrecht', items: ['i1'] },
    ]);
  });
});
