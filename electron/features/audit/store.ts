import type { VaultDb } from '../../../db/open';
import { auditLog, auditStudents } from '../../../db/schema';

/** What an audited call took out of the vault: a short description without content, and whose data it held. */
export interface AuditNote {
  detail: string;
  studentIds: string[];
}

/** One line in the audit log, with the students it concerned, written in one transaction. */
export function recordAudit(db: VaultDb, entry: { at: string; userId: string; method: string; note: AuditNote | null }): void {
  db.transaction((tx) => {
    const { id } = tx.insert(auditLog).values({ at: entry.at, userId: entry.userId, method: entry.method, detail: entry.note?.detail ?? null }).returning({ id: auditLog.id }).get();
    const students = [...new Set(entry.note?.studentIds ?? [])];
    if (students.length > 0) tx.insert(auditStudents).values(students.map((studentId) => ({ auditId: id, studentId }))).run();
  });
}
