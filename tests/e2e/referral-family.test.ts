import { addDays } from 'date-fns';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../electron/app/contract';
import { api, planMeeting, snap, startNewSchool, type AppSession } from './harness';

/**
 * Issue 23, points 3 and 4, clicked through: the secretary decides "doorverwijzen" in the IOT and
 * names the FlexZAT; at the FlexZAT the student is on the agenda made from the suggestions, with
 * the IOT's question and a link back; and the mother is marked present at her child's case.
 */
const school = { name: 'Verwijscollege', user: 'Anna Wolters', code: 'awo', passphrase: 'doorverwijzen komt aan' };

describe('a referral arrives at the FlexZAT, and the parents are at their child’s case', () => {
  let app: AppSession;
  let page: Page;
  let daan: string;
  let mother: string;
  let iotMeeting: { id: string; date: string };
  let flexMeeting: { id: string; date: string };
  let flexzat: string;

  beforeAll(async () => {
    app = await startNewSchool('zorgoverleg-e2e-referral-', school);
    page = app.page;
    const awo = (await api(page, 'staff.list', {})).find((s) => s.code === 'awo')!.id;
    daan = (
      await api(page, 'students.save', {
        id: null,
        studentNumber: '810101',
        givenName: 'Daan',
        infix: '',
        familyName: 'Vries',
        birthDate: '2012-05-01',
        className: '2B',
        yearLevel: 2,
        level: 'havo',
        mentorId: null,
      })
    ).id;
    mother = (
      await api(page, 'guardians.save', {
        id: null,
        studentId: daan,
        givenName: 'Marieke',
        infix: '',
        familyName: 'Vries',
        relation: 'moeder',
        parentalAuthority: true,
        street: 'Lindelaan',
        houseNumber: '4',
        postalCode: '3512 KL',
        city: 'Utrecht',
        salutation: 'Geachte mevrouw Vries',
        email: '',
        phone: '',
      })
    ).id;
    const series = async (name: string, color: MethodInput<'series.save'>['color']) =>
      (
        await api(page, 'series.save', {
          id: null,
          name,
          kind: name,
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
          color,
          active: true,
          attendees: { staffIds: [awo], partnerIds: [] },
        })
      ).id;
    const iot = await series('IOT', 'teal');
    // A ZAT as well: the secretary has to say where the student goes.
    await series('ZAT', 'blue');
    flexzat = await series('FlexZAT', 'orange');
    const attendees = { staffIds: [awo], partnerIds: [] };
    iotMeeting = await planMeeting(page, iot, 'IOT', addDays(new Date(), 1), attendees, awo);
    flexMeeting = await planMeeting(page, flexzat, 'FlexZAT', addDays(new Date(), 8), attendees, awo);
    await api(page, 'agenda.create', { meetingId: iotMeeting.id });
    const { id } = await api(page, 'agenda.addItem', {
      meetingId: iotMeeting.id,
      kind: 'casus',
      studentId: daan,
      intakeId: null,
      origin: 'handmatig',
    });
    await api(page, 'minutes.saveField', {
      itemId: id,
      field: 'vraag',
      text: 'Daan slaapt slecht. Is de jeugdarts nodig?',
      audience: 'ouders',
      baseRevision: 0,
    });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const openMeeting = async (meeting: { id: string }, title: RegExp) => {
    await page.goto(new URL(`#/overleggen/${meeting.id}`, page.url()).toString());
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  };

  it('refers Daan to the FlexZAT, takes him in with the question, and marks his mother present', async () => {
    await openMeeting(iotMeeting, /IOT/);
    await page.getByRole('list', { name: 'Agenda' }).getByText('Daan Vries').click();
    const region = page.getByRole('region', { name: /Daan Vries/ });
    const kind = region.getByRole('combobox', { name: 'Soort besluit' });
    await kind.click();
    await page.keyboard.type('door');
    await page.locator('[data-combobox-selected]', { hasText: 'Doorverwijzen naar FlexZAT' }).waitFor();
    await page.keyboard.press('Enter');
    // Two series it could go to: the screen asks which.
    const target = region.getByRole('combobox', { name: 'Naar welk overleg' });
    await region.getByText('Kies het overleg: anders komt de verwijzing nergens aan.').waitFor();
    await target.click();
    await page.getByRole('option', { name: 'FlexZAT', exact: true }).click();
    await region.getByText(/staat als voorstel klaar bij het volgende FlexZAT/).waitFor();
    const iotCase = (await api(page, 'minutes.get', { meetingId: iotMeeting.id })).items.find((i) => i.studentId === daan)!;
    expect(iotCase).toMatchObject({ decision: 'doorverwijzen-overleg', referralSeriesId: flexzat });
    await snap(page, 'referral-1-decision');

    // At the FlexZAT the agenda is made from the suggestions: Daan arrives, with the question and the IOT case.
    await openMeeting(flexMeeting, /FlexZAT/);
    await page.getByRole('button', { name: 'Agenda maken' }).click();
    await page.getByRole('list', { name: 'Agenda' }).getByText('Daan Vries').click();
    const arrived = page.getByRole('region', { name: /Daan Vries/ });
    await expect
      .poll(() => arrived.getByRole('textbox', { name: 'Vraag / aanleiding', exact: true }).inputValue())
      .toContain('Daan slaapt slecht. Is de jeugdarts nodig?');
    await arrived.getByRole('link', { name: /Doorverwezen vanuit IOT/ }).waitFor();

    // His mother came for his case: chosen in the attendance list, marked present.
    await page.getByRole('combobox', { name: 'Ouders of leerling aanwezig bij' }).click();
    await page.getByRole('option', { name: 'Daan Vries' }).click();
    const family = page.getByRole('list', { name: 'Ouders en leerling bij Daan Vries' });
    await family.getByRole('listitem').filter({ hasText: 'Marieke Vries' }).getByText('Aanwezig', { exact: true }).click();
    await expect
      .poll(
        async () =>
          (await api(page, 'agenda.get', { meetingId: flexMeeting.id })).items
            .find((i) => i.studentId === daan)
            ?.family.find((m) => m.person === `guardian:${mother}`)?.presence,
      )
      .toBe('aanwezig');
    await snap(page, 'referral-2-family-present');
  }, 120_000);
});
