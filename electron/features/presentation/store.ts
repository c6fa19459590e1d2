import { and, eq, inArray, sql } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { chairNotes } from '../../../db/schema';

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
