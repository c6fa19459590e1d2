import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { students } from './people';

/** Who changed what, when: method names and user only, never the content itself. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: text('user_id').notNull(),
    method: text('method').notNull(),
    /** What left the vault, without content: "notulen IOT 12-11-2026 → notulen-2026-11-12.docx". */
    detail: text('detail'),
  },
  (t) => [index('audit_log_at').on(t.at)],
);

/**
 * The students an audited event concerned (an export, a letter), so a student's inzage and the
 * audit viewer can answer "who took this student's data out, and when".
 */
export const auditStudents = sqliteTable(
  'audit_students',
  {
    auditId: integer('audit_id')
      .notNull()
      .references(() => auditLog.id, { onDelete: 'cascade' }),
    studentId: text('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.auditId, t.studentId] }), index('audit_students_student').on(t.studentId)],
);
