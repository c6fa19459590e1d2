import { addDays, format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, field, openPage, planMeeting, snap, startNewSchool, withDemoSchool, type AppSession } from './harness';

/**
 * The secretary's meeting: an agenda made from the template, three cases minuted with the
 * keyboard only, actions with holders, a reload, the open actions on the next meeting's agenda,
 * vaststellen and an addendum; and a crash of the host while the secretary types on loses at most the last second or so.
 */
const school = { name: 'Notulencollege', user: 'Anna Wolters', code: 'awo', passphrase: 'notuleren gaat live' };

describe('meetings and minutes', () => {
  let app: AppSession;
  let page: Page;
  let first: { id: string; date: string };
  let second: { id: string; date: string };
  const students: { id: string; name: string }[] = [];

  beforeAll(async () => {
    app = await startNewSchool('zorgoverleg-e2e-minutes-', school);
    page = app.page;
    const awo = (await api(page, 'staff.list', {})).find((s) => s.code === 'awo')!.id;
    const bgr = (
      await api(page, 'staff.save', {
        id: null,
        name: 'Bram Groen',
        code: 'bgr',
        functions: ['LLCO'],
        email: '',
        active: true,
      })
    ).id;
    for (const [givenName, familyName, studentNumber] of [
      ['Daan', 'Vries', '800101'],
      ['Sara', 'Bakker', '800102'],
      ['Yusuf', 'Demir', '800103'],
    ] as const) {
      const { id } = await api(page, 'students.save', {
        id: null,
        studentNumber,
        givenName,
        infix: '',
        familyName,
        birthDate: '2012-05-01',
        className: '2B',
        yearLevel: 2,
        level: 'havo',
        mentorId: null,
      });
      students.push({ id, name: `${givenName} ${familyName}` });
    }
    const series = await api(page, 'series.save', {
      id: null,
      name: 'IOT',
      kind: 'IOT',
      intervalWeeks: null,
      weekday: null,
      startTime: '13:30',
      durationMinutes: 90,
      location: 'Kamer 1.12',
      chairId: awo,
      secretaryId: awo,
      withExternalPartners: false,
      intakeDeadlineSchoolDays: 3,
      moveRule: 'week-after',
      continueFrom: 'grid',
      color: 'teal',
      active: true,
      attendees: { staffIds: [awo, bgr], partnerIds: [] },
    });
    const attendees = { staffIds: [awo, bgr], partnerIds: [] };
    first = await planMeeting(page, series.id, 'IOT', addDays(new Date(), 1), attendees, awo);
    second = await planMeeting(page, series.id, 'IOT', addDays(parseISO(first.date), 14), attendees, awo);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const openMeeting = async (meeting: { id: string; date: string }) => {
    // Via another page: the list is read when it opens, and a meeting planned just now is on it.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Jaarrooster' }).click();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleggen' }).click();
    await page
      .getByRole('table', { name: 'Komende overleggen' })
      .getByRole('row', { name: new RegExp(format(parseISO(meeting.date), 'd MMMM yyyy', { locale: nl })) })
      .click();
    await page.getByRole('heading', { level: 1, name: /IOT/ }).waitFor();
  };
  const paragraph = (label: string) => page.getByRole('region').getByRole('textbox', { name: label, exact: true });

  it('makes the agenda, minutes three cases with the keyboard only, keeps them over a reload, brings the actions back next time, fixes the minutes and takes an addendum', async () => {
    await openMeeting(first);
    await page.getByRole('button', { name: 'Agenda maken' }).click();
    await page.getByRole('list', { name: 'Agenda' }).getByText('Actiepunten').waitFor();
    // One case through the dialog, the other two straight from the contract.
    await page.getByRole('button', { name: 'Leerling', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Leerling' }).fill('Daan');
    await page.getByRole('option', { name: /Daan Vries/ }).click();
    await dialog.getByRole('button', { name: 'Toevoegen' }).last().click();
    await page.getByRole('list', { name: 'Agenda' }).getByText('Daan Vries').waitFor();
    await page.keyboard.press('Escape');
    for (const s of students.slice(1))
      await api(page, 'agenda.addItem', {
        meetingId: first.id,
        kind: 'casus',
        studentId: s.id,
        intakeId: null,
        origin: 'handmatig',
      });
    await page.getByRole('button', { name: 'Overleg starten' }).click();
    await page.getByText('Bezig', { exact: true }).first().waitFor();
    await page.getByRole('list', { name: 'Agenda' }).getByText('Yusuf Demir').waitFor();
    await snap(page, 'minutes-1-agenda');

    // From here on only keys.
    for (const [index, s] of students.entries()) {
      await page.keyboard.press('Control+k');
      // A person waits for the dialog before typing; so does the test.
      const jump = page.getByRole('combobox', { name: 'Leerling op de agenda' });
      await expect.poll(() => jump.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type(s.name.split(' ')[0]!);
      await page.locator('[data-combobox-selected]', { hasText: s.name }).waitFor();
      await page.keyboard.press('Enter');
      const question = page.getByRole('region', { name: new RegExp(s.name) }).getByRole('textbox', { name: 'Vraag / aanleiding' });
      await expect.poll(() => question.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type(`Vraag over ${s.name}: hoe verder na de gesprekken?`);
      await page.keyboard.press('Alt+a');
      const what = page.getByRole('textbox', { name: `Actie 5.1: wat`.replace('5', String(5 + index)) });
      await expect.poll(() => what.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type(`Gesprek met ouders van ${s.name.split(' ')[0]}`);
      await page.keyboard.press('Tab');
      await page.keyboard.type('bgr');
      // As a person does: Enter once the list shows the match highlighted.
      await page.locator('[data-combobox-selected]', { hasText: 'bgr — Bram Groen' }).waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('combobox', { name: `Actie ${5 + index}.1: wie` }).inputValue()).toBe('bgr — Bram Groen');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Alt+b');
      await page.getByRole('region').getByText('Besloten', { exact: true }).waitFor();
    }
    // The kind of decision is typed: "door" leaves only Doorverwijzen, and Enter takes it (issue 23).
    const kind = page.getByRole('region').getByRole('combobox', { name: 'Soort besluit' });
    await kind.click();
    await page.keyboard.type('door');
    await page.locator('[data-combobox-selected]', { hasText: 'Doorverwijzen naar FlexZAT' }).waitFor();
    expect(await page.getByRole('listbox').getByRole('option').allTextContents()).toEqual(['Doorverwijzen naar FlexZAT, ZAT of MDO']);
    await page.keyboard.press('Enter');
    await expect.poll(() => kind.inputValue()).toBe('Doorverwijzen naar FlexZAT, ZAT of MDO');
    // The select and the paragraph under it are two fields with two names.
    await paragraph('Besluit (toelichting)').waitFor();
    await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/Opgeslagen om/);
    await snap(page, 'minutes-2-keyboard');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: /IOT/ }).waitFor();
    for (const [index, s] of students.entries()) {
      await page.getByRole('list', { name: 'Agenda' }).getByText(s.name).click();
      await expect.poll(() => paragraph('Vraag / aanleiding').inputValue()).toBe(`Vraag over ${s.name}: hoe verder na de gesprekken?`);
      const number = String(5 + index);
      await expect
        .poll(() => page.getByRole('textbox', { name: `Actie ${number}.1: wat` }).inputValue())
        .toBe(`Gesprek met ouders van ${s.name.split(' ')[0]}`);
      await expect.poll(() => page.getByRole('combobox', { name: `Actie ${number}.1: wie` }).inputValue()).toBe('bgr — Bram Groen');
      await page.locator(`[data-action="${number}.1"]`).getByText('Open', { exact: true }).waitFor();
      if (index === students.length - 1)
        await expect
          .poll(() => page.getByRole('region').getByRole('combobox', { name: 'Soort besluit' }).inputValue())
          .toBe('Doorverwijzen naar FlexZAT, ZAT of MDO');
    }

    // The meeting ends; its open actions come back at the next one, which fixes its minutes.
    await page.getByRole('button', { name: 'Overleg afronden' }).click();
    await page.getByText('De notulen zijn ter vaststelling', { exact: false }).waitFor();

    await openMeeting(second);
    await page.getByRole('button', { name: 'Agenda maken' }).click();
    await page.getByRole('list', { name: 'Agenda' }).getByText('Actiepunten').click();
    const carried = page.getByRole('list', { name: 'Open acties uit eerdere overleggen' });
    const origin = `uit IOT ${format(parseISO(first.date), 'dd-MM-yyyy')}`;
    for (const [index, s] of students.entries()) {
      await carried.getByRole('listitem', { name: `${5 + index}.1 ${origin}: Gesprek met ouders van ${s.name.split(' ')[0]}` }).waitFor();
    }
    // The agenda also offers the three students again: their actions are due now.
    await snap(page, 'minutes-3-next-meeting');

    await page.getByRole('list', { name: 'Agenda' }).getByText('Notulen vorige vergadering').click();
    await page.getByRole('button', { name: 'Notulen vaststellen' }).click();
    await page.getByText('Notulen ter vaststelling').waitFor({ state: 'detached' });

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleggen' }).click();
    await page
      .getByRole('table', { name: 'Komende overleggen' })
      .getByRole('row', { name: new RegExp(format(parseISO(first.date), 'd MMMM yyyy', { locale: nl })) })
      .getByText('Notulen vastgesteld')
      .waitFor();
    await openMeeting(first);
    await page.getByRole('list', { name: 'Agenda' }).getByText('Daan Vries').click();
    await expect.poll(() => paragraph('Bespreking').getAttribute('readonly')).not.toBeNull();
    await page.getByRole('button', { name: 'Aanvulling schrijven' }).click();
    await page
      .getByRole('dialog')
      .getByRole('textbox', { name: 'Aanvulling' })
      .fill('Correctie: Daan krijgt ook een gesprek met de jeugdarts.');
    await page.getByRole('dialog').getByRole('button', { name: 'Aanvulling toevoegen' }).click();
    await page.locator('[data-addendum]').getByText('Correctie: Daan krijgt ook een gesprek met de jeugdarts.').waitFor();
    await page
      .locator('[data-addendum]')
      .getByText(/Anna Wolters, .* bij Daan Vries/)
      .waitFor();
    await snap(page, 'minutes-4-fixed-with-addendum');
  }, 180_000);

  /** A meeting of its own with an agenda, so a test needs nothing another test left behind. */
  const meetingWithAgenda = async (weeksAhead: number) => {
    const staff = await api(page, 'staff.list', {});
    const series = (await api(page, 'series.list', {})).find((s) => s.name === 'IOT')!;
    const meeting = await planMeeting(
      page,
      series.id,
      'IOT',
      addDays(new Date(), 7 * weeksAhead),
      { staffIds: staff.map((s) => s.id), partnerIds: [] },
      staff[0]!.id,
    );
    await api(page, 'agenda.create', { meetingId: meeting.id });
    return meeting;
  };

  it('shows both versions when two people type in the same paragraph, and merges them on request', async () => {
    const meeting = await meetingWithAgenda(6);
    await openMeeting(meeting);
    await page.getByRole('list', { name: 'Agenda' }).getByText('Mededelingen').click();
    // A colleague on a second window, on the same item (the browser shell's address opens a session).
    const colleague = await openPage(app.browser, { width: 1280, height: 900 });
    await colleague.goto(app.host.url);
    await colleague.goto(`${new URL(app.host.url).origin}/#/overleggen/${meeting.id}`);
    await colleague.getByRole('list', { name: 'Agenda' }).getByText('Mededelingen').click();
    const mine = paragraph('Notities');
    const theirs = colleague.getByRole('region').getByRole('textbox', { name: 'Notities', exact: true });
    await theirs.waitFor();
    // Both start from the same (empty) paragraph and type before either save lands.
    await mine.fill('Studiedag op 15 januari.');
    await theirs.fill('Nieuwe orthopedagoog start in februari.');
    const conflict = (p: Page) => p.getByRole('alert').filter({ hasText: 'Twee versies van dit onderdeel' });
    await expect.poll(async () => (await conflict(page).count()) + (await conflict(colleague).count()), { timeout: 15_000 }).toBe(1);
    const [loser, loserField] = (await conflict(page).count()) === 1 ? [page, mine] : [colleague, theirs];
    await snap(loser, 'minutes-5-two-versions');
    await conflict(loser).getByRole('button', { name: 'Beide samenvoegen' }).click();
    await expect
      .poll(() => loserField.inputValue())
      .toMatch(
        /Studiedag op 15 januari\.[\s\S]*Nieuwe orthopedagoog start in februari\.|Nieuwe orthopedagoog start in februari\.[\s\S]*Studiedag op 15 januari\./,
      );
    await expect.poll(() => loser.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/Opgeslagen om/);
    await colleague.close();
  }, 120_000);

  it("lets the coordinator change a series' fixed agenda, which new agendas then follow", async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleggen' }).click();
    await page.getByRole('button', { name: 'Vaste agenda' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Overlegvorm' }).click();
    await page.getByRole('option', { name: 'IOT' }).click();
    await dialog.getByRole('textbox', { name: 'Tijd per leerling (minuten)' }).fill('15');
    const titles = dialog.getByRole('textbox', { name: 'Titel' });
    await expect.poll(() => titles.count()).toBe(7);
    await dialog.getByRole('button', { name: 'Punt verwijderen' }).nth(1).click();
    await expect.poll(() => titles.count()).toBe(6);
    await snap(page, 'minutes-6-fixed-agenda');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await dialog.waitFor({ state: 'detached' });

    const staff = await api(page, 'staff.list', {});
    const series = (await api(page, 'series.list', {})).find((s) => s.name === 'IOT')!;
    const meeting = await planMeeting(page, series.id, 'IOT', addDays(new Date(), 70), { staffIds: [], partnerIds: [] }, staff[0]!.id);
    await openMeeting(meeting);
    await page.getByRole('button', { name: 'Agenda maken' }).click();
    const agenda = page.getByRole('list', { name: 'Agenda' });
    await agenda.getByText('Actiepunten').waitFor();
    expect(await agenda.getByText('Mededelingen').count()).toBe(0);
    // A student added now gets the series' time per student.
    const noor = await api(page, 'students.save', {
      id: null,
      studentNumber: '800199',
      givenName: 'Noor',
      infix: '',
      familyName: 'Smit',
      birthDate: '2011-02-01',
      className: '3A',
      yearLevel: 3,
      level: 'vwo',
      mentorId: null,
    });
    await api(page, 'agenda.addItem', {
      meetingId: meeting.id,
      kind: 'casus',
      studentId: noor.id,
      intakeId: null,
      origin: 'handmatig',
    });
    await page.reload();
    await agenda.getByText('Noor Smit').click();
    await page
      .getByRole('region')
      .getByText(/· 15 min/)
      .waitFor();
  }, 120_000);

  it('keeps every key typed more than 1.5 s before the host is killed while the secretary types on without a pause', async () => {
    const meeting = await meetingWithAgenda(8);
    const words = 'Bram vraagt naar de planning van de rapportvergaderingen en wie de cijfers aanlevert voor de mentoren van klas twee. ';
    let stored = '';
    for (let round = 1; round <= 3; round++) {
      await openMeeting(meeting);
      await page.getByRole('list', { name: 'Agenda' }).getByText('Rondvraag').click();
      const notes = paragraph('Notities');
      await expect.poll(() => notes.inputValue()).toBe(stored);
      await notes.focus();
      await notes.press('Control+End');
      // About six keys a second, never a pause; the host is killed at a random moment while she types.
      const typed: { char: string; at: number }[] = [];
      let killing = false;
      const typing = (async () => {
        for (let i = 0; !killing; i++) {
          const char = words[i % words.length]!;
          const started = Date.now();
          await page.keyboard.type(char);
          typed.push({ char, at: Date.now() });
          await new Promise((done) => setTimeout(done, Math.max(0, 165 - (Date.now() - started))));
        }
      })().catch(() => undefined);
      await new Promise((done) => setTimeout(done, 4000 + Math.random() * 5000));
      killing = true;
      const killedAt = Date.now();
      const crashed = app.crashHost();
      await typing;
      await crashed;
      page = app.page;
      await field(page, 'Wachtwoord').fill(school.passphrase);
      await page.getByRole('button', { name: 'Ontgrendelen' }).click();
      await openMeeting(meeting);
      await page.getByRole('list', { name: 'Agenda' }).getByText('Rondvraag').click();
      const kept =
        stored +
        typed
          .filter((key) => key.at < killedAt - 1500)
          .map((key) => key.char)
          .join('');
      expect(kept.length).toBeGreaterThan(stored.length + 10);
      await expect
        .poll(() => paragraph('Notities').inputValue(), {
          message: `round ${round}: not stored, of what was typed before the last 1.5 s: "${kept}"`,
        })
        .toSatisfy((after: string) => after.startsWith(kept));
      stored = await paragraph('Notities').inputValue();
    }
  }, 240_000);
});

describe('the demo school: a running meeting and the minutes before it', () => {
  it('opens the running meeting with its minutes, carried actions and the minutes to fix', async () => {
    await withDemoSchool('zorgoverleg-e2e-minutes-demo-', async (page) => {
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleggen' }).click();
      // The running meeting is today's or the last one: in the past list unless it is today.
      const upcoming = await api(page, 'agenda.meetings', { scope: 'komend' });
      const today = upcoming.some((m) => m.state === 'bezig');
      await page.getByText(today ? 'Komend' : 'Afgelopen', { exact: true }).click();
      await page
        .getByRole('table', { name: today ? 'Komende overleggen' : 'Afgelopen overleggen' })
        .getByRole('row')
        .filter({ hasText: 'Bezig' })
        .first()
        .click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page
        .getByText('Agenda verstuurd')
        .or(page.getByText('Bezig', { exact: true }))
        .first()
        .waitFor();
      const firstCase = page
        .getByRole('list', { name: 'Agenda' })
        .getByRole('listitem')
        .filter({ hasText: /\(\d[A-Z]\)/ })
        .first();
      await firstCase.getByRole('button').last().click();
      await expect.poll(() => page.getByRole('region').getByRole('textbox', { name: 'Bespreking', exact: true }).inputValue()).not.toBe('');
      await page.getByRole('list', { name: 'Agenda' }).getByText('Actiepunten').click();
      await expect
        .poll(() => page.getByRole('list', { name: 'Open acties uit eerdere overleggen' }).getByRole('listitem').count())
        .toBeGreaterThan(0);
      await page
        .getByRole('list', { name: 'Agenda' })
        .getByText(/^3\. Notulen/)
        .click();
      await page.getByText('Notulen ter vaststelling').waitFor();
      await firstCase.getByRole('button').last().click();
      await page.evaluate(() => window.scrollTo(0, 0));
      await snap(page, 'demo-meeting');
    });
  }, 120_000);
});
