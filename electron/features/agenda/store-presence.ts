import { and, asc, eq, inArray } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { guardians, meetingAttendees, meetingPresence, partners, staff, students } from '../../../db/schema';
import type { Presence } from './vocabulary';

/** The agenda domain's rows about people at a meeting: the invited, the families of its cases, who was there. */

/** The invited staff and partners with their presence ("staff:<id>" / "partner:<id>"). */
export function attendeesOf(db: VaultDb, meetingId: string) {
  const invited = db
    .select({
      staffId: meetingAttendees.staffId,
      partnerId: meetingAttendees.partnerId,
      staffName: staff.name,
      code: staff.code,
      organisation: partners.organisation,
      contactName: partners.contactName,
    })
    .from(meetingAttendees)
    .leftJoin(staff, eq(meetingAttendees.staffId, staff.id))
    .leftJoin(partners, eq(meetingAttendees.partnerId, partners.id))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .all();
  const presence = new Map(
    db
      .select()
      .from(meetingPresence)
      .where(eq(meetingPresence.meetingId, meetingId))
      .all()
      .map((p) => [p.person, p.presence] as const),
  );
  return invited.map((a) => {
    const person = a.staffId ? `staff:${a.staffId}` : `partner:${a.partnerId}`;
    return {
      person,
      kind: a.staffId ? ('staff' as const) : ('partner' as const),
      name: a.staffId ? (a.staffName ?? '') : a.contactName ? `${a.contactName} (${a.organisation})` : (a.organisation ?? ''),
      code: a.code ?? null,
      presence: presence.get(person) ?? null,
    };
  });
}

/** The invited and their e-mail address ('' when none is known): whom the agenda is mailed to. */
export function attendeeAddresses(db: VaultDb, meetingId: string) {
  return db
    .select({
      staffId: meetingAttendees.staffId,
      staffName: staff.name,
      staffEmail: staff.email,
      organisation: partners.organisation,
      contactName: partners.contactName,
      partnerEmail: partners.email,
    })
    .from(meetingAttendees)
    .leftJoin(staff, eq(meetingAttendees.staffId, staff.id))
    .leftJoin(partners, eq(meetingAttendees.partnerId, partners.id))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .all()
    .map((a) =>
      a.staffId
        ? { kind: 'staff' as const, name: a.staffName ?? '', organisation: null, email: (a.staffEmail ?? '').trim() }
        : {
            kind: 'partner' as const,
            name: a.contactName || (a.organisation ?? ''),
            organisation: a.organisation ?? '',
            email: (a.partnerEmail ?? '').trim(),
          },
    );
}

/** A family member at their child's item: "guardian:<id>" or "student:<id>" in the presence list. */
export interface FamilyMember {
  person: string;
  kind: 'guardian' | 'student';
  studentId: string;
  name: string;
  /** "moeder", "vader", "voogd"; "leerling" for the student. */
  relation: string;
  presence: Presence | null;
}

const fullName = (p: { givenName: string; infix: string; familyName: string }) =>
  [p.givenName, p.infix, p.familyName].filter(Boolean).join(' ');

/**
 * The parents (guardians) and the student of each case, with their presence: parents come for
 * their own child's item only, so they are listed per student, not among the meeting's attendees.
 */
export function familiesOf(db: VaultDb, meetingId: string, studentIds: string[]): Map<string, FamilyMember[]> {
  const result = new Map<string, FamilyMember[]>();
  if (studentIds.length === 0) return result;
  const unique = [...new Set(studentIds)];
  const presence = new Map(
    db
      .select()
      .from(meetingPresence)
      .where(eq(meetingPresence.meetingId, meetingId))
      .all()
      .map((p) => [p.person, p.presence] as const),
  );
  for (const s of db.select().from(students).where(inArray(students.id, unique)).all()) {
    const person = `student:${s.id}`;
    result.set(s.id, [
      {
        person,
        kind: 'student',
        studentId: s.id,
        name: fullName(s),
        relation: 'leerling',
        presence: presence.get(person) ?? null,
      },
    ]);
  }
  const parents = db
    .select()
    .from(guardians)
    .where(inArray(guardians.studentId, unique))
    .orderBy(asc(guardians.familyName), asc(guardians.givenName))
    .all();
  for (const g of parents) {
    const person = `guardian:${g.id}`;
    const list = result.get(g.studentId);
    if (list)
      list.splice(list.length - 1, 0, {
        person,
        kind: 'guardian',
        studentId: g.studentId,
        name: fullName(g),
        relation: g.relation,
        presence: presence.get(person) ?? null,
      });
  }
  return result;
}

export function setPresence(db: VaultDb, meetingId: string, person: string, presence: Presence | null): void {
  if (presence === null) {
    db.delete(meetingPresence)
      .where(and(eq(meetingPresence.meetingId, meetingId), eq(meetingPresence.person, person)))
      .run();
    return;
  }
  db.insert(meetingPresence)
    .values({ meetingId, person, presence })
    .onConflictDoUpdate({ target: [meetingPresence.meetingId, meetingPresence.person], set: { presence } })
    .run();
}
