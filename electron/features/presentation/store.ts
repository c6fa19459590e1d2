import { and, eq, inArray, sql } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { chairNotes } from '../../../db/schema';
import { caseItemsOf } from '../agenda/store-erasure';
import { mayName, rewrite, type StudentEraser } from '../people/erasure';

/** SQL of the presentation domain: the chair's own notes, and whether anything was written. */

export function chairNotesOf(db: VaultDb, userId: string, itemIds: string[]): { itemId: string; text: string }[] {
  if (itemIds.length === 0) return [];
  return db
    .select({ itemId: chairNotes.itemId, text: chairNotes.text })
    .from(chairNotes)
    .where(and(eq(chairNotes.userId, userId), inArray(chairNotes.itemId, itemIds)))
    .all();
}

export function saveChairNote(db: VaultDb, userId: string, itemId: string, text: string, at: string): void {
  if (text.trim() === '') {
    db.delete(chairNotes)
      .where(and(eq(chairNotes.userId, userId), eq(chairNotes.itemId, itemId)))
      .run();
    return;
  }
  db.insert(chairNotes)
    .values({ itemId, userId, text, updatedAt: at })
    .onConflictDoUpdate({ target: [chairNotes.itemId, chairNotes.userId], set: { text, updatedAt: at } })
    .run();
}

/** Rows written on this connection so far: a live view only rebuilds when this moved. */
export function rowsWrittenSoFar(db: VaultDb): number {
  return db.get<{ n: number }>(sql`select total_changes() as n`).n;
}

/** Erasure (people/erasure.ts): the chair's notes on their case go; a note elsewhere loses their full names. */
export const presentationEraser: StudentEraser = {
  theirs: (db, { studentId, counts }) => {
    const itemIds = caseItemsOf(db, studentId).map((i) => i.id);
    if (itemIds.length === 0) return;
    counts.chairNotes += db.delete(chairNotes).where(inArray(chairNotes.itemId, itemIds)).run().changes;
  },
  elsewhere: (db, { terms, elsewhere }) => {
    const notes = db
      .select({ itemId: chairNotes.itemId, userId: chairNotes.userId, text: chairNotes.text })
      .from(chairNotes)
      .where(mayName(chairNotes.text, terms))
      .all();
    rewrite(notes, elsewhere, (n, text) =>
      db
        .update(chairNotes)
        .set({ text })
        .where(and(eq(chairNotes.itemId, n.itemId), eq(chairNotes.userId, n.userId)))
        .run(),
    );
  },
};
