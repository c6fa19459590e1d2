import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, field, startNewSchool, type AppSession } from './harness';

const fixtures = resolve(import.meta.dirname, '..', 'fixtures');
const school = { name: 'Het Handwerkcollege', user: 'Anouk Wolters', code: 'awo', passphrase: 'alles met de hand' };

describe('people: an Excel import, students and guardians by hand, deactivating staff', () => {
  let app: AppSession;
  let page: Page;

  beforeAll(async () => {
    app = await startNewSchool('zorgoverleg-e2e-hand-', school);
    page = app.page;
  });
  afterAll(() => app?.close());

  const dialog = () => page.getByRole('dialog');
  const count = () => page.getByTestId('student-count').textContent();

  it('deactivates a staff member, who then only shows with "Ook inactieve tonen"', async () => {
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('tab', { name: 'Medewerkers' }).click();
    await page.getByRole('button', { name: 'Medewerker toevoegen' }).click();
    await field(page, 'Naam').fill('Jan Bosman');
    await field(page, 'Code').fill('jbo');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    const table = page.getByRole('table', { name: 'Medewerkers' });
    await table.getByRole('row', { name: /Jan Bosman jbo/ }).waitFor();
    await page.getByRole('button', { name: 'Jan Bosman wijzigen' }).click();
    await dialog().getByRole('switch', { name: 'Actief' }).click();
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await table.getByRole('row', { name: /Jan Bosman/ }).waitFor({ state: 'detached' });
    await page.getByRole('switch', { name: 'Ook inactieve tonen' }).click();
    await table.getByRole('row', { name: /Jan Bosman inactief jbo/ }).waitFor();
  });

  it('imports an Excel file with guardians side by side', async () => {
    await page.getByRole('link', { name: 'Leerlingen' }).click();
    await page.getByRole('link', { name: 'Importeren' }).click();
    await page.locator('input[type="file"]').setInputFiles(resolve(fixtures, 'ouders-naast-elkaar.xlsx'));
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByText('3 regels gevonden (Excel-werkblad).').waitFor();
    expect(await page.getByRole('combobox', { name: 'Kolom Ouder 2 relatie' }).inputValue()).toBe('Relatie (ouder/verzorger 2)');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByText('3 toegevoegd, 0 bijgewerkt, 0 overgeslagen.').waitFor();
    await expect.poll(() => page.getByTestId('figure-Ouders toegevoegd').textContent()).toBe('4');
  });

  it('adds a student by hand, refusing a leerlingnummer that is taken, and edits the details', async () => {
    await page.getByRole('link', { name: 'Naar leerlingen' }).click();
    await page.getByRole('button', { name: 'Leerling toevoegen' }).click();
    await field(page, 'Roepnaam').fill('Noor');
    await field(page, 'Achternaam').fill('Visser');
    await field(page, 'Leerlingnummer').fill('700301');
    await dialog().getByLabel('Geboortedatum').fill('2013-05-04');
    await field(page, 'Klas').fill('1D');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await dialog().getByText('Leerlingnummer 700301 is al in gebruik.').waitFor();
    await field(page, 'Leerlingnummer').fill('800001');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { name: 'Noor Visser' }).waitFor();
    await page.getByText('04-05-2013').waitFor();

    await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
    await field(page, 'Klas').fill('1E');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByText('1E', { exact: true }).waitFor();
  });

  it('edits one guardian and removes another', async () => {
    await page.getByRole('link', { name: 'Leerlingen', exact: true }).first().click();
    await page.getByRole('textbox', { name: 'Zoeken' }).fill('mila');
    await page.getByRole('link', { name: 'Jansen, Mila' }).click();
    const cards = page.getByTestId('guardian-card');
    await expect.poll(() => cards.count()).toBe(2);
    await cards.filter({ hasText: 'vader' }).getByRole('button', { name: 'Wijzigen' }).click();
    await field(page, 'Telefoon').fill('06 98765432');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await cards.filter({ hasText: '06 98765432' }).waitFor();
    await cards.filter({ hasText: 'moeder' }).getByRole('button', { name: 'Verwijderen' }).click();
    await dialog().getByRole('button', { name: 'Verwijderen' }).click();
    await expect.poll(() => cards.count()).toBe(1);
  });

  it('unenrols and enrols a student again', async () => {
    await page.getByRole('button', { name: 'Uitschrijven' }).click();
    await dialog().getByLabel('Uitgeschreven per').fill('2026-12-31');
    // The leave dialog's field from the retention domain, stored once the student has left.
    await dialog().getByRole('combobox', { name: 'Uitgestroomd naar' }).click();
    await page.getByRole('option', { name: 'Voortgezet speciaal onderwijs (VSO)' }).click();
    await dialog().getByRole('button', { name: 'Uitschrijven' }).click();
    await page.getByText('Uitgeschreven per 31-12-2026').waitFor();
    const studentId = /leerlingen\/([^/?#]+)/.exec(page.url())?.[1] ?? '';
    expect(await api(page, 'retention.destination', { studentId })).toEqual({ destination: 'vso' });
    await page.getByRole('button', { name: 'Weer inschrijven' }).click();
    await page.getByText('Ingeschreven', { exact: true }).waitFor();
  });

  it('filters the list by klas', async () => {
    await page.getByRole('link', { name: 'Leerlingen', exact: true }).first().click();
    await expect.poll(count).toBe('4 leerlingen');
    await page.getByRole('combobox', { name: 'Klas' }).click();
    await page.getByRole('option', { name: '2D' }).click();
    await expect.poll(count).toBe('1 leerling');
    await page.getByRole('link', { name: 'Kaya, Mohamed' }).waitFor();
  });
});
