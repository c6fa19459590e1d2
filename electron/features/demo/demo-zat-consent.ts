import { and, eq } from 'drizzle-orm';
import { guardians, partners, type meetings } from '../../../db/schema';
import { attendeesOf } from '../agenda/store-presence';
import { consentRows, insertConsent } from '../consent/store';
import type { IntakeRow } from '../intake/store';
import { fullName } from '../people/names';
import type { MinutesCast } from './demo-minutes-cast';
import { shift } from './demo-minutes-story';

/**
 * Consent for the students the ZAT discusses by name, given two weeks before their first time:
 * both parents with authority and the student, for the partners at the ZAT's table.
 */
export function giveZatConsent(cast: MinutesCast, byHand: string[][], zatSlots: (typeof meetings.$inferSelect)[]): void {
  const { db, awo, at, studentRow } = cast;
  const lastZat = zatSlots.at(-1)!;
  const zatPartners = db
    .select()
    .from(partners)
    .all()
    .filter((p) => attendeesOf(db, lastZat.id).some((a) => a.person === `partner:${p.id}`))
    .map((p) => p.id);
  byHand.forEach((ids, slot) => {
    const meeting = zatSlots[slot];
    for (const id of ids) {
      if (!meeting || consentRows(db, [id]).length > 0) continue;
      const s = studentRow(id);
      const signers = [
        ...db
          .select()
          .from(guardians)
          .where(and(eq(guardians.studentId, id), eq(guardians.parentalAuthority, true)))
          .all()
          .map((g) => ({ guardianId: g.id, name: fullName(g) })),
        { guardianId: null, name: fullName(s) },
      ];
      for (const signer of signers) {
        insertConsent(db, {
          studentId: id,
          signerKind: signer.guardianId ? 'guardian' : 'student',
          guardianId: signer.guardianId,
          signerName: signer.name,
          decision: 'given',
          purposes: ['bespreking', 'informatie-uitwisselen'],
          partnerIds: zatPartners,
          method: 'schriftelijk',
          informationGiven: 'Toestemmingsformulier ZAT met uitleg over de partners aan tafel en het doel van de bespreking.',
          givenOn: shift(meeting.date, -14),
          validUntil: null,
          untilCaseClosed: true,
          recordedBy: awo.id,
          recordedAt: at,
        });
      }
    }
  });
}

/** For the jeugdarts a student of 12–15 signs too: the closed ZAT case needs that signature. */
export function studentSignsForJeugdarts({ db, awo, at, studentRow }: MinutesCast, closedIntake: IntakeRow): void {
  const records = consentRows(db, [closedIntake.studentId!]);
  const parents = records.find((r) => r.signerKind === 'guardian' && r.decision === 'given');
  if (!parents || records.some((r) => r.signerKind === 'student')) return;
  insertConsent(db, {
    studentId: parents.studentId,
    signerKind: 'student',
    guardianId: null,
    signerName: fullName(studentRow(parents.studentId)),
    decision: 'given',
    purposes: parents.purposes,
    partnerIds: parents.partnerIds,
    method: parents.method,
    informationGiven: parents.informationGiven,
    givenOn: parents.givenOn,
    validUntil: parents.validUntil,
    recordedBy: awo.id,
    recordedAt: at,
  });
}
