import chardet from 'chardet';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { AppError } from '../../../api/errors';
import { safeXlsx } from './xlsx-archive';

/** A file as rows of cells, with what was detected about it. */
export interface Table {
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  delimiter: ';' | ',' | '\t' | null;
  headers: string[];
  /** Data rows (header excluded), every cell as text; dates from spreadsheets as dd-mm-jjjj. */
  rows: string[][];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Looks like text: no NUL bytes and few control characters in the first few kilobytes. */
function looksLikeText(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control <= sample.length * 0.01;
}

export type TextEncoding = 'UTF-8' | 'windows-1252' | 'UTF-8 en Windows-1252';

/**
 * Magister and Somtoday export UTF-8 (often with a BOM) or Windows-1252. A file edited in two
 * programs can hold both: then each line is read in the encoding it is valid in.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  if (bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  }
  const utf8 = bytes.toString('utf8');
  if (!utf8.includes('\uFFFD')) return { text: utf8, encoding: 'UTF-8' };
  // Only for bytes that are not UTF-8: guessing the encoding costs more than reading the file.
  if (chardet.detect(bytes) !== 'UTF-8') {
    const perLine = splitLines(bytes).map(decodeLine);
    if (perLine.some((l) => l.encoding === 'UTF-8' && /[^\x00-\x7f]/.test(l.text))) {
      return { text: perLine.map((l) => l.text).join(''), encoding: 'UTF-8 en Windows-1252' };
    }
  }
  return { text: iconv.decode(bytes, 'win1252'), encoding: 'windows-1252' };
}

function splitLines(bytes: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      parts.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) parts.push(bytes.subarray(start));
  return parts;
}

function decodeLine(line: Buffer): { text: string; encoding: 'UTF-8' | 'windows-1252' } {
  const text = line.toString('utf8');
  return text.includes('\uFFFD') ? { text: iconv.decode(line, 'win1252'), encoding: 'windows-1252' } : { text, encoding: 'UTF-8' };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const dd = String(value.getUTCDate()).padStart(2, '0');
    const mm = String(value.getUTCMonth() + 1).padStart(2, '0');
    return `${dd}-${mm}-${value.getUTCFullYear()}`;
  }
  return String(value).trim();
}

function withoutEmptyRows(rows: string[][]): string[][] {
  return rows.filter((r) => r.some((c) => c !== ''));
}

function finish(format: Table['format'], encoding: Table['encoding'], delimiter: Table['delimiter'], all: string[][]): Table {
  const rows = withoutEmptyRows(all);
  if (rows.length === 0) throw new AppError('IMPORT_EMPTY');
  const [headerRow, ...data] = rows;
  if (data.length === 0) throw new AppError('IMPORT_EMPTY');
  const headers = headerRow!.map((h, i) => h.trim() || `Kolom ${i + 1}`);
  if (headers.length < 2) throw new AppError('IMPORT_NOT_A_TABLE');
  return { format, encoding, delimiter, headers, rows: data.map((r) => headers.map((_, i) => (r[i] ?? '').trim())) };
}

/** Reads a CSV or XLSX export into a table, or says in Dutch why it cannot. */
export async function readTable(bytes: Buffer, fileName: string): Promise<Table> {
  if (bytes.length === 0) throw new AppError('IMPORT_EMPTY');
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    // Unpacked under a limit first: a zip bomb is refused before it fills the memory.
    const workbook = await safeXlsx(bytes);
    let sheets;
    try {
      sheets = await readXlsxFile(workbook);
    } catch {
      throw new AppError('IMPORT_NOT_A_SPREADSHEET');
    }
    const first = sheets[0];
    if (!first) throw new AppError('IMPORT_EMPTY');
    return finish(
      'xlsx',
      null,
      null,
      first.data.map((row) => row.map(cellText)),
    );
  }
  if (/\.xlsx?$/i.test(fileName) || !looksLikeText(bytes)) throw new AppError('IMPORT_NOT_A_SPREADSHEET');

  const { text, encoding } = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [';', ',', '\t'], skipEmptyLines: 'greedy' });
  const delimiter =
    parsed.meta.delimiter === ';' || parsed.meta.delimiter === ',' || parsed.meta.delimiter === '\t' ? parsed.meta.delimiter : null;
  return finish(
    'csv',
    encoding,
    delimiter,
    parsed.data.map((row) => row.map(cellText)),
  );
}
