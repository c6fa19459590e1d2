import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** Who changed what, when: method names and user only, never the content itself. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: text('user_id').notNull(),
    method: text('method').notNull(),
  },
  (t) => [index('audit_log_at').on(t.at)],
);
