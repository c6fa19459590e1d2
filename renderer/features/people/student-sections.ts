import type { ComponentType } from 'react';

/**
 * What later domains show on a student's page (intakes, consent, the Meldcode track). They
 * register a section at start-up (renderer/app/student-sections.ts), so the people screens import
 * none of the domains built on them.
 */
export interface StudentSectionProps {
  student: { id: string; name: string; className: string; studentNumber: string };
}

const sections: { order: number; key: string; Section: ComponentType<StudentSectionProps> }[] = [];

export function registerStudentSection(key: string, order: number, Section: ComponentType<StudentSectionProps>): void {
  const existing = sections.findIndex((s) => s.key === key);
  if (existing >= 0) sections.splice(existing, 1);
  sections.push({ key, order, Section });
  sections.sort((a, b) => a.order - b.order);
}

export function studentSections(): readonly { key: string; Section: ComponentType<StudentSectionProps> }[] {
  return sections;
}
