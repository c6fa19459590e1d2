import { eq, inArray } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { agendaItems, meetingPresence, type AgendaGuest } from '../../../db/schema';
import { rewriteMeetingTitles } from '../meetings/store';
import { mayName, rewrite, type StudentEraser } from '../people/erasure';

/**
 * The agenda store's part in erasing a student (people/erasure.ts), apart from store.ts for its
 * length: the items of their case, kept without identity, and whether their family came.
 */

/** The items of their case: the minutes and the chair's notes find their rows through these, before the agenda erases. */
export function caseItemsOf(db: VaultDb, studentId: string): { id: string; meetingId: string; guests: AgendaGuest[] }[] {
  return db
    .select({ id: agendaItems.id, meetingId: agendaItems.meetingId, guests: agendaItems.guests })
    .from(agendaItems)
    .where(eq(agendaItems.studentId, studentId))
    .all();
}

/**
 * Their case stays on the agenda as "Leerling (geanonimiseerd)", its guests without names; the
 * meetings of their case (a one-off one may carry their name in its title) and every other
 * item's title lose their full names.
 */
export const agendaEraser: StudentEraser = {
  theirs: (db, { studentId, guardianIds, own, elsewhere, placeholders, counts }) => {
    const items = caseItemsOf(db, studentId);
    if (items.length === 0) return;
    rewriteMeetingTitles(db, { ids: [...new Set(items.map((i) => i.meetingId))] }, elsewhere);
    // Whether the parents or the student came to their case goes with the case's name.
    const family = [`student:${studentId}`, ...guardianIds.map((id) => `guardian:${id}`)];
    db.delete(meetingPresence).where(inArray(meetingPresence.person, family)).run();
    const { caseLabel } = placeholders;
    for (const item of items) {
      const guests: AgendaGuest[] = item.guests.map((g) =>
        g.kind === 'ouders'
          ? { ...g, name: placeholders.guardian }
          : g.kind === 'leerling'
            ? { ...g, name: placeholders.student }
            : { ...g, name: own(g.name) },
      );
      db.update(agendaItems).set({ studentId: null, caseLabel, title: caseLabel, guests }).where(eq(agendaItems.id, item.id)).run();
    }
    counts.agendaItems += items.length;
  },
  elsewhere: (db, { terms, elsewhere }) => {
    const titles = db
      .select({ id: agendaItems.id, text: agendaItems.title })
      .from(agendaItems)
      .where(mayName(agendaItems.title, terms))
      .all();
    rewrite(titles, elsewhere, (i, title) => db.update(agendaItems).set({ title }).where(eq(agendaItems.id, i.id)).run());
  },
};
