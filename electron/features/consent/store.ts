import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { consents, meldcodeTracks } from '../../../db/schema';
import { AppError } from '../../api/errors';
import { deleteAttachmentsOf } from '../files/store';
import { mayName, rewriteJson, type StudentEraser } from '../people/erasure';
import { fullName } from '../people/names';
import { guardiansOfStudents, studentsById } from '../people/store';
import type { ConsentGuardian, ConsentPurpose, ConsentRecord, ConsentStudent } from './rules';

/** The consent register's rows: the records and the Meldcode tracks; the people who sign them come from people. */

export type ConsentRow = typeof consents.$inferSelect;

export function toConsentRecord(row: ConsentRow): ConsentRecord {
  return {
    id: row.id,
    studentId: row.studentId,
    signer: row.signerKind === 'student' ? { kind: 'student' } : { kind: 'guardian', guardianId: row.guardianId ?? '' },
    decision: row.decision,
    purposes: row.purposes as ConsentPurpose[],
    partnerIds: row.partnerIds,
    givenOn: row.givenOn,
    validUntil: row.validUntil,
    withdrawnOn: row.withdrawnOn,
  };
}

export function consentRows(db: VaultDb, studentIds: string[]): ConsentRow[] {
  const rows: ConsentRow[] = [];
  for (let i = 0; i < studentIds.length; i += 500) {
    rows.push(
      ...db
        .select()
        .from(consents)
        .where(inArray(consents.studentId, studentIds.slice(i, i + 500)))
        .orderBy(desc(consents.givenOn), desc(consents.recordedAt))
        .all(),
    );
  }
  return rows;
}

export interface ConsentCase {
  student: ConsentStudent;
  guardians: ConsentGuardian[];
}

/** Students and their guardians as the consent rules see them, for many students in one go. */
export function consentCases(db: VaultDb, studentIds: string[]): Map<string, ConsentCase> {
  const guardians = guardiansOfStudents(db, studentIds);
  return new Map(
    [...studentsById(db, studentIds).values()].map((s) => [
      s.id,
      {
        student: { id: s.id, name: s.name, birthDate: s.birthDate },
        guardians: (guardians.get(s.id) ?? []).map((g) => ({
          id: g.id,
          name: fullName(g),
          parentalAuthority: g.parentalAuthority,
          authoritySince: g.authoritySince,
        })),
      },
    ]),
  );
}

export function consentCase(db: VaultDb, studentId: string): ConsentCase {
  const found = consentCases(db, [studentId]).get(studentId);
  if (!found) throw new AppError('NOT_FOUND', 'Deze leerling bestaat niet (meer).');
  return found;
}

export function insertConsent(db: VaultDb, values: Omit<typeof consents.$inferInsert, 'id'>): string {
  const id = randomUUID();
  db.insert(consents)
    .values({ id, ...values })
    .run();
  return id;
}

/** Closing a student's case ends the consents given "until the case is closed". */
export function endConsentsUntilCaseClosed(db: VaultDb, studentId: string, on: string): void {
  db.update(consents)
    .set({ validUntil: on })
    .where(and(eq(consents.studentId, studentId), eq(consents.untilCaseClosed, true), isNull(consents.validUntil)))
    .run();
}

export function guardianConsentCount(db: VaultDb, guardianId: string): number {
  return db.select({ id: consents.id }).from(consents).where(eq(consents.guardianId, guardianId)).all().length;
}

export function getConsent(db: VaultDb, id: string): ConsentRow {
  const row = db.select().from(consents).where(eq(consents.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Deze toestemming bestaat niet (meer).');
  return row;
}

export function recordWithdrawal(
  db: VaultDb,
  id: string,
  values: {
    withdrawnOn: string;
    withdrawnBy: string;
    withdrawalNote: string;
    withdrawalRecordedBy: string;
    withdrawalRecordedAt: string;
  },
) {
  db.update(consents).set(values).where(eq(consents.id, id)).run();
}

/** Every Meldcode track in the vault, open or closed: an aandachtsfunctionaris must stay while there is one. */
export function meldcodeTrackCount(db: VaultDb): number {
  return db.select({ n: count() }).from(meldcodeTracks).get()?.n ?? 0;
}

export function meldcodeTrackOf(db: VaultDb, studentId: string) {
  return (
    db.select().from(meldcodeTracks).where(eq(meldcodeTracks.studentId, studentId)).orderBy(desc(meldcodeTracks.openedOn)).get() ?? null
  );
}

/** `createdBy` is written once, when the track is opened; later saves keep who started it. */
export function saveMeldcodeTrack(db: VaultDb, id: string | null, values: Omit<typeof meldcodeTracks.$inferInsert, 'id'>): string {
  if (id) {
    const { createdBy: _startedBy, ...changes } = values;
    const result = db
      .update(meldcodeTracks)
      .set(changes)
      .where(and(eq(meldcodeTracks.id, id), eq(meldcodeTracks.studentId, values.studentId)))
      .run();
    if (result.changes === 0) throw new AppError('NOT_FOUND', 'Dit Meldcode-traject bestaat niet (meer).');
    return id;
  }
  const newId = randomUUID();
  db.insert(meldcodeTracks)
    .values({ id: newId, ...values })
    .run();
  return newId;
}

/**
 * Erasure (people/erasure.ts): their consents, with the files on them, and their Meldcode track go;
 * what another family was told on consent, and another student's Meldcode notes, lose their full names.
 */
export const consentEraser: StudentEraser = {
  theirs: (db, { studentId, counts }) => {
    const consentIds = db
      .select({ id: consents.id })
      .from(consents)
      .where(eq(consents.studentId, studentId))
      .all()
      .map((r) => r.id);
    counts.attachments += deleteAttachmentsOf(db, { consentIds });
    counts.meldcodeTracks += db.delete(meldcodeTracks).where(eq(meldcodeTracks.studentId, studentId)).run().changes;
    counts.consents += db.delete(consents).where(eq(consents.studentId, studentId)).run().changes;
  },
  elsewhere: (db, { terms, elsewhere, counts }) => {
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
      .select({ id: meldcodeTracks.id, steps: meldcodeTracks.steps, parentsInformedNote: meldcodeTracks.parentsInformedNote })
      .from(meldcodeTracks)
      .where(or(mayName(meldcodeTracks.steps, terms), mayName(meldcodeTracks.parentsInformedNote, terms)))
      .all();
    for (const t of tracks) {
      const next = { steps: rewriteJson(t.steps, elsewhere), parentsInformedNote: elsewhere(t.parentsInformedNote) };
      if (next.steps === t.steps && next.parentsInformedNote === t.parentsInformedNote) continue;
      db.update(meldcodeTracks).set(next).where(eq(meldcodeTracks.id, t.id)).run();
      counts.otherTexts++;
    }
  },
};
