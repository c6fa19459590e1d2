import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../electron/features/people/import/read-table';
import {
  detectSource,
  headerSignature,
  mappingToRemember,
  rememberedMapping,
  suggestMapping,
  unmappedColumns,
} from '../../electron/features/people/import/fields';
import {
  mappingProblem,
  parseDutchDate,
  planImport as planOn,
  salutationFromCell,
  type PlannedStudent,
} from '../../electron/features/people/import/plan';
import { compareWithStored, type CompareOptions } from '../../electron/features/people/import/check';
import type { GuardianRow, StudentRow } from '../../electron/features/people/store';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '..', 'fixtures', name));
const read = (name: string) => readTable(fixture(name), name);
/** Every plan is judged on a fixed day: no test depends on when it runs. */
const TODAY = '2026-10-01';
const planImport = (table: Parameters<typeof planOn>[0], mapping: Parameters<typeof planOn>[1]) => planOn(table, mapping, TODAY);

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
    await expect(read('geen-spreadsheet.xlsx')).rejects.toMatchObject({
      code: 'IMPORT_NOT_A_SPREADSHEET',
      message: expect.stringMatching(/geen CSV/),
    });
    await expect(read('zip-maar-geen-werkboek.xlsx')).rejects.toMatchObject({ code: 'IMPORT_NOT_A_SPREADSHEET' });
    await expect(readTable(Buffer.from('alleen tekst\nzonder kolommen\n'), 'x.csv')).rejects.toMatchObject({
      code: 'IMPORT_NOT_A_TABLE',
    });
  });
});

describe('suggesting a column mapping from the headers', () => {
  it('maps Magister student headers', () => {
    expect(
      suggestMapping(['Stamnr', 'Roepnaam', 'Tussenvoegsel', 'Achternaam', 'Geboortedatum', 'Klas', 'Leerjaar', 'Niveau', 'Mentor']),
    ).toEqual({
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
    const m = suggestMapping([
      'Leerlingnummer',
      'Achternaam',
      'Achternaam ouder',
      'Ouder 2 achternaam',
      'Ouder 1 e-mail',
      'Relatie',
      'Postcode',
      'Onzin',
    ]);
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
    expect(parseDutchDate('29-02-2013')).toBeUndefined();
    expect(parseDutchDate('29.02.2012')).toBe('2012-02-29');
    // Old or future years are dates: whether a date of birth can be right is the rules' question.
    expect(parseDutchDate('01-01-1850')).toBe('1850-01-01');
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
    expect(plan.errors[0]!.message).toBe('Kolom "Geboortedatum": "31-02-2013" is geen geldige datum (verwacht dd-mm-jjjj).');
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
    const plan = planImport(table, {
      0: 'student.studentNumber',
      1: 'student.givenName',
      2: 'student.familyName',
      3: 'student.className',
    });
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
    expect(mappingProblem({ 0: 'student.studentNumber', 1: 'student.familyName', 2: 'student.familyName' } as never)).toMatch(
      /hetzelfde veld/,
    );
    expect(mappingProblem({ 0: 'student.studentNumber', 1: 'g1.familyName' })).toBeNull();
  });

  it('treats a file with only guardian columns as a guardians file', async () => {
    const table = await read('magister-verzorgers.csv');
    const plan = planImport(table, suggestMapping(table.headers));
    expect(plan.kind).toBe('guardians');
    expect(plan.students.every((s) => s.student === null && s.guardians.length === 1)).toBe(true);
  });
});

describe('a Magister export with particles, salutations and columns nobody needs', () => {
  const headersOf = async () => (await read('magister-tussenvoegsels.csv')).headers;

  it('maps Tussenv, Voorvoegsel and aanhef of the student and both guardians, and lists what is left', async () => {
    const headers = await headersOf();
    const mapping = suggestMapping(headers);
    const targetOf = (header: string) => mapping[String(headers.indexOf(header))];
    expect(targetOf('Tussenv')).toBe('student.infix');
    expect(targetOf('Geb.datum')).toBe('student.birthDate');
    expect(targetOf('Studie')).toBe('student.level');
    expect(targetOf('Ouder1 tussenv')).toBe('g1.infix');
    expect(targetOf('Ouder 2 voorvoegsel')).toBe('g2.infix');
    expect(targetOf('Ouder1 aanhef')).toBe('g1.salutation');
    expect(targetOf('Ouder2 aanhef')).toBe('g2.salutation');
    expect(targetOf('Ouder1 mobiel')).toBe('g1.phone');
    expect(unmappedColumns(headers, mapping, []).map((c) => c.header)).toEqual(['Geslacht', 'Lesperiode']);
    // A column knowingly left out is no longer warned about.
    expect(unmappedColumns(headers, mapping, [String(headers.indexOf('Geslacht'))]).map((c) => c.header)).toEqual(['Lesperiode']);
    expect(suggestMapping(['Leerlingnummer', 'Voornaam', 'Voorvoegsel', 'Achternaam'])).toMatchObject({
      2: 'student.infix',
    });
    expect(suggestMapping(['Stamnr', 'Tussenvoegsel ouder', 'Achternaam ouder', 'Aanhef'])).toEqual({
      0: 'student.studentNumber',
      1: 'g1.infix',
      2: 'g1.familyName',
      3: 'g1.salutation',
    });
  });

  it('tells which system made a file from its headers', async () => {
    expect(detectSource(await headersOf())).toBe('magister');
    expect(detectSource((await read('magister-leerlingen.csv')).headers)).toBe('magister');
    expect(detectSource((await read('somtoday-leerlingen-ouders.csv')).headers)).toBe('somtoday');
    expect(detectSource(['Nummer', 'Voornaam', 'Achternaam', 'Groep'])).toBe('eigen');
  });

  it('remembers a mapping by header name, so the next export of that source gets it in another column order', () => {
    const first = ['Stamnr', 'Roepnaam', 'Achternaam', 'Geslacht', 'Telefoon'];
    const remembered = mappingToRemember(first, {
      0: 'student.studentNumber',
      1: 'student.givenName',
      2: 'student.familyName',
      4: 'g1.phone',
    });
    expect(remembered).toEqual({
      stamnr: 'student.studentNumber',
      roepnaam: 'student.givenName',
      achternaam: 'student.familyName',
      geslacht: '',
      telefoon: 'g1.phone',
    });
    // Next time: columns moved, Telefoon gone, Tussenv new (suggested from its name), Geslacht still knowingly left out.
    const next = ['Achternaam', 'Tussenv', 'Geslacht', 'Stamnr', 'Roepnaam'];
    expect(rememberedMapping(next, remembered)).toEqual({
      mapping: { 0: 'student.familyName', 1: 'student.infix', 3: 'student.studentNumber', 4: 'student.givenName' },
      ignored: ['2'],
    });
  });

  it('turns a short aanhef into the salutation a letter opens with, with the particle capitalised', () => {
    const deVries = { infix: 'de', familyName: 'Vries' };
    expect(salutationFromCell('Dhr.', deVries)).toBe('Geachte heer De Vries');
    expect(salutationFromCell('Mevrouw', deVries)).toBe('Geachte mevrouw De Vries');
    expect(salutationFromCell('fam.', deVries)).toBe('Geachte familie De Vries');
    expect(salutationFromCell('Beste Marja', deVries)).toBe('Beste Marja');
    expect(salutationFromCell('', deVries)).toBeNull();
    expect(salutationFromCell('Zr.', deVries)).toBeUndefined();
  });

  it('plans particles and salutations, names the real problem of a bad row and warns about odd values', async () => {
    const table = await read('magister-tussenvoegsels.csv');
    const plan = planImport(table, suggestMapping(table.headers));
    const daan = plan.students.find((s) => s.studentNumber === '510201')!;
    expect(daan.student).toMatchObject({ givenName: 'Daan', infix: 'de', familyName: 'Vries', level: 'havo/vwo' });
    expect(daan.guardians.map((g) => [g.infix, g.familyName, g.relation, g.salutation])).toEqual([
      ['de', 'Vries', 'vader', 'Geachte heer De Vries'],
      ['van', 'Dam', 'moeder', 'Geachte mevrouw Van Dam'],
    ]);
    expect(plan.students.find((s) => s.studentNumber === '510202')!.guardians[0]!.salutation).toBe("Geachte heer Van 't Hooft");
    // 10499X: both what is wrong with the number and with the date, each naming its column.
    expect(plan.errors).toEqual([
      {
        line: 5,
        studentNumber: '10499X',
        message:
          'Kolom "Stamnr": Het leerlingnummer bestaat alleen uit cijfers; "10499X" is geen leerlingnummer. ' +
          'Kolom "Geb.datum": "31-02-2013" is geen geldige datum (verwacht dd-mm-jjjj).',
      },
    ]);
    // An unlikely age and a phone number that is none are imported, with a warning naming the column.
    expect(plan.warnings).toEqual([
      {
        line: 4,
        studentNumber: '510202',
        message: 'Kolom "Ouder1 mobiel": "bel na 17 uur" is geen telefoonnummer; schrijf bijvoorbeeld 06-12345678 of +31 6 12345678.',
      },
      {
        line: 6,
        studentNumber: '510204',
        message: 'Kolom "Geb.datum": Met geboortedatum 01-01-1990 is de leerling 36 jaar; klopt dat?',
      },
    ]);
    expect(plan.students.map((s) => s.studentNumber)).toEqual(['500101', '510201', '510202', '510204']);
    expect(plan.studentFields).toEqual([
      'studentNumber',
      'givenName',
      'infix',
      'familyName',
      'birthDate',
      'className',
      'yearLevel',
      'level',
      'mentorCode',
    ]);
  });

  it("refuses a date of birth that cannot be anyone's, and judges age on the day it is given", () => {
    const table = {
      format: 'csv' as const,
      encoding: null,
      delimiter: ';' as const,
      headers: ['Stamnr', 'Roepnaam', 'Achternaam', 'Geboortedatum'],
      rows: [
        ['1', 'Oud', 'Een', '01-01-1850'],
        ['2', 'Later', 'Twee', '31-12-9999'],
        ['3', 'Jong', 'Drie', '01-09-2018'],
      ],
    };
    const mapping = suggestMapping(table.headers);
    const plan = planOn(table, mapping, TODAY);
    expect(plan.errors.map((e) => e.message)).toEqual([
      'Kolom "Geboortedatum": De geboortedatum 01-01-1850 kan niet kloppen.',
      'Kolom "Geboortedatum": De geboortedatum 31-12-9999 kan niet kloppen.',
    ]);
    expect(plan.warnings.map((w) => w.message)).toEqual([
      'Kolom "Geboortedatum": Met geboortedatum 01-09-2018 is de leerling 8 jaar; klopt dat?',
    ]);
    // Ten years on the same child is 18: no warning.
    expect(planOn(table, mapping, '2036-10-01').warnings).toEqual([]);
  });
});

describe('comparing a row with the student as stored', () => {
  const stored: StudentRow = {
    id: 's1',
    studentNumber: '500101',
    givenName: 'Zoë',
    infix: '',
    familyName: 'Wit',
    birthDate: '2013-09-03',
    className: '1A',
    yearLevel: 1,
    level: 'havo/vwo',
    mentorId: 'm1',
    status: 'active',
    leftOn: null,
    searchText: 'zoe wit',
    updatedAt: 'toen',
  };
  const guardian = (over: Partial<GuardianRow>): GuardianRow => ({
    id: 'g1',
    studentId: 's1',
    givenName: 'E.',
    infix: '',
    familyName: 'Wit',
    relation: 'moeder',
    parentalAuthority: true,
    authoritySince: null,
    street: 'Eikenlaan',
    houseNumber: '3',
    postalCode: '3512 KL',
    city: 'Utrecht',
    email: '',
    phone: '',
    salutation: 'Geachte mevrouw Wit',
    updatedAt: 'toen',
    ...over,
  });
  const fromFile = (
    over: Partial<NonNullable<PlannedStudent['student']>>,
    guardians: PlannedStudent['guardians'] = [],
  ): PlannedStudent => ({
    line: 2,
    studentNumber: '500101',
    student: {
      studentNumber: '500101',
      givenName: 'Zoë',
      infix: '',
      familyName: 'Wit',
      birthDate: '2013-09-03',
      className: '1A',
      yearLevel: 1,
      level: 'havo/vwo',
      mentorCode: 'jbo',
      ...over,
    },
    guardians,
  });
  const options: CompareOptions = {
    studentFields: ['givenName', 'infix', 'familyName', 'birthDate', 'className', 'yearLevel'],
    guardianFields: ['givenName', 'infix', 'familyName', 'relation', 'phone', 'salutation'],
    mentorMapped: true,
    mentorId: 'm1',
    mentorCodes: new Map([['m1', 'jbo']]),
    today: TODAY,
    now: '2026-10-01T10:00:00.000Z',
  };
  const imported = {
    givenName: 'E.',
    infix: 'de',
    familyName: 'Wit',
    relation: 'moeder',
    parentalAuthority: true,
    street: '',
    houseNumber: '',
    postalCode: '',
    city: '',
    email: '',
    phone: '',
    salutation: null,
  };

  it('is "ongewijzigd" when the file says what is stored', () => {
    expect(compareWithStored(fromFile({}), stored, [], options)).toBeNull();
    // Level is not in this file: the stored one is no difference.
    expect(compareWithStored(fromFile({ level: '' }), stored, [], options)).toBeNull();
  });

  it('lists each field that differs, old → new, and names them in the message', () => {
    const result = compareWithStored(
      fromFile({ infix: 'de', className: '2A', yearLevel: 2, birthDate: '2013-09-04' }),
      stored,
      [],
      options,
    )!;
    expect(result.update.changes).toEqual([
      { field: 'Tussenvoegsel', from: '', to: 'de' },
      { field: 'Geboortedatum', from: '03-09-2013', to: '04-09-2013' },
      { field: 'Klas', from: '1A', to: '2A' },
      { field: 'Leerjaar', from: '1', to: '2' },
    ]);
    expect(result.update.message).toBe('Verschilt in: tussenvoegsel, geboortedatum, klas, leerjaar.');
    expect(result.write.student).toMatchObject({ infix: 'de', className: '2A', level: 'havo/vwo', mentorId: 'm1' });
  });

  it('updates a guardian found by name, adds a new one and keeps one the file does not mention', () => {
    const father = { ...imported, givenName: 'K.', relation: 'vader', salutation: 'Geachte heer De Wit' };
    const other = guardian({
      id: 'g2',
      givenName: 'Petra',
      familyName: 'Smit',
      relation: 'verzorger',
      salutation: 'Beste Petra',
    });
    const result = compareWithStored(
      fromFile({}, [{ ...imported, phone: '06 12121212' }, father]),
      stored,
      [guardian({}), other],
      options,
    )!;
    expect(result.update.guardians).toEqual([
      {
        name: 'E. Wit',
        action: 'updated',
        changes: [
          { field: 'Tussenvoegsel', from: '', to: 'de' },
          { field: 'Telefoon', from: '', to: '06 12121212' },
          // The salutation was the generated one: it follows the particle ("Geachte mevrouw Wit" lost it).
          { field: 'Aanhef', from: 'Geachte mevrouw Wit', to: 'Geachte mevrouw De Wit' },
        ],
      },
      {
        name: 'K. de Wit',
        action: 'added',
        changes: expect.arrayContaining([{ field: 'Aanhef', from: '', to: 'Geachte heer De Wit' }]),
      },
      { name: 'Petra Smit', action: 'kept', changes: [] },
    ]);
    expect(result.update.message).toBe('Ouder/verzorger E. Wit: tussenvoegsel, telefoon, aanhef. Nieuwe ouder/verzorger: K. de Wit.');
    expect(result.write.guardianUpdates.map((u) => u.id)).toEqual(['g1']);
    expect(result.write.guardianInserts).toHaveLength(1);
  });

  it('keeps a salutation typed by hand and a first name the export writes as initials', () => {
    const karel = guardian({ givenName: 'Karel', relation: 'vader', salutation: 'Beste Karel' });
    const fromExport = { ...imported, givenName: 'K.', infix: '', relation: 'vader' };
    expect(compareWithStored(fromFile({}, [fromExport]), stored, [karel], options)).toBeNull();
    const withAanhef = compareWithStored(fromFile({}, [{ ...fromExport, salutation: 'Geachte heer Wit' }]), stored, [karel], options)!;
    expect(withAanhef.update.guardians[0]!.changes).toEqual([{ field: 'Aanhef', from: 'Beste Karel', to: 'Geachte heer Wit' }]);
  });

  it('keeps the mentor when the file names one nobody has, and clears it when the cell is empty', () => {
    expect(compareWithStored(fromFile({ mentorCode: 'xyz' }), stored, [], { ...options, mentorId: undefined })).toBeNull();
    const cleared = compareWithStored(fromFile({ mentorCode: null }), stored, [], { ...options, mentorId: null })!;
    expect(cleared.update.changes).toEqual([{ field: 'Mentor', from: 'jbo', to: '' }]);
  });
});
