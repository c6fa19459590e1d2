import { sql } from 'drizzle-orm';
import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { staff } from './people';

/**
 * People who can unlock this vault. Their wrapped keys live in the keyring next to the vault
 * (it must be readable before unlocking); this table is the source of truth once unlocked.
 */
export const appUsers = sqliteTable(
  'app_users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    staffCode: text('staff_code').notNull(),
    createdAt: text('created_at').notNull(),
    /** The staff member this user is (same code); set when people arrive. */
    staffId: text('staff_id').references(() => staff.id, { onDelete: 'set null' }),
    /**
     * What this user may do: coördinator, voorzitter, notulist, lid, aandachtsfunctionaris. None by default: rights are
     * given, never assumed.
     */
    roles: text('roles', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /**
     * Set when a coordinator removed this user: the row stays so the audit log and the records
     * they made keep a name; their key slot is gone and the data key was rotated.
     */
    removedAt: text('removed_at'),
  },
  // A removed user's code may be given to someone again (or to them, back at school).
  (t) => [
    uniqueIndex('app_users_staff_code_active')
      .on(t.staffCode)
      .where(sql`${t.removedAt} is null`),
  ],
);
