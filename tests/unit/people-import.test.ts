import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../electron/features/people/import/read-table';
import { suggestMapping, headerSignature } from '../../electron/features/people/import/fields';
import { mappingProblem, parseDutchDate, planImport } from '../../electron/features/people/import/plan';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '..', 'fixtures', name));
const read = (name: string) => readTable(fixture(name), name);

describe('reading export files', () => {
  it('reads a Magister CSV: semicolons, Windows-1252, accents intact', async () => {
    const table = await read('magister-leerlingen.csv');
    expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(table.headers[0]).toBe('Stamnr');
    expect(table.rows.map((r) => r[1])).toContain('Zoë');
    expect(table.rows.map((r) => r[3])).toContain('Öztürk');
  });

  it('reads a Somtoday CSV: commas, UTF-8 with BOM, quoted fields', async () => {
    const table = await read('somtoday-leerlingen-ouders.csv');
    expect(table).toMatchObject({ format: 'csv', encoding: 'UTF-8', delimiter: ',' });
    expect(table.headers[0]).toBe('Leerlingnummer');
    expect(table.rows.map((r) => r[11])).toContain('Stationsweg, achterhuis');
  });

  it('reads an XLSX workbook, with date cells as dd-mm-jjjj', async () => {
    const table = await read('ouders-naast-elkaar.xlsx');
    expect(table.format).toBe('xlsx');
    expect(table.rows[0]![4]).toBe('21-05-2013');
    expect(table.rows[1]![6]).toBe('Yılmaz');
  });

  it('reads a file with UTF-8 and Windows-1252 lines mixed, each line right', async () => {
    const table = await read('gemengde-codering.csv');
    expect(table.encoding).toBe('UTF-8 en Windows-1252');
    expect(table.rows.map((r) => r[1])).toEqual(['Zoë', 'Anaïs', 'Chloë']);
  });

  it('refuses empty files and files that are no spreadsheet, in Dutch', async () => {
    await expect(read('leeg.csv')).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
    await expect(read('alleen-kopregel.csv')).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
    await expect(read('geen-spreadsheet.xlsx')).rejects.toMatchObject({ code: 'IMPORT_NOT_A_SPREADSHEET', message: expect.stringMatching(/geen CSV/) });
    await expect(read('zip-maar-geen-werkboek.xlsx')).rejects.toMatchObject({ code: 'IMPORT_NOT_A_SPREADSHEET' });
    await expect(readTable(Buffer.from('alleen tekst\nzonder kolommen\n'), 'x.csv')).rejects.toMatchObject({ code: 'IMPORT_NOT_A_TABLE' });
  });
});

describe('suggesting a column mapping from the headers', () => {
  it('maps Magister student headers', () => {
    expect(suggestMapping(['Stamnr', 'Roepnaam', 'Tussenvoegsel', 'Achternaam', 'Geboortedatum', 'Klas', 'Leerjaar', 'Niveau', 'Mentor'])).toEqual({
      0: 'student.studentNumber',
      1: 'student.givenName',
      2: 'student.infix',
      3: 'student.familyName',
      4: 'student.birthDate',
      5: 'student.className',
      6: 'student.yearLevel',
      7: 'student.level',
      8: 'student.mentorCode',
    });
  });

  it('tells guardian columns from student columns, and numbered guardians apart', () => {
    const m = suggestMapping(['Leerlingnummer', 'Achternaam', 'Achternaam ouder', 'Ouder 2 achternaam', 'Ouder 1 e-mail', 'Relatie', 'Postcode', 'Onzin']);
    expect(m).toEqual({
      0: 'student.studentNumber',
      1: 'student.familyName',
      2: 'g1.familyName',
      3: 'g2.familyName',
      4: 'g1.email',
      5: 'g1.relation',
      6: 'g1.postalCode',
    });
  });

  it('identifies a layout regardless of case and punctuation', () => {
    expect(headerSignature(['Stamnr', 'E-mail ouder'])).toBe(headerSignature(['STAMNR', 'e-mail Ouder']));
  });
});

describe('planning an import', () => {
  it('parses Dutch dates and refuses impossible ones', () => {
    expect(parseDutchDate('03-09-2013')).toBe('2013-09-03');
    expect(parseDutchDate('5-6-2011')).toBe('2011-06-05');
    expect(parseDutchDate('2013-09-03')).toBe('2013-09-03');
    expect(parseDutchDate('')).toBeNull();
    expect(parseDutchDate('31-02-2013')).toBeUndefined();
    expect(parseDutchDate('morgen')).toBeUndefined();
  });

  it('merges one-row-per-guardian files into students with their guardians', async () => {
    const table = await read('somtoday-leerlingen-ouders.csv');
    const plan = planImport(table, suggestMapping(table.headers));
    expect(plan.errors).toEqual([]);
    expect(plan.kind).toBe('students');
    expect(plan.students.map((s) => [s.studentNumber, s.guardians.length])).toEqual([
      ['600201', 2],
      ['600202', 2],
      ['600203', 1],
    ]);
    const daan = plan.students[0]!;
    expect(daan.guardians[0]).toMatchObject({ relation: 'moeder', postalCode: '3512 AB', parentalAuthority: true });
    expect(plan.students[2]!.guardians[0]).toMatchObject({ relation: 'pleegouder', parentalAuthority: false });
  });

  it('reads two guardians side by side', async () => {
    const table = await read('ouders-naast-elkaar.xlsx');
    const plan = planImport(table, suggestMapping(table.headers));
    expect(plan.errors).toEqual([]);
    expect(plan.students[0]!.guardians.map((g) => g.relation)).toEqual(['moeder', 'vader']);
    expect(plan.students[0]!.student?.birthDate).toBe('2013-05-21');
  });

  it('lists every bad row with its line number and reason', async () => {
    const table = await read('foute-datums.csv');
    const plan = planImport(table, suggestMapping(table.headers));
    expect(plan.students.map((s) => s.studentNumber)).toEqual(['800403']);
    expect(plan.errors.map((e) => [e.line, e.studentNumber])).toEqual([
      [2, '800401'],
      [3, '800402'],
      [5, '800404'],
    ]);
    expect(plan.errors[0]!.message).toBe('Geboortedatum "31-02-2013" is geen geldige datum (verwacht dd-mm-jjjj).');
    expect(plan.errors[2]!.message).toBe('De roepnaam ontbreekt.');
  });

  it('refuses a row with an invisible control character in a cell, naming the column', () => {
    const table = {
      format: 'csv' as const,
      encoding: null,
      delimiter: ';' as const,
      headers: ['Leerlingnummer', 'Roepnaam', 'Achternaam', 'Klas'],
      rows: [
        ['700001', 'Daan', 'de Vries', '2B'],
        ['700002', 'Sa\u202Era', 'Bakker', '3C'],
        ['700003', 'Noor', 'Jan\u0000sen', '1A'],
        ['700004', 'Lotte', 'Smit', '2\tB'],
      ],
    };
    const plan = planImport(table, { 0: 'student.studentNumber', 1: 'student.givenName', 2: 'student.familyName', 3: 'student.className' });
    expect(plan.students.map((s) => s.studentNumber)).toEqual(['700001']);
    expect(plan.errors.map((e) => [e.line, e.message])).toEqual([
      [3, 'Roepnaam bevat een onzichtbaar stuurteken (zoals een tab of een teken dat de leesrichting omdraait).'],
      [4, 'Achternaam bevat een onzichtbaar stuurteken (zoals een tab of een teken dat de leesrichting omdraait).'],
      [5, 'Klas bevat een onzichtbaar stuurteken (zoals een tab of een teken dat de leesrichting omdraait).'],
    ]);
  });

  it('refuses a leerlingnummer that appears twice in a students file', async () => {
    const table = await read('dubbele-nummers.csv');
    const plan = planImport(table, suggestMapping(table.headers));
    expect(plan.students).toHaveLength(3);
    expect(plan.errors).toEqual([{ line: 4, studentNumber: '900501', message: 'Leerlingnummer 900501 staat ook op regel 2.' }]);
  });

  it('explains what is missing in a mapping', async () => {
    const table = await read('verkeerde-kolommen.csv');
    expect(mappingProblem(suggestMapping(table.headers))).toMatch(/leerlingnummer/);
    expect(mappingProblem({ 0: 'student.studentNumber', 1: 'student.givenName' })).toMatch(/roepnaam als de achternaam/);
    expect(mappingProblem({ 0: 'student.studentNumber', 1: 'student.familyName', 2: 'student.familyName' } as never)).toMatch(/hetzelfde veld/);
    expect(mappingProblem({ 0: 'student.studentNumber', 1: 'g1.familyName' })).toBeNull();
  });

  it('treats a file with only guardian columns as a guardians file', async () => {
    const table = await read('magister-verzorgers.csv');
    const plan = planImport(table, suggestMapping(table.headers));
    expect(plan.kind).toBe('guardians');
    expect(plan.students.every((s) => s.student === null && s.guardians.length === 1)).toBe(true);
  });
});
