import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { meetings } from './schedule';
import { students } from './people';

/**
 * Letter templates as the school edited them. A shipped template (key 'uitnodiging', …) lives in
 * the code until the school changes it; its row then overrides it, and removing the row restores
 * the shipped text. A school's own template has no key.
 */
export const letterTemplates = sqliteTable('letter_templates', {
  id: text('id').primaryKey(),
  shippedKey: text('shipped_key').unique(),
  name: text('name').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/**
 * One letter as it was sent, word for word: what an inzage shows a parent. Written once, when the
 * letters are handed out; never merged again from a template edited since.
 */
export interface SentLetterText {
  /** As `recipients` names this letter: "Mevr. S. de Vries en Dhr. P. de Vries (afschrift)". */
  recipients: string;
  addressLines: string[];
  /** ISO date printed on the letter. */
  date: string;
  subject: string;
  salutation: string;
  body: ({ kind: 'paragraph'; text: string; heading?: boolean } | { kind: 'list'; items: string[] })[];
  closing: string;
  signatory: { name: string; role: string };
  copyNote: string | null;
  reference: string;
}

/** Every letter made for a student: what, when, to whom, by whom. Shown on the student's timeline. */
export const lettersSent = sqliteTable(
  'letters_sent',
  {
    id: text('id').primaryKey(),
    studentId: text('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    meetingId: text('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    templateName: text('template_name').notNull(),
    subject: text('subject').notNull(),
    /** Who each letter went to, one entry per letter: "Mevr. S. de Vries en Dhr. P. de Vries", "Dhr. P. de Vries (afschrift)". */
    recipients: text('recipients', { mode: 'json' }).$type<string[]>().notNull(),
    sentAt: text('sent_at').notNull(),
    sentBy: text('sent_by').notNull(),
    /** How many pages' worth of letters: one per address. */
    letterCount: integer('letter_count').notNull(),
    /** The letters as sent, one per address. Null for letters logged before the texts were kept (0011). */
    texts: text('texts', { mode: 'json' }).$type<SentLetterText[]>(),
  },
  (t) => [index('letters_sent_student').on(t.studentId)],
);
