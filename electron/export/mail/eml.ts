import { randomUUID } from 'node:crypto';

/**
 * An e-mail message as an .eml file (RFC 5322 with MIME, RFC 2045–2047 and 2231): a plain-text
 * body and attachments, for the user's own mail program to open as a draft. Zorgoverleg sends no
 * mail itself: the draft goes out from the school's account, where the school's mail rules apply.
 *
 * `X-Unsent: 1` makes Outlook open the file as a new message to edit and send; Thunderbird opens
 * it as a message ("Bewerken als nieuw bericht"). There is no From: the mail program fills in the
 * account that sends it.
 */

export interface MailAddress {
  name: string;
  address: string;
}

export interface MailAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface MailDraft {
  to: MailAddress[];
  subject: string;
  /** Plain text; line breaks as \n. */
  text: string;
  attachments: MailAttachment[];
  /** The Date header; the caller passes its clock. */
  date: Date;
}

const CRLF = '\r\n';
/** RFC 5322 allows 998 characters a line; 78 is what it asks for, and what mail programs expect. */
const LINE = 76;
const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

/**
 * RFC 2047 encoded words ("=?UTF-8?B?…?="), each at most 75 characters, never splitting a
 * character's UTF-8 bytes between two words; ASCII text stays as it is.
 */
export function encodeWords(text: string): string {
  if (isAscii(text)) return text;
  // 75 − "=?UTF-8?B?" − "?=" = 63 base64 characters: 45 bytes of text at most per word.
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (Buffer.byteLength(chunk + char, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk !== '') words.push(chunk);
  // Whitespace between encoded words is dropped when decoded (RFC 2047 §6.2): the header folds there.
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(' ');
}

/** A display name: encoded when not ASCII, quoted when it holds RFC 5322 specials ("Wolters, Anouk"). */
function displayName(name: string): string {
  const clean = name.replace(/[\r\n"\\]/g, ' ').trim();
  if (!isAscii(clean)) return encodeWords(clean);
  return /[()<>[\]:;@\\,."]/.test(clean) ? `"${clean}"` : clean;
}

/**
 * An address is put in a header only when it is one: no line breaks, brackets or spaces that could
 * add a header, and ASCII only (the message is written as 7-bit bytes: "č", U+010D, would become a CR).
 */
export function plausibleAddress(address: string): boolean {
  return /^[!-~]+$/.test(address) && /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(address);
}

function mailbox(a: MailAddress): string {
  if (!plausibleAddress(a.address)) throw new Error('not an e-mail address');
  return a.name.trim() ? `${displayName(a.name)} <${a.address}>` : a.address;
}

/**
 * A header with its value folded (after a comma or semicolon, before an address, between encoded
 * words) so no line grows past `limit`. The To header keeps its addresses on one line up to
 * RFC 5322's hard limit of 998: whoever reads the raw file (or greps it) sees them together.
 */
function header(name: string, value: string, limit = LINE): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const part of value.split(/(?<=,) | (?=<)|(?<=;) |(?<=\?=) (?==\?)/)) {
    if (line.length + 1 + part.length > limit && line.length > name.length + 1) {
      lines.push(line);
      line = '';
    }
    line += ` ${part}`;
  }
  lines.push(line);
  return lines.join(`${CRLF}`);
}

/** Base64 in lines of 76 characters (RFC 2045). */
function base64Lines(content: Buffer): string {
  return (content.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

/** A file name parameter: plain when ASCII, otherwise RFC 2231 (filename*=UTF-8''…) with an ASCII fallback. */
function fileNameParameters(parameter: string, fileName: string): string {
  const clean = fileName.replace(/[\r\n"\\]/g, '_');
  if (isAscii(clean)) return `${parameter}="${clean}"`;
  const fallback = clean.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${parameter}="${fallback}"; ${parameter}*=UTF-8''${encoded}`;
}

/** "Mon, 07 Dec 2026 21:30:00 +0000" (RFC 5322 date-time; UTC, so it never depends on the machine's zone). */
function mailDate(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${days[date.getUTCDay()]}, ${two(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${day} ${time} +0000`;
}

/** The message as the bytes of an .eml file (CRLF line ends, 7-bit: everything else is encoded). */
export function buildEml(draft: MailDraft): Buffer {
  const boundary = `=_${randomUUID().replaceAll('-', '')}`;
  const headers = [
    header('To', draft.to.map(mailbox).join(', '), 998),
    header('Subject', encodeWords(draft.subject.replace(/[\r\n]+/g, ' '))),
    `Date: ${mailDate(draft.date)}`,
    `Message-ID: <${randomUUID()}@zorgoverleg.invalid>`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    header('Content-Type', `multipart/mixed; boundary="${boundary}"`),
  ].filter((h) => !h.startsWith('To:') || draft.to.length > 0);
  const body = draft.text.replace(/\r?\n/g, CRLF);
  const parts = [
    ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', base64Lines(Buffer.from(body, 'utf8'))].join(CRLF),
    ...draft.attachments.map((a) =>
      [
        header('Content-Type', `${a.contentType}; ${fileNameParameters('name', a.fileName)}`),
        header('Content-Disposition', `attachment; ${fileNameParameters('filename', a.fileName)}`),
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines(a.content),
      ].join(CRLF),
    ),
  ];
  const text = [
    ...headers,
    '',
    'Dit is een bericht in MIME-formaat.',
    ...parts.map((p) => `--${boundary}${CRLF}${p}`),
    `--${boundary}--`,
    '',
  ].join(CRLF);
  return Buffer.from(text, 'ascii');
}
