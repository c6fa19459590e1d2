import { isValid, parse } from 'date-fns';
import { targetFieldOptions, type ColumnMapping, type GuardianField, type GuardianSlot, type StudentField, type TargetField } from './fields';
import { isPlainLine } from '../../../shared/plain-text';
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
}

const DATE_FORMATS = ['dd-MM-yyyy', 'd-M-yyyy', 'dd/MM/yyyy', 'd/M/yyyy', 'dd.MM.yyyy', 'yyyy-MM-dd'];

/** "03-09-2012" → "2012-09-03"; null for an empty cell; undefined when it is no valid date. */
export function parseDutchDate(text: string): string | null | undefined {
  if (text === '') return null;
  for (const format of DATE_FORMATS) {
    const date = parse(text, format, new Date(2000, 0, 1));
    if (isValid(date) && date.getFullYear() > 1900 && date.getFullYear() < 2100) {
      const mm = String(date.getMonth() + 1).padStart(2, '0');
      const dd = String(date.getDate()).padStart(2, '0');
      return `${date.getFullYear()}-${mm}-${dd}`;
    }
  }
  return undefined;
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

function cellsByTarget(row: string[], mapping: ColumnMapping): Map<TargetField, string> {
  const cells = new Map<TargetField, string>();
  for (const [column, target] of Object.entries(mapping)) cells.set(target, (row[Number(column)] ?? '').trim());
  return cells;
}

function readGuardian(cells: Map<TargetField, string>, slot: GuardianSlot, problems: string[]): ImportedGuardian | null {
  const get = (f: GuardianField) => cells.get(`${slot}.${f}`) ?? '';
  const anything = (['givenName', 'familyName', 'email', 'phone', 'street'] as GuardianField[]).some((f) => get(f) !== '');
  if (!anything) return null;
  if (!get('familyName')) {
    problems.push(`De achternaam van ouder/verzorger ${slot === 'g1' ? 1 : 2} ontbreekt.`);
    return null;
  }
  const authority = parseYesNo(get('parentalAuthority'));
  if (authority === undefined) {
    problems.push(`Gezag "${get('parentalAuthority')}" is geen ja of nee.`);
    return null;
  }
  return {
    givenName: get('givenName'),
    infix: get('infix'),
    familyName: get('familyName'),
    relation: normalizeRelation(get('relation')),
    parentalAuthority: authority,
    street: get('street'),
    houseNumber: get('houseNumber'),
    postalCode: normalizePostalCode(get('postalCode')),
    city: get('city'),
    email: get('email'),
    phone: get('phone'),
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
 * twice in a file without guardians, is an error.
 */
export function planImport(table: Table, mapping: ColumnMapping): ImportPlan {
  const targets = new Set(Object.values(mapping));
  const kind = targets.has('student.givenName') ? 'students' : 'guardians';
  const hasGuardians = [...targets].some((t) => !t.startsWith('student.'));
  const planned = new Map<string, PlannedStudent>();
  const errors: RowProblem[] = [];

  table.rows.forEach((row, index) => {
    const line = index + 2;
    const cells = cellsByTarget(row, mapping);
    const get = (f: StudentField) => cells.get(`student.${f}`) ?? '';
    const studentNumber = get('studentNumber');
    const problems: string[] = [];
    // Cells become names and addresses as they are: an invisible control character is refused, as in the forms.
    for (const [target, value] of cells) {
      if (!isPlainLine(value)) problems.push(`${fieldLabel(target)} bevat een onzichtbaar stuurteken (zoals een tab of een teken dat de leesrichting omdraait).`);
    }
    if (!studentNumber) {
      errors.push({ line, studentNumber: '', message: 'Het leerlingnummer ontbreekt.' });
      return;
    }

    let student: ImportedStudent | null = null;
    if (kind === 'students') {
      if (!get('givenName')) problems.push('De roepnaam ontbreekt.');
      if (!get('familyName')) problems.push('De achternaam ontbreekt.');
      const birthDate = parseDutchDate(get('birthDate'));
      if (birthDate === undefined) problems.push(`Geboortedatum "${get('birthDate')}" is geen geldige datum (verwacht dd-mm-jjjj).`);
      const yearText = get('yearLevel');
      const yearLevel = yearText === '' ? yearFromClass(get('className')) : Number(yearText);
      if (yearText !== '' && !(Number.isInteger(yearLevel) && yearLevel! >= 1 && yearLevel! <= 6)) {
        problems.push(`Leerjaar "${yearText}" is geen getal van 1 tot en met 6.`);
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
      .map((slot) => readGuardian(cells, slot, problems))
      .filter((g): g is ImportedGuardian => g !== null);

    if (problems.length) {
      errors.push({ line, studentNumber, message: problems.join(' ') });
      return;
    }
    const earlier = planned.get(studentNumber);
    if (!earlier) {
      planned.set(studentNumber, { line, studentNumber, student, guardians });
      return;
    }
    if (!hasGuardians || (student && earlier.student && !sameStudent(student, earlier.student))) {
      errors.push({
        line,
        studentNumber,
        message: `Leerlingnummer ${studentNumber} staat ook op regel ${earlier.line}${hasGuardians ? ' met andere leerlinggegevens' : ''}.`,
      });
      return;
    }
    earlier.guardians.push(...guardians);
  });
  return { kind, students: [...planned.values()], errors };
}
