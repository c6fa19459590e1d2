import { describe, expect, it } from 'vitest';
import { buildEml, encodeWords, plausibleAddress } from '../../electron/export/mail/eml';
import { addressesOf, decodeWords, headerParameter, parseEml } from '../helpers/eml';

const attachment = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256));

const draft = () => ({
  to: [
    { name: 'Anouk Wolters', address: 'a.wolters@school.example' },
    { name: 'José Ünal (Jeugdhulp Utrecht-Oost)', address: 'jose@jeugdhulp.example' },
    { name: 'Wolters, Bram', address: 'b.wolters@school.example' },
  ],
  subject: 'Agenda IOT één 13 januari 2027',
  text: 'Beste deelnemers,\n\nIn de bijlage vindt u de agenda.\nMet vriendelijke groet,\nAnouk Wolters',
  attachments: [
    {
      fileName: 'agenda-2027-01-13.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      content: attachment,
    },
  ],
  date: new Date(Date.UTC(2026, 11, 7, 21, 30, 5)),
});

describe('the .eml writer', () => {
  it('writes a draft Outlook opens as a new message: X-Unsent, no From, headers and a base64 attachment that read back', () => {
    const mail = parseEml(buildEml(draft()));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.headers.has('from')).toBe(false);
    expect(mail.headers.get('mime-version')).toBe('1.0');
    expect(mail.headers.get('date')).toBe('Mon, 07 Dec 2026 21:30:05 +0000');
    expect(mail.headers.get('message-id')).toMatch(/^<[^@\s]+@zorgoverleg\.invalid>$/);
    // The subject with é is encoded (RFC 2047), and decodes to what was given.
    expect(mail.headers.get('subject')).toMatch(/^=\?UTF-8\?B\?/);
    expect(decodeWords(mail.headers.get('subject')!)).toBe('Agenda IOT één 13 januari 2027');
    const to = mail.headers.get('to')!;
    expect(addressesOf(to)).toEqual(['a.wolters@school.example', 'jose@jeugdhulp.example', 'b.wolters@school.example']);
    expect(decodeWords(to)).toContain('José Ünal (Jeugdhulp Utrecht-Oost) <jose@jeugdhulp.example>');
    // A comma in a name is quoted, or it would read as two addresses.
    expect(to).toContain('"Wolters, Bram" <b.wolters@school.example>');
    // The addresses stay together on the To line (below RFC 5322's 998); every other header line is folded to 78.
    const headerLines = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n')).split('\r\n');
    expect(headerLines.find((l) => l.startsWith('To: '))).toMatch(
      /a\.wolters@school\.example>.*jose@jeugdhulp\.example>.*b\.wolters@school\.example>$/,
    );
    for (const line of headerLines) expect(line.length).toBeLessThanOrEqual(line.startsWith('To: ') ? 998 : 78);

    expect(mail.parts).toHaveLength(2);
    const [body, file] = mail.parts;
    expect(body!.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(body!.body.toString('utf8')).toBe(draft().text.replace(/\n/g, '\r\n'));
    expect(file!.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(headerParameter(file!.headers.get('content-disposition')!, 'filename')).toBe('agenda-2027-01-13.docx');
    expect(file!.body.equals(attachment)).toBe(true);
  });

  it('encodes long Dutch subjects in words of at most 75 characters without splitting a character', () => {
    const subject = 'Agenda Zorg- en adviesteam (ZAT) bovenbouw havo/vwo — Coördinatie één, twee, drie, vier en vijf 13 januari 2027';
    const encoded = encodeWords(subject);
    for (const word of encoded.split(' ')) expect(word.length).toBeLessThanOrEqual(75);
    expect(decodeWords(encoded)).toBe(subject);
    expect(encodeWords('Agenda IOT 13 januari 2027')).toBe('Agenda IOT 13 januari 2027');
    const mail = parseEml(buildEml({ ...draft(), subject }));
    expect(decodeWords(mail.headers.get('subject')!)).toBe(subject);
  });

  it('names a non-ASCII attachment by RFC 2231, and never puts a line break from a name or subject into a header', () => {
    const mail = parseEml(
      buildEml({
        ...draft(),
        to: [{ name: 'Eve\r\nBcc: eve@evil.example', address: 'eve@school.example' }],
        subject: 'Agenda\r\nBcc: x@evil.example',
        attachments: [{ fileName: 'agenda-coördinatie.docx', contentType: 'application/octet-stream', content: attachment }],
      }),
    );
    expect(mail.headers.has('bcc')).toBe(false);
    expect(headerParameter(mail.parts[1]!.headers.get('content-disposition')!, 'filename')).toBe('agenda-coördinatie.docx');
  });

  it('refuses what is not an address rather than writing it into a header', () => {
    expect(plausibleAddress('a.wolters@school.example')).toBe(true);
    for (const bad of ['', 'awo', 'a@b', 'a b@school.example', 'x@y.nl>\r\nBcc: z@evil.example', 'ana.kovač@zorg.example'])
      expect(plausibleAddress(bad), bad).toBe(false);
    expect(() => buildEml({ ...draft(), to: [{ name: 'X', address: 'geen adres' }] })).toThrow();
  });
});
