import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../electron/features/people/import/read-table';
import { MAX_UNPACKED_BYTES } from '../../electron/features/people/import/xlsx-archive';

interface ZipEntry {
  name: string;
  content: Buffer;
  /** What the archive says the entry unpacks to (a bomb may lie). */
  declaredSize?: number;
}

/** A ZIP archive written by hand, so a test can make one that lies about its sizes. */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const data = deflateRawSync(entry.content);
    const size = entry.declaredSize ?? entry.content.length;
    const header = (central: boolean) => {
      const h = Buffer.alloc(central ? 46 : 30);
      h.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      const s = central ? 2 : 0;
      if (central) h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 4 + s);
      h.writeUInt16LE(8, 8 + s);
      h.writeUInt32LE(crc32(entry.content), 14 + s);
      h.writeUInt32LE(data.length, 18 + s);
      h.writeUInt32LE(size, 22 + s);
      h.writeUInt16LE(name.length, 26 + s);
      if (central) h.writeUInt32LE(offset, 42);
      return h;
    };
    centrals.push(header(true), name);
    const local = Buffer.concat([header(false), name, data]);
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a real workbook (the fixture), to build archives around. */
async function workbookParts(): Promise<ZipEntry[]> {
  const book = await JSZip.loadAsync(readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'ouders-naast-elkaar.xlsx')));
  const files = Object.values(book.files).filter((f) => !f.dir);
  return Promise.all(files.map(async (f) => ({ name: f.name, content: await f.async('nodebuffer') })));
}

/** A worksheet that is valid XML and unpacks to more than the limit: mostly spaces. */
const hugeSheet = () =>
  Buffer.concat([
    Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'),
    Buffer.alloc(MAX_UNPACKED_BYTES + 1024, 0x20),
    Buffer.from('<sheetData/></worksheet>'),
  ]);

describe('an XLSX import unpacks under a limit (zip bombs)', () => {
  it('a workbook written by hand reads as the original does', async () => {
    const table = await readTable(zip(await workbookParts()), 'ouders.xlsx');
    expect(table.format).toBe('xlsx');
    expect(table.rows[1]![6]).toBe('Yılmaz');
  });

  it('refuses an archive whose parts say they unpack to more than 100 MB, before inflating any', async () => {
    const parts = await workbookParts();
    const bomb = zip(parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, declaredSize: MAX_UNPACKED_BYTES + 1 } : p)));
    // The declared size alone refuses it: its data (a few kilobytes) is never inflated.
    await expect(readTable(bomb, 'leerlingen.xlsx')).rejects.toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      message: expect.stringMatching(/groter dan 100 MB/),
    });
  });

  it('refuses a bomb that lies about its size: a part may not unpack to more than it says', async () => {
    const parts = await workbookParts();
    const bomb = zip(
      parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, content: hugeSheet(), declaredSize: 4096 } : p)),
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readTable(bomb, 'leerlingen.xlsx')).rejects.toMatchObject({ code: 'IMPORT_TOO_LARGE' });
  });

  it('refuses an honest bomb of small parts that add up to more than the limit', async () => {
    const parts = await workbookParts();
    const padding = Array.from({ length: 3 }, (_, i) => ({
      name: `xl/extra${i}.xml`,
      content: Buffer.alloc(1),
      declaredSize: Math.ceil(MAX_UNPACKED_BYTES / 3) + 1,
    }));
    await expect(readTable(zip([...parts, ...padding]), 'leerlingen.xlsx')).rejects.toMatchObject({
      code: 'IMPORT_TOO_LARGE',
    });
  });
});
