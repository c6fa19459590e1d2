import { addDays, format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../electron/features/people/age';
import { dateOfTurning, ddmmyyyy } from '../../electron/features/consent/rules';

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/** Every day of a year: 366 for a leap year, 365 otherwise. */
function everyDayOf(year: number): string[] {
  const days: string[] = [];
  for (let d = parseISO(`${year}-01-01`); d.getFullYear() === year; d = addDays(d, 1)) days.push(iso(d));
  return days;
}

describe('every birthday of a year', () => {
  // Born in a leap year (2008, so 29 February is among them), turning 16 in a leap year (2024) and
  // 17 in a non-leap one (2025): the day before the birthday one year short, the day itself not.
  it.each([
    [16, 2024],
    [17, 2025],
  ])('turns %i on the day dateOfTurning gives, in %i', (age, year) => {
    const birthdays = everyDayOf(2008);
    expect(birthdays).toHaveLength(366);
    for (const born of birthdays) {
      const turns = dateOfTurning(born, age);
      // Only 29 February moves, and only in a year without one.
      const expected = born === '2008-02-29' && year === 2025 ? '2025-03-01' : `${year}${born.slice(4)}`;
      expect(turns, born).toBe(expected);
      expect(ageOn(born, turns), born).toBe(age);
      expect(ageOn(born, iso(addDays(parseISO(turns), -1))), born).toBe(age - 1);
    }
  });

  it('counts whole years on every day of a year, for a birthday in every month', () => {
    for (const born of ['2010-01-01', '2010-02-28', '2010-03-10', '2010-06-15', '2010-12-31']) {
      for (const day of everyDayOf(2026)) {
        const hadBirthday = day.slice(5) >= born.slice(5);
        expect(ageOn(born, day), `${born} on ${day}`).toBe(hadBirthday ? 16 : 15);
      }
    }
  });
});

describe('dates that are not a date', () => {
  it.each(['10-03-2010', '2010-03-10T23:00Z', ' 2010-03-10', '2010-03-10 ', '2010-3-10', '20100-03-10', 'x2010-03-10'])(
    'ageOn refuses %j with a Dutch message that names it',
    (date) => {
      expect(() => ageOn(date, '2026-03-10')).toThrow(`Geen geldige datum (jjjj-mm-dd): ${date}`);
      expect(() => ageOn('2010-03-10', date)).toThrow(`Geen geldige datum (jjjj-mm-dd): ${date}`);
    },
  );

  it.each(['2010-03-10T23:00Z', '10-03-2010', '2010-03-10 '])('the consent rules refuse %j too', (date) => {
    expect(() => ddmmyyyy(date)).toThrow(`Geen geldige datum (jjjj-mm-dd): ${date}`);
    expect(() => dateOfTurning(date, 16)).toThrow(`Geen geldige datum (jjjj-mm-dd): ${date}`);
  });

  it('writes years before 1000 with four digits', () => {
    expect(ddmmyyyy('0999-01-02')).toBe('02-01-0999');
    expect(dateOfTurning('0983-01-02', 16)).toBe('0999-01-02');
  });
});
