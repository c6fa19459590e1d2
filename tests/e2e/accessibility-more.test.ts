import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { expectAccessible } from './axe';
import { api, field, launchChromium, openPage, snap, startHost, unlockDemoSchool, type RunningHost } from './harness';

/**
 * WCAG 2.1 AA on what accessibility.test.ts does not open: the letter preview, each step of the
 * import wizard (with its error, update and report tables), the calendar pop-up of a date field
 * at each of its levels, and the screens of a user with only the role "lid". Same checks
 * (axe-core A/AA, serious or critical fails; every field a name of its own), demo school.
 */

const fixtures = resolve(import.meta.dirname, '..', 'fixtures');
const lid = { name: 'Ruben Vos', staffCode: 'rvo', passphrase: 'wachtwoord van ruben' };

let browser: Browser;
let host: RunningHost;
let page: Page;
let data: { path: string; cleanup(): void };

/** Checks the page as it is now; a failure is kept with the others and reported at the end of the test. */
async function check(problems: string[], label: string): Promise<void> {
  // Dialogs, pop-ups and steps animate in; axe judges colours as they are drawn.
  await page.waitForTimeout(300);
  try {
    await expectAccessible(page, label);
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
    await snap(page, `a11y-more-${label.replace(/[^a-z0-9]+/gi, '-')}`);
  }
}

function report(problems: string[]): void {
  if (problems.length > 0) throw new Error(`${problems.length} scherm(en) niet toegankelijk:\n\n${problems.join('\n\n')}`);
}

async function go(hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByRole('main').locator('.mantine-Loader-root').first().waitFor({ state: 'detached' });
}

/** Every tab of the page's main area, each checked as it shows. */
async function checkTabs(problems: string[], route: string): Promise<void> {
  const tabs = page.getByRole('main').getByRole('tab');
  const count = await tabs.count();
  for (let i = 0; i < count; i++) {
    const name = ((await tabs.nth(i).textContent()) ?? '').trim();
    await tabs.nth(i).click();
    await check(problems, `${route}, tabblad ${name}`);
  }
}

async function closeDialogs(): Promise<void> {
  await expect
    .poll(async () => {
      await page.keyboard.press('Escape');
      return page.getByRole('dialog').count();
    })
    .toBe(0);
}

beforeAll(async () => {
  data = tempDir('zorgoverleg-e2e-a11y-more-');
  host = await startHost(data.path);
  browser = await launchChromium();
  page = await openPage(browser, { width: 1400, height: 950 });
  page.setDefaultTimeout(20_000);
  await page.goto(host.url);
  await unlockDemoSchool(page);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  data?.cleanup();
});

describe('Toegankelijkheid (WCAG 2.1 AA), verder', () => {
  it('the letters of a meeting and the preview window of "Brieven maken"', async () => {
    const problems: string[] = [];
    const [template] = await api(page, 'letters.templates', {});
    const meetings = [
      ...(await api(page, 'agenda.meetings', { scope: 'komend' })),
      ...(await api(page, 'agenda.meetings', { scope: 'afgelopen' })),
    ].filter((m) => m.cases > 0);
    // A meeting whose letters can be made: the school's contact details complete, a student with a recipient.
    let chosen: { meetingId: string; withLetters: string[]; without: string[] } | null = null;
    for (const m of meetings) {
      const cases = await api(page, 'letters.cases', {
        meetingId: m.id,
        templateId: template!.id,
        copyToParents: true,
        includeWithoutAuthority: [],
      });
      const withLetters = cases.cases.filter((c) => c.letters.length > 0).map((c) => c.studentNumber);
      if (cases.contactProblems.length === 0 && withLetters.length > 0) {
        chosen = {
          meetingId: m.id,
          withLetters,
          without: cases.cases.filter((c) => c.letters.length === 0).map((c) => c.studentNumber),
        };
        break;
      }
    }
    if (!chosen) throw new Error('the demo school has no meeting whose letters can be made');

    await go(`#/brieven?overleg=${chosen.meetingId}&brief=${template!.id}`);
    const region = page.getByRole('region', { name: 'Leerlingen en ontvangers' });
    for (const number of chosen.withLetters) await region.locator(`[data-letter-case="${number}"]`).getByRole('checkbox').first().check();
    for (const number of chosen.without) await region.locator(`[data-letter-case="${number}"]`).getByRole('checkbox').first().uncheck();
    await check(problems, 'Brieven, overleg gekozen');

    await page.getByRole('button', { name: /brie(f|ven) maken$/ }).click();
    const preview = page.getByRole('dialog', { name: /Voorbeeld van de brie(f|ven)/ });
    await preview.locator('[data-letter-preview="1"]').waitFor({ timeout: 60_000 });
    await check(problems, 'Voorbeeld van de brieven');
    // Annuleren: nothing is made or logged.
    await preview.getByRole('button', { name: 'Annuleren' }).click();
    await preview.waitFor({ state: 'detached' });
    report(problems);
  }, 300_000);

  it('each step of the import wizard: file, columns, check (errors, warnings, updates) and report', async () => {
    const problems: string[] = [];
    const chooseFile = async (name: string) => {
      await page.locator('input[type="file"]').setInputFiles(resolve(fixtures, name));
      await check(problems, `Importeren: bestand ${name} gekozen`);
      await page.getByRole('button', { name: 'Verder' }).click();
    };
    await go('#/leerlingen/importeren');
    // A file that is no spreadsheet: the message on the file step.
    await chooseFile('geen-spreadsheet.xlsx');
    await page.getByText('Dit is geen CSV- of Excel-bestand (.xlsx).').waitFor();
    await check(problems, 'Importeren: geen spreadsheet');

    await chooseFile('magister-leerlingen.csv');
    await page.getByRole('combobox', { name: 'Kolom Stamnr' }).waitFor();
    await check(problems, 'Importeren: kolommen');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await expect.poll(() => page.getByTestId('figure-Nieuwe leerlingen').textContent()).toBe('6');
    await check(problems, 'Importeren: controle');
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByText('Import klaar').waitFor({ timeout: 60_000 });
    await check(problems, 'Importeren: verslag');

    // A second Magister file: the mapping of last time, an unmapped column, an update old → new,
    // a row with an error and one with a warning; its report has the skipped row.
    await page.getByRole('button', { name: 'Nog een bestand importeren' }).click();
    await chooseFile('magister-tussenvoegsels.csv');
    await page.getByTestId('unmapped-columns').waitFor();
    await check(problems, 'Importeren: kolommen, niet gekoppeld');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('table', { name: 'Bij te werken' }).waitFor();
    await page.getByRole('table', { name: 'Regels met fouten' }).waitFor();
    await check(problems, 'Importeren: controle met bijwerken en fouten');
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByRole('table', { name: 'Overgeslagen regels' }).waitFor({ timeout: 60_000 });
    await check(problems, 'Importeren: verslag met overgeslagen regels');
    report(problems);
  }, 300_000);

  it('the calendar pop-up of a date field, at the level of days, months and years', async () => {
    const problems: string[] = [];
    await go('#/leerlingen');
    await page.getByRole('main').getByRole('button', { name: 'Leerling toevoegen', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Kalender openen' }).first().click();
    const calendar = page.locator('.mantine-Popover-dropdown').filter({ has: page.locator('.mantine-DatePicker-calendarHeader') });
    await calendar.waitFor();
    await check(problems, 'Kalender: dagen');
    const level = calendar.locator('.mantine-DatePicker-calendarHeaderLevel');
    await level.click();
    await calendar.locator('.mantine-DatePicker-monthsList').waitFor();
    await check(problems, 'Kalender: maanden');
    await level.click();
    await calendar.locator('.mantine-DatePicker-yearsList').waitFor();
    await check(problems, 'Kalender: jaren');
    await closeDialogs();
    report(problems);
  }, 300_000);

  it('the screens of a lid: jaarrooster, overleggen, a meeting, acties, a student and instellingen', async () => {
    const problems: string[] = [];
    await api(page, 'users.add', { ...lid, roles: ['lid'] });
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await page.getByRole('combobox', { name: 'Gebruiker' }).click();
    await page.getByRole('option', { name: `${lid.name} (${lid.staffCode})` }).click();
    await field(page, 'Wachtwoord').fill(lid.passphrase);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.getByTestId('school-name').waitFor();

    // What the lid may read: a meeting of theirs and a student they may open.
    const meetings = [
      ...(await api(page, 'agenda.meetings', { scope: 'afgelopen' })),
      ...(await api(page, 'agenda.meetings', { scope: 'komend' })),
    ];
    const meeting = meetings.find((m) => m.cases > 0) ?? meetings[0];
    const students = await api(page, 'students.search', {
      query: '',
      className: null,
      yearLevel: null,
      status: 'all',
      limit: 1,
    });
    if (!meeting || !students.items[0]) throw new Error('the lid sees no meeting or no student in the demo school');
    const routes = [
      '/jaarrooster',
      '/overleggen',
      `/overleggen/${meeting.id}`,
      '/acties',
      `/leerlingen/${students.items[0].id}`,
      '/instellingen',
    ];
    for (const route of routes) {
      await go(`#${route}`);
      await check(problems, `lid ${route}`);
      await checkTabs(problems, `lid ${route}`);
    }
    report(problems);
  }, 900_000);
});
