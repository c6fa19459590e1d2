import { addDays, format, nextTuesday, subDays, subYears } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addPartner,
  addStudent,
  api,
  field,
  saveMeetingOnOpenDay,
  shownDate,
  snap,
  startNewSchool,
  withDemoSchool,
  type AppSession,
} from './harness';

const school = {
  name: 'Het Toestemmingscollege',
  user: 'Anouk Wolters',
  code: 'awo',
  passphrase: 'eerst vragen dan bespreken',
};

/** Every date follows from today: the consent rules depend on the date, and the test must pass on any day. */
const now = new Date();
const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const dutch = (d: Date) => format(d, 'dd-MM-yyyy');
const today = iso(now);
/** About 14: the parents with gezag sign; for the jeugdarts the student signs along. */
const birth = subDays(subYears(now, 14), 40);

describe('consent: the register on the student page, withdrawal, roles and the Meldcode track', () => {
  let app: AppSession;
  let page: Page;
  const meldcodeCalls: string[] = [];

  beforeAll(async () => {
    app = await startNewSchool('zorgoverleg-e2e-consent-', school, { width: 1400, height: 950 });
    page = app.page;
    watchMeldcodeCalls(page);
  });
  afterAll(() => app?.close());

  function watchMeldcodeCalls(p: Page) {
    p.on('request', (request) => {
      if (request.url().includes('/api/meldcode.')) meldcodeCalls.push(request.url());
    });
  }

  const dialog = () => page.getByRole('dialog');
  const records = () => page.getByTestId('consent-record');
  const zatCard = () => page.getByRole('region', { name: /^ZAT / });
  const checkLine = (partner: string) => zatCard().getByRole('listitem').filter({ hasText: partner });

  async function openStudent() {
    await page.getByRole('link', { name: 'Leerlingen', exact: true }).first().click();
    await page.getByRole('textbox', { name: 'Zoeken' }).fill('sanne');
    await page.getByRole('link', { name: /Sanne/ }).click();
    await page.getByRole('heading', { name: 'Sanne de Vries', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Toestemming', level: 2 }).waitFor();
  }

  async function addGuardian(givenName: string, relation: string, gezag: boolean) {
    await page.getByRole('button', { name: 'Ouder/verzorger toevoegen' }).click();
    await field(page, 'Voornaam of voorletters').fill(givenName);
    await field(page, 'Tussenvoegsel').fill(givenName === 'Kees' ? '' : 'de');
    await field(page, 'Achternaam').fill(givenName === 'Kees' ? 'Bakker' : 'Vries');
    await dialog().getByLabel('Relatie').fill(relation);
    if (!gezag) await dialog().getByRole('switch', { name: 'Heeft ouderlijk gezag' }).click();
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await dialog().waitFor({ state: 'detached' });
  }

  it('sets up two partners, a ZAT with both, a student of 14 and three guardians', async () => {
    await addPartner(page, 'GGD Hollands Midden', 'GGD / jeugdarts');
    await addPartner(page, 'Leerplicht Leiden', 'Leerplicht');

    // A ZAT with both partners on a Tuesday in the coming weeks; a holiday moves it a week on.
    await page.getByRole('link', { name: 'Jaarrooster' }).click();
    await page.getByRole('button', { name: 'Overleg toevoegen' }).click();
    await field(page, 'Naam').fill('ZAT');
    await dialog().getByLabel('Begintijd').fill('14:00');
    await dialog().getByRole('combobox', { name: 'Deelnemers (externe partners)' }).click();
    await page.getByRole('option', { name: 'GGD Hollands Midden' }).click();
    await page.getByRole('option', { name: 'Leerplicht Leiden' }).click();
    await page.keyboard.press('Escape');
    await saveMeetingOnOpenDay(page, nextTuesday(addDays(now, 6)));
    await addStudent(page, {
      givenName: 'Sanne',
      infix: 'de',
      familyName: 'Vries',
      studentNumber: '900123',
      birthDate: birth,
      className: '2B',
    });

    await addGuardian('Marieke', 'moeder', true);
    await addGuardian('Mark', 'vader', true);
    await addGuardian('Kees', 'stiefouder', false);
    await expect.poll(() => page.getByTestId('guardian-card').count()).toBe(3);

    // The coming ZAT: both parents for Leerplicht; for the jeugdarts Sanne (14) signs along.
    await checkLine('Leerplicht Leiden')
      .getByText('Ontbreekt: Marieke de Vries (nog niet gevraagd), Mark de Vries (nog niet gevraagd)')
      .waitFor();
    await checkLine('GGD Hollands Midden')
      .getByText(/Ontbreekt: Sanne de Vries \(nog niet gevraagd\)/)
      .waitFor();
    await page.getByText('Er is nog geen toestemming vastgelegd.').waitFor();
    await snap(page, 'consent-01-student-page');
  });

  it('records both parents for Leerplicht; a date in the future is refused next to the field, keeping the rest', async () => {
    await page.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await dialog().getByRole('combobox', { name: 'Ondertekenaar' }).click();
    await page.getByRole('option', { name: 'Marieke de Vries' }).click();
    // The partners of the coming ZAT are ticked; this consent is for Leerplicht only.
    const ggd = dialog().getByRole('checkbox', { name: 'GGD Hollands Midden' });
    expect(await ggd.isChecked()).toBe(true);
    await ggd.uncheck();
    expect(await dialog().getByRole('checkbox', { name: 'Bespreking in een overleg met externen' }).isChecked()).toBe(true);
    await dialog().getByRole('textbox', { name: 'Informatie gegeven' }).fill('Doel en partner uitgelegd; intrekken kan altijd.');
    const date = dialog().getByLabel('Datum');
    expect(await date.inputValue()).toBe(shownDate(today));
    await date.fill(iso(addDays(now, 10)));
    await dialog().getByRole('button', { name: 'Vastleggen' }).click();

    await dialog().getByText('De datum van de toestemming ligt in de toekomst.').waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await date.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('-error'))}"]`).textContent()).toBe(
      'De datum van de toestemming ligt in de toekomst.',
    );
    expect(await dialog().getByRole('combobox', { name: 'Ondertekenaar' }).inputValue()).toBe('Marieke de Vries');
    expect(await dialog().getByRole('textbox', { name: 'Informatie gegeven' }).inputValue()).toBe(
      'Doel en partner uitgelegd; intrekken kan altijd.',
    );
    expect(await dialog().getByRole('checkbox', { name: 'Leerplicht Leiden' }).isChecked()).toBe(true);
    expect(await ggd.isChecked()).toBe(false);
    await snap(page, 'consent-02-date-in-future');

    await date.fill(today);
    await dialog().getByRole('button', { name: 'Vastleggen' }).click();
    await dialog().waitFor({ state: 'detached' });
    await records().filter({ hasText: 'Marieke de Vries' }).filter({ hasText: 'geldig' }).waitFor();

    await page.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await dialog().getByRole('combobox', { name: 'Ondertekenaar' }).click();
    await page.getByRole('option', { name: 'Mark de Vries' }).click();
    await dialog().getByRole('checkbox', { name: 'GGD Hollands Midden' }).uncheck();
    await dialog().getByRole('radio', { name: 'mondeling' }).check();
    await dialog().getByRole('button', { name: 'Vastleggen' }).click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => records().count()).toBe(2);

    await checkLine('Leerplicht Leiden').getByText('toestemming compleet').waitFor();
    const markRow = records().filter({ hasText: 'Mark de Vries' });
    for (const text of ['gegeven', 'Bespreking in een overleg met externen', 'Leerplicht Leiden', 'mondeling', dutch(now), 'geldig']) {
      await markRow.getByText(text, { exact: true }).first().waitFor();
    }
    await page
      .getByText(`Vastgelegd door Anouk Wolters op ${dutch(now)}`)
      .first()
      .waitFor();
    // The timeline on the same page names each signer, without a reload.
    const timeline = page.getByRole('list', { name: /^Tijdlijn van / });
    await timeline.getByText('Toestemming gegeven door Marieke de Vries').waitFor();
    await timeline.getByText('Toestemming gegeven door Mark de Vries').waitFor();
    await snap(page, 'consent-03-both-parents');
  });

  it('refuses consent from a guardian without gezag', async () => {
    await page.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await dialog().getByRole('combobox', { name: 'Ondertekenaar' }).click();
    const kees = page.getByRole('option', { name: 'Kees Bakker (geen gezag)' });
    expect(await kees.getAttribute('aria-disabled')).toBe('true');
    await kees.click({ force: true });
    expect(await dialog().getByRole('combobox', { name: 'Ondertekenaar' }).inputValue()).toBe('');
    await dialog().getByText('Kees Bakker heeft geen ouderlijk gezag en kan geen toestemming geven').waitFor();
    await snap(page, 'consent-04-no-gezag');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });

    // The backend refuses it too, whatever a screen offers. Dated today in local time, as the
    // screens do: around midnight the UTC date is another day.
    const answer = await page.evaluate(async (givenOn) => {
      const call = async (method: string, input: unknown) => {
        const response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        });
        return response.json();
      };
      const studentId = window.location.hash.split('/').at(-1)!;
      const overview = await call('consent.overview', { studentId });
      const kees = overview.value.signers.find((s: { name: string }) => s.name === 'Kees Bakker');
      const partners = await call('partners.list', {});
      return call('consent.record', {
        studentId,
        signer: { kind: 'guardian', guardianId: kees.guardianId },
        decision: 'given',
        purposes: ['bespreking'],
        partnerIds: [partners.value[0].id],
        method: 'schriftelijk',
        informationGiven: '',
        givenOn,
        validUntil: null,
      });
    }, today);
    expect(answer.ok).toBe(false);
    expect(answer.error.fields.signer).toBe('Kees Bakker heeft geen ouderlijk gezag en kan geen toestemming geven.');
  });

  it("withdraws one parent's consent in one dialog; the record stays in the history", async () => {
    await page.getByRole('button', { name: 'Toestemming van Mark de Vries intrekken' }).click();
    expect(await dialog().getByLabel('Datum').inputValue()).toBe(shownDate(today));
    expect(await field(page, 'Door wie').inputValue()).toBe('Mark de Vries');
    await dialog().getByRole('textbox', { name: 'Toelichting' }).fill('Belde de mentor: wil eerst zelf met Leerplicht praten.');
    await snap(page, 'consent-05-withdraw');
    await dialog().getByRole('button', { name: 'Intrekken' }).click();
    await dialog().waitFor({ state: 'detached' });

    const markRow = records().filter({ hasText: 'Mark de Vries' });
    await markRow.getByText(`ingetrokken op ${dutch(now)}`).waitFor();
    expect(await records().count()).toBe(2);
    await page.getByText(`Ingetrokken op ${dutch(now)} door Mark de Vries: Belde de mentor`).waitFor();
    await page.getByRole('button', { name: 'Toestemming van Mark de Vries intrekken' }).waitFor({ state: 'detached' });
    await checkLine('Leerplicht Leiden')
      .getByText(`Geweigerd of ingetrokken: Mark de Vries (ingetrokken op ${dutch(now)})`)
      .waitFor();
    await page
      .getByRole('list', { name: /^Tijdlijn van / })
      .getByText('Toestemming ingetrokken door Mark de Vries')
      .waitFor();
    await snap(page, 'consent-06-withdrawn');
  });

  it('adds a user with role Lid; a coordinator without the school switch does not see the Meldcode track', async () => {
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('tab', { name: 'Gebruikers' }).click();
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    // Ruben is not on the staff list yet: a new staff member, and no role ticked until chosen.
    await dialog().getByRole('combobox', { name: 'Medewerker' }).click();
    await page.getByRole('option', { name: 'Nieuw personeelslid…' }).click();
    await field(page, 'Naam').fill('Ruben Smit');
    await field(page, 'Personeelscode').fill('rsm');
    await dialog().getByLabel('Eerste wachtwoord').fill('welkom in het team');
    await dialog().getByLabel('Herhaal wachtwoord').fill('welkom in het team');
    expect(await dialog().getByRole('checkbox', { name: 'Lid', exact: true }).isChecked()).toBe(false);
    await dialog().getByRole('checkbox', { name: 'Lid', exact: true }).check();
    expect(await dialog().getByRole('checkbox', { name: 'Aandachtsfunctionaris' }).isChecked()).toBe(false);
    await dialog().getByRole('button', { name: 'Toevoegen' }).click();
    await dialog().waitFor({ state: 'detached' });
    const users = page.getByRole('table', { name: 'Gebruikers' });
    const ruben = users.getByRole('row', { name: /Ruben Smit/ });
    await ruben.getByText('Lid', { exact: true }).waitFor();
    expect(await ruben.getByText('Aandachtsfunctionaris').count()).toBe(0);
    await users
      .getByRole('row', { name: /Anouk Wolters/ })
      .getByText('Coördinator', { exact: true })
      .waitFor();
    await snap(page, 'consent-07-users');

    // A new school lets its coordinator see Meldcode tracks; this one does not.
    await page.getByRole('tab', { name: 'School en briefhoofd' }).click();
    const coordinatorAccess = page.getByRole('switch', { name: 'Coördinator mag Meldcode-trajecten inzien' });
    expect(await coordinatorAccess.isChecked()).toBe(true);
    await coordinatorAccess.click();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De schoolgegevens zijn bewaard.').waitFor();
    expect(await coordinatorAccess.isChecked()).toBe(false);
    await snap(page, 'consent-08-school-switch');

    meldcodeCalls.length = 0;
    await openStudent();
    await records().first().waitFor();
    expect(await page.getByRole('region', { name: 'Meldcode-traject' }).count()).toBe(0);
    expect(await page.getByText(/Vertrouwelijk/).count()).toBe(0);
    expect(meldcodeCalls).toEqual([]);
  });

  /** Lock and unlock as another user of this school. */
  const unlockAs = async (option: string, passphrase: string) => {
    await page.getByRole('combobox', { name: 'Gebruiker' }).click();
    await page.getByRole('option', { name: option }).click();
    await field(page, 'Wachtwoord').fill(passphrase);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  };

  it('keeps one coordinator; nobody opens the Meldcode to themselves; the appointed aandachtsfunctionaris starts and saves a track', async () => {
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('tab', { name: 'Gebruikers' }).click();
    await page.getByRole('button', { name: 'Rollen van Anouk Wolters' }).click();
    await dialog().getByRole('checkbox', { name: 'Coördinator' }).uncheck();
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await dialog().getByText('Er moet minstens één coördinator blijven.').waitFor();
    await snap(page, 'consent-09-roles-last-coordinator');
    await dialog().getByRole('checkbox', { name: 'Coördinator' }).check();
    await dialog().getByRole('checkbox', { name: 'Aandachtsfunctionaris' }).check();
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await dialog()
      .getByText(/Je kunt jezelf geen rol geven die toegang tot Meldcode-trajecten geeft/)
      .waitFor();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    const users = page.getByRole('table', { name: 'Gebruikers' });
    expect(
      await users
        .getByRole('row', { name: /Anouk Wolters/ })
        .getByText('Aandachtsfunctionaris')
        .count(),
    ).toBe(0);

    // The coordinator appoints the school's first aandachtsfunctionaris: someone else.
    await page.getByRole('button', { name: 'Rollen van Ruben Smit' }).click();
    await dialog().getByRole('checkbox', { name: 'Aandachtsfunctionaris' }).check();
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await dialog().waitFor({ state: 'detached' });
    await users
      .getByRole('row', { name: /Ruben Smit/ })
      .getByText('Aandachtsfunctionaris')
      .waitFor();

    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await unlockAs('Ruben Smit (rsm)', 'welkom in het team');
    await openStudent();
    const track = page.getByRole('region', { name: 'Meldcode-traject' });
    await track.getByText('Vertrouwelijk — alleen zichtbaar voor de aandachtsfunctionaris (en coördinator)').waitFor();
    await track.getByRole('button', { name: 'Meldcode-traject starten' }).click();
    const step1 = track.getByRole('group', { name: 'Stap 1: Signalen in kaart brengen' });
    await step1.getByLabel('Datum').fill(today);
    await step1.getByRole('textbox', { name: 'Notities' }).fill('Blauwe plekken op de armen gezien in de gymles.');
    const step2 = track.getByRole('group', { name: 'Stap 2: Collegiale consultatie en Veilig Thuis raadplegen' });
    await step2.getByRole('textbox', { name: 'Notities' }).fill('Veilig Thuis gebeld voor advies.');
    await track.getByRole('radio', { name: 'Hulp', exact: true }).check();
    await track.getByRole('switch', { name: 'Ouders geïnformeerd' }).click();
    await track.getByRole('button', { name: 'Meldcode-traject opslaan' }).click();
    await page.getByText('Het Meldcode-traject is bewaard.').waitFor();
    await track.getByText(`Loopt sinds ${dutch(now)}.`).waitFor();
    await snap(page, 'consent-09-meldcode-track');
  });

  it('keeps the consent history and the Meldcode track after the host restarts', async () => {
    await app.restartHost();
    page = app.page;
    await unlockAs('Ruben Smit (rsm)', 'welkom in het team');
    await openStudent();

    await expect.poll(() => records().count()).toBe(2);
    await records()
      .filter({ hasText: 'Mark de Vries' })
      .getByText(`ingetrokken op ${dutch(now)}`)
      .waitFor();
    await records().filter({ hasText: 'Marieke de Vries' }).getByText('geldig', { exact: true }).waitFor();
    const track = page.getByRole('region', { name: 'Meldcode-traject' });
    const step1 = track.getByRole('group', { name: 'Stap 1: Signalen in kaart brengen' });
    await expect
      .poll(() => step1.getByRole('textbox', { name: 'Notities' }).inputValue())
      .toBe('Blauwe plekken op de armen gezien in de gymles.');
    expect(await step1.getByLabel('Datum').inputValue()).toBe(shownDate(today));
    expect(await track.getByRole('radio', { name: 'Hulp', exact: true }).isChecked()).toBe(true);
    expect(await track.getByRole('switch', { name: 'Ouders geïnformeerd' }).isChecked()).toBe(true);
    await snap(page, 'consent-10-after-restart');
    // The coordinator carries on.
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await unlockAs('Anouk Wolters (awo)', school.passphrase);
    await page.getByRole('link', { name: 'Instellingen' }).waitFor();
  });

  it('edits the aanmeldformulier: a question of its own, moved up, saved as a new version', async () => {
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('tab', { name: 'Aanmeldformulier' }).click();
    await page.getByText('Huidige versie: 1').waitFor();
    // Locked questions cannot be hidden or made optional.
    const aanleiding = page.getByRole('listitem', { name: 'Aanleiding', exact: true });
    expect(await aanleiding.getByRole('switch', { name: 'Tonen' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
    await field(page, 'Vraag').fill('Is er een OPP?');
    await dialog().getByRole('combobox', { name: 'Soort antwoord' }).click();
    await page.getByRole('option', { name: 'Ja of nee' }).click();
    await dialog().getByRole('combobox', { name: 'Onderdeel' }).click();
    await page.getByRole('option', { name: 'Wat is er al gedaan' }).click();
    await snap(page, 'consent-11-question-modal');
    await dialog().getByRole('button', { name: 'Toevoegen' }).click();
    await dialog().waitFor({ state: 'detached' });

    const section = page.getByRole('list', { name: 'Wat is er al gedaan' });
    await expect.poll(() => section.getByRole('listitem').allInnerTexts()).toHaveLength(2);
    await page.getByRole('button', { name: '"Is er een OPP?" omhoog' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await section.getByRole('listitem').first().getAttribute('aria-label')) ?? '').toBe('Is er een OPP?');
    await snap(page, 'consent-12-form-editor');
    await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
    await page.getByText('Huidige versie: 2').waitFor();
    expect(await section.getByRole('listitem').first().getAttribute('aria-label')).toBe('Is er een OPP?');
  });
});

describe('consent: the "Toestemming nodig" worklist of the demo school', () => {
  it('lists per coming meeting the cases whose consent is incomplete, linking to the student', async () => {
    await withDemoSchool('zorgoverleg-e2e-consent-demo-', async (page) => {
      await page.getByRole('link', { name: 'Aanmeldingen' }).click();
      await page.getByRole('tab', { name: 'Toestemming nodig' }).click();

      // The demo has a case where one of two parents withdrew: it is listed, in red, with the date.
      const table = page.getByRole('table', { name: /^Toestemming nodig voor / }).first();
      const withdrawn = table.getByRole('row').filter({ hasText: 'ingetrokken op' }).first();
      await withdrawn.waitFor();
      await snap(page, 'consent-13-worklist');
      const student = withdrawn.getByRole('link');
      const name = (await student.textContent()) ?? '';
      await student.click();
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      await page.getByTestId('consent-record').filter({ hasText: 'ingetrokken op' }).first().waitFor();
    });
  });
});

describe('consent: the partners offered when no meeting with partners is near', () => {
  it("offers the partners of the student's FlexZAT in one click, and records them", async () => {
    const app = await startNewSchool(
      'zorgoverleg-e2e-consent-offer-',
      { ...school, name: 'Het Aanbodcollege' },
      { width: 1400, height: 950 },
    );
    try {
      const { page } = app;
      const partner = async (organisation: string, kind: 'ggd' | 'leerplicht') =>
        (
          await api(page, 'partners.save', {
            id: null,
            organisation,
            kind,
            contactName: '',
            email: '',
            phone: '',
            active: true,
          })
        ).id;
      const ggd = await partner('GGD Hollands Midden', 'ggd');
      await partner('Leerplicht Leiden', 'leerplicht');
      // A FlexZAT by appointment with the jeugdarts by default: no meeting planned, so none within ten weeks.
      const flexzat = await api(page, 'series.save', {
        id: null,
        name: 'FlexZAT',
        kind: 'FlexZAT',
        intervalWeeks: null,
        weekday: null,
        startTime: '13:30',
        durationMinutes: 60,
        location: 'Kamer 1.12',
        chairId: null,
        secretaryId: null,
        withExternalPartners: true,
        intakeDeadlineSchoolDays: 0,
        moveRule: 'week-after',
        continueFrom: 'grid',
        color: 'grape',
        active: true,
        attendees: { staffIds: [], partnerIds: [ggd] },
      });
      // Seventeen: the student signs alone.
      const { id: studentId } = await api(page, 'students.save', {
        id: null,
        studentNumber: '900321',
        givenName: 'Noa',
        infix: '',
        familyName: 'Jansen',
        birthDate: iso(subDays(subYears(now, 17), 20)),
        className: '5V',
        yearLevel: 5,
        level: 'vwo',
        mentorId: null,
      });
      await api(page, 'intakes.create', { studentId, anonymousYearLevel: null, seriesId: flexzat.id });

      await page.getByRole('link', { name: 'Leerlingen', exact: true }).first().click();
      await page.getByRole('cell', { name: '900321' }).click();
      await page.getByRole('heading', { name: 'Noa Jansen', level: 1 }).waitFor();
      await page.getByText('De komende tien weken staat er geen overleg met externe partners gepland.').waitFor();
      await page.getByRole('button', { name: 'Toestemming vastleggen' }).click();
      const dialog = page.getByRole('dialog');
      const ggdBox = dialog.getByRole('checkbox', { name: 'GGD Hollands Midden' });
      await ggdBox.waitFor();
      // Nothing ticked by itself; one click takes over the FlexZAT's partners, and only those.
      expect(await dialog.getByRole('checkbox', { checked: true, name: /GGD|Leerplicht/ }).count()).toBe(0);
      await dialog.getByRole('button', { name: 'Partners van FlexZAT overnemen' }).click();
      await expect.poll(() => ggdBox.isChecked()).toBe(true);
      expect(await dialog.getByRole('checkbox', { name: 'Leerplicht Leiden' }).isChecked()).toBe(false);
      await snap(page, 'consent-14-partner-offer');
      await dialog.getByRole('combobox', { name: 'Ondertekenaar' }).click();
      await page.getByRole('option', { name: 'Noa Jansen (leerling)' }).click();
      await dialog.getByRole('button', { name: 'Vastleggen' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('consent-record').filter({ hasText: 'GGD Hollands Midden' }).filter({ hasText: 'Noa Jansen' }).waitFor();
      expect(await page.getByTestId('consent-record').filter({ hasText: 'Leerplicht Leiden' }).count()).toBe(0);
    } finally {
      await app.close();
    }
  }, 120_000);
});
