import { describe, expect, it } from 'vitest';
import { field, snap, withDemoSchool } from './harness';

/**
 * The lists with an add/edit dialog (medewerkers, externe partners, overlegvormen, vrije dagen),
 * one component: the contract's refusal shows under its field with everything typed kept, a
 * number out of range is refused rather than clamped, and a removal asks first.
 */
describe('lists with a dialog', () => {
  it('shows the contract’s messages at their fields, keeps what was typed, and asks before removing', async () => {
    await withDemoSchool('zorgoverleg-e2e-lists-', async (page) => {
      const dialog = page.getByRole('dialog');
      const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });

      // Medewerkers: a code the contract refuses; the message is at Code, nothing typed is lost.
      await nav.getByRole('link', { name: 'Instellingen' }).click();
      await page.getByRole('tab', { name: 'Medewerkers' }).click();
      await page
        .getByRole('table', { name: 'Medewerkers' })
        .getByRole('row', { name: /Anouk Wolters awo/ })
        .waitFor();
      await page.getByRole('button', { name: 'Medewerker toevoegen' }).click();
      await field(page, 'Naam').fill('Jan Bosman');
      await field(page, 'Code').fill('j1');
      await dialog.getByRole('button', { name: 'Opslaan' }).click();
      await dialog.getByText(/personeelscode bestaat uit 2 tot 4 letters/).waitFor();
      expect(await field(page, 'Code').getAttribute('aria-invalid')).toBe('true');
      expect(await field(page, 'Naam').inputValue()).toBe('Jan Bosman');
      expect(await field(page, 'Code').inputValue()).toBe('j1');
      // Shown at the field only, not again as a whole.
      expect(await dialog.getByText('Niet opgeslagen').count()).toBe(0);
      await snap(page, 'lists-medewerker-dialog');
      // A code already taken (Jan de Boer has jbo) is also said at the field.
      await field(page, 'Code').fill('jbo');
      await dialog.getByRole('button', { name: 'Opslaan' }).click();
      await dialog.getByText('De code "jbo" is al in gebruik.').waitFor();
      expect(await field(page, 'Code').getAttribute('aria-invalid')).toBe('true');
      expect(await field(page, 'Naam').inputValue()).toBe('Jan Bosman');
      await field(page, 'Code').fill('jbos');
      await dialog.getByRole('button', { name: 'Opslaan' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page
        .getByRole('table', { name: 'Medewerkers' })
        .getByRole('row', { name: /Jan Bosman jbos/ })
        .waitFor();

      // Externe partners: the dialog of an existing partner.
      await page.getByRole('tab', { name: 'Externe partners' }).click();
      const partners = page.getByRole('table', { name: 'Externe partners' });
      await partners
        .getByRole('button', { name: / wijzigen$/ })
        .first()
        .click();
      await dialog.getByRole('heading', { name: 'Partner wijzigen' }).waitFor();
      expect(await field(page, 'Organisatie').inputValue()).not.toBe('');
      await snap(page, 'lists-partner-dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      // Overlegvormen: 40 school days is refused by the contract, not quietly made 30.
      await nav.getByRole('link', { name: 'Jaarrooster' }).click();
      await page.getByRole('combobox', { name: 'Schooljaar' }).click();
      await page.getByRole('option', { name: '2026-2027' }).click();
      await page.getByRole('tab', { name: 'Overlegvormen' }).click();
      await page.getByRole('button', { name: 'ZAT wijzigen', exact: true }).click();
      const deadline = dialog.getByRole('textbox', { name: /Aanmelden uiterlijk/ });
      await deadline.fill('40');
      await dialog.getByRole('button', { name: 'Opslaan' }).click();
      await dialog.getByText('Aanmelden uiterlijk: hooguit 30 schooldagen.').waitFor();
      expect(await deadline.inputValue()).toBe('40');
      await snap(page, 'lists-overlegvorm-dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await page
        .getByRole('table', { name: 'Overlegvormen' })
        .getByRole('row', { name: /^ZAT met externen .* 5 schooldagen vooraf/ })
        .waitFor();

      // Vrije dagen: an end before the start is refused at "Tot en met"; then added, and removed after a question.
      await page.getByRole('tab', { name: 'Vakanties en vrije dagen' }).click();
      await page.getByRole('button', { name: 'Vrije dag toevoegen' }).click();
      await field(page, 'Van').fill('03-02-2027');
      await field(page, 'Tot en met').fill('02-02-2027');
      await dialog.getByRole('button', { name: 'Opslaan' }).click();
      await dialog.getByText('De einddatum ligt vóór de begindatum.').waitFor();
      expect(await field(page, 'Tot en met').getAttribute('aria-invalid')).toBe('true');
      expect(await field(page, 'Van').inputValue()).toBe('03-02-2027');
      await snap(page, 'lists-vrije-dag-dialog');
      await field(page, 'Tot en met').fill('');
      await dialog.getByRole('button', { name: 'Opslaan' }).click();
      await dialog.waitFor({ state: 'detached' });
      const daysOff = page.getByRole('table', { name: 'Vrije dagen' });
      await daysOff.getByRole('row', { name: /wo 3 februari 2027 studiedag eigen/ }).waitFor();
      await snap(page, 'lists-vrije-dagen');

      await page.getByRole('button', { name: 'studiedag wo 3 februari 2027 wijzigen' }).click();
      await dialog.getByRole('button', { name: 'Verwijderen' }).click();
      const confirm = page.getByRole('dialog', { name: 'Vrije dag verwijderen' });
      await confirm.getByText('studiedag (wo 3 februari 2027) wordt verwijderd.').waitFor();
      // Cancelling keeps it.
      await confirm.getByRole('button', { name: 'Annuleren' }).click();
      await confirm.waitFor({ state: 'detached' });
      await dialog.getByRole('button', { name: 'Verwijderen' }).click();
      await confirm.getByRole('button', { name: 'Verwijderen' }).click();
      await daysOff.getByRole('row', { name: /wo 3 februari 2027 studiedag/ }).waitFor({ state: 'detached' });
    });
  });
});
