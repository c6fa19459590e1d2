import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../electron/app/contract';
import { methodRoles, rulePermits, type MethodRoles, type RolesRule } from '../../electron/app/method-roles';
import { userRoles } from '../../electron/features/settings/vocabulary';

/**
 * Issue 22: every method of the contract has a row in the roles table; a missing row does not
 * compile, so no method is open by default.
 */

describe('the roles table', () => {
  it('has exactly one row per method of the contract', () => {
    expect(Object.keys(methodRoles).sort()).toEqual([...methodNames].sort());
  });

  it('a missing row, or a role rule on a method without a user, does not compile', () => {
    // Each line below must stay a type error: `npm run typecheck` fails when one stops being one.
    const { 'students.save': _dropped, ...withoutRow } = methodRoles;
    // @ts-expect-error a table without the row of students.save is not a MethodRoles
    const partial: MethodRoles = withoutRow;
    const publicWithRoles: MethodRoles = {
      ...methodRoles,
      // @ts-expect-error before unlocking there is nobody whose roles could be asked
      'vault.unlock': { who: 'roles', anyOf: ['coordinator'], to: 'ontgrendelen' },
    };
    // @ts-expect-error a row for a method the contract does not have
    const extra: MethodRoles = { ...methodRoles, 'students.delete': { who: 'team', why: '' } };
    expect([partial, publicWithRoles, extra].every((t) => typeof t === 'object')).toBe(true);
  });

  it('public methods are open to anyone; methods of the vault name the team or roles', () => {
    for (const method of methodNames) {
      const rule = methodRoles[method];
      if (contract[method].access === 'public') expect(rule.who, method).toBe('anyone');
      else expect(['team', 'roles'], method).toContain(rule.who);
    }
  });

  it('every role rule names at least one role and finishes the Dutch refusal', () => {
    for (const method of methodNames) {
      const rule = methodRoles[method];
      if (rule.who !== 'roles') continue;
      expect(rule.anyOf.length, method).toBeGreaterThan(0);
      expect(rule.to, method).toMatch(/^[a-zA-Z]/);
    }
  });

  it('the facts consent rests on, and what the coordinator owns, are the coordinator’s alone', () => {
    const coordinatorOnly = [
      'students.save',
      'students.setStatus',
      'guardians.save',
      'guardians.remove',
      'staff.save',
      'partners.save',
      'import.analyze',
      'import.preview',
      'import.start',
      'import.progress',
      'retention.setDestination',
      'consent.record',
      'consent.withdraw',
      'users.add',
      'users.setRoles',
      'users.remove',
      'settings.update',
      'letters.preview',
      'letters.start',
      'audit.list',
      'audit.export',
      'backup.create',
      'backup.restore',
    ] as const;
    for (const method of coordinatorOnly) expect((methodRoles[method] as RolesRule).anyOf, method).toEqual(['coordinator']);
  });

  it('members hand in intakes; chair and secretary keep the agenda and the minutes', () => {
    for (const method of ['intakes.create', 'intakes.saveDraft', 'intakes.submit'] as const)
      expect(rulePermits(methodRoles[method], []), method).toBe(true);
    for (const method of ['agenda.addItem', 'minutes.saveField', 'actions.save', 'presentation.start'] as const) {
      expect(
        userRoles.filter((r) => rulePermits(methodRoles[method], [r])),
        method,
      ).toEqual(['coordinator', 'voorzitter', 'notulist']);
    }
  });

  it('rulePermits: the team and anyone always, roles only with one of them', () => {
    expect(rulePermits({ who: 'team', why: '' }, [])).toBe(true);
    expect(rulePermits({ who: 'anyone', why: '' }, [])).toBe(true);
    const rule: RolesRule = { who: 'roles', anyOf: ['coordinator', 'aandachtsfunctionaris'], to: 'x' };
    expect(rulePermits(rule, ['lid', 'aandachtsfunctionaris'])).toBe(true);
    expect(rulePermits(rule, ['lid', 'voorzitter', 'notulist'])).toBe(false);
    expect(rulePermits(rule, [])).toBe(false);
  });
});

describe('the roles table as a whole', () => {
  // Who may call what is the security policy of the app: every row, with its roles and the words of
  // its refusal or its reason, is recorded here, so that a change to any of them shows in review
  // (update with `npx vitest run --project unit tests/unit/method-roles.test.ts -u` when intended).
  it('every row: who may call it, and why or how a refusal reads', () => {
    const rows = Object.fromEntries(
      [...methodNames].sort().map((method) => {
        const rule = methodRoles[method];
        const permitted = userRoles.filter((r) => rulePermits(rule, [r]));
        return [method, rule.who === 'roles' ? `${permitted.join(', ')} — Alleen … kan ${rule.to}` : `${rule.who} — ${rule.why}`];
      }),
    );
    expect(rows).toMatchSnapshot();
  });

  it('a row says why in words', () => {
    for (const method of methodNames) {
      const rule = methodRoles[method];
      expect(rule.who === 'roles' ? rule.to : rule.why, method).toMatch(/^\p{L}.{3,}/u);
    }
  });
});
