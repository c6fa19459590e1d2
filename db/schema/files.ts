import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { consents } from './consent';
import { intakes } from './intake';

/**
 * Documents kept inside the encrypted vault (reports, OPP, letters, a signed consent form):
 * never loose files on disk. Each belongs to exactly one intake or one consent record.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    intakeId: text('intake_id').references(() => intakes.id, { onDelete: 'cascade' }),
    consentId: text('consent_id').references(() => consents.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (t) => [
    index('attachments_intake').on(t.intakeId),
    index('attachments_consent').on(t.consentId),
    check('attachment_one_owner', sql`(${t.intakeId} IS NULL) <> (${t.consentId} IS NULL)`),
  ],
);
