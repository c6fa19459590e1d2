import { describe, expect, it } from 'vitest';
import { familyShown, type CaseFacts } from '../../electron/features/disclosure/policy';

/** Who may read the names of the parents and the student present at a case (issue 23, point 4). */
describe('the family at its case under "Aanwezig"', () => {
  const gate = (state: string) => ({ state, partners: [{ partnerId: 'lp', named: state === 'ok', leaves: false }] });
  const jesse: CaseFacts = { id: 'i1', kind: 'casus', studentId: 'jesse', confidential: false, consent: gate('ok') };
  const sara: CaseFacts = {
    id: 'i2',
    kind: 'casus',
    studentId: 'sara',
    confidential: false,
    consent: gate('ontbreekt'),
  };
  const cases = [jesse, sara];

  it('names the family for the team only in a document with full names and a case named for everyone at the table', () => {
    expect(familyShown({ kind: 'team' }, jesse, cases, 'volledig')).toBe('named');
    expect(familyShown({ kind: 'team' }, jesse, cases, 'initialen')).toBe('by-role');
    expect(familyShown({ kind: 'team' }, sara, cases, 'volledig')).toBe('by-role');
  });

  it("gives a child's own readers their own family by name and never another child's family", () => {
    for (const kind of ['parents', 'student', 'file'] as const) {
      expect(familyShown({ kind, studentId: 'jesse' }, jesse, cases, 'initialen')).toBe('named');
      expect(familyShown({ kind, studentId: 'jesse' }, sara, cases, 'volledig')).toBe('left-out');
    }
  });

  it('follows what a partner may read: named only where the case is named to them, nothing of a case they were not at', () => {
    expect(familyShown({ kind: 'partner', partnerId: 'lp', items: null }, jesse, cases, 'volledig')).toBe('named');
    expect(familyShown({ kind: 'partner', partnerId: 'lp', items: null }, sara, cases, 'volledig')).toBe('by-role');
    expect(familyShown({ kind: 'partner', partnerId: 'lp', items: new Set(['i2']) }, jesse, cases, 'volledig')).toBe('left-out');
    expect(familyShown({ kind: 'partner', partnerId: 'lp', items: null }, { ...jesse, confidential: true }, cases, 'volledig')).toBe(
      'left-out',
    );
  });
});
