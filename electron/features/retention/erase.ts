import { randomUUID } from 'node:crypto';
import { and, eq, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { VaultDb } from '../../../db/open';
import {
  actions,
  agendaItems,
  attachments,
  auditLog,
  auditStudents,
  chairNotes,
  consents,
  guardians,
  intakes,
  lettersSent,
  meetingPresence,
  meetings,
  meldcodeTracks,
  minuteFields,
  minutesAddenda,
  retainedAbsence,
  students,
  type AgendaGuest,
} from '../../../db/schema';
import { studentRow } from '../people/store';
import type { IsoDate } from '../schedule/types';
import { absenceText } from './absence';
import { nameReplacer, namesOf, numberElsewhere } from './anonymise';
import type { RetentionStep } from './rules';
import { keepAbsence, markFileErased, noteInLedger } from './store';
import { ANONYMISED_CASE, GUARDIAN_PLACEHOLDER, STUDENT_PLACEHOLDER } from './vocabulary';

/**
 * What a confirmed erasure does to every domain's rows about one student. Deleted: personal data,
 * guardians, intakes, consents, the Meldcode track, attachments, letters, the chair's notes on
 * their case. Kept without identity: the minutes of their case (the item becomes "Leerling
 * (geanonimiseerd)", names in the text [leerling]/[ouder]), actions (text kept, link gone), the
 * audit lines about them (what happened stays; the link to the student goes, names and
 * leerlingnummer in their detail are replaced). Their full names and leerlingnummer go from other
 * students' files too, and the erasure is noted in the ledger a restore re-applies (ledger.ts).
 * Runs inside the dispatcher's transaction, or a restore's.
 */

export interface ErasureCounts {
  students: number;
  guardians: number;
  intakes: number;
  attachments: number;
  consents: number;
  meldcodeTracks: number;
  letters: number;
  chairNotes: number;
  absenceRecords: number;
  agendaItems: number;
  minuteTexts: number;
  actions: number;
  auditLines: number;
  absenceKept: number;
  /** Other students' intakes, consents, Meldcode notes and kept absence that named them. */
  otherTexts: number;
}

export const noErasure = (): ErasureCounts => ({
  students: 0,
  guardians: 0,
  intakes: 0,
  attachments: 0,
  consents: 0,
  meldcodeTracks: 0,
  letters: 0,
  chairNotes: 0,
  absenceRecords: 0,
  agendaItems: 0,
  minuteTexts: 0,
  actions: 0,
  auditLines: 0,
  absenceKept: 0,
  otherTexts: 0,
});

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Dossier van 2 leerlingen verwijderd: 2 leerlinggegevens, 3 ouders/verzorgers, …" — counts only, never a name. */
export function erasureDetail(students: number, c: ErasureCounts): string {
  const deleted = [
    c.students && count(c.students, 'leerling', 'leerlingen'),
    c.guardians && count(c.guardians, 'ouder/verzorger', 'ouders/verzorgers'),
    c.intakes && count(c.intakes, 'aanmelding', 'aanmeldingen'),
    c.attachments && count(c.attachments, 'bijlage', 'bijlagen'),
    c.consents && count(c.consents, 'toestemming', 'toestemmingen'),
    c.meldcodeTracks && count(c.meldcodeTracks, 'Meldcode-traject', 'Meldcode-trajecten'),
    c.letters && count(c.letters, 'brief', 'brieven'),
    c.chairNotes && count(c.chairNotes, 'notitie van de voorzitter', 'notities van de voorzitter'),
    c.absenceRecords && count(c.absenceRecords, 'bewaarde verzuimregistratie', 'bewaarde verzuimregistraties'),
  ].filter(Boolean);
  const anonymised = [
    c.agendaItems && count(c.agendaItems, 'agendapunt', 'agendapunten'),
    c.minuteTexts && count(c.minuteTexts, 'notulentekst', 'notulenteksten'),
    c.actions && count(c.actions, 'actie', 'acties'),
    c.auditLines && count(c.auditLines, 'logregel', 'logregels'),
    c.otherTexts && count(c.otherTexts, 'tekst bij andere leerlingen', 'teksten bij andere leerlingen'),
  ].filter(Boolean);
  return [
    `Bewaartermijn verstreken, ${count(students, 'leerling', 'leerlingen')}`,
    `verwijderd: ${deleted.length ? deleted.join(', ') : 'niets meer'}`,
    anonymised.length ? `zonder naam bewaard: ${anonymised.join(', ')}` : null,
    c.absenceKept ? `verzuimgegevens bewaard: ${c.absenceKept}` : null,
  ]
    .filter(Boolean)
    .join('; ');
}

/** Rewrites each text with `replace`, counting those that changed. */
function rewrite<T extends { text: string }>(rows: T[], replace: (t: string) => string, store: (row: T, text: string) => void): number {
  let changed = 0;
  for (const row of rows) {
    const text = replace(row.text);
    if (text === row.text) continue;
    store(row, text);
    changed++;
  }
  return changed;
}

/** The minutes of their case without identity; other items of those meetings lose their full names. */
function anonymiseMinutes(
  db: VaultDb,
  studentId: string,
  own: (t: string) => string,
  elsewhere: (t: string) => string,
  counts: ErasureCounts,
): void {
  const items = db
    .select({ id: agendaItems.id, meetingId: agendaItems.meetingId, guests: agendaItems.guests })
    .from(agendaItems)
    .where(eq(agendaItems.studentId, studentId))
    .all();
  const itemIds = items.map((i) => i.id);
  const meetingIds = [...new Set(items.map((i) => i.meetingId))];
  if (itemIds.length > 0) {
    const fields = db.select().from(minuteFields).where(inArray(minuteFields.itemId, itemIds)).all();
    counts.minuteTexts += rewrite(fields, own, (f, text) =>
      db
        .update(minuteFields)
        .set({ text })
        .where(and(eq(minuteFields.itemId, f.itemId), eq(minuteFields.field, f.field)))
        .run(),
    );
    const others = db
      .select({ itemId: minuteFields.itemId, field: minuteFields.field, text: minuteFields.text })
      .from(minuteFields)
      .innerJoin(agendaItems, eq(agendaItems.id, minuteFields.itemId))
      .where(and(inArray(agendaItems.meetingId, meetingIds), notInArray(agendaItems.id, itemIds)))
      .all();
    counts.minuteTexts += rewrite(others, elsewhere, (f, text) =>
      db
        .update(minuteFields)
        .set({ text })
        .where(and(eq(minuteFields.itemId, f.itemId), eq(minuteFields.field, f.field)))
        .run(),
    );
    const addenda = db
      .select({ id: minutesAddenda.id, itemId: minutesAddenda.itemId, text: minutesAddenda.text })
      .from(minutesAddenda)
      .where(inArray(minutesAddenda.meetingId, meetingIds))
      .all();
    const storeAddendum = (a: { id: string }, text: string) =>
      db.update(minutesAddenda).set({ text }).where(eq(minutesAddenda.id, a.id)).run();
    const ofTheirCase = (a: { itemId: string | null }) => a.itemId !== null && itemIds.includes(a.itemId);
    counts.minuteTexts +=
      rewrite(addenda.filter(ofTheirCase), own, storeAddendum) +
      rewrite(
        addenda.filter((a) => !ofTheirCase(a)),
        elsewhere,
        storeAddendum,
      );
    // A one-off meeting may carry the student's name in its title.
    const titles = db.select({ id: meetings.id, text: meetings.title }).from(meetings).where(inArray(meetings.id, meetingIds)).all();
    rewrite(titles, elsewhere, (m, title) => db.update(meetings).set({ title }).where(eq(meetings.id, m.id)).run());
    counts.chairNotes += db.delete(chairNotes).where(inArray(chairNotes.itemId, itemIds)).run().changes;
    // Whether the parents or the student came to their case goes with the case's name.
    const family = [
      `student:${studentId}`,
      ...db
        .select({ id: guardians.id })
        .from(guardians)
        .where(eq(guardians.studentId, studentId))
        .all()
        .map((g) => `guardian:${g.id}`),
    ];
    db.delete(meetingPresence).where(inArray(meetingPresence.person, family)).run();
    for (const item of items) {
      const guests: AgendaGuest[] = item.guests.map((g) =>
        g.kind === 'ouders'
          ? { ...g, name: GUARDIAN_PLACEHOLDER }
          : g.kind === 'leerling'
            ? { ...g, name: STUDENT_PLACEHOLDER }
            : { ...g, name: own(g.name) },
      );
      db.update(agendaItems)
        .set({ studentId: null, caseLabel: ANONYMISED_CASE, title: ANONYMISED_CASE, guests })
        .where(eq(agendaItems.id, item.id))
        .run();
    }
    counts.agendaItems += items.length;
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
}

/** Rows whose column may hold one of these family names or numbers: a cheap filter before the exact replacing. */
function mayName(column: SQLiteColumn, terms: string[]): SQL {
  const pattern = (name: string) => `%${name.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return or(...terms.map((name) => sql`${column} LIKE ${pattern(name)} ESCAPE '\\'`))!;
}

/** A stored JSON value with every string in it rewritten; the same value when nothing changed. */
function rewriteJson<T>(value: T, replace: (t: string) => string): T {
  const before = JSON.stringify(value);
  const after = JSON.parse(before, (_key, v: unknown) => (typeof v === 'string' ? replace(v) : v)) as T;
  return JSON.stringify(after) === before ? value : after;
}

/**
 * Other students' files: the answers of their intakes (a sibling, a classmate in the same fight),
 * a reason for sending one back, what their families were told on consent, their Meldcode notes,
 * their kept absence data and the names of their attachments.
 */
function scrubOtherFiles(db: VaultDb, terms: string[], elsewhere: (t: string) => string, counts: ErasureCounts): void {
  const found = db
    .select({
      id: intakes.id,
      answers: intakes.answers,
      returnReason: intakes.returnReason,
      anonymousLabel: intakes.anonymousLabel,
    })
    .from(intakes)
    .where(or(mayName(intakes.answers, terms), mayName(intakes.returnReason, terms), mayName(intakes.anonymousLabel, terms)))
    .all();
  for (const i of found) {
    const next = {
      answers: rewriteJson(i.answers, elsewhere),
      returnReason: i.returnReason === null ? null : elsewhere(i.returnReason),
      anonymousLabel: i.anonymousLabel === null ? null : elsewhere(i.anonymousLabel),
    };
    if (next.answers === i.answers && next.returnReason === i.returnReason && next.anonymousLabel === i.anonymousLabel) continue;
    db.update(intakes).set(next).where(eq(intakes.id, i.id)).run();
    counts.otherTexts++;
  }
  const given = db
    .select({ id: consents.id, informationGiven: consents.informationGiven, withdrawalNote: consents.withdrawalNote })
    .from(consents)
    .where(or(mayName(consents.informationGiven, terms), mayName(consents.withdrawalNote, terms)))
    .all();
  for (const c of given) {
    const next = {
      informationGiven: elsewhere(c.informationGiven),
      withdrawalNote: c.withdrawalNote === null ? null : elsewhere(c.withdrawalNote),
    };
    if (next.informationGiven === c.informationGiven && next.withdrawalNote === c.withdrawalNote) continue;
    db.update(consents).set(next).where(eq(consents.id, c.id)).run();
    counts.otherTexts++;
  }
  const tracks = db
    .select({
      id: meldcodeTracks.id,
      steps: meldcodeTracks.steps,
      parentsInformedNote: meldcodeTracks.parentsInformedNote,
    })
    .from(meldcodeTracks)
    .where(or(mayName(meldcodeTracks.steps, terms), mayName(meldcodeTracks.parentsInformedNote, terms)))
    .all();
  for (const t of tracks) {
    const next = { steps: rewriteJson(t.steps, elsewhere), parentsInformedNote: elsewhere(t.parentsInformedNote) };
    if (next.steps === t.steps && next.parentsInformedNote === t.parentsInformedNote) continue;
    db.update(meldcodeTracks).set(next).where(eq(meldcodeTracks.id, t.id)).run();
    counts.otherTexts++;
  }
  const absence = db
    .select({ id: retainedAbsence.id, text: retainedAbsence.text })
    .from(retainedAbsence)
    .where(mayName(retainedAbsence.text, terms))
    .all();
  counts.otherTexts += rewrite(absence, elsewhere, (a, text) =>
    db.update(retainedAbsence).set({ text }).where(eq(retainedAbsence.id, a.id)).run(),
  );
  const files = db
    .select({ id: attachments.id, text: attachments.fileName })
    .from(attachments)
    .where(mayName(attachments.fileName, terms))
    .all();
  counts.otherTexts += rewrite(files, elsewhere, (f, fileName) =>
    db.update(attachments).set({ fileName }).where(eq(attachments.id, f.id)).run(),
  );
}

/**
 * Their full names and leerlingnummer anywhere else in the vault (a sibling's case, a note on
 * another item, an action elsewhere, another family's letter, another student's intake or consent)
 * become [leerling]/[ouder] too: neither is ever someone else's, so replacing them cannot take
 * another student's words. `terms` (family names, the number) only pre-filter the rows.
 */
function scrubElsewhere(db: VaultDb, terms: string[], elsewhere: (t: string) => string, counts: ErasureCounts): void {
  if (terms.length === 0) return;
  const fields = db
    .select({ itemId: minuteFields.itemId, field: minuteFields.field, text: minuteFields.text })
    .from(minuteFields)
    .where(mayName(minuteFields.text, terms))
    .all();
  counts.minuteTexts += rewrite(fields, elsewhere, (f, text) =>
    db
      .update(minuteFields)
      .set({ text })
      .where(and(eq(minuteFields.itemId, f.itemId), eq(minuteFields.field, f.field)))
      .run(),
  );
  const addenda = db
    .select({ id: minutesAddenda.id, text: minutesAddenda.text })
    .from(minutesAddenda)
    .where(mayName(minutesAddenda.text, terms))
    .all();
  counts.minuteTexts += rewrite(addenda, elsewhere, (a, text) =>
    db.update(minutesAddenda).set({ text }).where(eq(minutesAddenda.id, a.id)).run(),
  );
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
  const titles = db
    .select({ id: agendaItems.id, text: agendaItems.title })
    .from(agendaItems)
    .where(mayName(agendaItems.title, terms))
    .all();
  rewrite(titles, elsewhere, (i, title) => db.update(agendaItems).set({ title }).where(eq(agendaItems.id, i.id)).run());
  const meetingTitles = db.select({ id: meetings.id, text: meetings.title }).from(meetings).where(mayName(meetings.title, terms)).all();
  rewrite(meetingTitles, elsewhere, (m, title) => db.update(meetings).set({ title }).where(eq(meetings.id, m.id)).run());
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
  // Letters to other families, as sent: the stored JSON, its strings rewritten one by one.
  const letters = db
    .select({ id: lettersSent.id, texts: lettersSent.texts })
    .from(lettersSent)
    .where(mayName(lettersSent.texts, terms))
    .all();
  for (const letter of letters) {
    if (letter.texts === null) continue;
    const before = JSON.stringify(letter.texts);
    const texts = JSON.parse(before, (_key, value: unknown) =>
      typeof value === 'string' ? elsewhere(value) : value,
    ) as typeof letter.texts;
    if (JSON.stringify(texts) !== before) db.update(lettersSent).set({ texts }).where(eq(lettersSent.id, letter.id)).run();
  }
  scrubOtherFiles(db, terms, elsewhere, counts);
}

/** The audit lines about them stay (what happened, when, by whom) without the link or their names. */
function unlinkAudit(db: VaultDb, studentId: string, own: (t: string) => string, counts: ErasureCounts): void {
  const lines = db
    .select({ id: auditLog.id, detail: auditLog.detail })
    .from(auditLog)
    .innerJoin(auditStudents, eq(auditStudents.auditId, auditLog.id))
    .where(eq(auditStudents.studentId, studentId))
    .all();
  for (const line of lines)
    if (line.detail)
      db.update(auditLog)
        .set({ detail: own(line.detail) })
        .where(eq(auditLog.id, line.id))
        .run();
  counts.auditLines += db.delete(auditStudents).where(eq(auditStudents.studentId, studentId)).run().changes;
}

/** The file itself: what the intake, consent, Meldcode and letters domains hold about them, and their guardians. */
function deleteFile(db: VaultDb, studentId: string, counts: ErasureCounts): void {
  const intakeIds = db
    .select({ id: intakes.id })
    .from(intakes)
    .where(eq(intakes.studentId, studentId))
    .all()
    .map((r) => r.id);
  const consentIds = db
    .select({ id: consents.id })
    .from(consents)
    .where(eq(consents.studentId, studentId))
    .all()
    .map((r) => r.id);
  const owners = [
    ...(intakeIds.length ? [inArray(attachments.intakeId, intakeIds)] : []),
    ...(consentIds.length ? [inArray(attachments.consentId, consentIds)] : []),
  ];
  if (owners.length > 0)
    counts.attachments += db
      .delete(attachments)
      .where(or(...owners))
      .run().changes;
  counts.letters += db.delete(lettersSent).where(eq(lettersSent.studentId, studentId)).run().changes;
  counts.meldcodeTracks += db.delete(meldcodeTracks).where(eq(meldcodeTracks.studentId, studentId)).run().changes;
  counts.consents += db.delete(consents).where(eq(consents.studentId, studentId)).run().changes;
  counts.intakes += db.delete(intakes).where(eq(intakes.studentId, studentId)).run().changes;
  counts.guardians += db.delete(guardians).where(eq(guardians.studentId, studentId)).run().changes;
}

/**
 * Erases one student's data as `step` says: 'dossier' keeps the identity and the absence data
 * (copied out of the intakes first), 'alles' leaves nothing of them.
 */
export function eraseStudent(db: VaultDb, studentId: string, step: RetentionStep, on: IsoDate, counts: ErasureCounts): void {
  const student = studentRow(db, studentId);
  const family = db.select().from(guardians).where(eq(guardians.studentId, studentId)).all();
  const own = nameReplacer(namesOf(student, family, 'own'));
  const elsewhere = nameReplacer(namesOf(student, family, 'elsewhere'));

  if (step === 'dossier') {
    const kept = db
      .select({ referredOn: intakes.referredOn, answers: intakes.answers })
      .from(intakes)
      .where(eq(intakes.studentId, studentId))
      .all()
      .flatMap((i) => {
        const text = absenceText(i.answers);
        return text === null ? [] : [{ id: randomUUID(), studentId, referredOn: i.referredOn, text }];
      });
    keepAbsence(db, kept);
    counts.absenceKept += kept.length;
  }
  anonymiseMinutes(db, studentId, own, elsewhere, counts);
  unlinkAudit(db, studentId, own, counts);
  deleteFile(db, studentId, counts);
  const terms = [
    ...[student, ...family].map((p) => p.familyName.trim()).filter((n) => n.length >= 2),
    ...numberElsewhere(student.studentNumber),
  ];
  scrubElsewhere(db, [...new Set(terms)], elsewhere, counts);
  noteInLedger(db, studentId, step, on);
  if (step === 'dossier') {
    // Only who they are stays, for the absence data: no mentor, no level.
    db.update(students).set({ mentorId: null, level: '' }).where(eq(students.id, studentId)).run();
    markFileErased(db, studentId, on);
    return;
  }
  counts.absenceRecords += db.delete(retainedAbsence).where(eq(retainedAbsence.studentId, studentId)).run().changes;
  // The retention row goes with the student (a foreign key with cascade).
  counts.students += db.delete(students).where(eq(students.id, studentId)).run().changes;
}
