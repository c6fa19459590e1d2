import { spawn, type ChildProcess } from 'node:child_process';
import { addDays, format } from 'date-fns';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { tempDir } from '../helpers/backend';
import type { MethodInput, MethodName, MethodOutput } from '../../electron/app/contract';

const root = resolve(import.meta.dirname, '..', '..');
export const screenshotDir = resolve(root, 'test-results', 'e2e');

export interface RunningHost {
  /**
   * The one-time launch address from the host's launch page: the first page of a browser that
   * opens it gets the session cookie; later pages of that browser (see openPage) share it.
   */
  url: string;
  /** The launch page as Chromium is given it (a file only this user can read). */
  launchPage: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the real browser shell (the built bundle) as its own process, as `npm start` does.
 * `nodeArgs` go to Node before the bundle (a test's `--require` of a fixed clock).
 */
export function startHost(dataDir: string, nodeArgs: string[] = []): Promise<RunningHost> {
  const bundle = resolve(root, 'dist', 'host', 'browser-host.cjs');
  if (!existsSync(bundle)) throw new Error('Build first: npm run build (npm test does this).');
  const child = spawn(process.execPath, [...nodeArgs, bundle, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolveHost, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/^ZORGOVERLEG_LAUNCH=(\S+)$/m);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        const launchUrl = readFileSync(fileURLToPath(match[1]), 'utf8').match(/url=(http:\/\/[^"]+)"/)?.[1];
        if (!launchUrl) return reject(new Error(`no launch address in the launch page:\n${output}`));
        resolveHost({
          url: launchUrl,
          launchPage: match[1],
          process: child,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Date fields follow Chromium's own language, not the page's locale: dd-mm-jjjj as in the app.
      '--lang=nl-NL',
    ],
  });
}

/** Keeps a picture of each step, for a person to look at when something fails. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`), fullPage: true });
}

/** A form field by its visible label (required fields carry an asterisk outside their name). */
export function field(page: Page, label: string) {
  return page.getByRole('textbox', { name: label, exact: true });
}

/** Clicks through "Nieuwe omgeving aanmaken" and past the recovery key; returns the key. */
export async function createEnvironment(page: Page, school: School) {
  await page.getByRole('button', { name: 'Nieuwe omgeving aanmaken' }).click();
  await field(page, 'Naam van de school').fill(school.name);
  await page.getByText('Midden', { exact: true }).click();
  await field(page, 'Je naam').fill(school.user);
  await field(page, 'Je personeelscode').fill(school.code);
  await field(page, 'Wachtwoord').fill(school.passphrase);
  await field(page, 'Herhaal wachtwoord').fill(school.passphrase);
  await page.getByRole('button', { name: 'Omgeving aanmaken' }).click();
  const key = (await page.getByTestId('recovery-key').textContent()) ?? '';
  await page.getByRole('checkbox', { name: 'Ik heb de herstelsleutel op een veilige plek bewaard' }).check();
  await page.getByRole('button', { name: 'Verder naar Zorgoverleg' }).click();
  await page.getByTestId('school-name').filter({ hasText: school.name }).waitFor();
  return key;
}

/**
 * A page as a Dutch user's window: Dutch locale (date fields as dd-mm-jjjj) and a laptop-sized
 * viewport. All pages of one Chromium share one profile, as the browser shell's Chromium does:
 * once one of them opened the launch address, the others share its session cookie.
 */
export async function openPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const profile =
    browserProfiles.get(browser) ?? browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true });
  browserProfiles.set(browser, profile);
  const page = await (await profile).newPage();
  await page.setViewportSize(viewport);
  return page;
}

const browserProfiles = new WeakMap<Browser, Promise<BrowserContext>>();

export interface School {
  name: string;
  user: string;
  code: string;
  passphrase: string;
}

/** Chromium, a fresh browser-shell host and a new school created through the UI, as most tests start. */
export interface AppSession {
  browser: Browser;
  host: RunningHost;
  page: Page;
  /** Stops the host process and starts a new one on the same data, with a new page on it. */
  restartHost(): Promise<void>;
  /** Kills the host as a crash or power cut would (SIGKILL, no shutdown), then starts it again. */
  crashHost(): Promise<void>;
  close(): Promise<void>;
}

export async function startNewSchool(prefix: string, school: School, viewport?: { width: number; height: number }): Promise<AppSession> {
  const data = tempDir(prefix);
  const browser = await launchChromium();
  const newPage = async () => {
    const page = await openPage(browser, viewport);
    page.on('pageerror', (err) => console.error('pageerror', err.message));
    page.setDefaultTimeout(10_000);
    return page;
  };
  const session: AppSession = {
    browser,
    host: await startHost(data.path),
    page: await newPage(),
    async restartHost() {
      await session.host.stop();
      session.host = await startHost(data.path);
      session.page = await newPage();
      await session.page.goto(session.host.url);
    },
    async crashHost() {
      const child = session.host.process;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGKILL');
      await exited;
      await session.page.close();
      session.host = await startHost(data.path);
      session.page = await newPage();
      await session.page.goto(session.host.url);
    },
    async close() {
      await browser.close();
      await session.host.stop();
      data.cleanup();
    },
  };
  await session.page.goto(session.host.url);
  await createEnvironment(session.page, school);
  return session;
}

/**
 * Calls the app's own API from the page, with the page's session cookie, as the app does. For
 * putting the data a test starts from in place; the flow under test is clicked.
 */
export async function api<M extends MethodName>(page: Page, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const envelope = await page.evaluate(
    async ({ method, input }) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    },
    { method, input },
  );
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.code} ${envelope.error?.message}`);
  return envelope.value as MethodOutput<M>;
}

/**
 * A meeting of a series on `from`, or `step` days further each time that day is off (tests plan
 * relative to today; a negative step searches back for a past meeting).
 */
export async function planMeeting(
  page: Page,
  seriesId: string,
  title: string,
  from: Date,
  attendees: { staffIds: string[]; partnerIds: string[] } = { staffIds: [], partnerIds: [] },
  chairId: string | null = null,
  step = 1,
): Promise<{ id: string; date: string }> {
  let date = from;
  for (let attempt = 0; attempt < 30; attempt++) {
    const iso = format(date, 'yyyy-MM-dd');
    try {
      const { id } = await api(page, 'meetings.save', {
        id: null,
        seriesId,
        title,
        date: iso,
        startTime: '13:30',
        durationMinutes: 90,
        location: 'Kamer 1.12',
        note: null,
        chairId,
        secretaryId: chairId,
        attendees,
      });
      return { id, date: iso };
    } catch (err) {
      if (!String(err).includes('DAY_OFF')) throw err;
      date = addDays(date, step);
    }
  }
  throw new Error('no school day found for the meeting in thirty days');
}

/** Instellingen → Externe partners → a new partner of a kind (its label in the list, e.g. 'Leerplicht'). */
export async function addPartner(page: Page, organisation: string, kindLabel: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByRole('tab', { name: 'Externe partners' }).click();
  await page.getByRole('button', { name: 'Partner toevoegen' }).click();
  await field(page, 'Organisatie').fill(organisation);
  await dialog.getByRole('combobox', { name: 'Soort' }).click();
  await page.getByRole('option', { name: kindLabel }).click();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await page
    .getByRole('table', { name: 'Externe partners' })
    .getByRole('row', { name: new RegExp(organisation) })
    .waitFor();
}

/**
 * Saves the open meeting dialog on `first`, or a week later each time the app says that day is
 * off (a holiday): tests plan relative to today and must pass on any day of the year.
 */
export async function saveMeetingOnOpenDay(page: Page, first: Date): Promise<Date> {
  const dialog = page.getByRole('dialog');
  let date = first;
  for (let attempt = 0; attempt < 10; attempt++) {
    await dialog.getByLabel('Datum').fill(format(date, 'yyyy-MM-dd'));
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    const outcome = await Promise.race([
      dialog.waitFor({ state: 'detached' }).then(() => 'saved' as const),
      dialog
        .getByText('kan geen overleg plaatsvinden')
        .waitFor()
        .then(() => 'day off' as const),
    ]);
    if (outcome === 'saved') return date;
    date = addDays(date, 7);
  }
  throw new Error('no school day found for the meeting in ten weeks');
}

/** Leerlingen → Leerling toevoegen; ends on the new student's page. */
export async function addStudent(
  page: Page,
  s: {
    givenName: string;
    infix: string;
    familyName: string;
    studentNumber: string;
    birthDate: Date;
    className: string;
  },
): Promise<void> {
  const dialog = page.getByRole('dialog');
  await page.getByRole('link', { name: 'Leerlingen', exact: true }).first().click();
  await page.getByRole('button', { name: 'Leerling toevoegen' }).click();
  await field(page, 'Roepnaam').fill(s.givenName);
  await field(page, 'Tussenvoegsel').fill(s.infix);
  await field(page, 'Achternaam').fill(s.familyName);
  await field(page, 'Leerlingnummer').fill(s.studentNumber);
  await dialog.getByLabel('Geboortedatum').fill(format(s.birthDate, 'yyyy-MM-dd'));
  await field(page, 'Klas').fill(s.className);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByRole('heading', { name: [s.givenName, s.infix, s.familyName].filter(Boolean).join(' '), level: 1 }).waitFor();
}

/** Jaarrooster → Overlegvormen → a new series with external partners as fixed attendees. */
export async function addSeriesWithPartners(page: Page, name: string, partners: string[]): Promise<void> {
  const dialog = page.getByRole('dialog');
  await page.getByRole('link', { name: 'Jaarrooster' }).click();
  await page.getByRole('tab', { name: 'Overlegvormen' }).click();
  await page.getByRole('button', { name: 'Overlegvorm toevoegen' }).click();
  await field(page, 'Naam').fill(name);
  await dialog.getByRole('combobox', { name: 'Soort' }).fill(name);
  await page.keyboard.press('Tab');
  await dialog.getByRole('combobox', { name: 'Vaste deelnemers (externe partners)' }).click();
  for (const partner of partners) await page.getByRole('option', { name: partner }).click();
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await page
    .getByRole('table', { name: 'Overlegvormen' })
    .getByRole('row', { name: new RegExp(name) })
    .waitFor();
}

/** From the start screen: opens the demo school and unlocks it as Anouk Wolters (awo) with the passphrase it shows. */
export async function unlockDemoSchool(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Demo-school openen' }).click();
  const passphrase = (await page.getByTestId('demo-passphrase').textContent()) ?? '';
  await page.getByRole('combobox', { name: 'Gebruiker' }).click();
  await page.getByRole('option', { name: 'Anouk Wolters (awo)' }).click();
  await field(page, 'Wachtwoord').fill(passphrase);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
}

/**
 * A fresh host on an empty data folder, the demo school opened from the start screen with the
 * passphrase it shows, unlocked as Anouk Wolters (awo); `run` gets the page, then all is removed.
 */
export async function withDemoSchool(prefix: string, run: (page: Page) => Promise<void>): Promise<void> {
  const data = tempDir(prefix);
  const host = await startHost(data.path);
  const browser = await launchChromium();
  try {
    const page = await openPage(browser, { width: 1400, height: 950 });
    page.setDefaultTimeout(15_000);
    await page.goto(host.url);
    await unlockDemoSchool(page);
    await run(page);
  } finally {
    await browser.close();
    await host.stop();
    data.cleanup();
  }
}

/** A date as a date field shows it and a Dutch user types it (dd-mm-jjjj), from a Date or an ISO date. */
export function shownDate(date: Date | string): string {
  const iso = typeof date === 'string' ? date : format(date, 'yyyy-MM-dd');
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

/** Types a date into a date field as a Dutch user does (dd-mm-jjjj) and leaves the field, so it shows what it read. */
export async function fillDate(input: Locator, date: Date | string): Promise<void> {
  await input.fill(shownDate(date));
  await input.blur();
}
