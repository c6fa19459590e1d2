import { isNewVisit } from '../audit/vault-events';
import { studentTimeline } from './timeline';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { guardians, partners, staff, students } from '../../../db/schema';
import type { VaultDb } from '../../../db/open';
import type { DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { letterAddressees } from './letter-recipients';
import { guardianKeepReason } from './keep-reasons';
import { guardianRow, requireStaff, searchStudents } from './store';
import { fullName, studentSearchText } from './names';
import { importHandlers } from './import/handlers';

import { epochMs, now, today } from '../../shared/clock';

function uniqueViolation(err: unknown): boolean {
  return err instanceof Error && /UNIQUE constraint failed/.test(err.message);
}

function studentDetail(db: VaultDb, id: string) {
  const s = db.select().from(students).where(eq(students.id, id)).get();
  if (!s) throw new AppError('NOT_FOUND', 'Deze leerling bestaat niet (meer).');
  const mentor = s.mentorId
    ? (db.select({ id: staff.id, name: staff.name, code: staff.code }).from(staff).where(eq(staff.id, s.mentorId)).get() ?? null)
    : null;
  const studentGuardians = db.select().from(guardians).where(eq(guardians.studentId, id)).orderBy(asc(guardians.familyName)).all();
  // Where letters home go today, by the rules the letters themselves follow (gezag, address, age).
  const letters = letterAddressees({ student: s, guardians: studentGuardians, letterDate: today() });
  return {
    ...s,
    mentor,
    guardians: studentGuardians,
    letterRecipients: letters.map(({ kind, guardianIds, salutation, addressLines }) => ({
      kind,
      guardianIds,
      salutation,
      addressLines,
    })),
  };
}

export const peopleHandlers: DomainHandlers<
  | 'students.search'
  | 'students.filters'
  | 'students.get'
  | 'students.timeline'
  | 'students.save'
  | 'students.setStatus'
  | 'guardians.save'
  | 'guardians.remove'
  | 'staff.list'
  | 'staff.save'
  | 'partners.list'
  | 'partners.save'
  | 'import.analyze'
  | 'import.preview'
  | 'import.start'
  | 'import.progress'
> = {
  'students.search': ({ db }, { query, limit, ...filter }) => {
    const { total, rows } = searchStudents(db, query, filter, limit);
    return {
      total,
      items: rows.map((s) => ({
        id: s.id,
        studentNumber: s.studentNumber,
        name: fullName(s),
        sortName: `${s.familyName}, ${[s.givenName, s.infix].filter(Boolean).join(' ')}`,
        className: s.className,
        yearLevel: s.yearLevel,
        level: s.level,
        status: s.status,
      })),
    };
  },
  'students.filters': ({ db }) => ({
    classes: db
      .selectDistinct({ c: students.className })
      .from(students)
      .where(sql`${students.className} <> ''`)
      .orderBy(asc(students.className))
      .all()
      .map((r) => r.c),
    yearLevels: db
      .selectDistinct({ y: students.yearLevel })
      .from(students)
      .where(sql`${students.yearLevel} IS NOT NULL`)
      .orderBy(asc(students.yearLevel))
      .all()
      .map((r) => r.y!),
  }),
  'students.get': ({ db, session, noteForAudit }, { id }) => {
    const detail = studentDetail(db, id);
    // Who looked at a student's file, and when: the log says so once per visit.
    if (isNewVisit(session, id, epochMs())) noteForAudit({ detail: '', studentIds: [id] });
    return detail;
  },
  'students.timeline': ({ db, session }, { id }) => {
    studentDetail(db, id);
    return studentTimeline(db, id, session.user.id);
  },
  'students.save': ({ db }, { id, ...input }) => {
    requireStaff(db, [input.mentorId], 'De gekozen mentor', 'mentorId');
    const values = { ...input, searchText: studentSearchText(input), updatedAt: now() };
    try {
      if (id) {
        const result = db.update(students).set(values).where(eq(students.id, id)).run();
        if (result.changes === 0) throw new AppError('NOT_FOUND', 'Deze leerling bestaat niet (meer).');
        return { id };
      }
      const newId = randomUUID();
      db.insert(students)
        .values({ id: newId, ...values })
        .run();
      return { id: newId };
    } catch (err) {
      if (uniqueViolation(err)) throw new AppError('DUPLICATE', `Leerlingnummer ${input.studentNumber} is al in gebruik.`);
      throw err;
    }
  },
  'students.setStatus': ({ db }, { id, status, leftOn }) => {
    if (status === 'left' && !leftOn) throw new AppError('VALIDATION', 'Vul de datum van uitschrijving in.');
    const result = db
      .update(students)
      .set({ status, leftOn: status === 'left' ? leftOn : null, updatedAt: now() })
      .where(eq(students.id, id))
      .run();
    if (result.changes === 0) throw new AppError('NOT_FOUND', 'Deze leerling bestaat niet (meer).');
    return null;
  },
  'guardians.save': ({ db }, { id, studentId, ...input }) => {
    // Parental authority decides who consents: only the coordinator changes guardians (the roles table).
    studentDetail(db, studentId);
    if (id) {
      const before = db
        .select({ authority: guardians.parentalAuthority, since: guardians.authoritySince })
        .from(guardians)
        .where(eq(guardians.id, id))
        .get();
      // Gezag given now to someone already registered: consent on file does not speak for them.
      const authoritySince = !input.parentalAuthority ? null : before && !before.authority ? today() : (before?.since ?? null);
      const result = db
        .update(guardians)
        .set({ ...input, authoritySince, updatedAt: now() })
        .where(and(eq(guardians.id, id), eq(guardians.studentId, studentId)))
        .run();
      if (result.changes === 0) throw new AppError('NOT_FOUND', 'Deze ouder/verzorger bestaat niet (meer) bij deze leerling.');
      return { id };
    }
    const newId = randomUUID();
    db.insert(guardians)
      .values({ id: newId, studentId, ...input, updatedAt: now() })
      .run();
    return { id: newId };
  },
  'guardians.remove': ({ db }, { id }) => {
    guardianRow(db, id);
    const reason = guardianKeepReason(db, id);
    if (reason) throw new AppError('VALIDATION', `Deze ouder/verzorger kan niet worden verwijderd: ${reason}.`);
    db.delete(guardians).where(eq(guardians.id, id)).run();
    return null;
  },
  'staff.list': ({ db }) => db.select().from(staff).orderBy(asc(staff.name)).all(),
  'staff.save': ({ db }, { id, ...input }) => {
    try {
      if (id) {
        const result = db
          .update(staff)
          .set({ ...input, updatedAt: now() })
          .where(eq(staff.id, id))
          .run();
        if (result.changes === 0) throw new AppError('NOT_FOUND', 'Deze medewerker bestaat niet (meer).');
        return { id };
      }
      const newId = randomUUID();
      db.insert(staff)
        .values({ id: newId, ...input, updatedAt: now() })
        .run();
      return { id: newId };
    } catch (err) {
      if (uniqueViolation(err)) {
        const message = `De code "${input.code}" is al in gebruik.`;
        throw new AppError('DUPLICATE', message, { code: message });
      }
      throw err;
    }
  },
  'partners.list': ({ db }) => db.select().from(partners).orderBy(asc(partners.organisation)).all(),
  'partners.save': ({ db }, { id, ...input }) => {
    if (id) {
      const result = db
        .update(partners)
        .set({ ...input, updatedAt: now() })
        .where(eq(partners.id, id))
        .run();
      if (result.changes === 0) throw new AppError('NOT_FOUND', 'Deze partner bestaat niet (meer).');
      return { id };
    }
    const newId = randomUUID();
    db.insert(partners)
      .values({ id: newId, ...input, updatedAt: now() })
      .run();
    return { id: newId };
  },
  ...importHandlers,
};
