import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { documentText } from '../docx/docx-text';
import { field, snap, startNewSchool, type AppSession } from './harness';

const school = { name: 'Het Roosterlyceum', user: 'Anouk Wolters', code: 'awo', passphrase: 'vijf weken ritme' };

describe('year schedule: series, generate a year, move by hand, study day, exports', () => {
  let app: AppSession;
  let page: Page;

  beforeAll(async () => {
    app = await startNewSchool('zorgoverleg-e2e-schedule-', school, { width: 1400, height: 950 });
    page = app.page;
    await page.getByRole('link', { name: 'Jaarrooster' }).click();
    // The tests use the 2026-2027 calendar whatever today's date is.
    await page.getByRole('combobox', { name: 'Schooljaar' }).click();
    await page.getByRole('option', { name: '2026-2027' }).click();
  });
  afterAll(() => app?.close());

  const dialog = () => page.getByRole('dialog');

  async function planIot(firstDate: string) {
    await page.getByRole('button', { name: 'Jaar plannen' }).click();
    await dialog().getByRole('combobox', { name: 'Overlegvorm' }).click();
    await page.getByRole('option', { name: 'IOT' }).click();
    await dialog().getByLabel('Eerste overleg').fill(firstDate);
  }

  it('creates a meeting series', async () => {
    await page.getByRole('tab', { name: 'Overlegvormen' }).click();
    await page.getByRole('button', { name: 'Overlegvorm toevoegen' }).click();
    await field(page, 'Naam').fill('IOT');
    await dialog().getByRole('combobox', { name: 'Soort' }).fill('IOT');
    await page.keyboard.press('Tab');
    await field(page, 'Locatie').fill('Lokaal 1.12');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await page
      .getByRole('table', { name: 'Overlegvormen' })
      .getByRole('row', { name: /IOT elke 5 weken op dinsdag 14:00 Lokaal 1.12/ })
      .waitFor();
  });

  it('generates the school year around the holidays after a preview', async () => {
    await planIot('2026-09-01');
    await expect.poll(() => page.getByTestId('figure-Nieuw').textContent()).toBe('10');
    await dialog().getByRole('table', { name: 'Voorbeeld' }).getByText('verschoven: voorjaarsvakantie').waitFor();
    await snap(page, '20-jaar-plannen');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('10 toegevoegd, 0 verplaatst, 0 verwijderd.').waitFor();
    await page.getByRole('tab', { name: 'Jaaroverzicht' }).click();
    await page.getByRole('button', { name: /dinsdag 1 september · IOT 14:00/ }).waitFor();
    await page.getByRole('button', { name: /dinsdag 2 maart · IOT 14:00/ }).waitFor();
    await snap(page, '21-jaarrooster');
  });

  it('moves one meeting by hand, refusing a holiday', async () => {
    await page.getByRole('tab', { name: /Alle overleggen/ }).click();
    await page.getByRole('button', { name: 'IOT di 6 oktober 2026 wijzigen' }).click();
    await dialog().getByLabel('Datum').fill('2026-10-20');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await dialog().getByText('kan geen overleg plaatsvinden: herfstvakantie').waitFor();
    await dialog().getByLabel('Datum').fill('2026-10-08');
    await field(page, 'Opmerking').fill('verplaatst: ouderavond');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('row', { name: /do 8 oktober 2026 14:00–15:30 IOT .* verplaatst: ouderavond met de hand/ }).waitFor();
    // The year view follows; clicking the meeting there opens it.
    await page.getByRole('tab', { name: 'Jaaroverzicht' }).click();
    await page.getByRole('button', { name: /donderdag 8 oktober · IOT 14:00/ }).click();
    await dialog().getByRole('heading', { name: 'Overleg wijzigen' }).waitFor();
    expect(await dialog().getByLabel('Datum').inputValue()).toBe('08-10-2026');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });

  it('adds a study day; planning again moves the meeting on it and keeps the hand-moved one', async () => {
    await page.getByRole('tab', { name: 'Vakanties en vrije dagen' }).click();
    await page.getByRole('button', { name: 'Vrije dag toevoegen' }).click();
    await field(page, 'Van').fill('2026-11-10');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await page
      .getByRole('table', { name: 'Vrije dagen' })
      .getByRole('row', { name: /di 10 november 2026 studiedag eigen/ })
      .waitFor();

    await planIot('2026-09-01');
    await expect.poll(() => page.getByTestId('figure-Verplaatst').textContent()).toBe('1');
    await dialog().getByText('do 8 oktober 2026: met de hand verplaatst of gewijzigd').waitFor();
    await dialog().getByText('di 10 november 2026 → di 17 november 2026').waitFor();
    await dialog().getByRole('button', { name: 'Wijzigingen doorvoeren' }).click();
    await page.getByText('0 toegevoegd, 1 verplaatst, 0 verwijderd, 1 ongewijzigd gelaten.').waitFor();
  });

  it('downloads the .ics and the Word jaarrooster', async () => {
    await page.getByRole('button', { name: 'Exporteren' }).click();
    const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Alle overleggen' }).click()]);
    expect(ics.suggestedFilename()).toBe('Zorgoverleggen 2026-2027.ics');
    const text = readFileSync((await ics.path())!, 'utf8');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(10);
    expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20261117T140000');
    expect(text).toContain('verschoven: studiedag');

    await page.getByRole('button', { name: 'Exporteren' }).click();
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Jaarrooster als Word-document' }).click(),
    ]);
    expect(docx.suggestedFilename()).toBe('jaarrooster-2026-2027.docx');
    const words = await documentText(readFileSync((await docx.path())!));
    expect(words).toContain('Jaarrooster zorgoverleggen 2026-2027');
    // The moved meeting and why, as the .ics above has it.
    expect(words).toContain('verschoven: studiedag');
  });

  it('plans an ad hoc meeting and removes it again', async () => {
    await page.getByRole('button', { name: 'Overleg toevoegen' }).click();
    await field(page, 'Naam').fill('MDO');
    await dialog().getByLabel('Datum').fill('2026-12-02');
    await dialog().getByLabel('Begintijd').fill('15:00');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('tab', { name: /Alle overleggen/ }).click();
    await page.getByRole('row', { name: /wo 2 december 2026 15:00–16:00 MDO/ }).waitFor();
    await page.getByRole('button', { name: 'MDO wo 2 december 2026 wijzigen' }).click();
    await dialog().getByRole('button', { name: 'Overleg verwijderen' }).click();
    await page.getByRole('dialog', { name: 'Overleg verwijderen' }).getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('row', { name: /MDO/ }).waitFor({ state: 'detached' });
  });

  it('moves the May holiday for this school, replacing the official dates', async () => {
    await page.getByRole('tab', { name: 'Vakanties en vrije dagen' }).click();
    await page.getByRole('button', { name: 'Vrije dag toevoegen' }).click();
    await dialog().getByRole('combobox', { name: 'Soort' }).click();
    await page.getByRole('option', { name: 'Vakantie' }).click();
    await field(page, 'Omschrijving').fill('meivakantie');
    await field(page, 'Van').fill('2027-05-01');
    await field(page, 'Tot en met').fill('2027-05-09');
    await dialog().getByRole('combobox', { name: 'Vervangt de officiële vakantie' }).click();
    await page.getByRole('option', { name: 'meivakantie' }).click();
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    const table = page.getByRole('table', { name: 'Vrije dagen' });
    await table.getByRole('row', { name: /za 1 mei t\/m zo 9 mei 2027 meivakantie eigen/ }).waitFor();
    await table.getByRole('row', { name: /za 24 april t\/m zo 2 mei 2027 meivakantie/ }).waitFor({ state: 'detached' });
    // And it is open on Goede Vrijdag: that public holiday becomes a school day.
    await page.getByRole('button', { name: 'Vrije dag toevoegen' }).click();
    await dialog().getByRole('combobox', { name: 'Soort' }).click();
    await page.getByRole('option', { name: /Toch schooldag/ }).click();
    await field(page, 'Van').fill('2027-03-26');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await table.getByRole('row', { name: /vr 26 maart 2027 school open schooldag/ }).waitFor();
    await table.getByRole('row', { name: /Goede Vrijdag/ }).waitFor({ state: 'detached' });
  });

  it('warns when a second series needs the same person at the same time', async () => {
    await page.getByRole('tab', { name: 'Overlegvormen' }).click();
    await page.getByRole('button', { name: 'IOT wijzigen' }).click();
    await dialog().getByRole('combobox', { name: 'Voorzitter' }).click();
    await page.getByRole('option', { name: 'Anouk Wolters (awo)' }).click();
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Overlegvorm toevoegen' }).click();
    await field(page, 'Naam').fill('ZAT');
    await dialog().getByRole('combobox', { name: 'Soort' }).fill('ZAT');
    await page.keyboard.press('Tab');
    await dialog().getByRole('combobox', { name: 'Voorzitter' }).click();
    await page.getByRole('option', { name: 'Anouk Wolters (awo)' }).click();
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await dialog().waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Jaar plannen' }).click();
    await dialog().getByRole('combobox', { name: 'Overlegvorm' }).click();
    await page.getByRole('option', { name: 'ZAT' }).click();
    await dialog().getByLabel('Eerste overleg').fill('2026-09-01');
    await dialog().getByText('Tegelijk met een ander overleg').waitFor();
    await dialog().getByText('di 1 september 2026: ZAT 14:00 en IOT 14:00 (bij beide: awo)').waitFor();
    await page.keyboard.press('Escape');
  });

  it('exports one series only', async () => {
    await page.getByRole('button', { name: 'Exporteren' }).click();
    const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Alleen IOT' }).click()]);
    expect(ics.suggestedFilename()).toBe('IOT 2026-2027.ics');
  });
});
