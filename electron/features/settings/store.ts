import { and, eq, isNull } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { appUsers, schoolSettings } from '../../../db/schema';
import { AppError } from '../../api/errors';
import { now } from '../../shared/clock';
import { knownRoles, type UserRole } from './vocabulary';

/** The settings domain's rows: the school's one settings row and the users with their roles. */

export function readSettings(db: VaultDb) {
  const row = db.select().from(schoolSettings).where(eq(schoolSettings.id, 1)).get();
  if (!row) throw new AppError('INTERNAL');
  return row;
}

export function writeSettings(db: VaultDb, values: Omit<typeof schoolSettings.$inferInsert, 'id' | 'updatedAt'>): void {
  db.update(schoolSettings)
    .set({ ...values, updatedAt: now() })
    .where(eq(schoolSettings.id, 1))
    .run();
}

/** The letterhead's logo, or null when the school has none. */
export function readLogo(db: VaultDb) {
  const row = db
    .select({
      data: schoolSettings.logo,
      type: schoolSettings.logoType,
      width: schoolSettings.logoWidth,
      height: schoolSettings.logoHeight,
    })
    .from(schoolSettings)
    .where(eq(schoolSettings.id, 1))
    .get();
  if (!row?.data || !row.type || !row.width || !row.height) return null;
  return { data: row.data, type: row.type, width: row.width, height: row.height };
}

export function writeLogo(db: VaultDb, logo: { data: Buffer; type: 'png' | 'jpg'; width: number; height: number } | null): void {
  db.update(schoolSettings)
    .set({
      logo: logo?.data ?? null,
      logoType: logo?.type ?? null,
      logoWidth: logo?.width ?? null,
      logoHeight: logo?.height ?? null,
      updatedAt: now(),
    })
    .where(eq(schoolSettings.id, 1))
    .run();
}

/** Who can unlock: a removed user's row stays (for the names in the log), but not here. */
export function listUsers(db: VaultDb) {
  return db
    .select({
      id: appUsers.id,
      name: appUsers.name,
      staffCode: appUsers.staffCode,
      createdAt: appUsers.createdAt,
      roles: appUsers.roles,
    })
    .from(appUsers)
    .where(isNull(appUsers.removedAt))
    .orderBy(appUsers.name)
    .all()
    .map((u) => ({ ...u, roles: knownRoles(u.roles) }));
}

export function storedRoles(db: VaultDb, userId: string): UserRole[] | null {
  const row = db
    .select({ roles: appUsers.roles })
    .from(appUsers)
    .where(and(eq(appUsers.id, userId), isNull(appUsers.removedAt)))
    .get();
  return row ? knownRoles(row.roles) : null;
}

export function writeRoles(db: VaultDb, userId: string, roles: UserRole[]): void {
  const result = db
    .update(appUsers)
    .set({ roles: [...new Set(roles)] })
    .where(and(eq(appUsers.id, userId), isNull(appUsers.removedAt)))
    .run();
  if (result.changes === 0) throw new AppError('NOT_FOUND', 'Deze gebruiker bestaat niet (meer).');
}

/** Every user's name by id, removed users too: the records they made keep naming them. */
export function userNames(db: VaultDb): Map<string, string> {
  const rows = db.select({ id: appUsers.id, name: appUsers.name }).from(appUsers).all();
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** The staff member a user is (agendas and forms name staff, not app users); null when not linked. */
export function staffIdOfUser(db: VaultDb, userId: string): string | null {
  return db.select({ staffId: appUsers.staffId }).from(appUsers).where(eq(appUsers.id, userId)).get()?.staffId ?? null;
}
