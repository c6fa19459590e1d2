import { addDays, nextThursday, subDays, subYears } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addPartner,
  addSeriesWithPartners,
  addStudent,
  field,
  saveMeetingOnOpenDay,
  snap,
  startNewSchool,
  type AppSession,
} from './harness';

/**
 * The lawful path, across roles: an LLCO hands in an aanmeldformulier (first with the missing
 * fields named), the coordinator accepts it and records both parents' consent, one parent
 * withdraws, the case is refused for the ZAT and goes on anonymously; the LLCO never sees the
 * Meldcode track the coordinator keeps. Dates follow from today, so the test passes on any day.
 */
const now = new Date();
const school = {
  name: 'Het Toestemmingslyceum',
  user: 'Anouk Wolters',
  code: 'awo',
  passphrase: 'de wet volgen is makkelijk',
};
const llco = { name: 'Bram Groen', code: 'bgr', passphrase: 'bram meldt aan' };

describe('intake and consent: an LLCO hands in, the coordinator decides, a parent withdraws', () => {
  let app: AppSession;
  let page: Page;
  const meldcodeCalls: string[] = [];

  beforeAll(async () => {
    app = await startNewSchool('zorgoverleg-e2e-flow-', school, { width: 1400, height: 950 });
    page = app.page;
  });
  afterAll(() => app?.close());

  const dialog = () => page.getByRole('dialog');
  const heading = (name: string) => page.getByRole('heading', { name, level: 1 });

  async function switchUser(option: string, passphrase: string) {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await page.getByRole('combobox', { name: 'Gebruiker' }).click();
    await page.getByRole('option', { name: option }).click();
    await field(page, 'Wachtwoord').fill(passphrase);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.getByText(option).waitFor();
  }

  async function openStudent() {
    await page.getByRole('link', { name: 'Leerlingen', exact: true }).first().click();
    await page.getByRole('textbox', { name: 'Zoeken' }).fill('lotte');
    await page.getByRole('link', { name: /Lotte/ }).click();
    await heading('Lotte de Groot').waitFor();
  }

  async function addGuardian(givenName: string, relation: string) {
    await page.getByRole('button', { name: 'Ouder/verzorger toevoegen' }).click();
    await field(page, 'Voornaam of voorletters').fill(givenName);
    await field(page, 'Tussenvoegsel').fill('de');
    await field(page, 'Achternaam').fill('Groot');
    await dialog().getByLabel('Relatie').fill(relation);
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await dialog().waitFor({ state: 'detached' });
  }

  it('the coordinator sets up Leerplicht, a ZAT with it, Lotte (13) with two parents, and an LLCO with role Lid', async () => {
    await addPartner(page, 'Leerplicht Utrecht', 'Leerplicht');

    await page.getByRole('tab', { name: 'Gebruikers' }).click();
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await dialog().getByRole('combobox', { name: 'Medewerker' }).click();
    await page.getByRole('option', { name: 'Nieuw personeelslid…' }).click();
    await field(page, 'Naam').fill(llco.name);
    await field(page, 'Personeelscode').fill(llco.code);
    await dialog().getByRole('checkbox', { name: 'Lid', exact: true }).check();
    await dialog().getByLabel('Eerste wachtwoord').fill(llco.passphrase);
    await dialog().getByLabel('Herhaal wachtwoord').fill(llco.passphrase);
    await dialog().getByRole('button', { name: 'Toevoegen' }).click();
    await dialog().waitFor({ state: 'detached' });

    await addSeriesWithPartners(page, 'ZAT', ['Leerplicht Utrecht']);
    // A ZAT on a Thursday three weeks or more ahead; a day off moves it a week on.
    await page.getByRole('button', { name: 'Overleg toevoegen' }).click();
    await dialog().getByRole('combobox', { name: 'Overlegvorm' }).click();
    await page.getByRole('option', { name: 'ZAT' }).click();
    await saveMeetingOnOpenDay(page, nextThursday(addDays(now, 20)));
    await addStudent(page, {
      givenName: 'Lotte',
      infix: 'de',
      familyName: 'Groot',
      studentNumber: '812345',
      birthDate: subDays(subYears(now, 13), 30),
      className: '1C',
    });
    await addGuardian('Esther', 'moeder');
    await addGuardian('Rob', 'vader');
    await expect.poll(() => page.getByTestId('guardian-card').count()).toBe(2);

    // The coordinator keeps a Meldcode track for Lotte (the school lets coordinators see it).
    await page.getByRole('button', { name: 'Meldcode-traject starten' }).click();
    await page.getByRole('heading', { name: 'Meldcode-traject' }).waitFor();
  });

  it('the LLCO hands in an aanmeldformulier: first the missing fields are named, then it goes through', async () => {
    await switchUser(`${llco.name} (${llco.code})`, llco.passphrase);
    page.on('request', (request) => {
      if (request.url().includes('/api/meldcode.')) meldcodeCalls.push(request.url());
    });
    await page.getByRole('link', { name: 'Aanmeldingen' }).click();
    await page.getByRole('button', { name: 'Nieuwe aanmelding' }).click();
    await dialog().getByRole('combobox', { name: 'Leerling' }).fill('lotte');
    await page.getByRole('option', { name: /Lotte de Groot \(1C\)/ }).click();
    await dialog().getByRole('button', { name: 'Aanmelding starten' }).click();
    await heading('Lotte de Groot').waitFor();
    // The staff list arrives after the form: wait for the default to show.
    await expect.poll(() => page.getByRole('combobox', { name: 'Aanmelder' }).inputValue()).toBe('Bram Groen (bgr)');

    await field(page, 'Aanleiding').fill('Lotte is sinds september 30 uur ongeoorloofd afwezig.');
    await page.getByRole('button', { name: 'Indienen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Er ontbreken nog 5 verplichte velden.' }).waitFor();
    for (const message of [
      'Vul "Vraag aan het overleg" in.',
      'Beschrijf de zorg bij minstens één gebied.',
      'Vul "Wat is er al geprobeerd?" in.',
      'Vul de visie van de ouders in, of de reden dat die ontbreekt.',
      'Vul de visie van de leerling in, of de reden dat die ontbreekt.',
    ]) {
      await page.getByText(message, { exact: true }).waitFor();
    }
    // What was typed stays.
    expect(await field(page, 'Aanleiding').inputValue()).toBe('Lotte is sinds september 30 uur ongeoorloofd afwezig.');
    await snap(page, 'flow-01-ontbrekende-velden');

    await field(page, 'Vraag aan het overleg').fill('Moet leerplicht worden ingeschakeld?');
    await page
      .getByRole('group', { name: 'Zorgen per gebied', exact: true })
      .getByRole('textbox', { name: 'Verzuim' })
      .fill('30 uur ongeoorloofd.');
    await field(page, 'Wat is er al geprobeerd?').fill('Verzuimgesprekken volgens protocol; brief aan ouders.');
    await field(page, 'Visie van de ouders').fill('Ouders zijn het oneens over de aanpak.');
    // Locking right after typing, within the autosave's pause, loses nothing (leaving the field saves it).
    await field(page, 'Visie van de leerling').fill('Lotte vindt de ochtenden zwaar.');
    await switchUser(`${llco.name} (${llco.code})`, llco.passphrase);
    await page.getByRole('link', { name: 'Aanmeldingen' }).click();
    await page.getByRole('tab', { name: 'Mijn aanmeldingen' }).click();
    await page
      .getByRole('link', { name: /Lotte de Groot/ })
      .first()
      .click();
    await heading('Lotte de Groot').waitFor();
    await expect.poll(() => field(page, 'Visie van de leerling').inputValue()).toBe('Lotte vindt de ochtenden zwaar.');
    await page.getByRole('button', { name: 'Indienen' }).click();
    await page.getByText('Ingediend', { exact: true }).first().waitFor();
    // A member cannot decide on it.
    expect(await page.getByRole('button', { name: 'Accepteren' }).count()).toBe(0);

    // The LLCO on Lotte's page: consent is there to read, the Meldcode track is not.
    await openStudent();
    await page.getByRole('heading', { name: 'Toestemming', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Aanmeldingen', level: 2 }).waitFor();
    await page.getByText('Leerplicht Utrecht: Ontbreekt: Esther de Groot (nog niet gevraagd)', { exact: false }).first().waitFor();
    // Reading, not recording: that is the coordinator's.
    expect(await page.getByRole('button', { name: 'Toestemming vastleggen' }).count()).toBe(0);
    expect(await page.getByText('Meldcode-traject').count()).toBe(0);
    expect(meldcodeCalls).toEqual([]);
    await snap(page, 'flow-02-llco-leerling');
  });

  it('the coordinator accepts it, records both parents, one withdraws: refused for the ZAT, discussed anonymously', async () => {
    await switchUser(`${school.user} (${school.code})`, school.passphrase);
    await page.getByRole('link', { name: 'Aanmeldingen' }).click();
    await page.getByRole('tab', { name: /Te beoordelen/ }).click();
    await page
      .getByRole('link', { name: /Lotte de Groot/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Accepteren' }).click();
    await page.getByText('Geaccepteerd', { exact: true }).first().waitFor();
    const gate = page.getByRole('list', { name: 'Toestemming per partner' });
    await gate.getByText(/Esther de Groot \(nog niet gevraagd\)/).waitFor();
    await gate.getByText(/Rob de Groot \(nog niet gevraagd\)/).waitFor();

    await openStudent();
    for (const parent of ['Esther de Groot', 'Rob de Groot']) {
      await page.getByRole('button', { name: 'Toestemming vastleggen' }).click();
      await dialog().getByRole('combobox', { name: 'Ondertekenaar' }).click();
      await page.getByRole('option', { name: parent }).click();
      expect(await dialog().getByRole('checkbox', { name: 'Leerplicht Utrecht' }).isChecked()).toBe(true);
      await dialog().getByRole('button', { name: 'Vastleggen' }).click();
      await dialog().waitFor({ state: 'detached' });
    }
    await page.getByRole('region', { name: /^ZAT / }).getByText('toestemming compleet').waitFor();

    await page.getByRole('button', { name: 'Toestemming van Rob de Groot intrekken' }).click();
    await dialog().getByRole('textbox', { name: 'Toelichting' }).fill('Belde: wil eerst zelf met de school praten.');
    await dialog().getByRole('button', { name: 'Intrekken' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page
      .getByTestId('consent-record')
      .filter({ hasText: 'Rob de Groot' })
      .getByText(/ingetrokken op/)
      .waitFor();

    // Back on the intake: refused for the ZAT by name, offered anonymously.
    await page.getByRole('table', { name: 'Aanmeldingen van Lotte de Groot' }).getByRole('link', { name: /^ZAT / }).click();
    await heading('Lotte de Groot').waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: 'kan in ZAT' })
      .filter({ hasText: 'niet met naam worden besproken met Leerplicht Utrecht' })
      .waitFor();
    await gate.getByText(/Geweigerd of ingetrokken: .*Rob de Groot \(ingetrokken op/).waitFor();
    await snap(page, 'flow-03-geweigerd');
    const route = page.getByRole('combobox', { name: 'Bespreken met Leerplicht Utrecht' });
    await route.click();
    await page.getByRole('option', { name: 'Anoniem' }).click();
    await expect.poll(() => route.inputValue()).toBe('Anoniem');
    await page.getByRole('alert').filter({ hasText: 'niet met naam worden besproken' }).waitFor({ state: 'detached' });

    // The meeting's list says how this case goes on.
    await page.getByRole('link', { name: 'Aanmeldingen', exact: true }).first().click();
    await page.getByRole('tab', { name: 'Per overleg' }).click();
    await page
      .getByRole('row', { name: /Lotte de Groot/ })
      .getByText('Leerplicht Utrecht: anoniem')
      .waitFor();
    await snap(page, 'flow-04-per-overleg');
  });
});
