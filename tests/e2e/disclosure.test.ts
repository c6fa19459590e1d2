import { readFileSync } from 'node:fs';
import { addDays, format, parseISO } from 'date-fns';
import { nl } from 'date-fns/locale';
import { describe, expect, it } from 'vitest';
import { documentText } from '../docx/docx-text';
import { api, planMeeting, snap, startNewSchool } from './harness';

/**
 * Who may read what, as the secretary meets it (issue 21): the notulen for the external partner
 * from the meeting's Word menu (no intern text, a case without that partner's consent without a
 * name), and the quiet warning under a "mag naar ouders" paragraph that names another student.
 */
const school = { name: 'Openbaarheidscollege', user: 'Anna Wolters', code: 'awo', passphrase: 'wie mag wat lezen' };

describe('disclosure in the screens', () => {
  it("makes the partner's version of the notulen from the Word menu and warns while typing another child's name for the parents", async () => {
    const app = await startNewSchool('zorgoverleg-e2e-disclosure-', school);
    const { page } = app;
    try {
      page.setDefaultTimeout(30_000);
      const awo = (await api(page, 'staff.list', {})).find((s) => s.code === 'awo')!.id;
      const leerplicht = (
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
      const student = async (givenName: string, familyName: string, studentNumber: string) =>
        (
          await api(page, 'students.save', {
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
          })
        ).id;
      const noor = await student('Noor', 'Visser', '800201');
      await student('Daan', 'Vries', '800202');
      const series = await api(page, 'series.save', {
        id: null,
        name: 'ZAT',
        kind: 'ZAT',
        intervalWeeks: null,
        weekday: null,
        startTime: '13:30',
        durationMinutes: 90,
        location: 'Kamer 1.12',
        chairId: awo,
        secretaryId: awo,
        withExternalPartners: true,
        intakeDeadlineSchoolDays: 3,
        moveRule: 'week-after',
        continueFrom: 'grid',
        color: 'teal',
        active: true,
        attendees: { staffIds: [awo], partnerIds: [leerplicht] },
      });
      const meeting = await planMeeting(page, series.id, 'ZAT', addDays(new Date(), 1), { staffIds: [awo], partnerIds: [leerplicht] }, awo);
      await api(page, 'agenda.create', { meetingId: meeting.id });
      await api(page, 'agenda.addItem', {
        meetingId: meeting.id,
        kind: 'casus',
        studentId: noor,
        intakeId: null,
        origin: 'handmatig',
      });
      const item = (await api(page, 'minutes.get', { meetingId: meeting.id })).items.find((i) => i.studentId === noor)!;
      expect(item.consent?.state).toBe('missing');
      await api(page, 'minutes.saveField', {
        itemId: item.id,
        field: 'bespreking',
        text: 'Noor Visser slaapt slecht; thuis speelt een scheiding.',
        audience: 'intern',
        baseRevision: 0,
      });

      // The meeting page, as the secretary opens it.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Jaarrooster' }).click();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleggen' }).click();
      await page
        .getByRole('table', { name: 'Komende overleggen' })
        .getByRole('row', { name: new RegExp(format(parseISO(meeting.date), 'd MMMM yyyy', { locale: nl })) })
        .click();
      await page.getByRole('heading', { level: 1, name: /ZAT/ }).waitFor();
      await page.getByRole('button', { name: 'Overleg starten' }).click();
      await page.getByText('Bezig', { exact: true }).first().waitFor();

      // While typing: another child's name in a text for the parents is named under the field.
      await page.getByRole('list', { name: 'Agenda' }).getByText('Noor Visser').click();
      const decision = page.getByRole('region').getByRole('textbox', { name: 'Besluit (toelichting)', exact: true });
      await decision.click();
      await page.keyboard.type('Noor gaat met Daan Vries naar de huiswerkklas.');
      const warning = page.locator('[data-field="besluit"] [data-name-warning]');
      await expect.poll(() => warning.textContent(), { timeout: 15_000 }).toContain('"Daan Vries"');
      expect(await warning.textContent()).not.toContain('Noor');
      await snap(page, 'disclosure-1-warning');
      // Rephrased, the warning goes.
      await decision.fill('Noor gaat naar de huiswerkklas.');
      await expect.poll(() => warning.count(), { timeout: 15_000 }).toBe(0);
      await expect.poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/Opgeslagen om/);

      // The Word menu offers Leerplicht its own version of the notulen.
      await page.getByRole('button', { name: 'Word' }).click();
      await page.getByRole('menuitem', { name: 'Notulen…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('radio', { name: /Leerplicht Utrecht \(zonder interne tekst\)/ }).check();
      await snap(page, 'disclosure-2-menu');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        dialog.getByRole('button', { name: 'Opslaan' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`notulen-${meeting.date}-concept-partner.docx`);
      const text = await documentText(readFileSync((await download.path())!));
      expect(text).toContain('Versie voor Leerplicht Utrecht');
      expect(text).toContain('Leerling uit leerjaar 2');
      expect(text).toContain('[naam] gaat naar de huiswerkklas.');
      for (const hidden of ['Noor', 'Visser', '800201', 'N.V.', 'scheiding']) expect(text, hidden).not.toContain(hidden);
    } finally {
      await app.close();
    }
  }, 240_000);
});
