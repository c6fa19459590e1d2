import { describe, expect, it } from 'vitest';
import { birthDateProblem, phoneProblem, PLAUSIBLE_STUDENT_AGE, studentNumberProblem } from '../../electron/features/people/rules';

/** The people rules the contract, the import and the forms share: one wording for one problem. */

describe('studentNumberProblem', () => {
  it('accepts whole numbers of up to 10 digits', () => {
    expect(studentNumberProblem('104991')).toBeNull();
    expect(studentNumberProblem('0012')).toBeNull();
    expect(studentNumberProblem('1234567890')).toBeNull();
  });

  it('says what is wrong, naming the leerlingnummer', () => {
    expect(studentNumberProblem('')).toBe('Vul het leerlingnummer in.');
    expect(studentNumberProblem('10499X')).toBe('Het leerlingnummer bestaat alleen uit cijfers; "10499X" is geen leerlingnummer.');
    expect(studentNumberProblem('104 991')).toMatch(/^Het leerlingnummer bestaat alleen uit cijfers/);
    expect(studentNumberProblem('-12')).toMatch(/^Het leerlingnummer bestaat alleen uit cijfers/);
    expect(studentNumberProblem('12345678901')).toBe('Een leerlingnummer heeft hoogstens 10 cijfers.');
  });
});

describe('birthDateProblem, judged on a given day (never the clock)', () => {
  const today = '2026-11-02';

  it('lets a secondary-school age through', () => {
    expect(birthDateProblem('2012-03-10', today)).toBeNull();
    // 9 and 25 themselves are plausible.
    expect(birthDateProblem('2017-11-02', today)).toBeNull();
    expect(birthDateProblem('2001-11-03', today)).toBeNull();
  });

  it('warns outside 9–25 years, with the age', () => {
    expect(birthDateProblem('2017-11-03', today)).toEqual({
      level: 'warning',
      message: 'Met geboortedatum 03-11-2017 is de leerling 8 jaar; klopt dat?',
    });
    expect(birthDateProblem('2000-01-01', today)).toEqual({
      level: 'warning',
      message: 'Met geboortedatum 01-01-2000 is de leerling 26 jaar; klopt dat?',
    });
    expect(PLAUSIBLE_STUDENT_AGE).toEqual({ min: 9, max: 25 });
  });

  it('refuses a date no one can be born on: before 1900 or after today', () => {
    expect(birthDateProblem('1850-03-09', today)).toEqual({
      level: 'error',
      message: 'De geboortedatum 09-03-1850 kan niet kloppen.',
    });
    expect(birthDateProblem('2026-11-03', today)).toEqual({
      level: 'error',
      message: 'De geboortedatum 03-11-2026 kan niet kloppen.',
    });
    expect(birthDateProblem('2026-11-02', today)?.level).toBe('warning');
  });
});

describe('phoneProblem', () => {
  it.each(['', '06-12345678', '06 12345678', '+31 6 1234 5678', '(010) 123 45 67', '030.123.45.67', '+32 2 123 45 67'])(
    'accepts "%s"',
    (phone) => {
      expect(phoneProblem(phone)).toBeNull();
    },
  );

  it.each(['abc', '06-1234', '0612345678 of 0698765432', '06-12345678 (vader)', '1234567890123456'])(
    'refuses "%s", saying it is no phone number',
    (phone) => {
      expect(phoneProblem(phone)).toBe(`"${phone}" is geen telefoonnummer; schrijf bijvoorbeeld 06-12345678 of +31 6 12345678.`);
    },
  );
});
