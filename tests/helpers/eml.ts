/**
 * Reads an .eml back the way a mail program does, independently of the writer
 * (electron/export/mail/eml.ts): unfolds headers, decodes RFC 2047 words and RFC 2231 file
 * names, splits multipart/mixed at its boundary and decodes base64 parts.
 */

export interface ParsedPart {
  headers: Map<string, string>;
  /** The decoded body bytes. */
  body: Buffer;
}

export interface ParsedMail {
  raw: string;
  headers: Map<string, string>;
  parts: ParsedPart[];
}

/** "=?UTF-8?B?…?=" words (adjacent ones joined without the whitespace between them, RFC 2047 §6.2). */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, encoding: string, text: string) => {
      if (charset.toUpperCase() !== 'UTF-8') throw new Error(`unexpected charset ${charset}`);
      if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
      return Buffer.from(
        text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8');
    });
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = block.replace(/\r\n[ \t]/g, ' ');
  for (const line of unfolded.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`not a header line: ${line}`);
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** A parameter of a header value (boundary, filename), preferring its RFC 2231 form. */
export function headerParameter(value: string, name: string): string | null {
  const extended = new RegExp(`${name}\\*=UTF-8''([^;\\s]+)`, 'i').exec(value);
  if (extended) return decodeURIComponent(extended[1]!);
  const quoted = new RegExp(`${name}="([^"]*)"`, 'i').exec(value);
  return quoted ? quoted[1]! : null;
}

export function parseEml(bytes: Buffer): ParsedMail {
  const raw = bytes.toString('latin1');
  if (/[^\x00-\x7f]/.test(raw)) throw new Error('an .eml is 7-bit: every other byte is encoded');
  if (/(^|[^\r])\n/.test(raw)) throw new Error('lines end in CRLF');
  const split = raw.indexOf('\r\n\r\n');
  const headers = parseHeaders(raw.slice(0, split));
  const boundary = headerParameter(headers.get('content-type') ?? '', 'boundary');
  if (!boundary) throw new Error('no multipart boundary');
  const body = raw.slice(split + 4);
  const chunks = body.split(`--${boundary}`);
  if (!chunks.at(-1)!.startsWith('--')) throw new Error('no closing boundary');
  const parts = chunks.slice(1, -1).map((chunk) => {
    const text = chunk.replace(/^\r\n/, '').replace(/\r\n$/, '');
    const end = text.indexOf('\r\n\r\n');
    const partHeaders = parseHeaders(text.slice(0, end));
    const content = text.slice(end + 4);
    if (partHeaders.get('content-transfer-encoding')?.toLowerCase() !== 'base64') throw new Error('expected base64 parts');
    for (const line of content.split('\r\n')) if (line.length > 76) throw new Error('base64 line longer than 76');
    return { headers: partHeaders, body: Buffer.from(content.replace(/\r\n/g, ''), 'base64') };
  });
  return { raw, headers, parts };
}

/** The addresses of a To header. */
export const addressesOf = (to: string) => [...to.matchAll(/<([^>]+)>|(?:^|,\s*)([^\s<>,]+@[^\s<>,]+)/g)].map((m) => m[1] ?? m[2]!);
