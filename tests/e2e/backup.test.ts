import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { api, createEnvironment, field, launchChromium, openPage, snap, startHost, type RunningHost, type School } from './harness';

const school: School = {
  name: 'Het Testlyceum',
  user: 'Anouk Wolters',
  code: 'awo',
  passphrase: 'zonnige dinsdag 14 uur',
};
const environmentId = 'het-testlyceum';

/** Issue 13, fault 3: Instellingen → Back-ups, restoring, and "Omgeving openen uit back-up" elsewhere and after a lost keyring. */
describe('backups', () => {
  const data = tempDir('zorgoverleg-e2e-backup-');
  const stick = tempDir('zorgoverleg-e2e-stick-');
  const elsewhere = tempDir('zorgoverleg-e2e-elders-');
  let browser: Browser;
  let host: RunningHost;
  let page: Page;
  let recoveryKey = '';
  let manualBackup = '';

  const newPage = async () => {
    const p = await openPage(browser, { width: 1280, height: 900 });
    p.on('pageerror', (err) => console.error('pageerror', err.message));
    p.setDefaultTimeout(15_000);
    return p;
  };

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost(data.path);
    page = await newPage();
    await page.goto(host.url);
    recoveryKey = await createEnvironment(page, school);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    for (const dir of [data, stick, elsewhere]) dir.cleanup();
  });

  async function unlock(p: Page, passphrase: string) {
    await field(p, 'Wachtwoord').fill(passphrase);
    await p.getByRole('button', { name: 'Ontgrendelen' }).click();
    await p.getByTestId('school-name').waitFor();
  }

  const staffNames = async () => (await api(page, 'staff.list', {})).map((s) => s.name);

  it('shows the automatic backups, verified, and makes one to a folder the user types', async () => {
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('tab', { name: 'Back-ups' }).click();
    // A new environment is backed up at once (there was none yet today).
    const table = page.getByRole('table', { name: 'Back-ups' });
    await table
      .getByRole('row', { name: /Automatisch/ })
      .first()
      .waitFor();
    await expect.poll(() => page.getByTestId('last-automatic-backup').textContent()).not.toBe('nog geen');
    expect(
      await table
        .getByRole('row', { name: /Automatisch/ })
        .first()
        .textContent(),
    ).toContain('Ja');

    // A folder that is not there is named as such, next to the field.
    await field(page, 'Map').fill('/bestaat/niet');
    await page.getByRole('button', { name: 'Back-up maken' }).click();
    await page.getByText('De map /bestaat/niet bestaat niet. Kies een bestaande map, bijvoorbeeld je USB-stick.').waitFor();
    await field(page, 'Map').fill(stick.path);
    await page.getByRole('button', { name: 'Back-up maken' }).click();
    await page.getByText('Back-up gemaakt en gecontroleerd').waitFor();
    const [made] = readdirSync(stick.path);
    expect(made).toMatch(/^het-testlyceum-.*\.zobackup$/);
    manualBackup = join(stick.path, made!);
    await page.getByText(`${made} (`).waitFor();
    await snap(page, 'backup-01-back-ups');
  });

  it('restores a backup from the list after a safety copy; the old passphrase opens it', async () => {
    await api(page, 'staff.save', {
      id: null,
      name: 'Na De Backup',
      code: 'ndb',
      functions: [],
      email: '',
      active: true,
    });
    await page.reload();
    await page.getByRole('tab', { name: 'Back-ups' }).click();
    await page
      .getByRole('button', { name: /^Terugzetten: de back-up van / })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Back-up terugzetten' });
    await dialog.getByText('Ontgrendel haar met het wachtwoord dat gold toen de back-up werd gemaakt').waitFor();
    await snap(page, 'backup-02-terugzetten');
    await dialog.getByRole('button', { name: 'Terugzetten' }).click();
    // Back at the unlock screen, told what happened.
    await page.getByText('Back-up teruggezet').waitFor();
    await page.getByRole('button', { name: 'Ontgrendelen' }).waitFor();
    await unlock(page, school.passphrase);
    expect(await staffNames()).not.toContain('Na De Backup');
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('tab', { name: 'Back-ups' }).click();
    await page
      .getByRole('table', { name: 'Back-ups' })
      .getByRole('row', { name: /Veiligheidskopie/ })
      .waitFor();
  });

  it('names a file that is not a backup when restoring from a file', async () => {
    const photo = join(stick.path, 'vakantiefoto.jpg');
    writeFileSync(photo, 'geen back-up');
    await field(page, 'Back-upbestand').fill(photo);
    await page.getByRole('button', { name: 'Terugzetten…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Back-up terugzetten' });
    await dialog.getByRole('button', { name: 'Terugzetten' }).click();
    await dialog.getByText('Dit bestand is geen back-up van Zorgoverleg. Kies een bestand dat eindigt op .zobackup.').waitFor();
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    // Nothing happened: still unlocked.
    await page.getByTestId('school-name').waitFor();
    rmSync(photo);
  });

  it('opens the backup on another computer, with the passphrase and with only the recovery key', async () => {
    for (const how of ['passphrase', 'recoveryKey'] as const) {
      const dir = tempDir('zorgoverleg-e2e-computer-');
      const other = await startHost(dir.path);
      const p = await newPage();
      try {
        await p.goto(other.url);
        await p.getByRole('button', { name: 'Omgeving openen uit back-up' }).click();
        await field(p, 'Back-upbestand').fill(join(stick.path, 'bestaat-niet.zobackup'));
        await p.getByRole('button', { name: 'Verder' }).click();
        await p.getByText('Dit bestand bestaat niet. Controleer de map en de naam.').waitFor();
        await field(p, 'Back-upbestand').fill(manualBackup);
        await p.getByRole('button', { name: 'Verder' }).click();
        await p.getByRole('heading', { name: `${school.name} openen` }).waitFor();
        if (how === 'passphrase') {
          await field(p, 'Wachtwoord').fill('niet het goede wachtwoord');
          await p.getByRole('button', { name: 'Openen' }).click();
          await p
            .getByText('Onjuist wachtwoord. Gebruik het wachtwoord dat gold toen de back-up werd gemaakt, of de herstelsleutel.')
            .waitFor();
          await snap(p, 'backup-03-openen-elders');
          await field(p, 'Wachtwoord').fill(school.passphrase);
        } else {
          await p.getByText('Met herstelsleutel').click();
          await field(p, 'Herstelsleutel').fill(recoveryKey);
          await field(p, 'Nieuw wachtwoord').fill('nieuw op deze computer');
          await field(p, 'Herhaal nieuw wachtwoord').fill('nieuw op deze computer');
        }
        await p.getByRole('button', { name: 'Openen' }).click();
        await p.getByTestId('school-name').filter({ hasText: school.name }).waitFor();
        await p.getByText('Omgeving geopend').waitFor();
        expect(existsSync(join(dir.path, `${environmentId}.zorgoverleg.keys`))).toBe(true);
      } finally {
        await p.close();
        await other.stop();
        dir.cleanup();
      }
    }
  });

  it('brings back a deleted keyring from a backup on this computer, keeping everything since', async () => {
    await api(page, 'staff.save', {
      id: null,
      name: 'Laatste Werk',
      code: 'lwe',
      functions: [],
      email: '',
      active: true,
    });
    // Stopping locks, and the backup of that lock is made before the host goes.
    await host.stop();
    rmSync(join(data.path, `${environmentId}.zorgoverleg.keys`));
    await page.close();
    host = await startHost(data.path);
    page = await newPage();
    await page.goto(host.url);
    // Named as what it is, with the way back (not "geen Zorgoverleg-omgeving").
    await page.getByText(`Het sleutelbestand van deze omgeving (${environmentId}.zorgoverleg.keys) ontbreekt`).waitFor();
    await page.getByRole('button', { name: 'Omgeving openen uit back-up' }).click();
    await page
      .getByRole('radio', { name: new RegExp(`^${school.name}, `) })
      .first()
      .check();
    await snap(page, 'backup-04-sleutelbestand-kwijt');
    await page.getByRole('button', { name: 'Verder' }).click();
    await field(page, 'Wachtwoord').fill(school.passphrase);
    await page.getByRole('button', { name: 'Openen' }).click();
    await page.getByText('Sleutelbestand hersteld').waitFor();
    await page.getByTestId('school-name').filter({ hasText: school.name }).waitFor();
    expect(await staffNames()).toContain('Laatste Werk');
  });
});
