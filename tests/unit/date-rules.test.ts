import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { dateField } from '../../electron/shared/date-field';
import { dateProblem, dutchNumericDate, parseDutchDate, PLAUSIBLE_YEARS } from '../../electron/shared/date-rules';

describe('parseDutchDate: a date as a Dutch person types it, day first', () => {
  it.each([
    ['9-3-2011', '2011-03-09'],
    ['09-03-2011', '2011-03-09'],
    ['9/3/2011', '2011-03-09'],
    ['9.3.2011', '2011-03-09'],
    [' 09 03 2011 ', '2011-03-09'],
    ['09032011', '2011-03-09'],
    ['9 maart 2011', '2011-03-09'],
    ['9 mrt 2011', '2011-03-09'],
    ['9 mrt. 2011', '2011-03-09'],
    ['woensdag 9 Maart 2011', '2011-03-09'],
    ['31 december 2026', '2026-12-31'],
    ['1 okt 2026', '2026-10-01'],
    ['2011-03-09', '2011-03-09'],
    ['29-02-2024', '2024-02-29'],
  ])('reads "%s" as %s', (typed, iso) => {
    expect(parseDutchDate(typed)).toBe(iso);
  });

  it.each(['', '9-3', '9-3-11', '09-03-201', '3/9/2011x', '29-02-2023', '31-04-2026', '0-1-2026', '1-13-2026', '9 maar 2011', 'gisteren'])(
    'reads "%s" as no date',
    (typed) => {
      expect(parseDutchDate(typed)).toBeNull();
    },
  );

  it('is never fooled by the month-first order of an English computer: 03/09/2011 is 3 September', () => {
    expect(parseDutchDate('03/09/2011')).toBe('2011-09-03');
  });
});

describe('dateProblem: the one rule every date field of the contract applies', () => {
  it('accepts real dates in a plausible year', () => {
    expect(dateProblem('2026-10-13', 'Datum')).toBeNull();
    expect(dateProblem(`${PLAUSIBLE_YEARS.min}-01-01`, 'Datum')).toBeNull();
    expect(dateProblem(`${PLAUSIBLE_YEARS.max}-12-31`, 'Datum')).toBeNull();
  });

  it('names the field in every refusal', () => {
    expect(dateProblem('1850-01-01', 'Geboortedatum')).toBe(
      'Geboortedatum: 01-01-1850 kan niet kloppen; kies een datum tussen 1900 en 2100.',
    );
    expect(dateProblem('9999-12-31', 'Deadline')).toBe('Deadline: 31-12-9999 kan niet kloppen; kies een datum tussen 1900 en 2100.');
    expect(dateProblem('1899-12-31', 'Van')).toMatch(/^Van: 31-12-1899 kan niet kloppen/);
    expect(dateProblem('2101-01-01', 'Van')).toMatch(/^Van: 01-01-2101 kan niet kloppen/);
    expect(dateProblem('2026-02-29', 'Datum')).toBe('Datum: 29-02-2026 bestaat niet.');
    expect(dateProblem('09-03-2011', 'Datum')).toBe('Datum: vul een datum in als dd-mm-jjjj.');
    expect(dateProblem('', 'Datum')).toBe('Datum: vul een datum in als dd-mm-jjjj.');
  });

  it('writes dates day first', () => {
    expect(dutchNumericDate('2011-03-09')).toBe('09-03-2011');
  });
});

describe('dateField: the rule as a contract field', () => {
  const message = (result: z.ZodSafeParseResult<unknown>) => (result.success ? null : result.error.issues.map((i) => i.message));

  it('passes a real date through and refuses the rest with the rule’s message only', () => {
    const field = dateField('Datum van aanmelding');
    expect(field.parse('2026-10-13')).toBe('2026-10-13');
    expect(message(field.safeParse('1850-10-13'))).toEqual([
      'Datum van aanmelding: 13-10-1850 kan niet kloppen; kies een datum tussen 1900 en 2100.',
    ]);
    expect(message(field.safeParse(20261013))).toEqual(['Datum van aanmelding: vul een datum in als dd-mm-jjjj.']);
    expect(message(field.nullable().safeParse(null))).toBeNull();
  });
});
