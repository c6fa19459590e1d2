import {
  guardianFields as guardianFieldDefs,
  studentFields as studentFieldDefs,
  targetFieldOptions,
  type ColumnMapping,
  type GuardianField,
  type GuardianSlot,
  type StudentField,
  type TargetField,
} from './fields';
import { isPlainLine } from '../../../shared/plain-text';
import { GENERIC_SALUTATION, surnameAlone } from '../names';
import { birthDateProblem, phoneProblem, studentNumberProblem } from '../rules';
import type { Table } from './read-table';

export interface ImportedStudent {
  studentNumber: string;
  givenName: string;
  infix: string;
  familyName: string;
  birthDate: string | null;
  className: string;
  yearLevel: number | null;
  level: string;
  mentorCode: string | null;
}

export interface ImportedGuardian {
  givenName: string;
  infix: string;
  familyName: string;
  relation: string;
  parentalAuthority: boolean;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  email: string;
  phone: string;
  /** From an aanhef column; null when the file has none for this guardian (the default then applies). */
  salutation: string | null;
}

export interface PlannedStudent {
  /** Line in the file (the header is line 1). */
  line: number;
  studentNumber: string;
  /** Null when the file only holds guardians for students already in the vault. */
  student: ImportedStudent | null;
  guardians: ImportedGuardian[];
}

export interface RowProblem {
  line: number;
  studentNumber: string;
  message: string;
}

export interface ImportPlan {
  kind: 'students' | 'guardians';
  students: PlannedStudent[];
  /** Rows that cannot be imported, with the reason. */
  errors: RowProblem[];
  /** Rows imported as they are, with something the user should look at (an unlikely date of birth). */
  warnings: RowProblem[];
  /** The fields the file holds: an update changes only these, a column that is not there erases nothing. */
  studentFields: StudentField[];
  guardianFields: GuardianField[];
}

/** "03-09-2012", "3/9/2012", "03.09.2012" or "2012-09-03" → "2012-09-03"; null for an empty cell; undefined when no date. */
export function parseDutchDate(text: string): string | null | undefined {
  if (text === '') return null;
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = dutch ? [dutch[3], dutch[2], dutch[1]].map(Number) : iso ? [iso[1], iso[2], iso[3]].map(Number) : [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  // A calendar date: 31-02 rolls over to March in Date, so compare what comes back.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseYesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || ['ja', 'j', 'yes', 'y', '1', 'x', 'waar', 'true'].includes(t)) return true;
  if (['nee', 'n', 'no', '0', 'onwaar', 'false'].includes(t)) return false;
  return undefined;
}

export function normalizePostalCode(text: string): string {
  const compact = text.replace(/\s/g, '').toUpperCase();
  return /^[1-9][0-9]{3}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : text.trim();
}

const RELATIONS: Record<string, string> = {
  moeder: 'moeder',
  m: 'moeder',
  vader: 'vader',
  v: 'vader',
  verzorger: 'verzorger',
  verzorgster: 'verzorger',
  pleegouder: 'pleegouder',
  pleegmoeder: 'pleegouder',
  pleegvader: 'pleegouder',
  voogd: 'voogd',
  stiefmoeder: 'stiefouder',
  stiefvader: 'stiefouder',
  ouder: 'ouder',
};

export function normalizeRelation(text: string): string {
  const t = text.trim().toLowerCase();
  return RELATIONS[t] ?? (t === '' ? 'ouder' : t);
}

/** "2B" → 2, "H3a" → 3: when there is no leerjaar column the class name usually tells. */
function yearFromClass(className: string): number | null {
  const digit = className.match(/[1-6]/);
  return digit ? Number(digit[0]) : null;
}

const fieldLabel = (target: TargetField) => targetFieldOptions.find((o) => o.value === target)?.label ?? target;

/**
 * The aanhef a letter opens with, from an aanhef column: a full one ("Geachte mevrouw De Vries") as
 * it is, a short form (Mevr., Dhr., Fam.) completed with the surname; null when the cell is empty.
 */
export function salutationFromCell(cell: string, g: { infix: string; familyName: string }): string | null | undefined {
  const text = cell.trim();
  if (text === '') return null;
  if (/^(geachte|beste|lieve)\b/i.test(text)) return text;
  const surname = surnameAlone(g);
  const word = text
    .toLowerCase()
    .replace(/[.\s]+/g, ' ')
    .trim();
  if (/^(mevrouw|mevr|mw|mej|mejuffrouw)$/.test(word)) return `Geachte mevrouw ${surname}`;
  if (/^(de heer|heer|dhr|meneer|mnr|hr)$/.test(word)) return `Geachte heer ${surname}`;
  if (/^(familie|fam)$/.test(word)) return `Geachte familie ${surname}`;
  if (/^(ouder|ouders|ouder\(s\)|ouder\(s\)\/verzorger\(s\)|verzorger|verzorgers)$/.test(word)) return GENERIC_SALUTATION;
  return undefined;
}

function cellsByTarget(row: string[], columns: [number, TargetField][]): Map<TargetField, string> {
  const cells = new Map<TargetField, string>();
  for (const [column, target] of columns) cells.set(target, (row[column] ?? '').trim());
  return cells;
}

/** What one row says is wrong (refused) and what is only odd (imported, shown). */
interface Findings {
  errors: string[];
  warnings: string[];
  /** 'Kolom "Geb.datum": ' — every message names the column it is about, as the file calls it. */
  column(target: TargetField): string;
}

function readGuardian(cells: Map<TargetField, string>, slot: GuardianSlot, found: Findings): ImportedGuardian | null {
  const get = (f: GuardianField) => cells.get(`${slot}.${f}`) ?? '';
  const which = `ouder/verzorger ${slot === 'g1' ? 1 : 2}`;
  const anything = (['givenName', 'familyName', 'email', 'phone', 'street'] as GuardianField[]).some((f) => get(f) !== '');
  if (!anything) return null;
  if (!get('familyName')) {
    found.errors.push(`De achternaam van ${which} ontbreekt.`);
    return null;
  }
  const authority = parseYesNo(get('parentalAuthority'));
  if (authority === undefined) {
    found.errors.push(`${found.column(`${slot}.parentalAuthority`)}"${get('parentalAuthority')}" is geen ja of nee.`);
    return null;
  }
  const phone = phoneProblem(get('phone'));
  if (phone) found.warnings.push(`${found.column(`${slot}.phone`)}${phone}`);
  const names = { infix: get('infix'), familyName: get('familyName') };
  let salutation = salutationFromCell(get('salutation'), names);
  if (salutation === undefined) {
    found.warnings.push(
      `${found.column(`${slot}.salutation`)}aanhef "${get('salutation')}" van ${which} is niet ` +
        `herkend; de brief begint met de standaardaanhef.`,
    );
    salutation = null;
  }
  return {
    givenName: get('givenName'),
    ...names,
    relation: normalizeRelation(get('relation')),
    parentalAuthority: authority,
    street: get('street'),
    houseNumber: get('houseNumber'),
    postalCode: normalizePostalCode(get('postalCode')),
    city: get('city'),
    email: get('email'),
    phone: get('phone'),
    salutation,
  };
}

function sameStudent(a: ImportedStudent, b: ImportedStudent): boolean {
  return (
    a.givenName === b.givenName &&
    a.infix === b.infix &&
    a.familyName === b.familyName &&
    a.birthDate === b.birthDate &&
    a.className === b.className
  );
}

/** Whether a mapping can be imported at all, and what it imports; a Dutch reason when not. */
export function mappingProblem(mapping: ColumnMapping): string | null {
  const targets = new Set(Object.values(mapping));
  if (Object.values(mapping).length !== targets.size) return 'Twee kolommen zijn aan hetzelfde veld gekoppeld.';
  if (!targets.has('student.studentNumber')) return 'Koppel een kolom aan het leerlingnummer: daarop worden leerlingen herkend.';
  const hasName = targets.has('student.givenName') && targets.has('student.familyName');
  const hasGuardian = [...targets].some((t) => t.startsWith('g1.') || t.startsWith('g2.'));
  if (!hasName && (targets.has('student.givenName') || targets.has('student.familyName'))) {
    return 'Koppel zowel de roepnaam als de achternaam van de leerling.';
  }
  if (!hasName && !hasGuardian) return 'Koppel ten minste roepnaam en achternaam van de leerling, of gegevens van ouders/verzorgers.';
  return null;
}

/**
 * Turns rows into students (with their guardians), checking every row. Rows of one student
 * (one row per guardian) are merged; the same leerlingnummer with different student data, or
 * twice in a file without guardians, is an error. Dates of birth are judged on `today`.
 */
export function planImport(table: Table, mapping: ColumnMapping, today: string): ImportPlan {
  const targets = new Set(Object.values(mapping));
  const kind = targets.has('student.givenName') ? 'students' : 'guardians';
  const hasGuardians = [...targets].some((t) => !t.startsWith('student.'));
  const headerOf = new Map(Object.entries(mapping).map(([column, target]) => [target, table.headers[Number(column)] ?? '']));
  const column = (target: TargetField) => `Kolom "${headerOf.get(target) ?? fieldLabel(target)}": `;
  const planned = new Map<string, PlannedStudent>();
  const errors: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const columns = Object.entries(mapping).map(([c, target]): [number, TargetField] => [Number(c), target]);
  // A class of thousands shares a few hundred birthdays.
  const judged = new Map<string, ReturnType<typeof birthDateProblem>>();
  const judge = (iso: string) => {
    if (!judged.has(iso)) judged.set(iso, birthDateProblem(iso, today));
    return judged.get(iso)!;
  };

  table.rows.forEach((row, index) => {
    const line = index + 2;
    const cells = cellsByTarget(row, columns);
    const get = (f: StudentField) => cells.get(`student.${f}`) ?? '';
    const studentNumber = get('studentNumber');
    const found: Findings = { errors: [], warnings: [], column };
    // Cells become names and addresses as they are: an invisible control character is refused, as in the forms.
    for (const [target, value] of cells) {
      if (!isPlainLine(value))
        found.errors.push(
          `${fieldLabel(target)} bevat een onzichtbaar stuurteken (zoals een tab of een teken dat de leesrichting omdraait).`,
        );
    }
    if (!studentNumber) {
      errors.push({ line, studentNumber: '', message: 'Het leerlingnummer ontbreekt.' });
      return;
    }
    const numberProblem = studentNumberProblem(studentNumber);
    if (numberProblem) found.errors.push(`${column('student.studentNumber')}${numberProblem}`);
    const earlier = planned.get(studentNumber);

    let student: ImportedStudent | null = null;
    if (kind === 'students') {
      if (!get('givenName')) found.errors.push('De roepnaam ontbreekt.');
      if (!get('familyName')) found.errors.push('De achternaam ontbreekt.');
      const birthDate = parseDutchDate(get('birthDate'));
      if (birthDate === undefined) {
        found.errors.push(`${column('student.birthDate')}"${get('birthDate')}" is geen geldige datum (verwacht dd-mm-jjjj).`);
      } else if (birthDate) {
        const problem = judge(birthDate);
        // One row per guardian repeats the student: say it once.
        if (problem && (problem.level === 'error' || !earlier))
          (problem.level === 'error' ? found.errors : found.warnings).push(`${column('student.birthDate')}${problem.message}`);
      }
      const yearText = get('yearLevel');
      const yearLevel = yearText === '' ? yearFromClass(get('className')) : Number(yearText);
      if (yearText !== '' && !(Number.isInteger(yearLevel) && yearLevel! >= 1 && yearLevel! <= 6)) {
        found.errors.push(`${column('student.yearLevel')}"${yearText}" is geen leerjaar van 1 tot en met 6.`);
      }
      student = {
        studentNumber,
        givenName: get('givenName'),
        infix: get('infix'),
        familyName: get('familyName'),
        birthDate: birthDate ?? null,
        className: get('className'),
        yearLevel: yearLevel ?? null,
        level: get('level'),
        mentorCode: get('mentorCode').toLowerCase() || null,
      };
    }
    const guardians = (['g1', 'g2'] as const)
      .map((slot) => readGuardian(cells, slot, found))
      .filter((g): g is ImportedGuardian => g !== null);

    if (found.errors.length) {
      errors.push({ line, studentNumber, message: found.errors.join(' ') });
      return;
    }
    if (!earlier) {
      planned.set(studentNumber, { line, studentNumber, student, guardians });
    } else if (!hasGuardians || (student && earlier.student && !sameStudent(student, earlier.student))) {
      errors.push({
        line,
        studentNumber,
        message: `Leerlingnummer ${studentNumber} staat ook op regel ${earlier.line}${hasGuardians ? ' met andere leerlinggegevens' : ''}.`,
      });
      return;
    } else {
      earlier.guardians.push(...guardians);
    }
    if (found.warnings.length) warnings.push({ line, studentNumber, message: found.warnings.join(' ') });
  });

  const has = (target: TargetField) => targets.has(target);
  const studentFields = (Object.keys(studentFieldDefs) as StudentField[]).filter(
    // Without a leerjaar column the class tells the year.
    (f) => has(`student.${f}`) || (f === 'yearLevel' && has('student.className')),
  );
  const guardianFields = (Object.keys(guardianFieldDefs) as GuardianField[]).filter((f) => has(`g1.${f}`) || has(`g2.${f}`));
  return { kind, students: [...planned.values()], errors, warnings, studentFields, guardianFields };
}
