import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { expectAccessible } from './axe';
import { api, field, launchChromium, openPage, snap, startHost, type RunningHost } from './harness';

/**
 * WCAG 2.1 AA in the demo school: axe-core (the A and AA rules of WCAG 2.0 and 2.1) and a check
 * that every field has a name of its own, on the start screens, every route of the app with
 * each of its tabs, every kind of dialog (add, edit, confirm) and the projector; then the app by
 * keyboard alone with a visible focus, and the projector's type at 1920×1080. Each test lists
 * every screen that fails, not only the first.
 */

let browser: Browser;
let host: RunningHost;
let page: Page;
let data: { path: string; cleanup(): void };
const startProblems: string[] = [];

/** Checks the page as it is now; a failure is kept with the others and reported at the end of the test. */
async function check(problems: string[], target: Page, label: string): Promise<void> {
  // Dialogs and tabs animate in; axe judges colours as they are drawn.
  await target.waitForTimeout(300);
  try {
    await expectAccessible(target, label);
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
    await snap(target, `a11y-${label.replace(/[^a-z0-9]+/gi, '-')}`);
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

/** Opens a dialog with `opener`, checks it, and closes it again with Esc (nothing is saved). */
async function checkDialog(problems: string[], label: string, opener: Locator): Promise<void> {
  const before = await page.getByRole('dialog').count();
  await opener.click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(before + 1);
  await check(problems, page, label);
  // The first Esc may only close a field's open list.
  await expect
    .poll(async () => {
      await page.keyboard.press('Escape');
      return page.getByRole('dialog').count();
    })
    .toBe(before);
}

/** Every tab of the page's main area, each checked as it shows. */
async function checkTabs(problems: string[], route: string): Promise<void> {
  const tabs = page.getByRole('main').getByRole('tab');
  const count = await tabs.count();
  for (let i = 0; i < count; i++) {
    const name = ((await tabs.nth(i).textContent()) ?? '').trim();
    await tabs.nth(i).click();
    await check(problems, page, `${route}, tabblad ${name}`);
  }
}

/** An IOT of the demo school with cases on its agenda that can still be presented. */
async function meetingWithCases(): Promise<string> {
  const meetings = [
    ...(await api(page, 'agenda.meetings', { scope: 'komend' })),
    ...(await api(page, 'agenda.meetings', { scope: 'afgelopen' })),
  ];
  const iots = meetings.filter((m) => m.title.startsWith('IOT') && m.cases >= 2);
  const running =
    iots.find((m) => m.state === 'bezig') ?? iots.find((m) => m.state === 'afgelopen') ?? iots.find((m) => m.state !== 'vastgesteld');
  if (!running) throw new Error('the demo school has no IOT with cases that can still be presented');
  if (running.state === 'afgelopen') await api(page, 'agenda.setProgress', { meetingId: running.id, progress: 'bezig' });
  return running.id;
}

beforeAll(async () => {
  data = tempDir('zorgoverleg-e2e-a11y-');
  host = await startHost(data.path);
  browser = await launchChromium();
  page = await openPage(browser, { width: 1400, height: 950 });
  page.setDefaultTimeout(20_000);
  await page.goto(host.url);

  // The start screen, the form for a new environment and the demo's unlock form, before any vault is open.
  await page.getByRole('button', { name: 'Demo-school openen' }).waitFor();
  await check(startProblems, page, 'Startscherm');
  await page.getByRole('button', { name: 'Nieuwe omgeving aanmaken' }).click();
  await field(page, 'Naam van de school').waitFor();
  await check(startProblems, page, 'Nieuwe omgeving aanmaken');
  await page.reload();
  await page.getByRole('button', { name: 'Demo-school openen' }).click();
  const passphrase = (await page.getByTestId('demo-passphrase').textContent()) ?? '';
  await check(startProblems, page, 'Demo-school ontgrendelen');
  await page.getByRole('combobox', { name: 'Gebruiker' }).click();
  await page.getByRole('option', { name: 'Anouk Wolters (awo)' }).click();
  await field(page, 'Wachtwoord').fill(passphrase);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  data?.cleanup();
});

describe('Toegankelijkheid (WCAG 2.1 AA)', () => {
  it('the start screen, the new-environment form and the unlock form', () => {
    report(startProblems);
  });

  it('every route of the app and each of its tabs', async () => {
    const problems: string[] = [];
    const meetingId = await meetingWithCases();
    const intakes = await api(page, 'intakes.list', { status: null, meetingId: null, studentId: null, mine: false });
    const students = await api(page, 'students.search', {
      query: '',
      className: null,
      yearLevel: null,
      status: 'all',
      limit: 1,
    });
    // Every route of renderer/app/router.tsx (the presenting console is checked with the projector).
    const routes = [
      '/jaarrooster',
      '/overleggen',
      `/overleggen/${meetingId}`,
      '/aanmeldingen',
      `/aanmeldingen/${intakes[0]!.id}`,
      '/leerlingen',
      '/leerlingen/importeren',
      `/leerlingen/${students.items[0]!.id}`,
      '/acties',
      '/brieven',
      '/instellingen',
    ];
    for (const route of routes) {
      await go(`#${route}`);
      await check(problems, page, route);
      await checkTabs(problems, route);
    }
    report(problems);
  }, 900_000);

  it('the add, edit and confirm dialogs', async () => {
    const problems: string[] = [];
    const main = page.getByRole('main');
    const button = (name: string | RegExp) => main.getByRole('button', { name, exact: true }).first();

    await go('#/jaarrooster');
    await checkDialog(problems, 'Jaar plannen', button('Jaar plannen'));
    await main.getByRole('tab', { name: /Alle overleggen/ }).click();
    await checkDialog(problems, 'Overleg toevoegen', button('Overleg toevoegen'));
    // An existing meeting: its edit dialog, and the confirmation its Verwijderen asks (answered with Annuleren).
    await main
      .getByRole('button', { name: / wijzigen$/ })
      .first()
      .click();
    await page.getByRole('dialog', { name: 'Overleg wijzigen' }).waitFor();
    await check(problems, page, 'Overleg wijzigen');
    await page.getByRole('dialog', { name: 'Overleg wijzigen' }).getByRole('button', { name: 'Overleg verwijderen' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(2);
    await page.getByRole('dialog', { name: 'Overleg verwijderen' }).waitFor();
    await check(problems, page, 'Bevestiging: overleg verwijderen');
    await page.getByRole('dialog', { name: 'Overleg verwijderen' }).getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await main.getByRole('tab', { name: 'Overlegvormen' }).click();
    await checkDialog(problems, 'Overlegvorm toevoegen', button('Overlegvorm toevoegen'));
    await main.getByRole('tab', { name: 'Vakanties en vrije dagen' }).click();
    await checkDialog(problems, 'Vrije dag toevoegen', button('Vrije dag toevoegen'));

    await go('#/overleggen');
    await checkDialog(problems, 'Vaste agenda per overlegvorm', button('Vaste agenda'));
    const meetingId = await meetingWithCases();
    await go(`#/overleggen/${meetingId}`);
    await checkDialog(problems, 'Gegevens van het overleg', button('Gegevens wijzigen'));
    await checkDialog(problems, 'Sneltoetsen', button(/^Sneltoetsen/));
    await checkDialog(problems, 'Leerling op de agenda', button('Leerling'));
    await checkDialog(problems, 'Agendapunt toevoegen', button('Punt'));

    await go('#/aanmeldingen');
    await checkDialog(problems, 'Nieuwe aanmelding', button('Nieuwe aanmelding'));

    await go('#/leerlingen');
    await checkDialog(problems, 'Leerling toevoegen', button('Leerling toevoegen'));
    await main.getByRole('table').getByRole('link').first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await checkDialog(problems, 'Gegevens van de leerling', button('Gegevens wijzigen'));
    await checkDialog(problems, 'Ouder/verzorger toevoegen', button('Ouder/verzorger toevoegen'));
    await checkDialog(problems, 'Ouder/verzorger wijzigen', button('Wijzigen'));
    await checkDialog(problems, 'Toestemming vastleggen', button('Toestemming vastleggen'));
    await checkDialog(problems, 'Leerling uitschrijven', button('Uitschrijven'));
    // A guardian's Verwijderen asks first: the confirmation is checked and answered with Annuleren.
    await button('Verwijderen').click();
    await page.getByRole('dialog').waitFor();
    await check(problems, page, 'Bevestiging: ouder/verzorger verwijderen');
    await page.getByRole('dialog').getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await go('#/instellingen');
    await main.getByRole('tab', { name: 'Medewerkers' }).click();
    await checkDialog(problems, 'Medewerker toevoegen', button('Medewerker toevoegen'));
    await main.getByRole('tab', { name: 'Externe partners' }).click();
    await checkDialog(problems, 'Partner toevoegen', button('Partner toevoegen'));
    await checkDialog(problems, 'Partner wijzigen', main.getByRole('table', { name: 'Externe partners' }).getByRole('button').first());
    await main.getByRole('tab', { name: 'Gebruikers' }).click();
    await checkDialog(problems, 'Gebruiker toevoegen', button('Gebruiker toevoegen'));
    await main.getByRole('tab', { name: 'Aanmeldformulier' }).click();
    await checkDialog(problems, 'Vraag toevoegen', button('Vraag toevoegen'));
    report(problems);
  }, 900_000);

  it('the presenting console, its confirmation and the projector, readable at 3 m', async () => {
    const problems: string[] = [];
    const meetingId = await meetingWithCases();
    await go(`#/overleggen/${meetingId}`);
    const [projector] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Presenteren' }).click()]);
    await page.getByRole('heading', { name: /^Presenteren:/ }).waitFor();
    await check(problems, page, 'Presenteren (console)');
    await page.getByRole('switch', { name: 'Volledige namen' }).click({ force: true });
    await page.getByRole('dialog').waitFor();
    await check(problems, page, 'Bevestiging: volledige namen');
    await page.getByRole('button', { name: 'Initialen houden' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // The projector at 1080p: axe, and no text under 28 px (readable at three metres).
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.locator('[data-state="agenda"]').waitFor();
    const smallest = () =>
      projector.evaluate(() => {
        const sizes: { text: string; px: number }[] = [];
        const walker = document.createTreeWalker(document.querySelector('.projector') ?? document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const el = node.parentElement;
          if (!el || !node.textContent?.trim() || el.getClientRects().length === 0) continue;
          sizes.push({ text: node.textContent.trim().slice(0, 40), px: parseFloat(getComputedStyle(el).fontSize) });
        }
        return sizes.sort((a, b) => a.px - b.px);
      });
    for (const state of ['agenda', 'eerste punt']) {
      if (state === 'eerste punt') {
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => projector.locator('li[aria-current="step"] .projector-number').textContent()).toBe('2');
      }
      await check(problems, projector, `Projector (${state})`);
      const sizes = await smallest();
      expect(sizes.length).toBeGreaterThan(3);
      expect(
        sizes.filter((s) => s.px < 28),
        `tekst op de projector onder 28 px (${state})`,
      ).toEqual([]);
    }
    report(problems);
  }, 600_000);

  it('works by keyboard alone, with a visible focus on everything it reaches', async () => {
    // Starts clean when an earlier test stopped with a dialog open.
    for (let i = 0; i < 3 && (await page.getByRole('dialog').count()) > 0; i++) await page.keyboard.press('Escape');
    await go('#/jaarrooster');
    await page.getByRole('heading', { level: 1 }).click();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        // A ring (outline or box-shadow) on the element, or, for a radio, checkbox or switch that
        // Mantine hides under its own drawing, on its label or the track drawn next to it.
        const ring = (node: Element | null | undefined) => {
          if (!node) return false;
          const style = getComputedStyle(node);
          return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        };
        const drawn =
          el instanceof HTMLInputElement && ['radio', 'checkbox'].includes(el.type) ? [el.labels?.[0], el.nextElementSibling] : [];
        return {
          name: (el.getAttribute('aria-label') ?? el.getAttribute('placeholder') ?? el.textContent ?? '').trim().slice(0, 60),
          tag: el.tagName.toLowerCase(),
          inNavigation: el.closest('nav, [aria-label="Hoofdmenu"]') !== null,
          inMain: el.closest('main') !== null,
          visible: ring(el) || drawn.some(ring),
        };
      });
    type Focus = NonNullable<Awaited<ReturnType<typeof focused>>>;
    const tabUntil = async (found: (f: Focus) => boolean, visited: Focus[], key: 'Tab' | 'Shift+Tab' = 'Tab') => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press(key);
        const now = await focused();
        if (!now) continue;
        visited.push(now);
        if (found(now)) return now;
      }
      throw new Error(`niet bereikt met Tab; bezocht: ${visited.map((v) => v.name).join(' | ')}`);
    };

    // From the page to the menu, and with Enter to Leerlingen.
    const visited: Focus[] = [];
    await tabUntil((f) => f.inNavigation && f.name === 'Leerlingen', visited);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Leerlingen', level: 1 }).waitFor();
    // The search field has the focus on arrival; back to the list's add button: Enter opens its
    // dialog with the focus inside, Esc closes it; then on to a student in the list.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    await tabUntil((f) => f.inMain && f.name === 'Leerling toevoegen', visited, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await tabUntil((f) => f.inMain && f.tag === 'a', visited);
    const without = visited.filter((v) => !v.visible);
    expect(without, 'elementen zonder zichtbare focus').toEqual([]);
  }, 300_000);
});
