import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { tempDir } from '../helpers/backend';
import { api, createEnvironment, field, snap, startHost, type RunningHost } from './harness';

/**
 * Forms as a user with an English computer meets them: dates typed and shown as dd-mm-jjjj
 * whatever the browser's language, the import's rules in the student form (a message under the
 * field, nothing typed lost), a long school name that leaves the header's buttons on screen, and
 * the year view saying why a meeting moved.
 */

// 120 characters: longer than any header has room for at 1280 pixels.
const longName = 'Stichting Christelijk Voortgezet Onderwijs Regio Utrecht-Zuid, Locatie Johannes Calvijn College voor Vwo, Havo en Vmbo-t';
const school = { name: longName, user: 'Anouk Wolters', code: 'awo', passphrase: 'datums in het nederlands' };

describe('forms, dates and the header on an English-language Chromium', () => {
  const data = tempDir('zorgoverleg-e2e-forms-');
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  const dialog = () => page.getByRole('dialog');

  beforeAll(async () => {
    host = await startHost(data.path);
    // Not the harness' Dutch Chromium: this one speaks English, as many school laptops do.
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--lang=en-US',
      ],
    });
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(host.url);
    await createEnvironment(page, school);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.cleanup();
  });

  it('runs in an English browser: its own date format is month first', async () => {
    expect(longName).toHaveLength(120);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    expect(await page.evaluate(() => new Date(2011, 2, 9).toLocaleDateString())).toBe('3/9/2011');
  });

  it('keeps Vergrendelen on screen next to a 120-character school name, at 1280 and 1024 pixels', async () => {
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      const lock = page.getByRole('button', { name: 'Vergrendelen' });
      await lock.waitFor();
      const box = (await lock.boundingBox())!;
      expect(box.x).toBeGreaterThan(width / 2);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      const name = page.getByTestId('school-name');
      expect(await name.textContent()).toBe(longName);
      // Cut off with an ellipsis, not wrapped or pushed out.
      expect(await name.evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).textOverflow === 'ellipsis')).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await snap(page, `forms-header-${width}`);
    }
    // The full name on hover.
    await page.getByTestId('school-name').hover();
    await page.getByRole('tooltip').filter({ hasText: longName }).waitFor();
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('reads a date typed as 09-03-2011, stores 2011-03-09 and shows 09-03-2011 again', async () => {
    await page.getByRole('link', { name: 'Leerlingen', exact: true }).first().click();
    await page.getByRole('button', { name: 'Leerling toevoegen' }).click();
    await field(page, 'Roepnaam').fill('Daan');
    await field(page, 'Achternaam').fill('Smit');
    await field(page, 'Klas').fill('2B');
    const birth = dialog().getByRole('textbox', { name: 'Geboortedatum' });
    expect(await birth.getAttribute('placeholder')).toBe('dd-mm-jjjj');

    // What cannot be read stays as typed, with a message naming the field.
    await birth.pressSequentially('31-02-2011');
    await birth.blur();
    await dialog().getByText('Geboortedatum: vul een datum in als dd-mm-jjjj (bijvoorbeeld 09-03-2011).').waitFor();
    expect(await birth.inputValue()).toBe('31-02-2011');
    expect(await birth.getAttribute('aria-invalid')).toBe('true');

    // "9 maart 2011" is read and shown the way the app writes dates.
    await birth.fill('');
    await birth.pressSequentially('9 maart 2011');
    await birth.blur();
    expect(await birth.inputValue()).toBe('09-03-2011');
    expect(await birth.getAttribute('aria-invalid')).not.toBe('true');

    // An unlikely age is asked about, not refused.
    await birth.fill('');
    await birth.pressSequentially('1-1-2024');
    await birth.blur();
    await page
      .getByTestId('birth-date-notice')
      .filter({ hasText: /Met geboortedatum 01-01-2024 is de leerling \d jaar; klopt dat\?/ })
      .waitFor();
    await birth.fill('');
    await birth.pressSequentially('09-03-2011');
    await page.getByTestId('birth-date-notice').waitFor({ state: 'detached' });

    // A leerlingnummer that is not a number: the import's message under the field; nothing typed is lost.
    await field(page, 'Leerlingnummer').fill('10499X');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await dialog().getByText('Het leerlingnummer bestaat alleen uit cijfers; "10499X" is geen leerlingnummer.').waitFor();
    expect(await field(page, 'Leerlingnummer').getAttribute('aria-invalid')).toBe('true');
    expect(await field(page, 'Leerlingnummer').inputValue()).toBe('10499X');
    expect(await birth.inputValue()).toBe('09-03-2011');
    expect(await field(page, 'Roepnaam').inputValue()).toBe('Daan');
    expect(await field(page, 'Klas').inputValue()).toBe('2B');
    await snap(page, 'forms-student-leerlingnummer');

    await field(page, 'Leerlingnummer').fill('104991');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { name: 'Daan Smit', level: 1 }).waitFor();
    const found = await api(page, 'students.search', {
      query: '104991',
      className: null,
      yearLevel: null,
      status: 'all',
      limit: 5,
    });
    expect((await api(page, 'students.get', { id: found.items[0]!.id })).birthDate).toBe('2011-03-09');
    await page.getByText('09-03-2011', { exact: true }).waitFor();

    // And the form shows it as typed when opened again.
    await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
    expect(await dialog().getByRole('textbox', { name: 'Geboortedatum' }).inputValue()).toBe('09-03-2011');
    // Picking from the Dutch calendar: Monday first, Dutch month names.
    await dialog().getByRole('button', { name: 'Kalender openen' }).click();
    await page.getByText('maart 2011', { exact: true }).waitFor();
    await snap(page, 'forms-student-calendar');
    await page.getByRole('button', { name: '10 maart 2011' }).click();
    expect(await dialog().getByRole('textbox', { name: 'Geboortedatum' }).inputValue()).toBe('10-03-2011');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });

  it('says in the year view why a meeting moved, and calls vrijdag na Hemelvaart a day off of the school', async () => {
    const series = (name: string, weekday: number, color: 'teal' | 'grape') =>
      api(page, 'series.save', {
        id: null,
        name,
        kind: name,
        intervalWeeks: 2,
        weekday,
        startTime: '14:00',
        durationMinutes: 60,
        location: 'Kamer 1.12',
        chairId: null,
        secretaryId: null,
        withExternalPartners: false,
        intakeDeadlineSchoolDays: 5,
        moveRule: 'week-after',
        continueFrom: 'grid',
        color,
        active: true,
        attendees: { staffIds: [], partnerIds: [] },
      });
    // Tuesdays from 8 September 2026: 20 October falls in the herfstvakantie (midden) and moves to the 27th.
    const iot = await series('IOT', 2, 'teal');
    await api(page, 'schedule.applyYear', { seriesId: iot.id, schoolYear: '2026-2027', firstDate: '2026-09-08' });
    // Fridays from 11 September 2026: 7 May 2027 is the vrijdag na Hemelvaart and moves to the 14th.
    const zat = await series('ZAT', 5, 'grape');
    await api(page, 'schedule.applyYear', { seriesId: zat.id, schoolYear: '2026-2027', firstDate: '2026-09-11' });

    // Planned behind the screen's back: a reload shows it (the vault stays open).
    await page.reload();
    await page.getByRole('link', { name: 'Jaarrooster' }).click();
    await page.getByRole('combobox', { name: 'Schooljaar' }).click();
    await page.getByRole('option', { name: '2026-2027' }).click();
    await page.getByRole('tab', { name: 'Jaaroverzicht' }).click();
    await page.getByTestId('year-grid').waitFor();
    await snap(page, 'forms-year-view');

    const moved = page.getByRole('button', { name: /^dinsdag 27 oktober · IOT 14:00/ });
    await moved.hover();
    const tooltip = page.getByRole('tooltip');
    await tooltip.filter({ hasText: 'Verplaatst van di 20 oktober: herfstvakantie' }).waitFor();
    await snap(page, 'forms-year-view-moved');
    // A meeting on its own date says nothing about moving.
    await page.getByRole('button', { name: /^dinsdag 3 november · IOT 14:00/ }).hover();
    await tooltip.filter({ hasText: 'dinsdag 3 november' }).waitFor();
    expect(await tooltip.textContent()).not.toContain('Verplaatst');

    await page.getByRole('button', { name: /^vrijdag 14 mei · ZAT 14:00/ }).hover();
    await tooltip.filter({ hasText: 'Verplaatst van vr 7 mei: vrijdag na Hemelvaart (vrije dag van de school)' }).waitFor();
    const may = page.getByRole('group', { name: 'mei 2027' });
    await may.getByText('7', { exact: true }).hover();
    await tooltip.filter({ hasText: 'vrijdag na Hemelvaart (vrije dag van de school)' }).waitFor();
    await may.getByText('6', { exact: true }).hover();
    await tooltip.filter({ hasText: 'Hemelvaartsdag (feestdag)' }).waitFor();
    await snap(page, 'forms-year-view-hemelvaart');

    // Where the days off are listed, it is the school's own, not a feestdag.
    await page.getByRole('tab', { name: 'Vakanties en vrije dagen' }).click();
    const daysOff = page.getByRole('table', { name: 'Vrije dagen' });
    await daysOff.getByRole('row', { name: /vr 7 mei 2027 vrijdag na Hemelvaart eigen/ }).waitFor();
    await daysOff.getByRole('row', { name: /do 6 mei 2027 Hemelvaartsdag feestdag/ }).waitFor();
  });
});
