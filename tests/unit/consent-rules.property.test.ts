import { addDays, addYears, differenceInCalendarDays, format, parseISO, subDays, subYears } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consentCovers,
  consentPurposes,
  consentStateOn,
  whoMustConsent,
  type ConsentGuardian,
  type ConsentPartner,
  type ConsentRecord,
  type ConsentStudent,
  type IsoDate,
  type Signer,
} from '../../electron/features/consent/rules';
import { partnerKinds } from '../../electron/features/people/vocabulary';

const NUM_RUNS = 1000;
const FIRST = parseISO('2025-08-01');
const SPAN = differenceInCalendarDays(parseISO('2028-07-31'), FIRST);
const STUDENT_ID = 'stu-1';

const iso = (date: Date): IsoDate => format(date, 'yyyy-MM-dd');
const shift = (date: IsoDate, days: number): IsoDate => iso(addDays(parseISO(date), days));

/** A value with the given probability, null otherwise. */
const sometimes = <T>(arb: fc.Arbitrary<T>, probability: number): fc.Arbitrary<T | null> =>
  fc.oneof(
    { arbitrary: fc.constant(null), weight: Math.round(100 * (1 - probability)) },
    { arbitrary: arb, weight: Math.round(100 * probability) },
  );

/** Birth dates that give ages 10–18 on the meeting date, often exactly on or just around a birthday. */
const birthDateArb = (meeting: IsoDate): fc.Arbitrary<IsoDate | null> =>
  sometimes(
    fc
      .record({
        age: fc.integer({ min: 10, max: 18 }),
        offset: fc.oneof(fc.constantFrom(0, 0, -1, 1), fc.integer({ min: 0, max: 364 })),
      })
      // offset 0: the birthday is on the meeting day; -1: the birthday is tomorrow.
      .map(({ age, offset }) => iso(subDays(subYears(parseISO(meeting), age), offset))),
    7 / 8,
  );

const guardiansArb: fc.Arbitrary<ConsentGuardian[]> = fc
  .array(fc.boolean(), { maxLength: 3 })
  .map((gezag) => gezag.map((parentalAuthority, i) => ({ id: `g${i}`, name: `Ouder ${i}`, parentalAuthority })));

const partnersArb: fc.Arbitrary<ConsentPartner[]> = fc
  .array(fc.constantFrom(...partnerKinds), { minLength: 1, maxLength: 3 })
  .map((kinds) => kinds.map((kind, i) => ({ id: `p${i}`, name: `Partner ${i}`, kind })));

/** Anyone who might appear in a register: the student, their guardians, and people who are neither. */
const signerArb: fc.Arbitrary<Signer> = fc.oneof(
  fc.constant<Signer>({ kind: 'student' }),
  fc.constantFrom('g0', 'g1', 'g2', 'g-stranger').map((guardianId): Signer => ({ kind: 'guardian', guardianId })),
);

/** A record of any shape: other students, refusals, withdrawals, expiry, dates on both sides of the meeting. */
const noisyRecordArb = (meeting: IsoDate) =>
  fc
    .record({
      studentId: fc.constantFrom(STUDENT_ID, STUDENT_ID, STUDENT_ID, 'stu-2'),
      signer: signerArb,
      decision: fc.constantFrom('given', 'given', 'given', 'refused'),
      purposes: fc.subarray([...consentPurposes]),
      partnerIds: fc.subarray(['p0', 'p1', 'p2', 'p-other'], { minLength: 1 }),
      givenDaysBefore: fc.oneof(fc.integer({ min: -60, max: 900 }), fc.constantFrom(0, -1, 1)),
      validDays: sometimes(fc.integer({ min: 0, max: 500 }), 1 / 2),
      withdrawnDays: sometimes(fc.integer({ min: 0, max: 400 }), 1 / 3),
    })
    .map((r) => {
      const givenOn = shift(meeting, -r.givenDaysBefore);
      return {
        studentId: r.studentId,
        signer: r.signer,
        decision: r.decision,
        purposes: r.purposes,
        partnerIds: r.partnerIds,
        givenOn,
        validUntil: r.validDays === null ? null : shift(givenOn, r.validDays),
        withdrawnOn: r.withdrawnDays === null ? null : shift(givenOn, r.withdrawnDays),
      };
    });

/**
 * A record for this student about every partner and purpose, mostly a plain consent, sometimes
 * refused, withdrawn or expired: without it 'ok' and 'refused' would be too rare to test. A few
 * fixed days make same-day records and ends right around the meeting common.
 */
const focusedRecordArb = (meeting: IsoDate) =>
  fc
    .record({
      signer: signerArb,
      decision: fc.constantFrom('given', 'given', 'given', 'given', 'refused'),
      givenDaysBefore: fc.oneof(fc.integer({ min: -20, max: 300 }), fc.constantFrom(0, 30, 30, 90)),
      validDays: sometimes(fc.integer({ min: 0, max: 400 }), 1 / 4),
      withdrawnDays: sometimes(fc.integer({ min: 0, max: 200 }), 1 / 5),
      endsAroundMeeting: sometimes(fc.constantFrom(-1, 0, 1), 1 / 5),
      end: fc.constantFrom('validUntil', 'withdrawnOn'),
    })
    .map((r) => {
      const givenOn = shift(meeting, -r.givenDaysBefore);
      const record = {
        studentId: STUDENT_ID,
        signer: r.signer,
        decision: r.decision,
        purposes: [...consentPurposes],
        partnerIds: ['p0', 'p1', 'p2'],
        givenOn,
        validUntil: r.validDays === null ? null : shift(givenOn, r.validDays),
        withdrawnOn: r.withdrawnDays === null ? null : shift(givenOn, r.withdrawnDays),
      };
      if (r.endsAroundMeeting === null) return record;
      // Never end before it was given: nobody withdraws a consent before giving it.
      const end = [givenOn, shift(meeting, r.endsAroundMeeting)].sort()[1]!;
      return { ...record, [r.end]: end };
    });

interface Case {
  meeting: IsoDate;
  birthDate: IsoDate | null;
  guardians: ConsentGuardian[];
  partners: ConsentPartner[];
  register: ConsentRecord[];
}

const caseArb: fc.Arbitrary<Case> = fc
  .integer({ min: 0, max: SPAN })
  .map((n) => iso(addDays(FIRST, n)))
  .chain((meeting) =>
    fc.record({
      meeting: fc.constant(meeting),
      birthDate: birthDateArb(meeting),
      guardians: guardiansArb,
      partners: partnersArb,
      register: fc
        .array(fc.oneof(noisyRecordArb(meeting), focusedRecordArb(meeting)), { maxLength: 14 })
        .map((records): ConsentRecord[] => records.map((r, i) => ({ id: `r${i}`, ...r }))),
    }),
  );

function run(c: Case) {
  const student: ConsentStudent = { id: STUDENT_ID, name: 'Lisa', birthDate: c.birthDate };
  return consentCovers(c.register, { student, guardians: c.guardians }, { date: c.meeting, partners: c.partners });
}

// --- An oracle written from the rules, without the implementation's helpers ---

const sameSigner = (a: Signer, b: Signer) =>
  a.kind === b.kind && (a.kind === 'student' || (b.kind === 'guardian' && a.guardianId === b.guardianId));

const signerRecords = (c: Case, signer: Signer, partnerId: string) =>
  c.register.filter(
    (r) =>
      r.studentId === STUDENT_ID && sameSigner(r.signer, signer) && r.partnerIds.includes(partnerId) && r.purposes.includes('bespreking'),
  );

const validOn = (r: ConsentRecord, date: IsoDate) =>
  r.decision === 'given' &&
  r.givenOn <= date &&
  (r.withdrawnOn === null || r.withdrawnOn > date) &&
  (r.validUntil === null || r.validUntil >= date);

const negativeOn = (r: ConsentRecord, date: IsoDate) =>
  r.givenOn <= date && (r.decision === 'refused' || (r.withdrawnOn !== null && r.withdrawnOn <= date));

/** The latest word by givenOn among records already made; on a tie a refusal or withdrawal wins. */
function latestIsNegative(records: ConsentRecord[], date: IsoDate): boolean {
  const made = records.filter((r) => r.givenOn <= date);
  const lastDay = made
    .map((r) => r.givenOn)
    .sort()
    .at(-1);
  return made.some((r) => r.givenOn === lastDay && negativeOn(r, date));
}

/** Completed years, counted with date-fns instead of the implementation's string arithmetic. */
function age(birthDate: IsoDate, date: IsoDate): number {
  let years = parseISO(date).getFullYear() - parseISO(birthDate).getFullYear();
  // addYears puts a 29 Feb birthday on 28 Feb; the rule says it counts from 1 March.
  const birthday = (n: number) => {
    const d = addYears(parseISO(birthDate), n);
    return birthDate.endsWith('-02-29') && d.getDate() === 28 ? addDays(d, 1) : d;
  };
  if (birthday(years) > parseISO(date)) years -= 1;
  return years;
}

function expectedSigners(c: Case, partner: ConsentPartner, on: IsoDate = c.meeting): string[] {
  const gezag = c.guardians.filter((g) => g.parentalAuthority).map((g) => g.id);
  if (c.birthDate === null) return ['student', ...gezag];
  const a = age(c.birthDate, on);
  if (a >= 16) return ['student'];
  if (partner.kind === 'ggd' && a >= 12) return ['student', ...gezag];
  return gezag;
}

const signerKey = (s: Signer) => (s.kind === 'student' ? 'student' : s.guardianId);

/** A consent counts only when its signer was entitled to give it on the day of signing. */
const entitledOn = (c: Case, r: ConsentRecord, partner: ConsentPartner) =>
  expectedSigners(c, partner, r.givenOn).includes(signerKey(r.signer));

describe('consentCovers (properties)', () => {
  it('OK means every required signer has a valid covering consent and none has refused or withdrawn', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const student: ConsentStudent = { id: STUDENT_ID, name: 'Lisa', birthDate: c.birthDate };
        run(c).forEach((result, i) => {
          const partner = c.partners[i]!;
          expect(result.partnerId).toBe(partner.id);
          if (result.status !== 'ok') return;
          const { signers } = whoMustConsent(student, c.guardians, c.meeting, partner);
          for (const { signer } of signers) {
            const records = signerRecords(c, signer, partner.id);
            expect(records.some((r) => validOn(r, c.meeting))).toBe(true);
            expect(records.some((r) => consentStateOn(r, c.meeting) === 'valid')).toBe(true);
            expect(latestIsNegative(records, c.meeting)).toBe(false);
          }
          // Each record it names is a valid consent by one of the required signers, who was entitled to sign it then.
          for (const id of result.coveredBy) {
            const record = c.register.find((r) => r.id === id)!;
            expect(signers.some((s) => sameSigner(s.signer, record.signer))).toBe(true);
            expect(signerRecords(c, record.signer, partner.id)).toContain(record);
            expect(validOn(record, c.meeting)).toBe(true);
            expect(entitledOn(c, record, partner)).toBe(true);
          }
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('OK never comes with a problem, and a case without a gezag holder is never OK while parents must sign', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const parentsMustSign = c.birthDate === null || age(c.birthDate, c.meeting) < 16;
        const noGezag = !c.guardians.some((g) => g.parentalAuthority);
        for (const result of run(c)) {
          if (result.status === 'ok') expect(result.problem).toBeNull();
          if (parentsMustSign && noGezag) {
            expect(result.status).not.toBe('ok');
            expect(result.problem).toMatch(/Geen ouder of voogd met gezag bekend/);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('requires exactly the signers the age rules name, on the meeting date', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        run(c).forEach((result, i) => {
          expect(result.required.map((r) => signerKey(r.signer))).toEqual(expectedSigners(c, c.partners[i]!));
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('refused only when a required signer refused or withdrew, and OK whenever everyone consented without refusal', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        run(c).forEach((result, i) => {
          const partner = c.partners[i]!;
          const perSigner = result.required.map(({ signer }) => signerRecords(c, signer, partner.id));
          if (result.status === 'refused') {
            expect(perSigner.some((records) => records.some((r) => negativeOn(r, c.meeting)))).toBe(true);
          }
          // Without any refusal or withdrawal in play the latest-word subtleties vanish.
          const clean = perSigner.every((records) => !records.some((r) => negativeOn(r, c.meeting)));
          const allValid = perSigner.every((records) => records.some((r) => validOn(r, c.meeting) && entitledOn(c, r, partner)));
          if (clean) expect(result.status).not.toBe('refused');
          if (clean && allValid && result.problem === null) expect(result.status).toBe('ok');
          const complete = result.missing.length === 0 && result.problem === null && result.status !== 'refused';
          expect(result.status === 'ok').toBe(complete);
          expect(result.missing.every((m) => result.required.includes(m.signer) && m.reason.length > 0)).toBe(true);
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a consent signed while its signer was not entitled (the student alone before 16) never makes a case OK', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        run(c).forEach((result, i) => {
          const partner = c.partners[i]!;
          for (const { signer } of result.required) {
            const records = signerRecords(c, signer, partner.id);
            const counting = records.filter((r) => validOn(r, c.meeting) && entitledOn(c, r, partner));
            if (result.status === 'ok') expect(counting.length).toBeGreaterThan(0);
          }
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the generated cases reach every status, so the properties above are not vacuous', () => {
    const statuses = fc.sample(caseArb, { numRuns: 2000, seed: 42 }).flatMap((c) => run(c).map((r) => r.status));
    for (const status of ['ok', 'missing', 'refused'] as const) {
      expect(statuses.filter((s) => s === status).length / statuses.length).toBeGreaterThan(0.05);
    }
  });
});

describe('consentCovers does not depend on the order of the register', () => {
  // The register comes from the database in whatever order it likes: newest first, grouped by
  // signer, or as typed. Ties (two records of one signer on one day) may name a different record
  // as the one in force, so that is compared by its date, not its id.
  const outcome = (c: Case) =>
    run(c).map((result) => ({
      ...result,
      coveredBy: result.coveredBy.map((id) => c.register.find((r) => r.id === id)!.givenOn),
    }));

  it('gives the same answer for every order of the same records', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) =>
          fc.record({
            c: fc.constant(c),
            shuffled: fc.shuffledSubarray(c.register, { minLength: c.register.length, maxLength: c.register.length }),
          }),
        ),
        ({ c, shuffled }) => {
          expect(outcome({ ...c, register: shuffled })).toEqual(outcome(c));
          expect(outcome({ ...c, register: [...c.register].reverse() })).toEqual(outcome(c));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('an older refusal does not outweigh a newer consent listed before it, nor an older consent a newer refusal', () => {
    const student: ConsentStudent = { id: STUDENT_ID, name: 'Lisa', birthDate: '2012-05-01' };
    const guardians: ConsentGuardian[] = [{ id: 'g0', name: 'Ouder', parentalAuthority: true }];
    const partner: ConsentPartner = { id: 'p0', name: 'Leerplicht', kind: 'leerplicht' };
    const record = (id: string, decision: 'given' | 'refused', givenOn: IsoDate): ConsentRecord => ({
      id,
      studentId: STUDENT_ID,
      signer: { kind: 'guardian', guardianId: 'g0' },
      decision,
      purposes: ['bespreking'],
      partnerIds: ['p0'],
      givenOn,
      validUntil: null,
      withdrawnOn: null,
    });
    const status = (register: ConsentRecord[]) =>
      consentCovers(register, { student, guardians }, { date: '2026-03-10', partners: [partner] })[0]!.status;
    const refusal = record('old-no', 'refused', '2025-09-01');
    const consent = record('new-yes', 'given', '2026-01-15');
    expect(status([consent, refusal])).toBe('ok');
    expect(status([refusal, consent])).toBe('ok');
    const lateRefusal = record('new-no', 'refused', '2026-02-01');
    expect(status([lateRefusal, consent])).toBe('refused');
    expect(status([consent, lateRefusal])).toBe('refused');
  });
});
