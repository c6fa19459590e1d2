import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { api, field, snap, withDemoSchool } from './harness';

/**
 * Instellingen → Bewaartermijnen, clicked through as the demo school's coordinator: the demo's
 * leavers whose period passed are proposed with why; one is confirmed and disappears from the list
 * and the vault, the log says so without a name; another is kept with a reason. A backup made
 * before the erasure, restored, has her erased again before the screens see it (issue 22, fault 6).
 */
describe('Bewaartermijnen', () => {
  it('proposes leavers, erases one after confirmation, logs it without a name, keeps another with a reason', async () => {
    const stick = tempDir('zorgoverleg-e2e-retention-stick-');
    await withDemoSchool('zorgoverleg-e2e-retention-', async (page) => {
      page.setDefaultTimeout(30_000);
      // A backup of before the erasure, as on a USB stick.
      await page.getByTestId('school-name').waitFor();
      const { path: oldBackup } = await api(page, 'backup.create', { folder: stick.path });
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
      await nav.getByRole('link', { name: 'Instellingen' }).click();
      await page.getByRole('tab', { name: 'Bewaartermijnen' }).click();

      const proposals = page.getByRole('table', { name: 'Voorgesteld om te verwijderen' });
      const lotte = proposals.getByRole('row').filter({ hasText: 'Lotte Verbeek' });
      await lotte.waitFor();
      await expect
        .poll(async () => (await lotte.textContent()) ?? '')
        .toMatch(/Uitgeschreven op .+; bewaartermijn leerlingdossier 2 jaar, verstreken op/);
      await expect
        .poll(async () => (await lotte.textContent()) ?? '')
        .toContain('2 ouders/verzorgers, 1 aanmelding, 1 toestemming, 1 brief');
      await expect.poll(() => page.getByTestId('retention-proposal').count()).toBe(4);
      await page.getByTestId('retention-last-review').filter({ hasText: 'Nog nooit nagelopen.' }).waitFor();
      await page.getByText(/^Ronde van .+ te doen$/).waitFor();
      await page.getByRole('table', { name: 'Langer bewaard' }).getByRole('row').filter({ hasText: 'Thijs Dekkers' }).waitFor();
      await snap(page, 'retention-worklist');

      // Confirm one: the dialog says what will happen.
      await lotte.getByRole('button', { name: 'Verwijderen…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Gegevens definitief verwijderen' });
      await dialog.getByText('Alle gegevens van de leerling worden verwijderd.').waitFor();
      await dialog.getByText('Dit kan niet ongedaan worden gemaakt.').waitFor();
      await snap(page, 'retention-confirm');
      await dialog.getByRole('button', { name: 'Definitief verwijderen' }).click();
      await dialog.waitFor({ state: 'detached' });
      await lotte.waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('retention-proposal').count()).toBe(3);
      expect(
        (
          await api(page, 'students.search', {
            query: 'Verbeek',
            className: null,
            yearLevel: null,
            status: 'all',
            limit: 10,
          })
        ).total,
      ).toBe(0);

      // Keep another, with a reason: it moves to "Langer bewaard".
      const sem = proposals.getByRole('row').filter({ hasText: 'Sem Kuipers' });
      await sem.getByRole('checkbox', { name: 'Sem Kuipers selecteren' }).check();
      await page.getByRole('button', { name: 'Selectie bewaren (1)' }).click();
      const keep = page.getByRole('dialog', { name: 'Langer bewaren' });
      await keep.getByRole('button', { name: 'Bewaren', exact: true }).click();
      await keep.getByText('Vul de reden in waarom de gegevens bewaard blijven.').first().waitFor();
      await keep.getByRole('textbox', { name: 'Reden' }).fill('Ouders vroegen inzage aan; afwachten');
      await keep.getByRole('button', { name: 'Bewaren', exact: true }).click();
      await keep.waitFor({ state: 'detached' });
      await page
        .getByRole('table', { name: 'Langer bewaard' })
        .getByRole('row')
        .filter({ hasText: 'Sem Kuipers' })
        .filter({ hasText: 'Ouders vroegen inzage aan' })
        .waitFor();
      await snap(page, 'retention-after');

      // The log keeps that it happened, by whom, without the name.
      await page.getByRole('tab', { name: 'Logboek' }).click();
      const line = page
        .getByRole('table', { name: 'Logboek' })
        .getByRole('row')
        .filter({ hasText: 'Gegevens verwijderd na de bewaartermijn' });
      await line.waitFor();
      const text = (await line.textContent()) ?? '';
      expect(text).toContain('Anouk Wolters');
      expect(text).toMatch(/Bewaartermijn verstreken, 1 leerling; verwijderd: 1 leerling, 2 ouders\/verzorgers, 1 aanmelding/);
      expect(text).not.toContain('Verbeek');
      await snap(page, 'retention-log');

      // The screen says what a restore does; then the backup of before is restored from its file.
      await page.getByRole('tab', { name: 'Bewaartermijnen' }).click();
      await page.getByTestId('retention-backups').filter({ hasText: 'dan worden zij meteen opnieuw verwijderd' }).waitFor();
      await page.getByRole('tab', { name: 'Back-ups' }).click();
      await field(page, 'Back-upbestand').fill(oldBackup);
      await page.getByRole('button', { name: 'Terugzetten…' }).click();
      const restore = page.getByRole('dialog', { name: 'Back-up terugzetten' });
      await restore.getByText('worden in de teruggezette gegevens meteen opnieuw verwijderd').waitFor();
      await restore.getByRole('button', { name: 'Terugzetten' }).click();
      await page.getByText('Back-up teruggezet').waitFor();
      await page.getByRole('combobox', { name: 'Gebruiker' }).click();
      await page.getByRole('option', { name: 'Anouk Wolters (awo)' }).click();
      await field(page, 'Wachtwoord').fill('demo-zorgoverleg');
      await page.getByRole('button', { name: 'Ontgrendelen' }).click();
      await page.getByTestId('school-name').waitFor();
      // Lotte is not back, and the Logboek of the restored vault says why, without her name.
      expect(
        (
          await api(page, 'students.search', {
            query: 'Verbeek',
            className: null,
            yearLevel: null,
            status: 'all',
            limit: 10,
          })
        ).total,
      ).toBe(0);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
      await page.getByRole('tab', { name: 'Logboek' }).click();
      const again = page
        .getByRole('table', { name: 'Logboek' })
        .getByRole('row')
        .filter({ hasText: 'Opnieuw verwijderd na het terugzetten van een back-up' });
      await again.waitFor();
      const againText = (await again.textContent()) ?? '';
      expect(againText).toMatch(/Bewaartermijn verstreken, 1 leerling; verwijderd: 1 leerling, 2 ouders\/verzorgers, 1 aanmelding/);
      expect(againText).not.toContain('Verbeek');
      await snap(page, 'retention-restored-log');
    }).finally(() => stick.cleanup());
  });
});
