import { readFileSync } from 'node:fs';
import { addDays, format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { documentText } from '../docx/docx-text';
import { addressesOf, decodeWords, parseEml } from '../helpers/eml';
import { api, field, planMeeting, snap, startNewSchool, type AppSession } from './harness';

const school = { name: 'Het Dagcollege', user: 'Anouk Wolters', code: 'awo', passphrase: 'een dag zonder struikelen' };

/**
 * Issue 23, points 5–7, as a coordinator clicks them: the series' first meeting in its own dialog,
 * a date field that is replaced when typed into, times in 24 hours, an agenda sent as an e-mail
 * draft, and a meeting five weeks ahead that is not started without a question.
 */
describe("a coordinator's day: dates, times, the agenda mail and a meeting far ahead", () => {
  let app: AppSession;
  let page: Page;
  let awo: string;
  let partner: string;
  let seriesId: string;

  beforeAll(async () => {
    app = await startNewSchool('zorgoverleg-e2e-coordinator-day-', school, { width: 1400, height: 950 });
    page = app.page;
    const me = (await api(page, 'staff.list', {})).find((s) => s.code === 'awo')!;
    awo = me.id;
    await api(page, 'staff.save', {
      id: awo,
      name: me.name,
      code: me.code,
      functions: me.functions,
      email: 'a.wolters@dagcollege.example',
      active: true,
    });
    partner = (
      await api(page, 'partners.save', {
        id: null,
        organisation: 'Leerplicht Utrecht',
        kind: 'leerplicht',
        contactName: '',
        email: '',
        phone: '',
        active: true,
      })
    ).id;
    await page.getByRole('link', { name: 'Jaarrooster' }).click();
    await page.getByRole('combobox', { name: 'Schooljaar' }).click();
    await page.getByRole('option', { name: '2026-2027' }).click();
  });
  afterAll(() => app?.close());

  const dialog = () => page.getByRole('dialog');
  /** The "plan the year now" notice sits over the page's buttons until it goes. */
  async function closeNotifications() {
    const notices = page.locator('.mantine-Notification-root');
    // One may close by itself meanwhile: then there is nothing left to click.
    while ((await notices.count()) > 0)
      await notices
        .first()
        .getByRole('button')
        .click({ timeout: 2_000 })
        .catch(() => undefined);
  }

  it('gives a new series its first meeting, which sets the weekday; times read and show as 24-hour', async () => {
    await page.getByRole('tab', { name: 'Overlegvormen' }).click();
    await page.getByRole('button', { name: 'Overlegvorm toevoegen' }).click();
    await field(page, 'Naam').fill('IOT');
    await dialog().getByRole('combobox', { name: 'Soort' }).fill('IOT');
    await page.keyboard.press('Tab');
    const time = dialog().getByRole('textbox', { name: 'Begintijd' });
    // Not a browser time input (which shows "02:00 PM" in an English browser): text, 24-hour.
    expect(await time.evaluate((input: HTMLInputElement) => input.type)).toBe('text');
    expect(await time.inputValue()).toBe('14:00');
    const first = dialog().getByRole('textbox', { name: 'Eerste overleg' });
    await first.click();
    await page.keyboard.type('2-9-2026');
    await page.keyboard.press('Tab');
    expect(await first.inputValue()).toBe('02-09-2026');
    // 2 September 2026 is a Wednesday: the rhythm follows the first meeting.
    await expect.poll(() => dialog().getByRole('combobox', { name: 'Weekdag' }).inputValue()).toBe('woensdag');
    // Clicking into the filled time field and typing replaces it; "1530" reads as 15:30.
    await time.click();
    await page.keyboard.type('1530');
    await page.keyboard.press('Tab');
    expect(await time.inputValue()).toBe('15:30');
    await time.click();
    await page.keyboard.type('25:00');
    await page.keyboard.press('Tab');
    await dialog().getByText('Begintijd: vul een tijd in als 14:00 (24 uur, uu:mm).').waitFor();
    await time.click();
    await page.keyboard.type('14:30');
    await page.keyboard.press('Tab');
    await snap(page, 'coordinator-day-1-series');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await page
      .getByRole('table', { name: 'Overlegvormen' })
      .getByRole('row', { name: /IOT elke 5 weken op woensdag 14:30/ })
      .waitFor();
    seriesId = (await api(page, 'series.list', {})).find((s) => s.name === 'IOT')!.id;
    expect((await api(page, 'series.list', {})).find((s) => s.id === seriesId)!.firstDate).toBe('2026-09-02');
  });

  it('replaces a filled date when the user clicks into it and types, rather than appending to it', async () => {
    await page.getByRole('button', { name: 'IOT wijzigen' }).click();
    const first = dialog().getByRole('textbox', { name: 'Eerste overleg' });
    expect(await first.inputValue()).toBe('02-09-2026');
    await first.click();
    await page.keyboard.type('09-09-2026');
    expect(await first.inputValue()).toBe('09-09-2026');
    await page.keyboard.press('Tab');
    expect(await first.inputValue()).toBe('09-09-2026');
    await dialog().getByRole('button', { name: 'Opslaan' }).click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(async () => (await api(page, 'series.list', {})).find((s) => s.id === seriesId)!.firstDate).toBe('2026-09-09');
  });

  it("starts Jaar plannen from the series' own first meeting", async () => {
    await closeNotifications();
    await page.getByRole('button', { name: 'Jaar plannen' }).click();
    await dialog().getByRole('combobox', { name: 'Overlegvorm' }).click();
    await page.getByRole('option', { name: 'IOT' }).click();
    expect(await dialog().getByRole('textbox', { name: 'Eerste overleg' }).inputValue()).toBe('09-09-2026');
    await dialog().getByRole('button', { name: 'Annuleren' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  it('sends the agenda as an e-mail draft, says who has no address, and asks before starting a meeting five weeks ahead', async () => {
    const meeting = await planMeeting(page, seriesId, 'IOT', addDays(new Date(), 35), { staffIds: [awo], partnerIds: [partner] }, awo);
    const longDate = format(parseISO(meeting.date), 'd MMMM yyyy', { locale: nl });
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleggen' }).click();
    await page
      .getByRole('table', { name: 'Komende overleggen' })
      .getByRole('row', { name: new RegExp(longDate) })
      .click();
    await page.getByRole('heading', { level: 1, name: /IOT/ }).waitFor();
    await page.getByRole('button', { name: 'Agenda maken' }).click();
    await page.getByRole('list', { name: 'Agenda' }).getByText('Rondvraag').waitFor();

    await page.getByRole('button', { name: 'Agenda versturen' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog().getByRole('button', { name: 'Concept-e-mail maken' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`agenda-${meeting.date}-e-mail.eml`);
    await page.getByText('Concept-e-mail gemaakt voor 1 deelnemer; 1 zonder e-mailadres: Leerplicht Utrecht.').waitFor();
    await page.getByText('Agenda verstuurd', { exact: true }).first().waitFor();
    const mail = parseEml(readFileSync((await download.path())!));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(addressesOf(mail.headers.get('to')!)).toEqual(['a.wolters@dagcollege.example']);
    expect(decodeWords(mail.headers.get('subject')!)).toBe(`Agenda IOT ${longDate}`);
    expect(await documentText(mail.parts[1]!.body)).toContain('Rondvraag');
    await snap(page, 'coordinator-day-2-agenda-mail');

    await page.getByRole('button', { name: 'Overleg starten' }).click();
    await dialog().getByText(`Dit overleg staat gepland op ${longDate}. Toch nu starten?`).waitFor();
    await snap(page, 'coordinator-day-3-far-ahead');
    await dialog().getByRole('button', { name: 'Annuleren' }).click();
    await dialog().waitFor({ state: 'detached' });
    expect((await api(page, 'minutes.get', { meetingId: meeting.id })).meeting.progress).toBe('agenda-verstuurd');
    await page.getByRole('button', { name: 'Overleg starten' }).click();
    await dialog().getByRole('button', { name: 'Toch starten' }).click();
    await expect.poll(async () => (await api(page, 'minutes.get', { meetingId: meeting.id })).meeting.progress).toBe('bezig');
  });
});
