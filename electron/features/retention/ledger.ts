import type { VaultDb } from '../../../db/open';
import { recordAudit } from '../audit/store';
import { purgeDeletedFromSearchIndex } from '../people/store';
import { now } from '../../shared/clock';
import { noErasure, type ErasureCounts } from '../people/erasure';
import { eraseStudent, erasureDetail } from './erase';
import { addLedgerEntries, allStudentIds, erasedFiles, ledgerEntries, ledgerTag, vaultIdOf, type LedgerEntry } from './store';

/**
 * The erasure ledger: which students were erased, without a name or even their id, so that a
 * backup made before an erasure (kept up to twelve months) cannot bring them back. A restore reads
 * the ledger of the vault it replaces and re-applies it to the restored vault, through the same
 * erasure, before the swap (backup/restore-hooks.ts): nobody ever sees the restored data with them
 * in it. A backup opened on another computer brings its own ledger, applied already.
 */

/**
 * Erases again in `db` (a restored vault) every student `entries` name that it still holds, each
 * as far as it went (a file erased and later everything: everything), and keeps the entries in
 * its ledger for the next restore. Returns how many students and what went.
 */
export function eraseAgain(db: VaultDb, entries: LedgerEntry[]): { students: number; counts: ErasureCounts } {
  const counts = noErasure();
  if (entries.length === 0) return { students: 0, counts };
  const vaultId = vaultIdOf(db);
  const byTag = new Map(allStudentIds(db).map((id) => [ledgerTag(vaultId, id), id]));
  // Per student the furthest step, on the day it was taken.
  const due = new Map<string, LedgerEntry>();
  for (const entry of entries) {
    const id = byTag.get(entry.tag);
    if (!id) continue;
    const seen = due.get(id);
    if (!seen || (seen.step === 'dossier' && entry.step === 'alles')) due.set(id, entry);
  }
  const alreadyErased = new Set(erasedFiles(db, [...due.keys()]));
  let students = 0;
  for (const [id, entry] of due) {
    if (entry.step === 'dossier' && alreadyErased.has(id)) continue;
    eraseStudent(db, id, entry.step, entry.erasedOn, counts);
    students++;
  }
  addLedgerEntries(db, entries);
  if (students > 0) purgeDeletedFromSearchIndex(db);
  return { students, counts };
}

/** A restore's part for retention: the ledger read from the vault going, applied to the one coming. */
export function carryLedger(current: VaultDb): (restored: VaultDb, userId: string) => void {
  const entries = ledgerEntries(current);
  return (restored, userId) => {
    const { students, counts } = eraseAgain(restored, entries);
    if (students === 0) return;
    const detail = `Opnieuw verwijderd na het terugzetten van een back-up van vóór de verwijdering. ${erasureDetail(students, counts)}`;
    recordAudit(restored, { at: now(), userId, method: 'retention.eraseAgain', note: { detail, studentIds: [] } });
  };
}
