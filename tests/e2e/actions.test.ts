import { addDays, format, parseISO, previousTuesday, subDays } from 'date-fns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { MethodInput } from '../../electron/app/contract';
import { api, planMeeting, snap, startNewSchool, type AppSession } from './harness';

const school = {
  name: 'Het Actiecollege',
  user: 'Anouk Wolters',
  code: 'awo',
  passphrase: 'wat wie en wanneer afgesproken',
};

/** Every date follows from today: the test must pass on any day of the year. */
const now = new Date();
const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const dutch = (d: Date) => format(d, 'dd-MM-yyyy');

describe('actions: the list of open agreements, closing them, and the student timeline', () => {
  let app: AppSession;
  let page: Page;
  /** What the seeded actions are called on screen ("5.1 uit IOT 03-11-2026"), as the backend numbered them. */
  const origin: Record<'overdue' | 'mine' | 'concept' | 'ouders', string> = {
    overdue: '',
    mine: '',
    concept: '',
    ouders: '',
  };
  /** Their ids, to put them back as seeded before each test. */
  const actionId: Record<'overdue' | 'mine' | 'ouders', string> = { overdue: '', mine: '', ouders: '' };
  let iotMeetingId = '';
  let daanId = '';
  let today = '';

  /** A new action through the contract; the backend answers with the action as stored. */
  async function newAction(input: MethodInput<'actions.save'>) {
    const result = await api(page, 'actions.save', input);
    if (!result.saved) throw new Error('a new action cannot conflict');
    return result.action;
  }

  beforeAll(async () => {
    app = await startNewSchool('zorgoverleg-e2e-actions-', school, { width: 1400, height: 950 });
    page = app.page;
    page.setDefaultTimeout(20_000);
    // "Today" as the browser sees it (Europe/Amsterdam): the closing date on screen is written in it.
    today = await page.evaluate(() => new Date().toLocaleDateString('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric' }));
    await seed();
  }, 120_000);
  afterAll(() => app?.close());

  /**
   * Every test starts from the seeded school on a freshly loaded Acties page: what an earlier test
   * closed is open again, so each test can run alone and in any order.
   */
  beforeEach(async () => {
    for (const id of Object.values(actionId)) await api(page, 'actions.setStatus', { id, status: 'open', note: '' });
    await page.evaluate(() => (window.location.hash = '#/acties'));
    await page.reload();
    await page.getByRole('heading', { name: 'Acties', level: 1 }).waitFor();
    await expect.poll(rowCount).toBe(5); // the header and four open actions
  });

  const dialog = () => page.getByRole('dialog');
  const table = () => page.getByRole('table', { name: 'Acties' });
  const row = (what: string) => table().getByRole('row').filter({ hasText: what });
  const rowCount = () => table().getByRole('row').count();

  /** A picture from the top (a full-page shot taken scrolled shows the sticky header halfway), without stacked toasts. */
  async function picture(name: string) {
    // Toasts close by themselves after a few seconds; clicking them away could close an open dialog.
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 20_000 }).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await snap(page, name);
  }

  async function series(name: string): Promise<string> {
    const { id } = await api(page, 'series.save', {
      id: null,
      name,
      kind: name,
      intervalWeeks: 5,
      weekday: 2,
      startTime: '13:30',
      durationMinutes: 90,
      location: 'Vergaderkamer',
      chairId: null,
      secretaryId: null,
      withExternalPartners: false,
      intakeDeadlineSchoolDays: 5,
      moveRule: 'week-after',
      continueFrom: 'grid',
      color: name === 'IOT' ? 'teal' : 'grape',
      active: true,
      attendees: { staffIds: [], partnerIds: [] },
    });
    return id;
  }

  async function caseOn(meetingId: string, studentId: string): Promise<string> {
    await api(page, 'agenda.create', { meetingId });
    return (await api(page, 'agenda.addItem', { meetingId, kind: 'casus', studentId, intakeId: null, origin: 'handmatig' })).id;
  }

  /** The school every step starts from: two series with meetings, two students, four actions. */
  async function seed() {
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
    const student = (givenName: string, familyName: string, studentNumber: string, className: string) =>
      api(page, 'students.save', {
        id: null,
        studentNumber,
        givenName,
        infix: '',
        familyName,
        birthDate: iso(subDays(now, 14 * 365)),
        className,
        yearLevel: 2,
        level: 'havo',
        mentorId: null,
      });
    daanId = (await student('Daan', 'Vries', '700101', '2B')).id;
    const saraId = (await student('Sara', 'Bakker', '700102', '3A')).id;
    const iot = await series('IOT');
    const zat = await series('ZAT');

    // The IOT met some weeks ago: an action due a few days after it is over tijd now.
    const iotMeeting = await planMeeting(page, iot, 'IOT', previousTuesday(subDays(now, 21)), undefined, null, -7);
    iotMeetingId = iotMeeting.id;
    const daanItem = await caseOn(iotMeeting.id, daanId);
    const overdue = await newAction({
      itemId: daanItem,
      what: 'Gesprek met ouders plannen',
      holder: { kind: 'staff', staffId: bgr, partnerId: null },
      due: { kind: 'datum', date: iso(addDays(parseISO(iotMeeting.date), 3)) },
      audience: 'ouders',
    });
    const mine = await newAction({
      itemId: daanItem,
      what: 'Mentor belt moeder over het slapen',
      holder: { kind: 'staff', staffId: awo, partnerId: null },
      due: { kind: 'datum', date: iso(addDays(now, 14)) },
      audience: 'ouders',
    });

    // The ZAT met last week and meets again in some weeks: "volgende overleg" is that date.
    const zatMeeting = await planMeeting(page, zat, 'ZAT', previousTuesday(subDays(now, 6)), undefined, null, -7);
    await planMeeting(page, zat, 'ZAT', addDays(parseISO(zatMeeting.date), 35), undefined, null, 7);
    const saraItem = await caseOn(zatMeeting.id, saraId);
    const concept = await newAction({
      itemId: saraItem,
      what: 'Huiswerkklas aanvragen',
      holder: null,
      due: null,
      audience: 'intern',
    });
    const ouders = await newAction({
      itemId: saraItem,
      what: 'Ouders vragen toestemming voor de jeugdarts',
      holder: { kind: 'ouders', staffId: null, partnerId: null },
      due: { kind: 'volgende-overleg' },
      audience: 'ouders',
    });
    expect([overdue.overdue, mine.overdue, concept.status, ouders.status]).toEqual([true, false, 'concept', 'open']);
    Object.assign(actionId, { overdue: overdue.id, mine: mine.id, ouders: ouders.id });
    origin.overdue = overdue.origin;
    origin.mine = mine.origin;
    origin.concept = concept.origin;
    origin.ouders = ouders.origin;
  }

  it('lists every open action, the overdue one marked and the concept explained', async () => {
    await page.getByRole('link', { name: 'Acties' }).click();
    await page.getByRole('heading', { name: 'Acties', level: 1 }).waitFor();
    await expect.poll(rowCount).toBe(5); // the header and four actions
    await page.getByTestId('action-count').getByText('4 open acties · 1 over tijd · 1 concept').waitFor();

    // The most urgent first: the overdue one, with its origin, student, holder and a red badge.
    const late = row('Gesprek met ouders plannen');
    expect(await table().getByRole('row').nth(1).textContent()).toContain('Gesprek met ouders plannen');
    await late.getByRole('link', { name: origin.overdue }).waitFor();
    await late.getByText('Daan Vries').waitFor();
    await late.getByText('(2B)').waitFor();
    await late.getByText('bgr — Bram Groen').waitFor();
    await late.getByText('Over tijd', { exact: true }).waitFor();
    expect(await late.getAttribute('data-overdue')).toBe('true');
    expect(await row('Mentor belt moeder').getByText('Over tijd').count()).toBe(0);
    await row('Mentor belt moeder')
      .getByText(dutch(addDays(now, 14)))
      .waitFor();

    // "Volgende overleg" shows the date of the series' next meeting.
    await row('Ouders vragen toestemming').getByText('Volgende overleg').waitFor();
    await row('Ouders vragen toestemming').getByText('Ouders', { exact: true }).waitFor();

    // A concept says why it is one.
    await row('Huiswerkklas aanvragen').getByText('Concept', { exact: true }).hover();
    await page.getByRole('tooltip').getByText('Kies wie de actie uitvoert (de actiehouder).').waitFor();
    await picture('actions-01-open');
    await page.mouse.move(0, 0);
    await page.getByRole('tooltip').waitFor({ state: 'detached' });

    // The origin leads to the meeting it came from.
    expect(await late.getByRole('link', { name: origin.overdue }).getAttribute('href')).toBe(`#/overleggen/${iotMeetingId}`);
  });

  it('filters on "mijn acties", over tijd and the series', async () => {
    await page.getByText('Mijn acties', { exact: true }).click();
    await expect.poll(rowCount).toBe(2);
    await row('Mentor belt moeder over het slapen').waitFor();
    expect(await page.getByRole('combobox', { name: 'Actiehouder' }).isDisabled()).toBe(true);
    await page.getByText('Iedereen', { exact: true }).click();
    await expect.poll(rowCount).toBe(5);

    // click, not check(): the switch follows the address, which the router updates a moment after the click.
    const overdueOnly = page.getByRole('switch', { name: 'Alleen over tijd' });
    await overdueOnly.click();
    await expect.poll(() => overdueOnly.isChecked()).toBe(true);
    await expect.poll(rowCount).toBe(2);
    await row('Gesprek met ouders plannen').waitFor();
    await overdueOnly.click();
    await expect.poll(() => overdueOnly.isChecked()).toBe(false);
    await expect.poll(rowCount).toBe(5);

    await page.getByRole('combobox', { name: 'Overlegvorm' }).click();
    await page.getByRole('option', { name: 'ZAT' }).click();
    await expect.poll(rowCount).toBe(3);
    await row('Huiswerkklas aanvragen').waitFor();
    await row('Ouders vragen toestemming').waitFor();
    await picture('actions-02-zat');

    // A student without actions in this view: a Dutch empty state, and a way out.
    await page.getByRole('combobox', { name: 'Leerling' }).fill('daan');
    await page.getByRole('option', { name: 'Daan Vries (2B)' }).click();
    await page.getByText('Geen acties bij deze filters').waitFor();
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect.poll(rowCount).toBe(5);
  });

  it('marks one "gedaan": gone from Open, in Alle with who and when, and reopened again', async () => {
    await row('Mentor belt moeder')
      .getByRole('button', { name: `Actie ${origin.mine} gedaan` })
      .click();
    await expect.poll(rowCount).toBe(4);
    expect(await row('Mentor belt moeder').count()).toBe(0);

    await page.getByText('Alle', { exact: true }).click();
    await expect.poll(rowCount).toBe(5);
    const done = row('Mentor belt moeder');
    await done.getByText('Gedaan', { exact: true }).waitFor();
    await done.getByText(`door ${school.user} op ${today}`).waitFor();
    await done.getByRole('button', { name: `Actie ${origin.mine} heropenen` }).waitFor();
    // Closed ones follow the open ones.
    expect(await table().getByRole('row').last().textContent()).toContain('Mentor belt moeder');
    await picture('actions-03-alle');

    await done.getByRole('button', { name: `Actie ${origin.mine} heropenen` }).click();
    await done.getByText('Open', { exact: true }).waitFor();
    await done.getByRole('button', { name: `Actie ${origin.mine} gedaan` }).click();
    await done.getByText('Gedaan', { exact: true }).waitFor();
    await page.getByText('Open', { exact: true }).first().click();
    await expect.poll(rowCount).toBe(4);
  });

  it('lets an action lapse only with a reason; the error sits at the field and the dialog stays', async () => {
    await row('Ouders vragen toestemming')
      .getByRole('button', { name: `Meer voor actie ${origin.ouders}` })
      .click();
    await page.getByRole('menuitem', { name: 'Vervallen…' }).click();
    const reason = dialog().getByRole('textbox', { name: 'Reden' });
    await dialog().getByRole('button', { name: 'Laten vervallen' }).click();
    // The backend refuses; its message is linked to the field, the dialog stays open.
    await dialog().getByText('Schrijf op waarom de actie vervalt.').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await reason.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ').some((id) => id.endsWith('-error'))).toBe(true);
    await picture('actions-04-vervallen-zonder-reden');

    await reason.fill('Ouders hebben zelf de huisarts ingeschakeld.');
    expect(await reason.getAttribute('aria-invalid')).toBeNull();
    await dialog().getByRole('button', { name: 'Laten vervallen' }).click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(rowCount).toBe(4);

    await page.getByText('Alle', { exact: true }).click();
    const lapsed = row('Ouders vragen toestemming');
    await lapsed.getByText('Vervallen', { exact: true }).waitFor();
    await lapsed.getByText('Reden: Ouders hebben zelf de huisarts ingeschakeld.').waitFor();
    await lapsed.getByText(`door ${school.user} op ${today}`).waitFor();
    await page.getByText('Open', { exact: true }).first().click();
    await expect.poll(rowCount).toBe(4);
  });

  it("shows the meeting and the actions on the student's timeline", async () => {
    // Done today (what the test of "gedaan" clicks; here set up through the contract).
    await api(page, 'actions.setStatus', { id: actionId.mine, status: 'gedaan', note: '' });
    await row('Gesprek met ouders plannen').getByRole('link', { name: 'Daan Vries' }).click();
    await page.getByRole('heading', { name: 'Daan Vries', level: 1 }).waitFor();
    const timeline = page.getByRole('list', { name: 'Tijdlijn van Daan Vries' });
    await page.getByRole('heading', { name: 'Tijdlijn', level: 2 }).waitFor();
    const meeting = timeline.getByRole('link', { name: 'Besproken in IOT' });
    await meeting.waitFor();
    expect(await meeting.getAttribute('href')).toBe(`#/overleggen/${iotMeetingId}`);
    await timeline.getByRole('link', { name: `Actie ${origin.overdue}` }).waitFor();
    await timeline.getByText(/Gesprek met ouders plannen — bgr — Bram Groen — open, over tijd/).waitFor();
    await timeline.getByText(/Mentor belt moeder over het slapen — awo — Anouk Wolters — gedaan/).waitFor();
    // Newest first: the action closed today comes before the meeting weeks ago.
    const titles = await timeline.getByRole('listitem').allTextContents();
    const closedToday = titles.findIndex((t) => t.includes('Mentor belt moeder'));
    const discussed = titles.findIndex((t) => t.includes('Besproken in IOT'));
    expect(closedToday).toBeGreaterThanOrEqual(0);
    expect(closedToday).toBeLessThan(discussed);
    await picture('actions-05-tijdlijn');
  });
});
