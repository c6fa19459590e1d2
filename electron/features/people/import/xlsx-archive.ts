import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { AppError } from '../../../api/errors';

/**
 * An XLSX file is a ZIP archive. A whole school's export unpacks to a few megabytes; a "zip bomb"
 * of a few kilobytes unpacks to gigabytes and would fill the memory of the app that reads it. So
 * the archive is unpacked here, under a limit, before the spreadsheet reader sees it: the sizes
 * in the central directory are checked before anything is inflated, and no entry may inflate to
 * more than it declared (a bomb may lie about its size).
 */

/** Everything in the archive together, unpacked. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 5000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const notASpreadsheet = () => new AppError('IMPORT_NOT_A_SPREADSHEET');

function findEndOfDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) if (bytes.readUInt32LE(at) === EOCD) return at;
  throw notASpreadsheet();
}

/** The archive's table of contents, as the central directory states it (nothing inflated yet). */
function centralDirectory(bytes: Buffer): Entry[] {
  if (bytes.length < 22) throw notASpreadsheet();
  const end = findEndOfDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  // ZIP64 (sizes beyond 4 GB) is never needed for a spreadsheet of students.
  if (count === 0xffff || offset === 0xffffffff || count > MAX_ENTRIES || offset + size > end) throw notASpreadsheet();
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) throw notASpreadsheet();
    const nameLength = bytes.readUInt16LE(at + 28);
    entries.push({
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** One entry's content, never more than it declared. */
function inflateEntry(bytes: Buffer, entry: Entry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw notASpreadsheet();
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw notASpreadsheet();
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw notASpreadsheet();
    return data;
  }
  if (entry.method !== 8) throw notASpreadsheet();
  let content: Buffer;
  try {
    content = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch (err) {
    // More than it said it held: a bomb that lies about its size.
    if (err instanceof RangeError) throw new AppError('IMPORT_TOO_LARGE');
    throw notASpreadsheet();
  }
  if (content.length !== entry.size) throw notASpreadsheet();
  return content;
}

/** What the spreadsheet reader reads: the workbook's XML parts (not images or printer settings). */
const isRead = (name: string) => name.endsWith('.xml') || name.endsWith('.xml.rels');

/**
 * The workbook's parts, unpacked under the limit and packed again without compression: the
 * reader then gets only what was checked here, whatever else the original archive holds.
 */
export async function safeXlsx(bytes: Buffer, limit = MAX_UNPACKED_BYTES): Promise<Buffer> {
  const entries = centralDirectory(bytes);
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > limit) throw new AppError('IMPORT_TOO_LARGE');
  // Encrypted entries (a password-protected workbook) cannot be read.
  if (entries.some((entry) => entry.flags & 1)) throw notASpreadsheet();
  const repacked = new JSZip();
  for (const entry of entries) {
    if (entry.name.endsWith('/') || !isRead(entry.name)) continue;
    repacked.file(entry.name, inflateEntry(bytes, entry));
  }
  return repacked.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}
