import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepTemporaryCopies, TEMP_PREFIX } from '../../electron/features/files/store';
import { tempDir } from '../helpers/backend';

/**
 * The start-up sweep of attachment copies a crash left behind, in a temp folder of its own: the
 * machine's real one is shared with running browser shells and other tests.
 */
describe('sweeping temporary copies', () => {
  let tmp: ReturnType<typeof tempDir>;
  afterEach(() => tmp.cleanup());

  const put = (path: string, content = 'x') => {
    const full = join(tmp.path, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
    return full;
  };

  it('removes the copies it made, and never a running browser shell’s launch page or profile', () => {
    tmp = tempDir('zorgoverleg-test-tmp-');
    // Copies of attachments that a crash left: this version's folders and an earlier version's.
    const copies = [
      put(`${TEMP_PREFIX}Ab12Cd/bijlage.pdf`),
      put(`${TEMP_PREFIX}Ef34Gh/bijlage.docx`),
      put('zorgoverleg-Zz99Yy/bijlage.jpg'),
    ];
    put(`${TEMP_PREFIX}Ef34Gh/~$bijlage.docx`);
    // What a running browser shell and its Chromium have in the same temp folder, and others' folders.
    const others = [
      put(
        'zorgoverleg-start-Qw12Er/openen-0123456789ab.html',
        '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:1/launch?code=x">',
      ),
      put('zorgoverleg-chromium-Ty34Ui/Default/Preferences', '{}'),
      put('zorgoverleg-chromium-Ty34Ui/SingletonLock'),
      put('zorgoverleg-e2e-shell-data-Op56As/omgeving.zovault'),
      put('zorgoverleg-render-Df78Gh/brief-1.png'),
      // A name like an old copy folder, holding something that is no copy.
      put('zorgoverleg-Hj90Kl/notities.txt'),
      put(`${TEMP_PREFIX}Mn12Bv/bijlage.pdf/dieper.txt`),
      put('anders-Xc34Vb/bijlage.pdf'),
    ];

    sweepTemporaryCopies(tmp.path);

    for (const copy of copies) expect(existsSync(join(copy, '..')), copy).toBe(false);
    for (const other of others) expect(existsSync(other), other).toBe(true);
  });
});
