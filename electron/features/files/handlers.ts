import type { DomainHandlers } from '../../api/handler-types';
import { registerStudentEraser } from '../people/erasure';
import { addAttachment, filesEraser, ownerOfAttachment, readAttachment, refuseAttachmentChange, removeAttachment } from './store';

/** A file's name that names an erased student loses their full names (people/erasure.ts). */
export function registerFilesHooks(): void {
  registerStudentEraser('files', filesEraser);
}

export const filesHandlers: DomainHandlers<'attachments.add' | 'attachments.download' | 'attachments.remove'> = {
  'attachments.add': ({ db, session }, input) => {
    const owner = input.intakeId ? { intakeId: input.intakeId } : { consentId: input.consentId! };
    refuseAttachmentChange(db, session.user.id, owner);
    return addAttachment(db, owner, input.fileName, Buffer.from(input.contentBase64, 'base64'), session.user.id);
  },
  'attachments.download': ({ db }, { id }) => {
    const row = readAttachment(db, id);
    return { fileName: row.fileName, mimeType: row.mimeType, contentBase64: row.content.toString('base64') };
  },
  'attachments.remove': ({ db, session }, { id }) => {
    refuseAttachmentChange(db, session.user.id, ownerOfAttachment(db, id));
    removeAttachment(db, id);
    return null;
  },
};
