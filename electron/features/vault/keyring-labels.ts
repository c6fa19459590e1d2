import { eq } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { appUsers, schoolSettings, vaultMeta } from '../../../db/schema';
import { now } from '../../shared/clock';
import { recordAudit } from '../audit/store';

/** What a keyring (of any format) shows before the unlock. */
export interface LabelledKeyring {
  label: string;
  demo: boolean;
  users: { userId: string; name: string; staffCode: string }[];
}

/**
 * The keyring's labels (the school's name, each user's name and staff code, `demo`) are plain
 * text: the unlock screen shows them before any key exists, so nothing can authenticate them
 * before the unlock. They are not bound into the wrapped keys as AAD on purpose: renaming the
 * school or adding a colleague would then mean rewrapping every user's slot, which only each
 * user's own passphrase can do. (A MAC over them keyed by the data key would need every writer
 * of the keyring to hold the key and reseal; one writer that forgot would lock everyone out.)
 *
 * Instead, the vault itself holds the authenticated copy of each label (encrypted, every page
 * tagged). After every unlock the keyring is compared with it: an edit made outside the app is
 * put back from the vault and logged, and the session takes these facts from the vault, never
 * from the keyring. What the keyring alone decides is bound already: each slot's AAD holds the
 * vaultId and its userId, and the vault's own vault_id must match the keyring's.
 *
 * `rewrite` applies a change to the keyring as it is on disk now (read, change, write, no await
 * in between); it may answer false when it wrote nothing. Returns the keyring with the vault's labels.
 */
export function keyringCheckedAgainstVault<K extends LabelledKeyring>(
  db: VaultDb,
  userId: string,
  keyring: K,
  rewrite: (change: (current: K) => K) => unknown,
): K {
  let correct: (k: K) => K;
  try {
    correct = labelsFromVault(db);
  } catch (err) {
    console.error('[keyring] labels not checked:', err instanceof Error ? err.name : 'unknown');
    return keyring;
  }
  const fixed = correct(keyring);
  const edited = labelEdits(keyring, fixed);
  if (edited.length === 0) return fixed;
  try {
    if (rewrite(correct) === false) return fixed;
    recordAudit(db, {
      at: now(),
      userId,
      method: 'vault.keyringRepaired',
      note: {
        detail: `sleutelbestand buiten Zorgoverleg gewijzigd (${edited.join(', ')}); hersteld uit de omgeving`,
        studentIds: [],
      },
    });
  } catch (err) {
    // Never in the way of the unlock (a read-only folder, a full disk): the next unlock tries again.
    console.error(
      '[keyring] labels not repaired:',
      err instanceof Error && 'code' in err ? String(err.code) : err instanceof Error ? err.name : 'unknown',
    );
  }
  return fixed;
}

/** The labels as the vault has them, put over a keyring's copy (a slot without a user in the vault stays as it is). */
function labelsFromVault<K extends LabelledKeyring>(db: VaultDb): (keyring: K) => K {
  const schoolName = db
    .select({ schoolName: schoolSettings.schoolName })
    .from(schoolSettings)
    .where(eq(schoolSettings.id, 1))
    .get()?.schoolName;
  const demo = db.select({ value: vaultMeta.value }).from(vaultMeta).where(eq(vaultMeta.key, 'demo')).get()?.value;
  const users = new Map(
    db
      .select({ id: appUsers.id, name: appUsers.name, staffCode: appUsers.staffCode })
      .from(appUsers)
      .all()
      .map((u) => [u.id, u]),
  );
  return (keyring) => ({
    ...keyring,
    label: schoolName ?? keyring.label,
    demo: demo === undefined ? keyring.demo : demo === 'true',
    users: keyring.users.map((slot) => {
      const user = users.get(slot.userId);
      return user ? { ...slot, name: user.name, staffCode: user.staffCode } : slot;
    }),
  });
}

/** Which labels differ, in words for the audit log (never the values: names stay out of it). */
function labelEdits(before: LabelledKeyring, after: LabelledKeyring): string[] {
  return [
    before.label !== after.label && 'de schoolnaam',
    after.users.some((u, i) => u.name !== before.users[i]?.name || u.staffCode !== before.users[i]?.staffCode) &&
      'namen of codes van gebruikers',
    before.demo !== after.demo && 'demo',
  ].filter((what): what is string => typeof what === 'string');
}
