import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { api, field, snap, startNewSchool } from './harness';

/**
 * Instellingen → Gebruikers → Verwijderen, clicked as the coordinator (issue 13): the confirm
 * dialog says what happens, the colleague is gone from the list and from the unlock screen, and
 * even the keyring file as it was before the removal, put back in place, lets nobody in.
 */
const school = {
  name: 'Het Lyceum Gebruikers',
  user: 'Anouk Wolters',
  code: 'awo',
  passphrase: 'correct paard batterij',
};
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

/**
 * Gebruiker toevoegen picks a colleague from the staff list (issue 23): name and code come from
 * the staff row, nobody is typed twice, and no role is ticked beforehand.
 */
it('adds a colleague from the staff list, with a role the coordinator chose', async () => {
  const app = await startNewSchool('zorgoverleg-e2e-users-staff-', { ...school, name: 'Het Lyceum Personeel' });
  try {
    const { page } = app;
    await api(page, 'staff.save', {
      id: null,
      name: 'Emma Prins',
      code: 'epr',
      functions: ['LLCO'],
      email: '',
      active: true,
    });
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('tab', { name: 'Gebruikers' }).click();
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gebruiker toevoegen' });
    // Nothing pre-ticked, and no name or code to type for someone on the staff list.
    await dialog.getByRole('checkbox', { name: 'Lid' }).waitFor();
    expect(await dialog.getByRole('checkbox', { checked: true }).count()).toBe(0);
    expect(await dialog.getByRole('textbox', { name: 'Personeelscode' }).count()).toBe(0);
    // The coordinator herself is a user already: she is not offered.
    await dialog.getByRole('combobox', { name: 'Medewerker' }).click();
    await page.getByRole('option', { name: 'Nieuw personeelslid…' }).waitFor();
    expect(await page.getByRole('option', { name: `${school.user} (${school.code})` }).count()).toBe(0);
    await page.keyboard.type('epr');
    await page.locator('[data-combobox-selected]', { hasText: 'Emma Prins (epr)' }).waitFor();
    await page.keyboard.press('Enter');
    await field(page, 'Eerste wachtwoord').fill('wachtwoord van emma');
    await field(page, 'Herhaal wachtwoord').fill('wachtwoord van emma');
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await dialog.getByText('Kies minstens één rol. Een mentor die alleen aanmeldt is Lid.').waitFor();
    await dialog.getByRole('checkbox', { name: 'Notulist' }).check();
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByText('Emma Prins kan nu ontgrendelen.').waitFor();
    const row = page.getByRole('table', { name: 'Gebruikers' }).getByRole('row').filter({ hasText: 'Emma Prins' });
    await row.getByText('Notulist').waitFor();
    expect(await row.getByText('epr', { exact: true }).count()).toBe(1);
    // One Emma on the staff list: the user was joined to her row, not added as a second one.
    expect((await api(page, 'staff.list', {})).filter((s) => s.code === 'epr')).toHaveLength(1);
    const users = await api(page, 'users.list', {});
    expect(users.find((u) => u.staffCode === 'epr')?.roles).toEqual(['notulist']);
  } finally {
    await app.close();
  }
}, 120_000);
