import JSZip from 'jszip';
import { readsOnly, type DomainHandlers } from '../../api/handler-types';
import { buildInzageDocx } from '../../export/docx/inzage';
import { documentFileName } from '../../export/file-names';
import { today } from '../../shared/clock';
import { readAttachment } from '../files/store';
import { collectInzage } from './collect';

// Coordinators only: the contract's roles table, applied by the dispatcher.
export const inzageHandlers: DomainHandlers<'inzage.preview' | 'inzage.export'> = {
  'inzage.preview': ({ db, session }, { studentId }) => {
    const { document: doc, attachments, meldcodeLeftOut } = collectInzage(db, studentId, session.user, today());
    return {
      studentName: doc.student.name,
      intakes: doc.intakes.length,
      consents: doc.consents.length,
      meetings: doc.meetings.length,
      actions: doc.actions.length,
      letters: doc.letters.length,
      auditLines: doc.audit.length,
      attachments: attachments.length,
      meldcodeLeftOut,
    };
  },

  'inzage.export': readsOnly(async ({ db, session, noteForAudit }, { studentId }) => {
    const on = today();
    const collected = collectInzage(db, studentId, session.user, on);
    // Read now, while the call still holds the vault: the Word file is laid out after.
    const files = collected.attachments.map((a) => ({
      fileName: a.fileName,
      content: readAttachment(db, a.id).content,
    }));
    // Kind, leerlingnummer and date, never a name; the Word file inside is named alike.
    const parts = { studentNumber: collected.studentNumber, date: on };
    const name = documentFileName('inzage', parts, 'zip');
    const zip = new JSZip();
    zip.file(documentFileName('inzage', parts), await buildInzageDocx(collected.document));
    for (const file of files) zip.file(`bijlagen/${file.fileName}`, file.content);
    const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    noteForAudit({
      detail: `inzage → ${name} (${files.length} bijlage${files.length === 1 ? '' : 'n'})`,
      studentIds: [studentId],
    });
    return { fileName: name, contentBase64: content.toString('base64') };
  }),
};
