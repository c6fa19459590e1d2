import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { agendaItems } from './minutes';
import { appUsers } from './users';

/**
 * The chair's own notes per agenda item, shown only on the chair's console while presenting:
 * never in the minutes, never on the projector, never to another user.
 */
export const chairNotes = sqliteTable(
  'chair_notes',
  {
    itemId: text('item_id')
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => appUsers.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.userId] })],
);
