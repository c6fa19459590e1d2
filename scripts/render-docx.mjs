// Look at a .docx as a reader would: `node scripts/render-docx.mjs /tmp/jaarrooster.docx [dpi]`
// writes jaarrooster.pdf and jaarrooster-1.png, -2.png … next to it.
// Needs LibreOffice (soffice) and poppler (pdftoppm), e.g.
// `apt-get install --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-crosextra-carlito`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

const [input, dpi = '60'] = process.argv.slice(2);
if (!input) {
  console.error('Gebruik: node scripts/render-docx.mjs <bestand.docx> [dpi]');
  process.exit(1);
}
const file = resolve(input);
const dir = dirname(file);
const name = basename(file).replace(/\.docx$/i, '');
// A throwaway profile, so a running LibreOffice or a stale lock does not block the conversion.
const profile = mkdtempSync(join(tmpdir(), 'render-docx-'));
try {
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
    stdio: 'inherit',
  });
  execFileSync('pdftoppm', ['-png', '-r', dpi, join(dir, `${name}.pdf`), join(dir, name)], { stdio: 'inherit' });
  console.log(`Pagina's staan in ${dir} als ${name}-*.png`);
} finally {
  rmSync(profile, { recursive: true, force: true });
}
