import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { api, field, snap, startNewSchool } from './harness';

/**
 * Instellingen → Gebruikers → Verwijderen, clicked as the coordinator (issue 13): the confirm
 * dialog says what happens, the colleague is gone from the list and from the unlock screen, and
 * even the keyring file as it was before the removal, put back in place, lets nobody in.
 */
const school = { name: 'Het Lyceum Gebruikers', user: 'Anouk Wolters', code: 'awo', passphrase: 'correct paard batterij' };
const bram = { name: 'Bram Groen', staffCode: 'bgr', passphrase: 'wachtwoord van bram' };

it('removes a colleague, who can no longer unlock, not even with a saved copy of the keys', async () => {
  const app = await startNewSchool('zorgoverleg-e2e-users-', school);
  try {
    const { page } = app;
    await api(page, 'users.add', { ...bram, roles: ['lid'] });
    // The host's data folder, as it was started with it: the keyring file sits there.
    const args = app.host.process.spawnargs;
    const dataDir = args[args.indexOf('--data-dir') + 1]!;
    const environmentId = (await api(page, 'vault.status', {})).session!.environmentId;
    const keys = join(dataDir, `${environmentId}.zorgoverleg.keys`);
    const saved = `${keys}.kopie-van-bram`;
    copyFileSync(keys, saved);

    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('tab', { name: 'Gebruikers' }).click();
    const users = page.getByRole('table', { name: 'Gebruikers' });
    await users.getByText(bram.name).waitFor();
    // Nobody removes themselves.
    expect(await users.getByRole('button', { name: `${school.user} verwijderen` }).count()).toBe(0);

    await users.getByRole('button', { name: `${bram.name} verwijderen` }).click();
    const dialog = page.getByRole('dialog', { name: `${bram.name} verwijderen` });
    await dialog.getByText(`${bram.name} kan daarna niet meer ontgrendelen; de sleutel van de omgeving wordt vernieuwd.`).waitFor();
    // The picture once the dialog has faded in.
    await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await snap(page, 'users-verwijderen');
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByText(`${bram.name} kan niet meer ontgrendelen. De sleutel van de omgeving is vernieuwd.`).waitFor();
    await expect.poll(() => users.getByText(bram.name).count()).toBe(0);

    // On the unlock screen he is not there to choose.
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await page.getByRole('combobox', { name: 'Gebruiker' }).click();
    await page.getByRole('option', { name: `${school.user} (${school.code})` }).waitFor();
    expect(await page.getByRole('option', { name: `${bram.name} (${bram.staffCode})` }).count()).toBe(0);
    await page.keyboard.press('Escape');

    // His copy of the keys from before, put back: he is listed again, and his passphrase opens nothing.
    const current = readFileSync(keys);
    copyFileSync(saved, keys);
    await page.reload();
    await page.getByRole('combobox', { name: 'Gebruiker' }).click();
    await page.getByRole('option', { name: `${bram.name} (${bram.staffCode})` }).click();
    await field(page, 'Wachtwoord').fill(bram.passphrase);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.getByText('Dit bestand is geen Zorgoverleg-omgeving. Er is niets aan veranderd.').waitFor();
    await snap(page, 'users-oude-sleutels');

    // The keys of now back in place: the coordinator unlocks with her own passphrase as before.
    writeFileSync(keys, current);
    await page.reload();
    await page.getByRole('combobox', { name: 'Gebruiker' }).click();
    await page.getByRole('option', { name: `${school.user} (${school.code})` }).click();
    await field(page, 'Wachtwoord').fill(school.passphrase);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.getByTestId('school-name').waitFor();
  } finally {
    await app.close();
  }
}, 120_000);
