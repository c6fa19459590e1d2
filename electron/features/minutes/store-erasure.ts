import { and, eq, inArray, notInArray, or } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { actions, agendaItems, minuteFields, minutesAddenda } from '../../../db/schema';
import { caseItemsOf } from '../agenda/store-erasure';
import { mayName, rewrite, type StudentEraser } from '../people/erasure';

/**
 * The minutes store's part in erasing a student (people/erasure.ts), apart from store.ts for its
 * length: the minutes of their case and their actions stay without identity (the text kept, the
 * link gone); the other items of those meetings, and any minutes or action elsewhere, lose their
 * full names. Runs before the agenda makes their items anonymous: it finds its rows through them.
 */

const storeField = (db: VaultDb) => (f: { itemId: string; field: string }, text: string) =>
  db
    .update(minuteFields)
    .set({ text })
    .where(and(eq(minuteFields.itemId, f.itemId), eq(minuteFields.field, f.field)))
    .run();

const storeAddendum = (db: VaultDb) => (a: { id: string }, text: string) =>
  db.update(minutesAddenda).set({ text }).where(eq(minutesAddenda.id, a.id)).run();

function anonymiseCaseMinutes(
  db: VaultDb,
  itemIds: string[],
  meetingIds: string[],
  own: (t: string) => string,
  elsewhere: (t: string) => string,
) {
  const fields = db.select().from(minuteFields).where(inArray(minuteFields.itemId, itemIds)).all();
  let changed = rewrite(fields, own, storeField(db));
  const others = db
    .select({ itemId: minuteFields.itemId, field: minuteFields.field, text: minuteFields.text })
    .from(minuteFields)
    .innerJoin(agendaItems, eq(agendaItems.id, minuteFields.itemId))
    .where(and(inArray(agendaItems.meetingId, meetingIds), notInArray(agendaItems.id, itemIds)))
    .all();
  changed += rewrite(others, elsewhere, storeField(db));
  const addenda = db
    .select({ id: minutesAddenda.id, itemId: minutesAddenda.itemId, text: minutesAddenda.text })
    .from(minutesAddenda)
    .where(inArray(minutesAddenda.meetingId, meetingIds))
    .all();
  const ofTheirCase = (a: { itemId: string | null }) => a.itemId !== null && itemIds.includes(a.itemId);
  changed += rewrite(addenda.filter(ofTheirCase), own, storeAddendum(db));
  changed += rewrite(
    addenda.filter((a) => !ofTheirCase(a)),
    elsewhere,
    storeAddendum(db),
  );
  return changed;
}

export const minutesEraser: StudentEraser = {
  theirs: (db, { studentId, own, elsewhere, counts }) => {
    const items = caseItemsOf(db, studentId);
    const itemIds = items.map((i) => i.id);
    if (itemIds.length > 0) {
      counts.minuteTexts += anonymiseCaseMinutes(db, itemIds, [...new Set(items.map((i) => i.meetingId))], own, elsewhere);
    }
    const theirActions = db
      .select({ id: actions.id, what: actions.what, statusNote: actions.statusNote })
      .from(actions)
      .where(itemIds.length > 0 ? or(eq(actions.studentId, studentId), inArray(actions.itemId, itemIds)) : eq(actions.studentId, studentId))
      .all();
    for (const a of theirActions) {
      db.update(actions)
        .set({ studentId: null, what: own(a.what), statusNote: a.statusNote === null ? null : own(a.statusNote) })
        .where(eq(actions.id, a.id))
        .run();
    }
    counts.actions += theirActions.length;
  },
  elsewhere: (db, { terms, elsewhere, counts }) => {
    const fields = db
      .select({ itemId: minuteFields.itemId, field: minuteFields.field, text: minuteFields.text })
      .from(minuteFields)
      .where(mayName(minuteFields.text, terms))
      .all();
    counts.minuteTexts += rewrite(fields, elsewhere, storeField(db));
    const addenda = db
      .select({ id: minutesAddenda.id, text: minutesAddenda.text })
      .from(minutesAddenda)
      .where(mayName(minutesAddenda.text, terms))
      .all();
    counts.minuteTexts += rewrite(addenda, elsewhere, storeAddendum(db));
    const otherActions = db
      .select({ id: actions.id, what: actions.what, statusNote: actions.statusNote })
      .from(actions)
      .where(or(mayName(actions.what, terms), mayName(actions.statusNote, terms)))
      .all();
    for (const a of otherActions) {
      const what = elsewhere(a.what);
      const statusNote = a.statusNote === null ? null : elsewhere(a.statusNote);
      if (what !== a.what || statusNote !== a.statusNote) db.update(actions).set({ what, statusNote }).where(eq(actions.id, a.id)).run();
    }
  },
};
