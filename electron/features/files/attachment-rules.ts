/**
 * Which files may be attached to an intake or a consent record: PDF, Word and images, recognised
 * by their first bytes (a renamed program is not a PDF), at most MAX_ATTACHMENT_BYTES. Pure.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENT_LABEL = '10 MB';

const kinds = [
  { mime: 'application/pdf', extensions: ['pdf'], starts: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  { mime: 'image/png', extensions: ['png'], starts: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], starts: [[0xff, 0xd8, 0xff]] },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    starts: [[0x50, 0x4b, 0x03, 0x04]],
  },
  { mime: 'application/msword', extensions: ['doc'], starts: [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]] },
] as const;

export type AttachmentCheck = { ok: true; mimeType: string } | { ok: false; message: string };

const extensionOf = (fileName: string) => /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';

/** The size rule alone: the screen checks it before reading a file it would send for nothing. */
export function attachmentSizeProblem(fileName: string, bytes: number): string | null {
  if (bytes === 0) return `"${fileName}" is leeg en is niet toegevoegd.`;
  if (bytes > MAX_ATTACHMENT_BYTES) {
    const mb = (bytes / (1024 * 1024)).toFixed(1).replace('.', ',');
    return `"${fileName}" is te groot (${mb} MB; maximaal ${MAX_ATTACHMENT_LABEL} per bestand).`;
  }
  return null;
}

export function checkAttachment(fileName: string, content: Uint8Array): AttachmentCheck {
  const name = `"${fileName}"`;
  const sizeProblem = attachmentSizeProblem(fileName, content.length);
  if (sizeProblem) return { ok: false, message: sizeProblem };
  const extension = extensionOf(fileName);
  const kind = kinds.find((k) => (k.extensions as readonly string[]).includes(extension));
  const refused = `${name} is geen toegestaan bestand. Voeg een PDF, Word-document (.docx, .doc) of afbeelding (.png, .jpg) toe.`;
  if (!kind) return { ok: false, message: refused };
  const matches = kind.starts.some((start) => start.every((byte, i) => content[i] === byte));
  if (!matches)
    return {
      ok: false,
      message: `${name} is geen echt ${extension.toUpperCase()}-bestand (de inhoud klopt niet met de naam).`,
    };
  return { ok: true, mimeType: kind.mime };
}
