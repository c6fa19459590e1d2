import { addDays, nextTuesday, subDays, subYears } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  addPartner,
  addSeriesWithPartners,
  addStudent,
  field,
  openPage,
  saveMeetingOnOpenDay,
  shownDate,
  snap,
  startNewSchool,
  type AppSession,
} from './harness';

const school = {
  name: 'Het Aanmeldcollege',
  user: 'Anouk Wolters',
  code: 'awo',
  passphrase: 'eerst aanmelden dan bespreken',
};

/** Every date follows from today: deadlines and ages depend on it, and the test must pass on any day. */
const now = new Date();
/** About 14 on the meeting date: the student's view is required. */
const birth = subDays(subYears(now, 14), 40);

const texts = {
  aanleiding: 'Sanne is sinds de herfstvakantie vaak afwezig op maandag.',
  vraag: 'Welke hulp past bij het verzuim, binnen of buiten school?',
  leren: 'Cijfers voor wiskunde en Frans dalen.',
  geprobeerd: 'Drie mentorgesprekken in oktober; huiswerkklas sinds november, zonder effect.',
  ouders: 'Moeder maakt zich zorgen en wil graag meedenken.',
  redenLeerling: 'Gesprek met Sanne staat gepland na de toetsweek.',
  terug: 'Beschrijf ook het verzuim in uren en de contacten met leerplicht.',
};

describe('intake: the aanmeldformulier from concept to geaccepteerd, autosave and the coordinator', () => {
  let app: AppSession;
  let page: Page;

  beforeAll(async () => {
    app = await startNewSchool('zorgoverleg-e2e-intake-', school, { width: 1400, height: 950 });
    page = app.page;
  });
  afterAll(() => app?.close());

  const dialog = () => page.getByRole('dialog');
  const header = () => page.getByRole('heading', { name: 'Sanne de Vries', level: 1 });
  const group = (name: string) => page.getByRole('group', { name, exact: true });

  /** The message linked to a field (or a group of fields) through aria-describedby: what a screen reader reads with it. */
  async function describedError(element: Locator): Promise<string | null> {
    const ids = ((await element.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
    expect(ids).toHaveLength(1);
    return page.locator(`[id="${ids[0]}"]`).textContent();
  }

  async function errorOf(input: Locator): Promise<string | null> {
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    return describedError(input);
  }

  /** A full-page picture taken while scrolled shows the sticky headers halfway down; take it from the top. */
  async function snapFromTop(name: string) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await snap(page, name);
  }

  async function waitSaved() {
    await page
      .getByRole('status')
      .getByText(/^Opgeslagen om \d\d:\d\d$/)
      .waitFor();
  }

  it('sets up a partner, a ZAT series with a meeting in a few weeks, and a student', async () => {
    await addPartner(page, 'Leerplicht Leiden', 'Leerplicht');
    await addSeriesWithPartners(page, 'ZAT', ['Leerplicht Leiden']);
    // One meeting of the series on a Tuesday some weeks ahead; a holiday moves it a week on.
    await page.getByRole('button', { name: 'Overleg toevoegen' }).click();
    await dialog().getByRole('combobox', { name: 'Overlegvorm' }).click();
    await page.getByRole('option', { name: 'ZAT' }).click();
    await saveMeetingOnOpenDay(page, nextTuesday(addDays(now, 20)));
    await addStudent(page, {
      givenName: 'Sanne',
      infix: 'de',
      familyName: 'Vries',
      studentNumber: '900123',
      birthDate: birth,
      className: '2B',
    });
  });

  it('starts an aanmelding for the student and the ZAT', async () => {
    await page.getByRole('link', { name: 'Aanmeldingen' }).click();
    await page.getByRole('heading', { name: 'Aanmeldingen', level: 1 }).waitFor();
    // The first user is a coordinator: "Te beoordelen" comes first and is open.
    await expect.poll(() => page.getByRole('tab').first().textContent()).toBe('Te beoordelen');
    await page.getByText('Er wachten geen ingediende aanmeldingen op beoordeling.').waitFor();
    await page.getByRole('button', { name: 'Nieuwe aanmelding' }).click();
    await dialog().getByRole('button', { name: 'Aanmelding starten' }).click();
    await dialog().getByText('Kies de leerling die je aanmeldt.').waitFor();
    await dialog().getByRole('combobox', { name: 'Leerling' }).fill('sanne');
    await page.getByRole('option', { name: /Sanne de Vries \(2B\)/ }).click();
    // The only series is chosen already.
    expect(await dialog().getByRole('combobox', { name: 'Overlegvorm' }).inputValue()).toBe('ZAT');
    await snap(page, 'intake-01-nieuwe-aanmelding');
    await dialog().getByRole('button', { name: 'Aanmelding starten' }).click();
    await header().waitFor();
    await page.getByText('Concept', { exact: true }).waitFor();
    // Defaults from the backend: the user as aanmelder, today, the next ZAT.
    await expect.poll(() => page.getByRole('combobox', { name: 'Aanmelder' }).inputValue()).toBe('Anouk Wolters (awo)');
    expect(await page.getByLabel('Datum van aanmelding').inputValue()).toBe(shownDate(now));
    expect(await page.getByRole('combobox', { name: 'Overleg' }).inputValue()).toMatch(/^ZAT .* · aanmelden t\/m \d\d-\d\d/);
  });

  it('names every missing field next to it on Indienen, and goes to the first', async () => {
    await page.getByRole('button', { name: 'Indienen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Er ontbreken nog 6 verplichte velden.' }).waitFor();
    expect(await errorOf(field(page, 'Aanleiding'))).toBe('Vul "Aanleiding" in.');
    expect(await errorOf(field(page, 'Vraag aan het overleg'))).toBe('Vul "Vraag aan het overleg" in.');
    expect(await errorOf(field(page, 'Wat is er al geprobeerd?'))).toBe('Vul "Wat is er al geprobeerd?" in.');
    expect(await describedError(group('Zorgen per gebied'))).toBe('Beschrijf de zorg bij minstens één gebied.');
    expect(await group('Zorgen per gebied').getByRole('textbox', { name: 'Leren' }).getAttribute('aria-invalid')).toBe('true');
    expect(await errorOf(field(page, 'Visie van de ouders'))).toBe('Vul de visie van de ouders in, of de reden dat die ontbreekt.');
    expect(await errorOf(field(page, 'Visie van de leerling'))).toBe('Vul de visie van de leerling in, of de reden dat die ontbreekt.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('intake-aanleiding');
    // Nothing was sent: still a concept.
    await page.getByText('Concept', { exact: true }).waitFor();
    await snapFromTop('intake-02-ontbrekende-velden');
  });

  it('saves while typing; the text survives a reload', async () => {
    await field(page, 'Aanleiding').fill(texts.aanleiding);
    await page.getByRole('alert').filter({ hasText: 'Er ontbreken nog 5 verplichte velden.' }).waitFor();
    await field(page, 'Vraag aan het overleg').fill(texts.vraag);
    await group('Zorgen per gebied').getByRole('textbox', { name: 'Leren' }).fill(texts.leren);
    await field(page, 'Wat is er al geprobeerd?').fill(texts.geprobeerd);
    await field(page, 'Visie van de ouders').fill(texts.ouders);
    await group('Visie van de leerling').getByRole('textbox', { name: 'Reden dat deze ontbreekt' }).fill(texts.redenLeerling);
    await page
      .getByRole('alert')
      .filter({ hasText: /verplichte? velde?n?/ })
      .waitFor({ state: 'detached' });
    await waitSaved();
    await snapFromTop('intake-03-ingevuld');

    await page.reload();
    await header().waitFor();
    expect(await field(page, 'Aanleiding').inputValue()).toBe(texts.aanleiding);
    expect(await field(page, 'Vraag aan het overleg').inputValue()).toBe(texts.vraag);
    expect(await group('Zorgen per gebied').getByRole('textbox', { name: 'Leren' }).inputValue()).toBe(texts.leren);
    expect(await field(page, 'Wat is er al geprobeerd?').inputValue()).toBe(texts.geprobeerd);
    expect(await field(page, 'Visie van de ouders').inputValue()).toBe(texts.ouders);
    expect(await group('Visie van de leerling').getByRole('textbox', { name: 'Reden dat deze ontbreekt' }).inputValue()).toBe(
      texts.redenLeerling,
    );
  });

  it('keeps a text the backend refuses on screen, with the reason next to it', async () => {
    const tooLong = 'Veel verzuim. '.repeat(1500);
    const verzuim = field(page, 'Verzuim en resultaten');
    await verzuim.fill(tooLong);
    await page.getByRole('status').getByText('Niet opgeslagen —').waitFor();
    expect(await errorOf(verzuim)).toBe('Maximaal 20.000 tekens.');
    expect(await verzuim.inputValue()).toBe(tooLong);
    await verzuim.fill('Sinds oktober 14 uur ongeoorloofd afwezig.');
    await waitSaved();
    expect(await verzuim.getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses to overwrite a colleague: the text stays on screen until the newest version is loaded', async () => {
    // A colleague has the same form open in another window and adds to the question.
    const other = await openPage(app.browser, { width: 1400, height: 950 });
    other.setDefaultTimeout(10_000);
    const intakePath = new URL(page.url()).hash;
    await other.goto(app.host.url);
    await other.getByTestId('school-name').waitFor();
    await other.evaluate((hash) => (window.location.hash = hash), intakePath);
    await field(other, 'Vraag aan het overleg').fill(`${texts.vraag} Graag ook advies over de huiswerkklas.`);
    await other
      .getByRole('status')
      .getByText(/^Opgeslagen om/)
      .waitFor();
    await other.close();

    // This window still has the older revision: its save is refused, and nothing typed is lost.
    await field(page, 'Bevorderende factoren').fill('Sportief, komt graag naar gym.');
    const conflict = page.getByRole('alert').filter({ hasText: 'Iemand anders heeft deze aanmelding intussen opgeslagen.' });
    await conflict.waitFor();
    expect(await field(page, 'Bevorderende factoren').inputValue()).toBe('Sportief, komt graag naar gym.');
    await page.getByRole('status').getByText('Niet opgeslagen').waitFor();
    await snapFromTop('intake-03b-conflict');
    await conflict.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await field(page, 'Vraag aan het overleg').inputValue()).toBe(`${texts.vraag} Graag ook advies over de huiswerkklas.`);
    expect(await field(page, 'Bevorderende factoren').inputValue()).toBe('');

    // Typing and leaving at once: the last words are saved on the way out.
    await field(page, 'Bevorderende factoren').fill('Sportief.');
    await page.getByRole('link', { name: 'Aanmeldingen' }).first().click();
    await page.getByRole('heading', { name: 'Aanmeldingen', level: 1 }).waitFor();
    await page.goBack();
    await header().waitFor();
    await expect.poll(() => field(page, 'Bevorderende factoren').inputValue()).toBe('Sportief.');
  });

  it('hands the form in: ingediend and read-only', async () => {
    await page.getByRole('button', { name: 'Indienen' }).click();
    await page.getByText('Aanmelding ingediend').waitFor();
    await page.getByText('Ingediend', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Indienen' }).waitFor({ state: 'detached' });
    expect(await field(page, 'Aanleiding').getAttribute('readonly')).not.toBeNull();
    // Leerplicht is at the ZAT and nobody has consented yet.
    const gate = page.getByRole('list', { name: 'Toestemming per partner' });
    await gate.getByText('Leerplicht Leiden', { exact: true }).waitFor();
    await gate.getByText(/toestemming ontbreekt/).waitFor();
    await snap(page, 'intake-04-ingediend');
  });

  it('the coordinator sends it back; a reason is required, and it shows on the form', async () => {
    await page.getByRole('button', { name: 'Terugsturen' }).click();
    await dialog().getByRole('button', { name: 'Terugsturen' }).click();
    const reason = dialog().getByRole('textbox', { name: 'Reden van terugsturen' });
    expect(await errorOf(reason)).toBe('Schrijf op wat de aanmelder moet aanvullen.');
    await snap(page, 'intake-05-terugsturen-zonder-reden');
    await reason.fill(texts.terug);
    await dialog().getByRole('button', { name: 'Terugsturen' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByText('Teruggestuurd', { exact: true }).first().waitFor();
    await page.getByText(`Teruggestuurd: ${texts.terug}`).waitFor();
    // Editable again, with the text as it was.
    expect(await field(page, 'Aanleiding').getAttribute('readonly')).toBeNull();
    expect(await field(page, 'Aanleiding').inputValue()).toBe(texts.aanleiding);
    await snap(page, 'intake-06-teruggestuurd');
  });

  it('the aanmelder completes it and hands it in again; the coordinator accepts', async () => {
    await field(page, 'Aanleiding').fill(`${texts.aanleiding} In november 14 uur ongeoorloofd verzuim; leerplicht is gebeld.`);
    await waitSaved();
    await page.getByRole('button', { name: 'Opnieuw indienen' }).click();
    await page.getByText('Ingediend', { exact: true }).waitFor();
    await page.getByText(`Teruggestuurd: ${texts.terug}`).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Accepteren' }).click();
    await page.getByText('Geaccepteerd', { exact: true }).waitFor();
    await snap(page, 'intake-07-geaccepteerd');
  });

  it('the coordinator chooses how to discuss without consent; the Meldcode needs a track', async () => {
    const route = page.getByRole('combobox', { name: 'Bespreken met Leerplicht Leiden' });
    await route.click();
    await page.getByRole('option', { name: 'Onder de Meldcode' }).click();
    await page.getByText('Er is geen Meldcode-traject voor deze leerling dat jij mag zien.', { exact: false }).waitFor();
    await route.click();
    await page.getByRole('option', { name: 'Anoniem' }).click();
    await expect.poll(() => route.inputValue()).toBe('Anoniem');
    await page.getByText('Er is geen Meldcode-traject', { exact: false }).waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Aanmeldingen' }).first().click();
    await page.getByRole('tab', { name: 'Per overleg' }).click();
    const table = page.getByRole('table', { name: /^Aanmeldingen voor ZAT / });
    await table.getByRole('row', { name: /Sanne de Vries 2B Anouk Wolters \(awo\) Geaccepteerd Leerplicht Leiden: anoniem/ }).waitFor();
    await snap(page, 'intake-08-per-overleg');
  });

  it('starts an anonymous aanmelding and removes the concept again', async () => {
    await page.getByRole('button', { name: 'Nieuwe aanmelding' }).click();
    await dialog().getByRole('switch', { name: 'Anoniem aanmelden' }).click();
    await dialog().getByRole('combobox', { name: 'Leerjaar' }).click();
    await page.getByRole('option', { name: '2', exact: true }).click();
    await dialog().getByRole('button', { name: 'Aanmelding starten' }).click();
    await page.getByRole('heading', { name: 'leerling uit leerjaar 2', level: 1 }).waitFor();
    await page.getByText('Anoniem aangemeld: er is geen toestemming nodig.').waitFor();
    await field(page, 'Aanleiding').fill('Zorgen over thuis; ouders willen (nog) geen contact met externen.');
    await page.getByRole('button', { name: 'Concept verwijderen' }).click();
    await page.getByRole('dialog', { name: 'Concept verwijderen' }).getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('heading', { name: 'Aanmeldingen', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Alle' }).click();
    const table = page.getByRole('table', { name: 'Alle aanmeldingen' });
    await table.getByRole('link', { name: 'Sanne de Vries' }).waitFor();
    await expect.poll(() => table.getByRole('link', { name: 'leerling uit leerjaar 2' }).count()).toBe(0);
  });

  it('keeps the intake and its text after the host restarts', async () => {
    await app.restartHost();
    page = app.page;
    await field(page, 'Wachtwoord').fill(school.passphrase);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.getByRole('link', { name: 'Aanmeldingen' }).click();
    await page.getByRole('tab', { name: 'Alle' }).click();
    await page.getByRole('table', { name: 'Alle aanmeldingen' }).getByRole('link', { name: 'Sanne de Vries' }).click();
    await header().waitFor();
    await page.getByText('Geaccepteerd', { exact: true }).waitFor();
    expect(await field(page, 'Aanleiding').inputValue()).toContain('14 uur ongeoorloofd verzuim');
    expect(await field(page, 'Visie van de ouders').inputValue()).toBe(texts.ouders);
    await snap(page, 'intake-09-na-herstart');
  });
});
