import { addDays, format, nextTuesday, parseISO, subDays } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, planMeeting, snap, startNewSchool, type AppSession } from './harness';

/**
 * Linking an anonymous case (issue 21): the IOT discusses "leerling uit leerjaar 2", with
 * minutes, a decision and two actions; the coordinator links the intake to Lotte, and
 * Lotte's timeline then shows the meeting with its decision and both actions. The data the test
 * starts from is put in place through the contract; the linking itself is clicked.
 */
const now = new Date();
const iso = (date: Date) => format(date, 'yyyy-MM-dd');
const school = {
  name: 'Het Koppellyceum',
  user: 'Anouk Wolters',
  code: 'awo',
  passphrase: 'eerst anoniem dan met naam',
};

describe('linking an anonymous case takes its history to the student', () => {
  let app: AppSession;
  let page: Page;
  let intakeId = '';

  beforeAll(async () => {
    app = await startNewSchool('zorgoverleg-e2e-link-', school, { width: 1400, height: 950 });
    page = app.page;
    page.setDefaultTimeout(20_000);
    await seed();
  }, 120_000);
  afterAll(() => app?.close());

  const dialog = () => page.getByRole('dialog');

  async function seed() {
    const awo = (await api(page, 'staff.list', {})).find((s) => s.code === 'awo')!.id;
    const iot = (
      await api(page, 'series.save', {
        id: null,
        name: 'IOT',
        kind: 'IOT',
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
        color: 'teal',
        active: true,
        attendees: { staffIds: [], partnerIds: [] },
      })
    ).id;
    await api(page, 'students.save', {
      id: null,
      studentNumber: '812345',
      givenName: 'Lotte',
      infix: 'de',
      familyName: 'Groot',
      birthDate: iso(subDays(now, 13 * 365)),
      className: '2C',
      yearLevel: 2,
      level: 'havo',
      mentorId: null,
    });
    // The coming IOT (internal: no consent needed to link the case); its minutes are being typed.
    const meeting = await planMeeting(page, iot, 'IOT', nextTuesday(addDays(now, 7)), { staffIds: [awo], partnerIds: [] }, awo);
    intakeId = (await api(page, 'intakes.create', { studentId: null, anonymousYearLevel: 2, seriesId: iot })).id;
    const draft = await api(page, 'intakes.get', { id: intakeId });
    await api(page, 'intakes.submit', {
      id: intakeId,
      revision: draft.revision,
      referrerId: awo,
      referredOn: draft.referredOn,
      meetingId: meeting.id,
      answers: {
        aanleiding: 'Een leerling vertelt over spanningen thuis.',
        vraag: 'Welke hulp kan school bieden?',
        zorgen: { thuissituatie: 'Spanningen thuis.' },
        geprobeerd: 'Gesprekken met de mentor.',
        'visie-ouders': { text: '', missingReason: 'Nog niet met ouders gesproken.' },
        'visie-leerling': { text: 'Wil graag hulp.', missingReason: '' },
      },
    });
    await api(page, 'intakes.decide', { id: intakeId, decision: 'accept', reason: '' });
    await api(page, 'agenda.create', { meetingId: meeting.id });
    const item = (await api(page, 'minutes.get', { meetingId: meeting.id })).items.find((i) => i.kind === 'casus')!;
    await api(page, 'minutes.saveField', {
      itemId: item.id,
      field: 'besluit',
      text: 'Counseling op school.',
      audience: 'ouders',
      baseRevision: 0,
    });
    await api(page, 'minutes.setDecision', { itemId: item.id, decision: 'basisondersteuning', decided: true });
    for (const what of ['Gesprekken met de counselor plannen', 'Ouders uitnodigen voor een gesprek']) {
      await api(page, 'actions.save', {
        itemId: item.id,
        what,
        holder: { kind: 'staff', staffId: awo, partnerId: null },
        due: { kind: 'datum', date: iso(addDays(parseISO(meeting.date), 14)) },
        audience: 'ouders',
      });
    }
  }

  it('the coordinator links the intake to Lotte; her timeline shows the meeting, its decision and the actions', async () => {
    await page.evaluate((id) => (window.location.hash = `#/aanmeldingen/${id}`), intakeId);
    await page.getByRole('button', { name: 'Koppelen aan leerling' }).click();
    await dialog().getByText('gaat mee naar de leerling').waitFor();
    await dialog().getByRole('combobox', { name: 'Leerling' }).fill('lotte');
    await page.getByRole('option', { name: /Lotte de Groot \(2C\)/ }).click();
    await dialog().getByRole('button', { name: 'Koppelen' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Koppelen aan leerling' }).waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Leerlingen', exact: true }).first().click();
    await page.getByRole('textbox', { name: 'Zoeken' }).fill('lotte');
    await page.getByRole('link', { name: /Lotte/ }).click();
    await page.getByRole('heading', { name: 'Lotte de Groot', level: 1 }).waitFor();
    const timeline = page.getByRole('list', { name: 'Tijdlijn van Lotte de Groot' });
    await timeline.getByRole('link', { name: 'Besproken in IOT' }).waitFor();
    await timeline.getByText('Besluit: Basisondersteuning').waitFor();
    await timeline.getByText(/Gesprekken met de counselor plannen — awo — Anouk Wolters — open/).waitFor();
    await timeline.getByText(/Ouders uitnodigen voor een gesprek — awo — Anouk Wolters — open/).waitFor();
    await expect.poll(() => timeline.getByRole('listitem').filter({ hasText: 'Aanmelding' }).count()).toBeGreaterThan(0);
    await snap(page, 'intake-link-tijdlijn');
  });
});
