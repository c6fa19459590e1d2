import { isNewVisit } from '../audit/vault-events';
import { registerFilterIdOwner } from '../audit/filter-ids';
import type { VaultDb } from '../../../db/open';
import type { DomainHandlers } from '../../api/handler-types';
import { AppError } from '../../api/errors';
import { epochMs, now, today } from '../../shared/clock';
import { studentTimeline } from './timeline';
import { letterAddressees } from './letter-recipients';
import { guardianKeepReason } from './keep-reasons';
import { searchStudents } from './search-store';
import {
  findGuardian,
  guardianRow,
  guardiansOfStudents,
  partnerList,
  removeGuardian,
  requireStaff,
  saveGuardian,
  savePartner,
  saveStaff,
  saveStudent,
  setStudentStatus,
  staffList,
  staffMember,
  studentExists,
  studentFilterOptions,
  studentRow,
} from './store';
import { fullName, studentSearchText } from './names';
import { importHandlers } from './import/handlers';

/** What people tell earlier domains: the logboek's student filter names a student that exists. */
export function registerPeopleHooks(): void {
  registerFilterIdOwner('people', 'studentId', studentExists, 'Deze leerling bestaat niet (meer).');
}

function studentDetail(db: VaultDb, id: string) {
  const s = studentRow(db, id);
  const mentor = s.mentorId ? staffMember(db, s.mentorId) : null;
  const studentGuardians = guardiansOfStudents(db, [id]).get(id) ?? [];
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
  'students.filters': ({ db }) => studentFilterOptions(db),
  'students.get': ({ db, session, noteForAudit }, { id }) => {
    const detail = studentDetail(db, id);
    // Who looked at a student's file, and when: the log says so once per visit.
    if (isNewVisit(session, id, epochMs())) noteForAudit({ detail: '', studentIds: [id] });
    return detail;
  },
  'students.timeline': ({ db, session }, { id }) => {
    studentRow(db, id);
    return studentTimeline(db, id, session.user.id);
  },
  'students.save': ({ db }, { id, ...input }) => {
    requireStaff(db, [input.mentorId], 'De gekozen mentor', 'mentorId');
    return { id: saveStudent(db, id, { ...input, searchText: studentSearchText(input), updatedAt: now() }) };
  },
  'students.setStatus': ({ db }, { id, status, leftOn }) => {
    if (status === 'left' && !leftOn) throw new AppError('VALIDATION', 'Vul de datum van uitschrijving in.');
    setStudentStatus(db, id, status, status === 'left' ? leftOn : null);
    return null;
  },
  'guardians.save': ({ db }, { id, studentId, ...input }) => {
    // Parental authority decides who consents: only the coordinator changes guardians (the roles table).
    studentRow(db, studentId);
    const before = id ? findGuardian(db, id) : undefined;
    // Gezag given now to someone already registered: consent on file does not speak for them.
    const authoritySince = !input.parentalAuthority
      ? null
      : before && !before.parentalAuthority
        ? today()
        : (before?.authoritySince ?? null);
    return { id: saveGuardian(db, id, studentId, { ...input, authoritySince }) };
  },
  'guardians.remove': ({ db }, { id }) => {
    guardianRow(db, id);
    const reason = guardianKeepReason(db, id);
    if (reason) throw new AppError('VALIDATION', `Deze ouder/verzorger kan niet worden verwijderd: ${reason}.`);
    removeGuardian(db, id);
    return null;
  },
  'staff.list': ({ db }) => staffList(db),
  'staff.save': ({ db }, { id, ...input }) => ({ id: saveStaff(db, id, input) }),
  'partners.list': ({ db }) => partnerList(db),
  'partners.save': ({ db }, { id, ...input }) => ({ id: savePartner(db, id, input) }),
  ...importHandlers,
};
