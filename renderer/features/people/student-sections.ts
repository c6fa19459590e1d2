import { createElement, type ComponentType, type ReactNode } from 'react';

/**
 * What later domains show on a student's page: sections below the details (intakes, consent, the
 * Meldcode track), buttons beside them (inzage) and fields on the leave dialog (where the student
 * went, for retention). They register at start-up (renderer/app/student-sections.tsx), so the
 * people screens import none of the domains built on them.
 */
export interface StudentSectionProps {
  student: { id: string; name: string; className: string; studentNumber: string };
}

interface Registered<T> {
  key: string;
  order: number;
  part: T;
}

function registry<T>() {
  const parts: Registered<T>[] = [];
  return {
    register(key: string, order: number, part: T): void {
      const existing = parts.findIndex((p) => p.key === key);
      if (existing >= 0) parts.splice(existing, 1);
      parts.push({ key, order, part });
      parts.sort((a, b) => a.order - b.order);
    },
    list: (): readonly Registered<T>[] => parts,
  };
}

const sections = registry<ComponentType<StudentSectionProps>>();
const actions = registry<ComponentType<{ studentId: string }>>();
const leavingFields = registry<() => LeavingDraft>();

export const registerStudentSection = sections.register;
export const studentSections = () => sections.list().map(({ key, part }) => ({ key, Section: part }));

/** A button in the page's header, shown beside "Gegevens wijzigen". */
export const registerStudentAction = actions.register;
export const studentActions = () => actions.list().map(({ key, part }) => ({ key, Action: part }));

/** A field on the leave dialog and what to store from it once the student is unenrolled. */
export interface LeavingField<T> {
  initial: T;
  Field: ComponentType<{ value: T; onChange(value: T): void }>;
  save(studentId: string, value: T): Promise<unknown>;
}

/** One field's value as the dialog keeps it: the dialog holds the state, the field's domain knows its type. */
export interface LeavingDraft {
  render(onChange: (next: LeavingDraft) => void): ReactNode;
  save(studentId: string): Promise<unknown>;
}

function draftOf<T>(field: LeavingField<T>, value: T): LeavingDraft {
  return {
    render: (onChange) => createElement(field.Field, { value, onChange: (v: T) => onChange(draftOf(field, v)) }),
    save: (studentId) => field.save(studentId, value),
  };
}

export function registerLeavingField<T>(key: string, order: number, field: LeavingField<T>): void {
  leavingFields.register(key, order, () => draftOf(field, field.initial));
}

/** Fresh drafts of every registered leave field, keyed as registered. */
export const leavingDrafts = (): { key: string; draft: LeavingDraft }[] =>
  leavingFields.list().map(({ key, part }) => ({ key, draft: part() }));
