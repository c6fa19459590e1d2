import type { VaultDb } from '../../../db/open';
import { AppError } from '../../api/errors';
import { registry } from '../../shared/registry';

/** The ids the log can be filtered on. */
export type FilterField = 'userId' | 'studentId';

/** Whether an id of this field exists: the domain that owns the rows answers (settings users, people students). */
export type IdExists = (db: VaultDb, id: string) => boolean;

const owners = registry<{ field: FilterField; exists: IdExists; missing: string }>();

/** A later domain says, at start-up, how to tell that an id of `field` exists; `missing` is the message when not. */
export function registerFilterIdOwner(domain: string, field: FilterField, exists: IdExists, missing: string): void {
  owners.register(domain, { field, exists, missing });
}

/**
 * The log's filters name a user and a student that exist: a filter on one that does not would
 * look like "nothing happened", and an export names its student in its own audit line (a foreign key).
 * A filter that no domain can check is refused rather than run unchecked.
 */
export function requireFilterIds(db: VaultDb, filter: Record<FilterField, string | null>): void {
  for (const field of ['userId', 'studentId'] as const) {
    const id = filter[field];
    if (!id) continue;
    const owner = owners.entries().find((o) => o.field === field);
    if (!owner) throw new AppError('INTERNAL');
    if (!owner.exists(db, id)) throw new AppError('NOT_FOUND', owner.missing, { [field]: owner.missing });
  }
}
