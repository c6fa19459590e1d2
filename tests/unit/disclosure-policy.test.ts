import { describe, expect, it } from 'vitest';
import {
  anonymousLabel,
  caseShown,
  familyShown,
  guestPartners,
  internGoes,
  itemShown,
  listReaders,
  namedForAll,
  partnerReaders,
  readersOf,
  staffBy,
  textGoes,
  type Audience,
  type CaseFacts,
  type KnownPartner,
} from '../../electron/features/disclosure/policy';

/** Every audience once, the way the channels name their readers. */
const audiences: Record<string, Audience> = {
  team: { kind: 'team' },
  tableIntern: { kind: 'table', externals: false },
  tableExtern: { kind: 'table', externals: true },
  partnerAll: { kind: 'partner', partnerId: 'lp', items: null },
  partnerSome: { kind: 'partner', partnerId: 'lp', items: new Set(['c-ok']) },
  parents: { kind: 'parents', studentId: 's-ok' },
  student: { kind: 'student', studentId: 's-ok' },
  projector: { kind: 'projector', showNames: false },
  projectorNames: { kind: 'projector', showNames: true },
  file: { kind: 'file', studentId: 's-ok' },
};

const casus = (id: string, studentId: string | null, consent: CaseFacts['consent'], confidential = false): CaseFacts => ({
  id,
  kind: 'casus',
  studentId,
  confidential,
  consent,
});
const cases = {
  ok: casus('c-ok', 's-ok', { state: 'ok', partners: [{ partnerId: 'lp', named: true, leaves: false }] }),
  missing: casus('c-mis', 's-mis', {
    state: 'ontbreekt',
    partners: [{ partnerId: 'lp', named: false, leaves: false }],
  }),
  leaves: casus('c-out', 's-out', { state: 'ontbreekt', partners: [{ partnerId: 'lp', named: false, leaves: true }] }),
  closed: casus('c-bes', 's-bes', { state: 'ok', partners: [{ partnerId: 'lp', named: true, leaves: false }] }, true),
  anonymous: casus('c-anon', null, null),
  intern: casus('c-int', 's-int', { state: 'intern' }),
};

describe('caseShown: every audience, every kind of case', () => {
  it('matches the table of domain.md', () => {
    const table = Object.fromEntries(
      Object.entries(audiences).map(([name, audience]) => [
        name,
        Object.fromEntries(Object.entries(cases).map(([c, item]) => [c, caseShown(audience, item)])),
      ]),
    );
    expect(table).toEqual({
      team: {
        ok: 'named',
        missing: 'initials',
        leaves: 'initials',
        closed: 'named',
        anonymous: 'named',
        intern: 'named',
      },
      tableIntern: {
        ok: 'named',
        missing: 'anonymised',
        leaves: 'anonymised',
        closed: 'named',
        anonymous: 'anonymised',
        intern: 'named',
      },
      tableExtern: {
        ok: 'named',
        missing: 'anonymised',
        leaves: 'anonymised',
        closed: 'named',
        anonymous: 'anonymised',
        intern: 'named',
      },
      partnerAll: {
        ok: 'named',
        missing: 'anonymised',
        leaves: 'left-out',
        closed: 'left-out',
        anonymous: 'anonymised',
        intern: 'anonymised',
      },
      partnerSome: {
        ok: 'named',
        missing: 'left-out',
        leaves: 'left-out',
        closed: 'left-out',
        anonymous: 'left-out',
        intern: 'left-out',
      },
      parents: {
        ok: 'named',
        missing: 'left-out',
        leaves: 'left-out',
        closed: 'left-out',
        anonymous: 'left-out',
        intern: 'left-out',
      },
      student: {
        ok: 'named',
        missing: 'left-out',
        leaves: 'left-out',
        closed: 'left-out',
        anonymous: 'left-out',
        intern: 'left-out',
      },
      projector: {
        ok: 'initials',
        missing: 'initials',
        leaves: 'initials',
        closed: 'initials',
        anonymous: 'initials',
        intern: 'initials',
      },
      projectorNames: {
        ok: 'named',
        missing: 'initials',
        leaves: 'initials',
        closed: 'named',
        anonymous: 'named',
        intern: 'named',
      },
      file: {
        ok: 'named',
        missing: 'left-out',
        leaves: 'left-out',
        closed: 'left-out',
        anonymous: 'left-out',
        intern: 'left-out',
      },
    });
  });

  it('a partner the gate says nothing about is not named to; a case without a gate neither', () => {
    const other: Audience = { kind: 'partner', partnerId: 'jgz', items: null };
    expect(caseShown(other, cases.ok)).toBe('anonymised');
    expect(caseShown(audiences.partnerAll!, casus('c-x', 's-x', null))).toBe('anonymised');
    expect(caseShown(audiences.partnerAll!, casus('c-y', 's-y', { state: 'ok' }))).toBe('anonymised');
  });

  it('the gate lets a case through for all only when ok or internal', () => {
    expect([null, { state: 'ok' }, { state: 'intern' }, { state: 'ontbreekt' }, { state: 'geweigerd' }].map(namedForAll)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('items, text and staff per reader', () => {
  it('a non-case item reaches the team, the table and the projector; a partner only where they were and not when besloten', () => {
    const open = { id: 'c-ok', confidential: false };
    const elsewhere = { id: 'other', confidential: false };
    const closed = { id: 'c-ok', confidential: true };
    const shown = (item: { id: string; confidential: boolean }) =>
      Object.fromEntries(Object.entries(audiences).map(([n, a]) => [n, itemShown(a, item)]));
    expect(shown(open)).toEqual({
      team: true,
      tableIntern: true,
      tableExtern: true,
      partnerAll: true,
      partnerSome: true,
      parents: false,
      student: false,
      projector: true,
      projectorNames: true,
      file: false,
    });
    expect(shown(elsewhere)).toMatchObject({ partnerAll: true, partnerSome: false });
    expect(shown(closed)).toMatchObject({ team: true, partnerAll: false, partnerSome: false });
  });

  it('intern text goes to the team and the file; "mag naar ouders" to everyone; codes only to the team', () => {
    for (const [name, audience] of Object.entries(audiences)) {
      const intern = name === 'team' || name === 'file';
      expect(internGoes(audience), name).toBe(intern);
      expect(textGoes(audience, 'intern'), name).toBe(intern);
      expect(textGoes(audience, 'ouders'), name).toBe(true);
      expect(staffBy(audience), name).toBe(name === 'team' ? 'code' : 'name');
    }
  });

  it('a list in full names reads every name, one in initials none', () => {
    expect(listReaders('volledig').student('x') && listReaders('volledig').family('x')).toBe(true);
    expect(listReaders('initialen').student('x') || listReaders('initialen').family('x')).toBe(false);
  });
});

describe('whose names stay in free text', () => {
  const all = Object.values(cases);
  const who = (audience: Audience, current?: CaseFacts) => {
    const readers = readersOf(audience, all, current);
    const ids = ['s-ok', 's-mis', 's-out', 's-bes', 's-int', 's-other'];
    return { students: ids.filter((id) => readers.student(id)), families: ids.filter((id) => readers.family(id)) };
  };

  it('per reader', () => {
    expect(who(audiences.team!)).toEqual({
      students: ['s-ok', 's-bes', 's-int', 's-other'],
      families: ['s-ok', 's-bes', 's-int', 's-other'],
    });
    expect(who(audiences.tableIntern!)).toEqual({
      students: ['s-ok', 's-bes', 's-int', 's-other'],
      families: ['s-ok', 's-bes', 's-int', 's-other'],
    });
    expect(who(audiences.tableExtern!)).toEqual({
      students: ['s-ok', 's-bes', 's-int'],
      families: ['s-ok', 's-bes', 's-int'],
    });
    expect(who(audiences.partnerAll!)).toEqual({ students: ['s-ok'], families: ['s-ok'] });
    expect(who(audiences.parents!)).toEqual({ students: ['s-ok'], families: ['s-ok'] });
    expect(who(audiences.file!)).toEqual({ students: ['s-ok'], families: ['s-ok'] });
    expect(who(audiences.projectorNames!, cases.ok)).toEqual({ students: ['s-ok'], families: [] });
    expect(who(audiences.projectorNames!, cases.missing)).toEqual({ students: [], families: [] });
    expect(who(audiences.projector!, cases.ok)).toEqual({ students: [], families: [] });
    expect(who(audiences.projectorNames!)).toEqual({ students: [], families: [] });
    expect(who(audiences.projectorNames!, cases.anonymous)).toEqual({ students: [], families: [] });
  });

  it('a topic that is not a casus holds no student to shield or to name', () => {
    const topic: CaseFacts = {
      id: 't',
      kind: 'onderwerp',
      studentId: 's-mis',
      confidential: false,
      consent: { state: 'ontbreekt' },
    };
    expect(readersOf(audiences.team!, [topic]).student('s-mis')).toBe(true);
    expect(
      readersOf(audiences.partnerAll!, [
        { ...topic, consent: { state: 'ok', partners: [{ partnerId: 'lp', named: true, leaves: false }] } },
      ]).student('s-mis'),
    ).toBe(false);
    expect(readersOf(audiences.projectorNames!, [topic], { ...topic, consent: null }).student('s-mis')).toBe(false);
  });
});

describe('how the family at their own case is listed', () => {
  const all = Object.values(cases);
  it('by name to their own readers and where the full name may be read, by role elsewhere, not where the case does not reach', () => {
    expect(familyShown(audiences.parents!, cases.ok, all, 'initialen')).toBe('named');
    expect(familyShown(audiences.file!, cases.ok, all, 'initialen')).toBe('named');
    expect(familyShown(audiences.student!, cases.ok, all, 'initialen')).toBe('named');
    expect(familyShown(audiences.parents!, cases.missing, all, 'volledig')).toBe('left-out');
    expect(familyShown(audiences.team!, cases.ok, all, 'volledig')).toBe('named');
    expect(familyShown(audiences.team!, cases.ok, all, 'initialen')).toBe('by-role');
    expect(familyShown(audiences.team!, cases.missing, all, 'volledig')).toBe('by-role');
    expect(familyShown(audiences.partnerAll!, cases.ok, all, 'volledig')).toBe('named');
    expect(familyShown(audiences.partnerAll!, cases.leaves, all, 'volledig')).toBe('left-out');
    expect(familyShown(audiences.team!, cases.anonymous, all, 'volledig')).toBe('left-out');
    expect(familyShown(audiences.projectorNames!, cases.ok, all, 'volledig')).toBe('by-role');
  });
});

describe('the anonymous label', () => {
  it('names the year level only, with a capital', () => {
    expect(anonymousLabel(2)).toBe('Leerling uit leerjaar 2');
    expect(anonymousLabel(null)).toBe('Leerling');
    expect(anonymousLabel(undefined)).toBe('Leerling');
    expect(anonymousLabel(0)).toBe('Leerling');
    expect(anonymousLabel(3, 'casus uit de onderbouw')).toBe('Casus uit de onderbouw');
    expect(anonymousLabel(3, null)).toBe('Leerling uit leerjaar 3');
  });
});

describe('external guests', () => {
  const known: KnownPartner[] = [
    { id: 'lp', name: 'Leerplicht Utrecht', kind: 'leerplicht' },
    { id: 'ggd', name: 'GGD regio Utrecht', kind: 'ggd' },
    { id: 'swv', name: 'SWV Sterk VO', kind: 'samenwerkingsverband' },
  ];

  it('matches a guest to a partner by name, folded, by part of the name, or by kind; others are guests without consent', () => {
    const match = (name: string) => guestPartners([{ kind: 'partner', name }], known).map((p) => p.id);
    expect(match('leerplicht  utrecht')).toEqual(['lp']);
    expect(match('GGD Regio Utrecht ')).toEqual(['ggd']);
    expect(match('Mw. Jansen, Leerplicht Utrecht')).toEqual(['lp']);
    expect(match('Sterk')).toEqual(['swv']);
    expect(match('GGD')).toEqual(['ggd']);
    expect(match('de leerplicht')).toEqual(['lp']);
    expect(match('VO')).toEqual(['gast:vo']);
    expect(match('Jeugdhulp Één')).toEqual(['gast:jeugdhulp een']);
    expect(guestPartners([{ kind: 'partner', name: 'Wijkteam Oost' }], known)).toEqual([
      { id: 'gast:wijkteam oost', name: 'Wijkteam Oost', kind: 'anders' },
    ]);
    expect(guestPartners([{ kind: 'ouder', name: 'Leerplicht Utrecht' }], known)).toEqual([]);
    expect(
      guestPartners(
        [
          { kind: 'partner', name: 'Leerplicht' },
          { kind: 'partner', name: 'leerplicht utrecht' },
        ],
        known,
      ),
    ).toHaveLength(1);
  });

  it('minutes have a version for each partner at the table (not absent) and each guest, for their items only', () => {
    const readers = partnerReaders(
      [
        { person: 'partner:swv', kind: 'partner', name: 'SWV (oude naam)', presence: null },
        { person: 'partner:ggd', kind: 'partner', name: 'GGD', presence: 'afwezig' },
        { person: 'partner:x', kind: 'partner', name: 'Onbekend', presence: 'aanwezig' },
        { person: 'partner:lp2', kind: 'partner', name: 'Weg', presence: 'afwezig-met-bericht' },
        { person: 'staff:1', kind: 'staff', name: 'Bram', presence: null },
      ],
      [
        { id: 'i1', guests: [{ kind: 'partner', name: 'Leerplicht Utrecht' }], change: null },
        {
          id: 'i2',
          guests: [
            { kind: 'partner', name: 'Leerplicht Utrecht' },
            { kind: 'partner', name: 'SWV Sterk VO' },
          ],
          change: null,
        },
        { id: 'i3', guests: [{ kind: 'partner', name: 'GGD regio Utrecht' }], change: 'vervallen' },
      ],
      known,
    );
    expect(readers).toEqual([
      { partnerId: 'lp', name: 'Leerplicht Utrecht', items: ['i1', 'i2'] },
      { partnerId: 'x', name: 'Onbekend', items: null },
      { partnerId: 'swv', name: 'SWV Sterk VO', items: null },
    ]);
  });
});
