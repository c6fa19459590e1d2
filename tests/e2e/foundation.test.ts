import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { field, launchChromium, openPage, snap, startHost, type RunningHost } from './harness';
import { tempDir } from '../helpers/backend';

const passphrase = 'zonnige dinsdag 14 uur';

describe('foundation: create, lock, unlock, settings, restart', () => {
  const data = tempDir('zorgoverleg-e2e-');
  let browser: Browser;
  let host: RunningHost;
  let page: Page;
  let recoveryKey = '';

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost(data.path);
    page = await openPage(browser, { width: 1280, height: 800 });
    page.on('pageerror', (err) => console.error('pageerror', err.message));
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.cleanup();
  });

  async function unlockAs(pass: string) {
    await field(page, 'Wachtwoord').fill(pass);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  }

  it('creates an environment and shows the recovery key once', async () => {
    await page.goto(host.url);
    // The one-time launch code is traded for an HttpOnly cookie and leaves the address bar.
    await expect.poll(() => page.url()).toBe(`${new URL(host.url).origin}/#/`);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.getByRole('button', { name: 'Nieuwe omgeving aanmaken' }).click();
    await field(page, 'Naam van de school').fill('Het Testlyceum');
    await page.getByText('Zuid', { exact: true }).click();
    await field(page, 'Je naam').fill('Anouk Wolters');
    await field(page, 'Je personeelscode').fill('awo');
    await field(page, 'Wachtwoord').fill(passphrase);
    await field(page, 'Herhaal wachtwoord').fill('iets anders dan dat');
    await page.getByRole('button', { name: 'Omgeving aanmaken' }).click();
    await page.getByText('De wachtwoorden zijn niet gelijk.').waitFor();
    await field(page, 'Herhaal wachtwoord').fill(passphrase);
    await page.getByRole('button', { name: 'Omgeving aanmaken' }).click();

    const key = page.getByTestId('recovery-key');
    await key.waitFor();
    recoveryKey = (await key.textContent()) ?? '';
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await snap(page, '01-herstelsleutel');
    const next = page.getByRole('button', { name: 'Verder naar Zorgoverleg' });
    expect(await next.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Ik heb de herstelsleutel op een veilige plek bewaard' }).check();
    await next.click();

    await page.getByTestId('school-name').filter({ hasText: 'Het Testlyceum' }).waitFor();
    for (const section of ['Jaarrooster', 'Overleggen', 'Aanmeldingen', 'Leerlingen', 'Acties', 'Brieven', 'Instellingen']) {
      expect(await page.getByRole('link', { name: section }).count()).toBe(1);
    }
    // A new school has no meeting yet: Brieven says what to do first instead of showing an empty screen.
    await page.getByRole('link', { name: 'Brieven' }).click();
    await page.getByText('Kies een overleg om de brieven voor te bereiden.').waitFor();
  });

  it('edits the school settings, refusing a bad postcode', async () => {
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await field(page, 'Straat en huisnummer').fill('Kerkstraat 1');
    await field(page, 'Postcode').fill('99999');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Een postcode ziet eruit als 1234 AB.').waitFor();
    await field(page, 'Postcode').fill('6211ab');
    await field(page, 'Plaats').fill('Maastricht');
    await field(page, 'Naam ondertekenaar').fill('A. Wolters');
    await field(page, 'Naam van de school').fill('Het Testlyceum Maastricht');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De schoolgegevens zijn bewaard.').waitFor();
    await expect.poll(() => field(page, 'Postcode').inputValue()).toBe('6211 AB');
    await page.getByTestId('school-name').filter({ hasText: 'Het Testlyceum Maastricht' }).waitFor();
    await snap(page, '02-instellingen');
  });

  it('locks, clears the screen, refuses a wrong passphrase and unlocks', async () => {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await page.getByRole('heading', { name: 'Het Testlyceum Maastricht ontgrendelen' }).waitFor();
    expect(await page.content()).not.toContain('Kerkstraat');

    await unlockAs('dit is het niet');
    await page.getByText('Onjuist wachtwoord.').waitFor();
    await snap(page, '03-onjuist-wachtwoord');
    await unlockAs(passphrase);
    await page.getByTestId('school-name').waitFor();
  });

  it('keeps everything after the host process restarts', async () => {
    await host.stop();
    host = await startHost(data.path);
    page = await openPage(browser, { width: 1280, height: 800 });
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Het Testlyceum Maastricht ontgrendelen' }).waitFor();
    await unlockAs(passphrase);
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await expect.poll(() => field(page, 'Straat en huisnummer').inputValue()).toBe('Kerkstraat 1');
    expect(await field(page, 'Plaats').inputValue()).toBe('Maastricht');
    expect(await field(page, 'Naam ondertekenaar').inputValue()).toBe('A. Wolters');
  });

  it('recovers a forgotten passphrase with the recovery key', async () => {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await page.getByRole('button', { name: 'Wachtwoord vergeten' }).click();
    await field(page, 'Herstelsleutel').fill('0000-0000-0000-0000-0000-0000-0000-0000');
    await field(page, 'Nieuw wachtwoord').fill('een heel nieuw wachtwoord');
    await field(page, 'Herhaal nieuw wachtwoord').fill('een heel nieuw wachtwoord');
    await page.getByRole('button', { name: 'Nieuw wachtwoord instellen' }).click();
    await page.getByText('Deze herstelsleutel past niet bij deze omgeving.').waitFor();
    await field(page, 'Herstelsleutel').fill(recoveryKey.toLowerCase());
    await page.getByRole('button', { name: 'Nieuw wachtwoord instellen' }).click();
    await page.getByTestId('school-name').waitFor();

    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await unlockAs(passphrase);
    await page.getByText('Onjuist wachtwoord.').waitFor();
    await unlockAs('een heel nieuw wachtwoord');
    await page.getByTestId('school-name').waitFor();
  });

  it('adds a colleague who unlocks with their own passphrase, and changes my own passphrase', async () => {
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('tab', { name: 'Gebruikers' }).click();
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await page.getByRole('dialog').getByRole('combobox', { name: 'Medewerker' }).click();
    await page.getByRole('option', { name: 'Nieuw personeelslid…' }).click();
    await field(page, 'Naam').fill('Bram Groen');
    await field(page, 'Personeelscode').fill('bgr');
    await page.getByRole('dialog').getByRole('checkbox', { name: 'Lid', exact: true }).check();
    await field(page, 'Eerste wachtwoord').fill('bram zijn eerste wachtwoord');
    await field(page, 'Herhaal wachtwoord').fill('bram zijn eerste wachtwoord');
    await page.getByRole('dialog').getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByText('Bram Groen kan nu ontgrendelen.').waitFor();

    await page.getByRole('tab', { name: 'Mijn wachtwoord' }).click();
    await field(page, 'Huidig wachtwoord').fill('niet mijn wachtwoord');
    await field(page, 'Nieuw wachtwoord').fill('mijn derde wachtwoord 2026');
    await field(page, 'Herhaal nieuw wachtwoord').fill('mijn derde wachtwoord 2026');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByText('Onjuist wachtwoord.').waitFor();
    await field(page, 'Huidig wachtwoord').fill('een heel nieuw wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByText('Je nieuwe wachtwoord geldt vanaf nu.').waitFor();

    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await page.getByRole('combobox', { name: 'Gebruiker' }).click();
    await page.getByRole('option', { name: 'Bram Groen (bgr)' }).click();
    await unlockAs('bram zijn eerste wachtwoord');
    await page.getByText('Bram Groen (bgr)').waitFor();
  });
});

describe('demo school', () => {
  const data = tempDir('zorgoverleg-e2e-demo-');
  let browser: Browser;
  let host: RunningHost;

  beforeAll(async () => {
    browser = await launchChromium();
    host = await startHost(data.path);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.cleanup();
  });

  it('opens the demo school with the passphrase shown on screen', async () => {
    const page = await openPage(browser, { width: 1280, height: 800 });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Demo-school openen' }).click();
    const shown = (await page.getByTestId('demo-passphrase').textContent()) ?? '';
    expect(shown.length).toBeGreaterThanOrEqual(10);
    await page.getByRole('combobox', { name: 'Gebruiker' }).click();
    await page.getByRole('option', { name: 'Sietske Slot (sisl)' }).click();
    await field(page, 'Wachtwoord').fill(shown);
    await snap(page, '04-demo-ontgrendelen');
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.getByTestId('school-name').filter({ hasText: 'Lindeboom College (demo)' }).waitFor();
    await page.getByText('Demo', { exact: true }).waitFor();
    await page.getByText('Sietske Slot (sisl)').waitFor();
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await expect.poll(() => field(page, 'Plaats').inputValue()).toBe('Utrecht');
    await snap(page, '05-demo-instellingen');
  });
});
