import { numericDate } from '../../../shared/dutch-dates';
import { defaultSalutation, fullName, normalizeForSearch, studentSearchText } from '../names';
import type { GuardianRow, StudentRow } from '../store';
import { guardianFields as guardianFieldDefs, studentFields as studentFieldDefs, type GuardianField, type StudentField } from './fields';
import type { ImportPlan, ImportedGuardian, PlannedStudent, RowProblem } from './plan';

/**
 * An import plan checked against the vault's rows, as pure functions: what each row adds or
 * changes, field by field, and the writes that takes. Reading and writing the rows is in store.ts.
 */

/** One field of a student or guardian as stored and as the file has it, written as the user reads it. */
export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

/** What an import does to one guardian of a student already in the vault. */
export interface GuardianChange {
  name: string;
  /** added: not known yet; updated: matched by name (or relation and surname) and changed; kept: not in the file, stays. */
  action: 'added' | 'updated' | 'kept';
  changes: FieldChange[];
}

/** A row for a student already in the vault that differs from what is stored: offered as an update. */
export interface StudentUpdate {
  line: number;
  studentNumber: string;
  name: string;
  /** "Verschilt in: klas, tussenvoegsel. …": the fields that differ, for the row's list. */
  message: string;
  changes: FieldChange[];
  guardians: GuardianChange[];
}

export type StudentValues = Omit<StudentRow, 'id' | 'status' | 'leftOn'>;
export type GuardianValues = Omit<GuardianRow, 'id' | 'studentId'>;

/** The writes one accepted row needs. */
export interface RowWrite {
  studentNumber: string;
  /** Null for a new student. */
  studentId: string | null;
  /** Null when the student's own row stays as it is. */
  student: StudentValues | null;
  guardianInserts: GuardianValues[];
  guardianUpdates: { id: string; values: GuardianValues }[];
}

export interface ImportCheck {
  toAdd: number;
  toUpdate: number;
  /** Rows for students already stored exactly as the file has them: nothing to do. */
  unchanged: number;
  updates: StudentUpdate[];
  /** Plan errors plus those only the vault can tell (a guardian row for an unknown student). */
  errors: RowProblem[];
  warnings: RowProblem[];
  /** New and changed rows; an update is written only when it is chosen. */
  writes: RowWrite[];
}

const studentLabels: Record<Exclude<StudentField, 'studentNumber' | 'mentorCode'>, string> = {
  givenName: studentFieldDefs.givenName.label,
  infix: studentFieldDefs.infix.label,
  familyName: studentFieldDefs.familyName.label,
  birthDate: studentFieldDefs.birthDate.label,
  className: studentFieldDefs.className.label,
  yearLevel: studentFieldDefs.yearLevel.label,
  level: studentFieldDefs.level.label,
};

const KEPT_WHEN_EMPTY = new Set<keyof typeof studentLabels>(['birthDate', 'className', 'yearLevel', 'level']);

const shown = (value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined ? '' : typeof value === 'boolean' ? (value ? 'ja' : 'nee') : String(value);

/** Field by field, what changes when `next` replaces `current`; dates as dd-mm-jjjj. */
function diff<T extends Record<string, unknown>>(current: T, next: T, labels: Partial<Record<keyof T, string>>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [key, field] of Object.entries(labels) as [keyof T & string, string][]) {
    const from = current[key] as string | number | boolean | null | undefined;
    const to = next[key] as string | number | boolean | null | undefined;
    if (from === to) continue;
    const date = key === 'birthDate';
    changes.push({
      field,
      from: date && from ? numericDate(String(from)) : shown(from),
      to: date && to ? numericDate(String(to)) : shown(to),
    });
  }
  return changes;
}

const guardianLabels = (fields: GuardianField[]): Partial<Record<keyof GuardianValues, string>> =>
  Object.fromEntries(fields.map((f) => [f, guardianFieldDefs[f].label]));

const sameName = (a: string, b: string) => normalizeForSearch(a) === normalizeForSearch(b);

/** "K." in the file for "Karel" in the vault (or "J.P." for "Jan Peter"): the same person, written shorter. */
function initialsOf(given: string, written: string): boolean {
  if (!/^(\p{L}\.\s?)+$/u.test(written.trim())) return false;
  const letters = written.replace(/[.\s]/g, '');
  const words = given.split(/[\s-]+/).filter(Boolean);
  return words.length === letters.length && words.every((w, i) => sameName(w[0]!, letters[i]!));
}

/**
 * The stored guardian a guardian in the file is: the same name, or else the only one with the same
 * relation and surname (initials in one file, a first name in the other).
 */
function matchGuardian(known: GuardianRow[], g: ImportedGuardian, taken: Set<string>): GuardianRow | undefined {
  const free = known.filter((k) => !taken.has(k.id));
  const byName = free.find(
    (k) => sameName(k.familyName, g.familyName) && (sameName(k.givenName, g.givenName) || initialsOf(k.givenName, g.givenName)),
  );
  if (byName) return byName;
  const byRole = free.filter((k) => k.relation === g.relation && sameName(k.familyName, g.familyName));
  return byRole.length === 1 ? byRole[0] : undefined;
}

function newGuardian(g: ImportedGuardian, now: string): GuardianValues {
  const { salutation, ...rest } = g;
  return { ...rest, salutation: salutation ?? defaultSalutation(g), authoritySince: null, updatedAt: now };
}

/**
 * A stored guardian with what the file holds laid over it. Columns the file does not have change
 * nothing; a salutation typed by hand stays unless the file has one, a generated one follows the name.
 */
function updatedGuardian(current: GuardianRow, g: ImportedGuardian, fields: GuardianField[], today: string, now: string): GuardianValues {
  const { id: _id, studentId: _studentId, ...values } = current;
  const next: GuardianValues = { ...values };
  for (const f of fields) if (f !== 'salutation') Object.assign(next, { [f]: g[f] });
  // A first name typed in the app is not replaced by the initials an export writes.
  if (initialsOf(current.givenName, g.givenName)) next.givenName = current.givenName;
  next.salutation = g.salutation ?? (current.salutation === defaultSalutation(current) ? defaultSalutation(next) : current.salutation);
  // Gezag given now to someone already registered: consent on file does not speak for them (as guardians.save).
  next.authoritySince = !next.parentalAuthority ? null : !current.parentalAuthority ? today : current.authoritySince;
  next.updatedAt = now;
  return next;
}

/** What the vault holds that a plan is checked against, read by checkImport (apply.ts). */
export interface StoredForImport {
  /** The stored students the file names, by leerlingnummer. */
  existing: Map<string, StudentRow>;
  /** Their guardians, by student id. */
  known: Map<string, GuardianRow[]>;
  /** Students to leave alone, with the reason shown for their row (the import holds). */
  held: Map<string, string>;
  staffRows: { id: string; code: string }[];
}

/**
 * Checks a plan against what is stored, without writing: what would be added, what differs
 * (per field, old → new), what is already there as it is, and what is refused.
 */
export function checkPlan(plan: ImportPlan, stored: StoredForImport, today: string, now: string): ImportCheck {
  const { existing, known, held, staffRows } = stored;
  const mentorIds = new Map(staffRows.map((s) => [s.code, s.id]));
  const mentorCodes = new Map(staffRows.map((s) => [s.id, s.code]));
  const errors = [...plan.errors];
  const warnings = [...plan.warnings];
  const check: ImportCheck = { toAdd: 0, toUpdate: 0, unchanged: 0, updates: [], errors, warnings, writes: [] };
  const studentFields = plan.studentFields.filter((f): f is keyof typeof studentLabels => f in studentLabels);
  const guardianFields = plan.guardianFields;

  for (const planned of plan.students) {
    const current = existing.get(planned.studentNumber);
    if (!planned.student && !current) {
      errors.push({
        line: planned.line,
        studentNumber: planned.studentNumber,
        message: `Leerling ${planned.studentNumber} staat nog niet in Zorgoverleg; importeer eerst het leerlingenbestand.`,
      });
      continue;
    }
    const hold = current ? held.get(current.id) : undefined;
    if (hold) {
      warnings.push({ line: planned.line, studentNumber: planned.studentNumber, message: hold });
      continue;
    }
    const mentor = planned.student?.mentorCode;
    const mentorId = mentor ? mentorIds.get(mentor) : null;
    if (mentor && !mentorId) {
      warnings.push({
        line: planned.line,
        studentNumber: planned.studentNumber,
        message: current
          ? `Mentor "${mentor}" is onbekend; de mentor van de leerling blijft zoals hij was.`
          : `Mentor "${mentor}" is onbekend; de leerling wordt zonder mentor opgeslagen.`,
      });
    }
    if (!current) {
      const s = planned.student!;
      check.toAdd++;
      check.writes.push({
        studentNumber: planned.studentNumber,
        studentId: null,
        student: { ...studentValues(s, mentorId ?? null), updatedAt: now },
        guardianInserts: planned.guardians.map((g) => newGuardian(g, now)),
        guardianUpdates: [],
      });
      continue;
    }
    const compared = compareWithStored(planned, current, known.get(current.id) ?? [], {
      studentFields,
      guardianFields,
      mentorMapped: plan.studentFields.includes('mentorCode'),
      mentorId,
      mentorCodes,
      today,
      now,
    });
    if (!compared) {
      check.unchanged++;
      continue;
    }
    check.toUpdate++;
    check.updates.push(compared.update);
    check.writes.push(compared.write);
  }
  errors.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  return check;
}

function studentValues(s: NonNullable<PlannedStudent['student']>, mentorId: string | null): Omit<StudentValues, 'updatedAt'> {
  const { mentorCode: _code, ...fields } = s;
  return { ...fields, mentorId, searchText: studentSearchText(s) };
}

export interface CompareOptions {
  /** The student fields the file holds (studentNumber and mentorCode apart). */
  studentFields: (keyof typeof studentLabels)[];
  guardianFields: GuardianField[];
  mentorMapped: boolean;
  /** The mentor the file names: an id, null for none, undefined for a code nobody has. */
  mentorId: string | null | undefined;
  mentorCodes: Map<string, string>;
  today: string;
  now: string;
}

/**
 * A row for a student already in the vault compared with what is stored: null when nothing
 * differs ("ongewijzigd"), else the update as the user is shown it and the writes it takes.
 */
export function compareWithStored(
  planned: PlannedStudent,
  current: StudentRow,
  stored: GuardianRow[],
  o: CompareOptions,
): { update: StudentUpdate; write: RowWrite } | null {
  const changes: FieldChange[] = [];
  let student: StudentValues | null = null;
  if (planned.student) {
    const next = { ...current };
    for (const f of o.studentFields) {
      const value = planned.student[f];
      // An empty cell is a gap in the export, not a correction: a date of birth, class, year or
      // level already stored stays. An empty tussenvoegsel does mean "none".
      if ((value === null || value === '') && KEPT_WHEN_EMPTY.has(f)) continue;
      Object.assign(next, { [f]: value });
    }
    // An empty mentor cell means no mentor; an unknown code keeps the mentor the student has.
    if (o.mentorMapped && o.mentorId !== undefined) next.mentorId = o.mentorId;
    changes.push(...diff(current, next, Object.fromEntries(o.studentFields.map((f) => [f, studentLabels[f]]))));
    if (next.mentorId !== current.mentorId) {
      changes.push({
        field: 'Mentor',
        from: current.mentorId ? (o.mentorCodes.get(current.mentorId) ?? '') : '',
        to: next.mentorId ? (o.mentorCodes.get(next.mentorId) ?? '') : '',
      });
    }
    if (changes.length) {
      const { id: _id, status: _status, leftOn: _leftOn, ...values } = next;
      student = { ...values, searchText: studentSearchText(next), updatedAt: o.now };
    }
  }

  const guardianChanges: GuardianChange[] = [];
  const guardianInserts: GuardianValues[] = [];
  const guardianUpdates: RowWrite['guardianUpdates'] = [];
  const taken = new Set<string>();
  const labels = guardianLabels(o.guardianFields);
  for (const g of planned.guardians) {
    const match = matchGuardian(stored, g, taken);
    if (!match) {
      const values = newGuardian(g, o.now);
      guardianInserts.push(values);
      // What the new guardian brings, as changes from nothing.
      const brought = diff({} as Partial<GuardianValues>, values, {
        ...labels,
        salutation: guardianFieldDefs.salutation.label,
      });
      guardianChanges.push({ name: fullName(g), action: 'added', changes: brought.filter((c) => c.to !== '') });
      continue;
    }
    taken.add(match.id);
    const values = updatedGuardian(match, g, o.guardianFields, o.today, o.now);
    const { id: _id, studentId: _studentId, ...currentValues } = match;
    const fieldChanges = diff(currentValues, values, { ...labels, salutation: guardianFieldDefs.salutation.label });
    if (fieldChanges.length === 0) continue;
    guardianUpdates.push({ id: match.id, values });
    guardianChanges.push({ name: fullName(match), action: 'updated', changes: fieldChanges });
  }
  if (!student && guardianChanges.length === 0) return null;
  // Guardians the file does not mention are never removed here: a file from another source, or one
  // with only the first guardian, says nothing about them.
  if (o.guardianFields.length > 0) {
    for (const k of stored) if (!taken.has(k.id)) guardianChanges.push({ name: fullName(k), action: 'kept', changes: [] });
  }
  const parts = [
    ...(changes.length ? [`Verschilt in: ${changes.map((c) => c.field.toLowerCase()).join(', ')}.`] : []),
    ...guardianChanges
      .filter((g) => g.action !== 'kept')
      .map((g) =>
        g.action === 'added'
          ? `Nieuwe ouder/verzorger: ${g.name}.`
          : `Ouder/verzorger ${g.name}: ${g.changes.map((c) => c.field.toLowerCase()).join(', ')}.`,
      ),
  ];
  return {
    update: {
      line: planned.line,
      studentNumber: planned.studentNumber,
      name: fullName(planned.student ?? current),
      message: parts.join(' '),
      changes,
      guardians: guardianChanges,
    },
    write: { studentNumber: planned.studentNumber, studentId: current.id, student, guardianInserts, guardianUpdates },
  };
}
