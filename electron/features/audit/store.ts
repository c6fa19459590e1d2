import { and, desc, eq, gte, inArray, lt, lte, notInArray, sql } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import type { AuditNote } from '../../api/context';
import { appUsers, auditLog, auditStudents, students } from '../../../db/schema';

/** What an audited call took out of the vault: a short description without content, and whose data it held. */
export type { AuditNote };

export interface AuditLine {
  at: string;
  userId: string;
  method: string;
  note: AuditNote | null;
}

/** One line in the audit log, with the students it concerned, written in one transaction. */
export function recordAudit(db: VaultDb, entry: AuditLine): void {
  db.transaction((tx) => {
    const { id } = tx
      .insert(auditLog)
      .values({ at: entry.at, userId: entry.userId, method: entry.method, detail: entry.note?.detail || null })
      .returning({ id: auditLog.id })
      .get();
    const ids = [...new Set(entry.note?.studentIds ?? [])];
    if (ids.length > 0)
      tx.insert(auditStudents)
        .values(ids.map((studentId) => ({ auditId: id, studentId })))
        .run();
  });
}

export interface AuditQuery {
  userId: string | null;
  studentId: string | null;
  /** yyyy-MM-dd, both days included (local calendar days, as the coordinator means them). */
  from: string | null;
  to: string | null;
  /** Lines older than this id (paging back in time). */
  before: number | null;
  limit: number;
  /** Methods whose lines this reader may not see (line-readers.ts). */
  hiddenMethods: readonly string[];
}

/** The log, newest first, with each line's user and students; `from`/`to` are ISO instants. */
export function auditEntries(
  db: VaultDb,
  query: Omit<AuditQuery, 'from' | 'to'> & { fromInstant: string | null; toInstant: string | null },
) {
  const conditions = [
    query.userId ? eq(auditLog.userId, query.userId) : undefined,
    query.fromInstant ? gte(auditLog.at, query.fromInstant) : undefined,
    query.toInstant ? lte(auditLog.at, query.toInstant) : undefined,
    query.before !== null ? lt(auditLog.id, query.before) : undefined,
    query.studentId
      ? inArray(
          auditLog.id,
          db.select({ id: auditStudents.auditId }).from(auditStudents).where(eq(auditStudents.studentId, query.studentId)),
        )
      : undefined,
    query.hiddenMethods.length > 0 ? notInArray(auditLog.method, [...query.hiddenMethods]) : undefined,
  ].filter((c) => c !== undefined);
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      userName: appUsers.name,
      method: auditLog.method,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .leftJoin(appUsers, eq(appUsers.id, auditLog.userId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1)
    .all();
  const page = rows.slice(0, query.limit);
  const pageIds = page.map((r) => r.id);
  const concerned = page.length
    ? db
        .select({
          auditId: auditStudents.auditId,
          studentId: students.id,
          name: sql<string>`trim(${students.givenName} || ' ' || ${students.infix} || ' ' || ${students.familyName})`,
          className: students.className,
        })
        .from(auditStudents)
        .innerJoin(students, eq(students.id, auditStudents.studentId))
        .where(inArray(auditStudents.auditId, pageIds))
        .all()
    : [];
  return {
    entries: page.map((r) => ({
      ...r,
      students: concerned
        .filter((c) => c.auditId === r.id)
        .map((c) => ({ id: c.studentId, name: c.name.replace(/\s+/g, ' '), className: c.className })),
    })),
    more: rows.length > query.limit,
  };
}

/**
 * Erasure (retention/erase.ts): the lines about a student stay (what happened, when, by whom)
 * without the link to them, `replace` taking their names out of the detail. Returns the links gone.
 */
export function unlinkStudentLines(db: VaultDb, studentId: string, replace: (text: string) => string): number {
  const lines = db
    .select({ id: auditLog.id, detail: auditLog.detail })
    .from(auditLog)
    .innerJoin(auditStudents, eq(auditStudents.auditId, auditLog.id))
    .where(eq(auditStudents.studentId, studentId))
    .all();
  for (const line of lines)
    if (line.detail)
      db.update(auditLog)
        .set({ detail: replace(line.detail) })
        .where(eq(auditLog.id, line.id))
        .run();
  return db.delete(auditStudents).where(eq(auditStudents.studentId, studentId)).run().changes;
}
