import { deflateSync } from 'node:zlib';
import JSZip from 'jszip';

/**
 * Reading a .docx the way a test wants to: the XML of its parts, and the text a reader sees,
 * paragraph by paragraph. A field (page number) shows as ‹PAGE›, since Word fills it in only
 * when it lays out the pages.
 */

export interface DocxParts {
  document: string;
  headers: string[];
  footers: string[];
  core: string;
  /** Every path in the package, e.g. "word/media/image1.png". */
  files: string[];
}

export async function unzipDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (file === null) throw new Error(`${path} ontbreekt`);
    return file.async('string');
  };
  const files = Object.keys(zip.files).filter((path) => !zip.files[path]?.dir);
  const named = (prefix: string) => files.filter((path) => path.startsWith(`word/${prefix}`) && path.endsWith('.xml'));
  return {
    document: await read('word/document.xml'),
    headers: await Promise.all(named('header').map(read)),
    footers: await Promise.all(named('footer').map(read)),
    core: await read('docProps/core.xml'),
    files,
  };
}

/** The paragraphs of a piece of WordprocessingML, in order. */
export function paragraphXml(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => match[0]);
}

/** The text of one paragraph: its runs joined, entities decoded. */
export function paragraphText(paragraph: string): string {
  return [...paragraph.matchAll(/<w:(t|instrText)(?: [^>]*)?>([^<]*)<\/w:\1>/g)]
    .map(([, kind, text]) => (kind === 'instrText' ? `‹${(text ?? '').trim()}›` : decode(text ?? '')))
    .join('');
}

export function paragraphTexts(xml: string): string[] {
  return paragraphXml(xml).map(paragraphText);
}

/** The texts of the paragraphs with a given style id, e.g. "Heading1". */
export function styledTexts(xml: string, styleId: string): string[] {
  return paragraphXml(xml)
    .filter((paragraph) => paragraph.includes(`<w:pStyle w:val="${styleId}"/>`))
    .map(paragraphText);
}

/** Every table as rows of cell texts; a cell's paragraphs joined with "\n". */
export function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) =>
    [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphTexts(cell[0]).join('\n')),
    ),
  );
}

/** The document body as text, one paragraph a line. */
export async function documentText(buffer: Buffer): Promise<string> {
  return paragraphTexts((await unzipDocx(buffer)).document).join('\n');
}

/** The text of all headers and of all footers, one paragraph a line. */
export async function headerFooterText(buffer: Buffer): Promise<{ header: string; footer: string }> {
  const parts = await unzipDocx(buffer);
  return {
    header: parts.headers.flatMap(paragraphTexts).join('\n'),
    footer: parts.footers.flatMap(paragraphTexts).join('\n'),
  };
}

function decode(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}

// ---------------------------------------------------------------------------------------------
// Test images

/** A 1×1 PNG, the smallest valid logo. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG drawn by `pixel`, so a sample letterhead has a logo with a shape and proportions to check. */
export function makePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter, no interlace
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4);
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
