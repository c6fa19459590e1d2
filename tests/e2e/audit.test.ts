import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { field, snap, withDemoSchool } from './harness';

/**
 * Instellingen → Logboek, clicked through as the demo school's coordinator: a failed unlock shows
 * at the next unlock, opening a student's file is logged with that student, the filter by student
 * narrows the list to them, and the export is a CSV with the same lines.
 */
describe('Logboek', () => {
  it('shows failed unlocks and opened student files, filters by student and exports the lines', async () => {
    await withDemoSchool('zorgoverleg-e2e-audit-', async (page) => {
      page.setDefaultTimeout(30_000);
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await nav.getByRole('link', { name: 'Overleggen' }).waitFor();

      // Someone tries a wrong passphrase before Anouk unlocks again.
      await page.getByRole('button', { name: 'Vergrendelen' }).click();
      const passphrase = (await page.getByTestId('demo-passphrase').textContent()) ?? '';
      await page.getByRole('combobox', { name: 'Gebruiker' }).click();
      await page.getByRole('option', { name: 'Anouk Wolters (awo)' }).click();
      await field(page, 'Wachtwoord').fill('niet het goede wachtwoord');
      await page.getByRole('button', { name: 'Ontgrendelen' }).click();
      await page.getByText('Onjuist wachtwoord.').waitFor();
      await field(page, 'Wachtwoord').fill(passphrase);
      await page.getByRole('button', { name: 'Ontgrendelen' }).click();

      // Open a student's file.
      await nav.getByRole('link', { name: 'Leerlingen', exact: true }).click();
      await page.getByRole('table').getByRole('link').first().click();
      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(async () => (await heading.textContent()) ?? '', { timeout: 15_000 }).not.toBe('Leerlingen');
      const name = ((await heading.textContent()) ?? '').trim();

      await nav.getByRole('link', { name: 'Instellingen' }).click();
      await page.getByRole('tab', { name: 'Logboek' }).click();
      const log = page.getByRole('table', { name: 'Logboek' });
      await log.getByText('Mislukte ontgrendelpoging').waitFor();
      await log.getByRole('row').filter({ hasText: 'Leerlingdossier geopend' }).filter({ hasText: name }).first().waitFor();

      // Only this student's lines.
      await page.getByRole('combobox', { name: 'Leerling' }).fill(name.split(' ')[0]!);
      await page
        .getByRole('option', { name: new RegExp(name) })
        .first()
        .click();
      await expect
        .poll(async () => (await log.getByRole('row').allTextContents()).slice(1).every((row) => row.includes(name)), {
          timeout: 15_000,
        })
        .toBe(true);
      const shown = (await log.getByRole('row').count()) - 1;
      await snap(page, 'audit-log');
      expect(shown).toBeGreaterThan(0);

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByRole('button', { name: 'Exporteren (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^logboek-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = readFileSync((await download.path())!, 'utf8');
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('Tijdstip;Gebruiker;Gebeurtenis;Details;Leerlingen');
      expect(lines).toHaveLength(shown + 1);
      expect(lines.slice(1).every((line) => line.includes(name))).toBe(true);
      expect(csv).toContain('Leerlingdossier geopend');
    });
  });
});
