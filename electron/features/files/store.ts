import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { asc, eq, inArray } from 'drizzle-orm';
import type { VaultDb } from '../../../db/open';
import { attachments } from '../../../db/schema';
import type { Backend } from '../../api/context';
import { AppError } from '../../api/errors';
import { now } from '../../shared/clock';
import { mayName, rewrite, type StudentEraser } from '../people/erasure';
import { checkAttachment } from './attachment-rules';

/** Attachments live as blobs in the encrypted vault; only an explicit "open" writes one to disk, briefly. */

export type AttachmentOwner = { intakeId: string } | { consentId: string };

/**
 * Who may add or remove the files of an owner, decided by the domain that owns them (intake,
 * consent) and registered at start-up: returns why not (a Dutch sentence), or null. Throws
 * NOT_FOUND for an owner that does not exist. Without a registered guard nothing is allowed.
 */
export type AttachmentGuard = (db: VaultDb, userId: string, ownerId: string) => string | null;
const guards = new Map<'intake' | 'consent', AttachmentGuard>();

export function registerAttachmentGuard(owner: 'intake' | 'consent', guard: AttachmentGuard): void {
  guards.set(owner, guard);
}

export function refuseAttachmentChange(db: VaultDb, userId: string, owner: AttachmentOwner): void {
  const [kind, ownerId] = 'intakeId' in owner ? (['intake', owner.intakeId] as const) : (['consent', owner.consentId] as const);
  const guard = guards.get(kind);
  const refusal = guard ? guard(db, userId, ownerId) : 'Bijlagen kunnen hier niet worden gewijzigd.';
  if (refusal) throw new AppError('FORBIDDEN', refusal);
}

export function ownerOfAttachment(db: VaultDb, id: string): AttachmentOwner {
  const row = db
    .select({ intakeId: attachments.intakeId, consentId: attachments.consentId })
    .from(attachments)
    .where(eq(attachments.id, id))
    .get();
  if (!row) throw new AppError('NOT_FOUND', 'Deze bijlage bestaat niet (meer).');
  return row.intakeId ? { intakeId: row.intakeId } : { consentId: row.consentId! };
}

const listColumns = {
  id: attachments.id,
  intakeId: attachments.intakeId,
  consentId: attachments.consentId,
  fileName: attachments.fileName,
  mimeType: attachments.mimeType,
  size: attachments.size,
  addedAt: attachments.addedAt,
};

/** Only the name, never a path the user's machine revealed; long names are shortened before the extension. */
function storedName(fileName: string): string {
  const name = basename(fileName.replaceAll('\\', '/'));
  if (name.length <= 200) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 6 ? name.slice(dot) : '';
  return `${name.slice(0, 200 - extension.length)}${extension}`;
}

export function addAttachment(db: VaultDb, owner: AttachmentOwner, fileName: string, content: Buffer, addedBy: string) {
  const checked = checkAttachment(fileName, content);
  if (!checked.ok) throw new AppError('ATTACHMENT_REFUSED', checked.message);
  const id = randomUUID();
  db.insert(attachments)
    .values({
      id,
      intakeId: 'intakeId' in owner ? owner.intakeId : null,
      consentId: 'consentId' in owner ? owner.consentId : null,
      fileName: storedName(fileName),
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

/** Erasure: the files of a student's intakes or consents, deleted by the intake and consent parts before their rows. */
export function deleteAttachmentsOf(db: VaultDb, owners: { intakeIds: string[] } | { consentIds: string[] }): number {
  const [column, ids] = 'intakeIds' in owners ? [attachments.intakeId, owners.intakeIds] : [attachments.consentId, owners.consentIds];
  if (ids.length === 0) return 0;
  return db.delete(attachments).where(inArray(column, ids)).run().changes;
}

/** Erasure (people/erasure.ts): a file's name that names them loses their full names, whoever's file it is. */
export const filesEraser: StudentEraser = {
  elsewhere: (db, { terms, elsewhere, counts }) => {
    const files = db
      .select({ id: attachments.id, text: attachments.fileName })
      .from(attachments)
      .where(mayName(attachments.fileName, terms))
      .all();
    counts.otherTexts += rewrite(files, elsewhere, (f, fileName) =>
      db.update(attachments).set({ fileName }).where(eq(attachments.id, f.id)).run(),
    );
  },
};

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
  return writeTemporaryCopy(backend, extname(row.fileName).toLowerCase(), row.content);
}

/**
 * A private temporary copy (owner-only folder) for a desktop program to open: an attachment, or
 * the agenda's e-mail draft for the mail program. Removed when the vault locks; a crash leaves it
 * for the next start's sweep.
 */
export function writeTemporaryCopy(backend: Backend, extension: string, content: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), TEMP_PREFIX));
  chmodSync(dir, 0o700);
  backend.whenLocked(() => rmSync(dir, { recursive: true, force: true }));
  // A neutral name: the real one ("OPP Daan de Vries.pdf") would end up in the desktop's recent files.
  const path = join(dir, `bijlage${extension}`);
  writeFileSync(path, content, { mode: 0o600 });
  return path;
}

/**
 * The folders this module makes, and nothing else uses: a browser shell's launch page and profile are
 * `zorgoverleg-start-`, `zorgoverleg-chromium-`.
 */
export const TEMP_PREFIX = 'zorgoverleg-bijlage-';
/** What such a folder holds: one copy named `bijlage` with the file's extension (and the lock file a viewer puts next to it). */
const COPY_FILES = /^(bijlage(\.[a-z0-9]{1,10})?|\.~lock\.bijlage.*#|~\$.*)$/;
/** Folders from before the prefix was its own: `zorgoverleg-` and mkdtemp's six characters, holding one copy. */
const EARLIER_FOLDER = /^zorgoverleg-[A-Za-z0-9]{6}$/;

/** Whether a folder in the temp folder is one of our attachment copies: its name, and it holds nothing but a copy. */
function isCopyFolder(folder: string, name: string): boolean {
  if (!name.startsWith(TEMP_PREFIX) && !EARLIER_FOLDER.test(name)) return false;
  try {
    const entries = readdirSync(join(folder, name), { withFileTypes: true });
    return entries.length <= 3 && entries.every((entry) => entry.isFile() && COPY_FILES.test(entry.name));
  } catch {
    return false;
  }
}

/**
 * Removes temporary copies a crash or a viewer holding the file (Windows) left behind. Run at
 * start-up, before anything is opened; what is still locked is tried again next time. Only
 * folders this module made are touched: a running browser shell's launch page and Chromium
 * profile, and anything else called zorgoverleg-…, stay.
 */
export function sweepTemporaryCopies(folder: string = tmpdir()): void {
  for (const name of readdirSync(folder)) {
    if (!isCopyFolder(folder, name)) continue;
    try {
      rmSync(join(folder, name), { recursive: true, force: true });
    } catch {
      // Still open in a viewer: the next start removes it.
    }
  }
}
