import type { DomainHandlers } from '../../api/handler-types';
import { requireStudents } from '../people/store';
import { readersOf } from './policy';
import { findNames, nobody } from './scrubber';
import { nameIndexOf } from './store';

export const disclosureHandlers: DomainHandlers<'disclosure.check'> = {
  'disclosure.check': ({ db }, { studentId, text }) => {
    if (studentId) requireStudents(db, [studentId]);
    const readers = studentId ? readersOf({ kind: 'parents', studentId }, []) : nobody;
    const seen = new Set<string>();
    const names = findNames(nameIndexOf(db), text, readers).filter((n) => !seen.has(n.text) && seen.add(n.text));
    return { names: names.map((n) => ({ text: n.text, alsoStaff: n.alsoStaff })) };
  },
};
