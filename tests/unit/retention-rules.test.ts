import { describe, expect, it } from 'vitest';
import { absenceText } from '../../electron/features/retention/absence';
import { nameReplacer, namesOf } from '../../electron/features/retention/anonymise';
import {
  defaultRetentionPeriods as periods,
  nextReviewOn,
  retentionOutcome,
  retentionReason,
  retentionState,
  reviewDue,
  yearsAfter,
  type LeftStudent,
  type RetentionDue,
} from '../../electron/features/retention/rules';

const left = (leftOn: string, more: Partial<LeftStudent> = {}): LeftStudent => ({
  leftOn,
  destination: null,
  hasAbsenceData: false,
  fileErasedOn: null,
  keptUntil: null,
  ...more,
});

describe('retention periods (bewaartermijnen)', () => {
  it('counts years to the anniversary; a 29 February without one counts to 1 March', () => {
    expect(yearsAfter('2023-07-15', 2)).toBe('2025-07-15');
    expect(yearsAfter('2024-02-29', 2)).toBe('2026-03-01');
    expect(yearsAfter('2024-02-29', 4)).toBe('2028-02-29');
    expect(yearsAfter('2023-02-28', 1)).toBe('2024-02-28');
  });

  it('proposes the student file exactly 2 years after leaving, not a day before', () => {
    expect(retentionState(left('2023-07-15'), periods, '2025-07-14')).toEqual({ state: 'loopt', nextOn: '2025-07-15' });
    expect(retentionState(left('2023-07-15'), periods, '2025-07-15')).toMatchObject({
      state: 'voorgesteld',
      step: 'alles',
      period: 'dossier',
      years: 2,
      passedOn: '2025-07-15',
    });
  });

  it('keeps the file of a student who went to the VSO 3 years', () => {
    const vso = left('2022-07-15', { destination: 'vso' });
    expect(retentionState(vso, periods, '2025-07-14')).toEqual({ state: 'loopt', nextOn: '2025-07-15' });
    expect(retentionState(vso, periods, '2025-07-15')).toMatchObject({
      state: 'voorgesteld',
      step: 'alles',
      period: 'dossier-vso',
      years: 3,
    });
    // Another destination keeps the ordinary period.
    expect(retentionState(left('2022-07-15', { destination: 'mbo' }), periods, '2024-07-15')).toMatchObject({
      state: 'voorgesteld',
      period: 'dossier',
    });
  });

  it('with absence data: the file goes after 2 years, the absence data after 5', () => {
    const withAbsence = left('2020-07-15', { hasAbsenceData: true });
    expect(retentionState(withAbsence, periods, '2022-07-15')).toMatchObject({
      state: 'voorgesteld',
      step: 'dossier',
      passedOn: '2022-07-15',
      absenceUntil: '2025-07-15',
    });
    const erased = { ...withAbsence, fileErasedOn: '2022-07-20' };
    expect(retentionState(erased, periods, '2025-07-14')).toEqual({ state: 'loopt', nextOn: '2025-07-15' });
    expect(retentionState(erased, periods, '2025-07-15')).toMatchObject({
      state: 'voorgesteld',
      step: 'alles',
      period: 'verzuim',
      years: 5,
      passedOn: '2025-07-15',
    });
    // Never looked at until both passed: everything goes at once, for the absence period's reason.
    expect(retentionState(withAbsence, periods, '2026-01-01')).toMatchObject({ step: 'alles', period: 'verzuim' });
  });

  it('a leap-day leaver is proposed on 1 March, not on 28 February', () => {
    expect(retentionState(left('2024-02-29'), periods, '2026-02-28').state).toBe('loopt');
    expect(retentionState(left('2024-02-29'), periods, '2026-03-01').state).toBe('voorgesteld');
  });

  it("follows the school's own periods", () => {
    const own = { studentFileYears: 1, absenceYears: 7, specialEducationYears: 4 };
    expect(retentionState(left('2024-08-01'), own, '2025-08-01')).toMatchObject({ state: 'voorgesteld', years: 1 });
    expect(retentionState(left('2024-08-01', { destination: 'vso' }), own, '2027-08-01').state).toBe('loopt');
  });

  it('a kept student stays off the list until the day the decision runs out, then comes back', () => {
    const kept = left('2023-07-15', { keptUntil: '2025-09-01' });
    expect(retentionState(kept, periods, '2025-08-31')).toMatchObject({ state: 'bewaard', keptUntil: '2025-09-01' });
    expect(retentionState(kept, periods, '2025-09-01')).toMatchObject({ state: 'voorgesteld' });
  });

  it("says why in the domain's words", () => {
    const state = retentionState(left('2023-07-15'), periods, '2025-08-01');
    if (state.state === 'loopt') throw new Error('expected a proposal');
    expect(retentionReason('2023-07-15', state)).toBe(
      'Uitgeschreven op 15 juli 2023; bewaartermijn leerlingdossier 2 jaar, verstreken op 15 juli 2025.',
    );
  });

  it('a monthly review: due when none was done this month; the next on the 1st', () => {
    expect(reviewDue(null, '2026-12-01')).toBe(true);
    expect(reviewDue('2026-11-30', '2026-12-01')).toBe(true);
    expect(reviewDue('2026-12-01', '2026-12-31')).toBe(false);
    expect(nextReviewOn('2026-12-15')).toBe('2027-01-01');
    expect(nextReviewOn('2026-02-28')).toBe('2026-03-01');
  });
});

describe('absence data and names in what is kept', () => {
  it('takes the verzuim answers of an intake, and nothing else', () => {
    expect(absenceText({ aanleiding: 'Veel ruzie', zorgen: { gedrag: 'Boos' } })).toBeNull();
    expect(absenceText({ 'verzuim-resultaten': ' 40 uur ', zorgen: { verzuim: 'Te laat op maandag', gedrag: 'x' } })).toBe(
      'Verzuim en resultaten: 40 uur\nZorgen over verzuim: Te laat op maandag',
    );
  });

  it('replaces the student by [leerling] and the parents by [ouder], whole words only', () => {
    const student = { givenName: 'Jesse', infix: 'de', familyName: 'Vries', studentNumber: '231004' };
    const parents = [
      { givenName: 'Mark', infix: 'de', familyName: 'Vries' },
      { givenName: 'Sandra', infix: '', familyName: 'Bakker' },
    ];
    const own = nameReplacer(namesOf(student, parents, 'own'));
    expect(own('Jesse de Vries (231004) en J.d.V.; moeder Sandra Bakker belde. Jessica niet.')).toBe(
      '[leerling] ([leerling]) en [leerling]; moeder [ouder] belde. Jessica niet.',
    );
    expect(own('Mark de Vries komt, Jesse ook.')).toBe('[ouder] komt, [leerling] ook.');
    const elsewhere = nameReplacer(namesOf(student, parents, 'elsewhere'));
    // In another student's case only whole names go: "Jesse" may be someone else.
    expect(elsewhere('Jesse B. en Jesse de Vries')).toBe('Jesse B. en [leerling]');
  });
});

describe('retention rules at their edges', () => {
  it('the default periods are those of domain.md: file 2, absence 5, VSO 3 years', () => {
    expect(periods).toEqual({ studentFileYears: 2, absenceYears: 5, specialEducationYears: 3 });
  });

  it('leap years by the Gregorian rule, and months and days written with two digits', () => {
    expect(yearsAfter('2096-02-29', 4)).toBe('2100-03-01');
    expect(yearsAfter('2396-02-29', 4)).toBe('2400-02-29');
    expect(yearsAfter('2023-01-05', 1)).toBe('2024-01-05');
    expect(yearsAfter('2024-03-29', 1)).toBe('2025-03-29');
  });

  it('absence data that go no later than the file: everything goes at once, for the file’s period', () => {
    const short = { studentFileYears: 3, absenceYears: 2, specialEducationYears: 3 };
    const withAbsence = left('2020-07-15', { hasAbsenceData: true });
    expect(retentionState(withAbsence, short, '2023-07-15')).toEqual({
      state: 'voorgesteld',
      step: 'alles',
      period: 'dossier',
      years: 3,
      passedOn: '2023-07-15',
      absenceUntil: null,
    });
    const same = { studentFileYears: 3, absenceYears: 3, specialEducationYears: 3 };
    expect(retentionState(withAbsence, same, '2023-07-15')).toMatchObject({
      step: 'alles',
      period: 'dossier',
      absenceUntil: null,
    });
  });

  it('the whole proposal, field by field', () => {
    expect(retentionState(left('2023-07-15'), periods, '2025-07-15')).toEqual({
      state: 'voorgesteld',
      step: 'alles',
      period: 'dossier',
      years: 2,
      passedOn: '2025-07-15',
      absenceUntil: null,
    });
    const erased = left('2020-07-15', { hasAbsenceData: true, fileErasedOn: '2022-07-20' });
    expect(retentionState(erased, periods, '2025-07-15')).toEqual({
      state: 'voorgesteld',
      step: 'alles',
      period: 'verzuim',
      years: 5,
      passedOn: '2025-07-15',
      absenceUntil: null,
    });
    expect(retentionState(left('2020-07-15', { hasAbsenceData: true }), periods, '2022-07-15')).toEqual({
      state: 'voorgesteld',
      step: 'dossier',
      period: 'dossier',
      years: 2,
      passedOn: '2022-07-15',
      absenceUntil: '2025-07-15',
    });
    expect(retentionState(left('2023-07-15', { keptUntil: '2025-09-01' }), periods, '2025-08-01')).toEqual({
      state: 'bewaard',
      keptUntil: '2025-09-01',
      step: 'alles',
      period: 'dossier',
      years: 2,
      passedOn: '2025-07-15',
      absenceUntil: null,
    });
  });

  it('says what confirming does and why, for every period', () => {
    const due = (d: Partial<RetentionDue>): RetentionDue => ({
      step: 'alles',
      period: 'dossier',
      years: 2,
      passedOn: '2025-07-15',
      absenceUntil: null,
      ...d,
    });
    expect(retentionOutcome(due({}))).toBe('Alle gegevens van de leerling worden verwijderd.');
    expect(retentionOutcome(due({ step: 'dossier', absenceUntil: '2028-07-15' }))).toBe(
      'Het dossier wordt verwijderd; de verzuimgegevens blijven bewaard tot 15 juli 2028.',
    );
    expect(retentionReason('2024-07-15', due({ years: 1 }))).toBe(
      'Uitgeschreven op 15 juli 2024; bewaartermijn leerlingdossier 1 jaar, verstreken op 15 juli 2025.',
    );
    expect(retentionReason('2022-07-15', due({ period: 'dossier-vso', years: 3 }))).toBe(
      'Uitgeschreven op 15 juli 2022; bewaartermijn leerlingdossier bij uitstroom naar het VSO 3 jaar, verstreken op 15 juli 2025.',
    );
    expect(retentionReason('2020-07-15', due({ period: 'verzuim', years: 5 }))).toBe(
      'Uitgeschreven op 15 juli 2020; bewaartermijn verzuimgegevens 5 jaar, verstreken op 15 juli 2025.',
    );
  });

  it('reviews month by month, across the turn of the year', () => {
    expect(nextReviewOn('2026-09-30')).toBe('2026-10-01');
    expect(nextReviewOn('2026-11-01')).toBe('2026-12-01');
    expect(reviewDue('2025-12-15', '2026-01-02')).toBe(true);
    expect(reviewDue('2026-12-31', '2026-12-01')).toBe(false);
  });
});

describe('only 29 February moves', () => {
  it('28 February stays 28 February in a year without a leap day', () => {
    expect(yearsAfter('2024-02-28', 1)).toBe('2025-02-28');
    expect(yearsAfter('2023-03-29', 1)).toBe('2024-03-29');
  });
});
