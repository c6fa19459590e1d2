/**
 * File names of everything the team exports. They end up in recent-file lists, download bars and
 * mail subjects, so they carry the kind, the meeting date and, for one student's document, the
 * leerlingnummer — never a name.
 */

export type DocumentKind = 'agenda' | 'stukken' | 'notulen' | 'uittreksel' | 'actielijst' | 'brief' | 'brieven' | 'jaarrooster' | 'inzage';

const safe = (part: string) =>
  part
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** "notulen-2026-11-12.docx", "uittreksel-104233-2026-11-12-ouders.docx", "inzage-104233-2026-11-12.zip". */
export function documentFileName(
  kind: DocumentKind,
  parts: { date: string; studentNumber?: string; variant?: string },
  extension = 'docx',
): string {
  return (
    [kind, parts.studentNumber, parts.date, parts.variant]
      .filter((p): p is string => p !== undefined && p !== '')
      .map(safe)
      .join('-') + `.${extension}`
  );
}
