import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { asc, eq, inArray } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { attachments } from '../../../db/schema';
import type { Backend } from '../../api/context';
import { AppError } from '../../api/errors';
import { now } from '../../shared/clock';
import { checkAttachment } from './attachment-rules';

/** Attachments live as blobs in the encrypted vault; only an explicit "open" writes one to disk, briefly. */

export type AttachmentOwner = { intakeId: string } | { consentId: string };

const listColumns = {
  id: attachments.id,
  intakeId: attachments.intakeId,
  consentId: attachments.consentId,
  fileName: attachments.fileName,
  mimeType: attachments.mimeType,
  size: attachments.size,
  addedAt: attachments.addedAt,
};

export function addAttachment(db: VaultDb, owner: AttachmentOwner, fileName: string, content: Buffer, addedBy: string) {
  const checked = checkAttachment(fileName, content);
  if (!checked.ok) throw new AppError('ATTACHMENT_REFUSED', checked.message);
  const id = randomUUID();
  db.insert(attachments)
    .values({
      id,
      intakeId: 'intakeId' in owner ? owner.intakeId : null,
      consentId: 'consentId' in owner ? owner.consentId : null,
      // Only the name, never a path the user's machine revealed.
      fileName: basename(fileName.replaceAll('\\', '/')).slice(0, 200),
      mimeType: checked.mimeType,
      size: content.length,
      content,
      addedBy,
      addedAt: now(),
    })
    .run();
  return { id };
}

export function attachmentsOfIntakes(db: VaultDb, intakeIds: string[]) {
  if (intakeIds.length === 0) return [];
  return db.select(listColumns).from(attachments).where(inArray(attachments.intakeId, intakeIds)).orderBy(asc(attachments.addedAt)).all();
}

export function attachmentsOfConsents(db: VaultDb, consentIds: string[]) {
  if (consentIds.length === 0) return [];
  return db.select(listColumns).from(attachments).where(inArray(attachments.consentId, consentIds)).orderBy(asc(attachments.addedAt)).all();
}

export function attachmentOwner(db: VaultDb, id: string) {
  const row = db.select({ intakeId: attachments.intakeId, consentId: attachments.consentId }).from(attachments).where(eq(attachments.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Deze bijlage bestaat niet (meer).');
  return row;
}

export function readAttachment(db: VaultDb, id: string) {
  const row = db.select().from(attachments).where(eq(attachments.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'Deze bijlage bestaat niet (meer).');
  return row;
}

export function removeAttachment(db: VaultDb, id: string): void {
  db.delete(attachments).where(eq(attachments.id, id)).run();
}

/**
 * Writes an attachment to a private temporary folder (owner-only) so the desktop's own viewer
 * can open it; the folder is removed when the vault locks (or the app quits).
 */
export function openAttachmentFile(backend: Backend, db: VaultDb, id: string): string {
  const row = readAttachment(db, id);
  const dir = mkdtempSync(join(tmpdir(), 'zorgoverleg-'));
  chmodSync(dir, 0o700);
  backend.whenLocked(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, row.fileName);
  writeFileSync(path, row.content, { mode: 0o600 });
  return path;
}
