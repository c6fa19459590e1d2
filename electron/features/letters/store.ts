import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { letterTemplates, lettersSent } from '../../../db/schema';
import { now } from '../../shared/clock';
import { mayName, rewriteJson, type StudentEraser } from '../people/erasure';

/** The letters domain's rows: the school's templates and the log of letters made. */

export type TemplateRow = typeof letterTemplates.$inferSelect;

export function templateRows(db: VaultDb): TemplateRow[] {
  return db.select().from(letterTemplates).all();
}

/** A shipped template's edited copy replaces it (one row per key); a school's own template gets its own row. */
export function saveTemplateRow(
  db: VaultDb,
  values: { id: string | null; shippedKey: string | null; name: string; subject: string; body: string; userId: string },
): string {
  const row = {
    name: values.name,
    subject: values.subject,
    body: values.body,
    updatedAt: now(),
    updatedBy: values.userId,
  };
  if (values.shippedKey) {
    const id = randomUUID();
    db.insert(letterTemplates)
      .values({ id, shippedKey: values.shippedKey, ...row })
      .onConflictDoUpdate({ target: letterTemplates.shippedKey, set: row })
      .run();
    return values.shippedKey;
  }
  if (values.id) {
    db.update(letterTemplates).set(row).where(eq(letterTemplates.id, values.id)).run();
    return values.id;
  }
  const id = randomUUID();
  db.insert(letterTemplates)
    .values({ id, shippedKey: null, ...row })
    .run();
  return id;
}

export function removeTemplateRow(db: VaultDb, where: { shippedKey: string } | { id: string }): void {
  db.delete(letterTemplates)
    .where('shippedKey' in where ? eq(letterTemplates.shippedKey, where.shippedKey) : eq(letterTemplates.id, where.id))
    .run();
}

export function logLettersSent(db: VaultDb, entries: Omit<typeof lettersSent.$inferInsert, 'id'>[]): void {
  if (entries.length === 0) return;
  db.transaction((tx) => {
    for (const entry of entries)
      tx.insert(lettersSent)
        .values({ id: randomUUID(), ...entry })
        .run();
  });
}

export function lettersOfStudent(db: VaultDb, studentId: string) {
  return db.select().from(lettersSent).where(eq(lettersSent.studentId, studentId)).orderBy(desc(lettersSent.sentAt)).all();
}

/** Erasure (people/erasure.ts): their letters go; another family's letter, as sent, loses their full names. */
export const lettersEraser: StudentEraser = {
  theirs: (db, { studentId, counts }) => {
    counts.letters += db.delete(lettersSent).where(eq(lettersSent.studentId, studentId)).run().changes;
  },
  elsewhere: (db, { terms, elsewhere }) => {
    const letters = db
      .select({ id: lettersSent.id, texts: lettersSent.texts })
      .from(lettersSent)
      .where(mayName(lettersSent.texts, terms))
      .all();
    for (const letter of letters) {
      if (letter.texts === null) continue;
      const texts = rewriteJson(letter.texts, elsewhere);
      if (texts !== letter.texts) db.update(lettersSent).set({ texts }).where(eq(lettersSent.id, letter.id)).run();
    }
  },
};
