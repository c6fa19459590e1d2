import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/**
 * A Word document as a reader sees it: converted to PDF by LibreOffice (headless), then measured
 * with poppler. `npm test` installs both where it can (scripts/lib/setup.mjs, ensureLibreOffice)
 * and passes SOFFICE_PATH; without them `renderTools()` is null and the render tests skip.
 *
 * Set RENDER_PNG=1 (or a directory) to also get PNGs of the pages to look at: they go to that
 * directory, or to <tmp>/zorgoverleg-render, as `<name>-1.png`, `<name>-2.png` …
 */

export interface RenderedDocx {
  pages: number;
  /** `pdftotext -layout`: table rows stay on one line each, pages end with a form feed. */
  text: string;
  /** Paths of the page images; empty unless RENDER_PNG is set. */
  pngs: string[];
}

interface RenderTools {
  soffice: string;
  pdfinfo: string;
  pdftotext: string;
  /** Only needed for PNGs. */
  pdftoppm: string | null;
}

const run = promisify(execFile);

/** Generous: LibreOffice's first start with a fresh profile takes 5–10 s, far more on a loaded machine. */
const CONVERT_TIMEOUT_MS = 100_000;
const PNG_DPI = '80';

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function sofficePath(): string | null {
  const fromEnv = process.env.SOFFICE_PATH;
  if (fromEnv !== undefined && fromEnv !== '' && existsSync(fromEnv)) return fromEnv;
  const mac = '/Applications/LibreOffice.app/Contents/MacOS/soffice';
  return onPath('soffice') ?? onPath('libreoffice') ?? (existsSync(mac) ? mac : null);
}

/** The programs a render needs, or null when one is missing. */
export function renderTools(): RenderTools | null {
  const soffice = sofficePath();
  const pdfinfo = onPath('pdfinfo');
  const pdftotext = onPath('pdftotext');
  if (soffice === null || pdfinfo === null || pdftotext === null) return null;
  return { soffice, pdfinfo, pdftotext, pdftoppm: onPath('pdftoppm') };
}

function pngDirectory(): string | null {
  const setting = process.env.RENDER_PNG;
  if (setting === undefined || setting === '' || setting === '0') return null;
  return setting === '1' || setting === 'true' ? join(tmpdir(), 'zorgoverleg-render') : setting;
}

/**
 * Renders `buffer` (a .docx) and returns its page count and text, or null when LibreOffice or
 * poppler is not installed. `name` names the files ("jaarrooster"); use letters, digits and dashes.
 */
export async function renderDocx(buffer: Buffer, name: string): Promise<RenderedDocx | null> {
  const tools = renderTools();
  if (tools === null) return null;
  const work = await mkdtemp(join(tmpdir(), 'zorgoverleg-render-'));
  try {
    const docx = join(work, `${name}.docx`);
    const pdf = join(work, `${name}.pdf`);
    await writeFile(docx, buffer);
    // A throwaway profile, so a running LibreOffice or a stale lock (or a parallel test) does not block it.
    const profile = pathToFileURL(join(work, 'profile')).href;
    await run(
      tools.soffice,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, docx],
      { timeout: CONVERT_TIMEOUT_MS, killSignal: 'SIGKILL' },
    );
    if (!existsSync(pdf)) throw new Error(`LibreOffice maakte geen PDF van ${name}.docx`);

    const { stdout: info } = await run(tools.pdfinfo, [pdf]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    if (!Number.isInteger(pages)) throw new Error(`pdfinfo gaf geen aantal pagina's voor ${name}.pdf`);
    const { stdout: text } = await run(tools.pdftotext, ['-layout', '-enc', 'UTF-8', pdf, '-'], {
      maxBuffer: 16 * 1024 * 1024,
    });
    return { pages, text, pngs: await pagesAsPngs(tools, pdf, name, work) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** `work`: the render's temporary directory, removed afterwards; the PNGs are copied out of it. */
async function pagesAsPngs(tools: RenderTools, pdf: string, name: string, work: string): Promise<string[]> {
  const directory = pngDirectory();
  if (directory === null) return [];
  if (tools.pdftoppm === null) throw new Error('RENDER_PNG is gezet, maar pdftoppm (poppler-utils) ontbreekt');
  await mkdir(directory, { recursive: true });
  // Pages of an earlier, longer render would otherwise pass for this one's.
  const stale = (await readdir(directory)).filter((file) => file.startsWith(`${name}-`) && file.endsWith('.png'));
  await Promise.all(stale.map((file) => rm(join(directory, file), { force: true })));
  const staging = join(work, 'png');
  await mkdir(staging);
  await run(tools.pdftoppm, ['-png', '-r', PNG_DPI, pdf, join(staging, 'page')]);
  // pdftoppm pads page numbers ("page-01") once there are ten or more; name them plainly in page order.
  const made = (await readdir(staging)).filter((file) => file.endsWith('.png')).sort();
  const pngs: string[] = [];
  for (const [index, file] of made.entries()) {
    const target = join(directory, `${name}-${index + 1}.png`);
    await copyFile(join(staging, file), target);
    pngs.push(target);
  }
  return pngs;
}
