import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { initials } from '../../electron/features/people/names';
import { documentText, makePng } from '../docx/docx-text';
import { api, snap, withDemoSchool } from './harness';

/**
 * The coordinator's Word documents from the demo school, clicked through as a user would: the
 * agenda and the minutes of a meeting, one student's extract for the parents, the letters of the
 * meeting's cases with their progress, a template refused for a misspelt field, the logo (a bad
 * file refused, a PNG taken) and the action list from Acties.
 * Every file is opened and read: what it says, and what it must not say.
 */

const read = async (download: Download) => readFileSync((await download.path())!);

async function saveFrom(page: Page, click: () => Promise<void>): Promise<{ name: string; file: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return { name: download.suggestedFilename(), file: await read(download) };
}

/** A past demo meeting with cases and minutes, and its students as the vault has them. */
async function meetingWithCases(page: Page) {
  const past = await api(page, 'agenda.meetings', { scope: 'afgelopen' });
  for (const summary of past.filter((m) => m.cases >= 2)) {
    const minutes = await api(page, 'minutes.get', { meetingId: summary.id });
    const cases = minutes.items.filter((i) => i.kind === 'casus' && i.studentId && i.change !== 'vervallen');
    if (cases.some((c) => c.fields.some((f) => f.text.trim() !== ''))) {
      const students = await Promise.all(cases.map((c) => api(page, 'students.get', { id: c.studentId! })));
      return { minutes, cases, students };
    }
  }
  throw new Error('the demo school has no past meeting with minuted cases');
}

describe('Word documents and letters to parents', () => {
  it('exports agenda, minutes and an extract, makes the letters of a meeting, and refuses a misspelt template field', async () => {
    await withDemoSchool('zorgoverleg-e2e-documents-', async (page) => {
      page.setDefaultTimeout(30_000);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleggen' }).waitFor();
      const { minutes, cases, students } = await meetingWithCases(page);
      const meetingId = minutes.meeting.id;
      const date = minutes.meeting.date;
      const fullNames = students.map((s) => [s.givenName, s.infix, s.familyName].filter(Boolean).join(' '));

      await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meetingId}`);
      await page.getByRole('heading', { level: 1 }).waitFor();

      // The agenda: students by initials and class unless the user chooses otherwise.
      await page.getByRole('button', { name: 'Word' }).click();
      await page.getByRole('menuitem', { name: 'Agenda…' }).click();
      await expect.poll(() => page.getByRole('radio', { name: /Met initialen en klas/ }).isChecked()).toBe(true);
      const agenda = await saveFrom(page, () => page.getByRole('dialog').getByRole('button', { name: 'Opslaan' }).click());
      expect(agenda.name).toBe(`agenda-${date}.docx`);
      const agendaText = await documentText(agenda.file);
      expect(agendaText).toContain(`Agenda ${minutes.meeting.title}`);
      for (const [index, student] of students.entries()) {
        expect(agendaText).toContain(`${initials(student)} (${student.className})`);
        expect(agendaText).not.toContain(fullNames[index]);
      }
      // In agenda order: the first case before the last.
      const firstAt = agendaText.indexOf(initials(students[0]!));
      const lastAt = agendaText.indexOf(initials(students.at(-1)!));
      expect(firstAt).toBeGreaterThan(-1);
      expect(lastAt).toBeGreaterThan(firstAt);

      // The minutes: concept or fixed, with the action table.
      await page.getByRole('button', { name: 'Word' }).click();
      await page.getByRole('menuitem', { name: 'Notulen…' }).click();
      const notulen = await saveFrom(page, () => page.getByRole('dialog').getByRole('button', { name: 'Opslaan' }).click());
      expect(notulen.name).toMatch(new RegExp(`^notulen-${date}(-concept)?\\.docx$`));
      const minutesText = await documentText(notulen.file);
      expect(minutesText).toContain(minutes.meeting.minutesFixedAt ? 'Vastgesteld op' : 'Concept');
      const anAction = cases.flatMap((c) => c.actions).find((a) => a.what.trim() !== '');
      if (anAction) expect(minutesText).toContain(anAction.what.trim().split('\n')[0]!);

      // One student's extract for the parents: that student only, nothing marked intern.
      const subject = cases[0]!;
      const student = students[0]!;
      await page
        .getByRole('list', { name: 'Agenda' })
        .getByRole('listitem')
        .filter({ hasText: `${cases[0]!.number}.` })
        .first()
        .getByRole('button')
        .last()
        .click();
      await page.getByRole('button', { name: 'Uittreksel' }).click();
      const extract = await saveFrom(page, () => page.getByRole('menuitem', { name: /Voor ouders/ }).click());
      expect(extract.name).toBe(`uittreksel-${student.studentNumber}-${date}-ouders.docx`);
      const extractText = await documentText(extract.file);
      expect(extractText).toContain(fullNames[0]);
      expect(extractText).toContain(student.studentNumber);
      for (const [index, other] of students.entries()) {
        if (index === 0) continue;
        expect(extractText).not.toContain(fullNames[index]);
        expect(extractText).not.toContain(other.studentNumber);
        expect(extractText).not.toContain(`${initials(other)} (${other.className})`);
      }
      for (const field of subject.fields.filter((f) => f.audience === 'intern' && f.text.trim().length > 20)) {
        expect(extractText).not.toContain(field.text.trim().slice(0, 40));
      }

      // The letters of the meeting: recipients per case, progress, one document to print.
      await page.getByRole('button', { name: 'Word' }).click();
      await page.getByRole('menuitem', { name: 'Brieven aan ouders…' }).click();
      await page.getByRole('heading', { name: 'Brieven', level: 1 }).waitFor();
      await page.getByRole('combobox', { name: 'Brief' }).click();
      await page.getByRole('option', { name: 'Terugkoppeling na het overleg' }).click();
      const region = page.getByRole('region', { name: 'Leerlingen en ontvangers' });
      await region.locator(`[data-letter-case="${student.studentNumber}"]`).waitFor();
      // Only the first student this time (a besloten case starts unticked): the others are unticked.
      await region.locator(`[data-letter-case="${student.studentNumber}"]`).getByRole('checkbox').first().check();
      for (const other of students.slice(1)) {
        await region.locator(`[data-letter-case="${other.studentNumber}"]`).getByRole('checkbox').first().uncheck();
      }
      await snap(page, 'brieven');
      // "Brief maken" shows the letter first, word for word; cancelling it makes and logs nothing.
      const lettersOnTimeline = async () =>
        (await api(page, 'students.timeline', { id: student.id })).filter((e) => e.kind === 'brief').length;
      const before = await lettersOnTimeline();
      await page.getByRole('button', { name: /brie(f|ven) maken$/ }).click();
      let preview = page.getByRole('dialog', { name: /Voorbeeld van de brie(f|ven)/ });
      const shown = preview.locator('[data-letter-preview="1"]');
      await shown.waitFor({ timeout: 60_000 });
      await shown
        .getByText(/^Geachte |^Beste /)
        .first()
        .waitFor();
      const previewText = (await shown.innerText()).replace(/\s+/g, ' ');
      await preview.getByRole('button', { name: 'Annuleren' }).click();
      await preview.waitFor({ state: 'detached' });
      expect(await lettersOnTimeline()).toBe(before);
      // Confirmed: made, and only now logged.
      await page.getByRole('button', { name: /brie(f|ven) maken$/ }).click();
      preview = page.getByRole('dialog', { name: /Voorbeeld van de brie(f|ven)/ });
      await preview.locator('[data-letter-preview="1"]').waitFor({ timeout: 60_000 });
      await preview.getByRole('button', { name: 'Maken en vastleggen' }).click();
      await page.getByText(/brie(f|ven) gemaakt/).waitFor({ timeout: 60_000 });
      expect(await lettersOnTimeline()).toBe(before + 1);
      const print = await saveFrom(page, () => page.getByRole('button', { name: 'Alles in één document (afdrukken)' }).click());
      expect(print.name).toBe(`brieven-${date}-terugkoppeling.docx`);
      const letterText = await documentText(print.file);
      expect(letterText).toContain(`Betreft`);
      // What the preview showed is what was printed.
      const subjectShown = /Betreft: (.+?) (Geachte|Beste) /.exec(previewText)?.[1];
      expect(subjectShown).toBeTruthy();
      expect(letterText.replace(/\s+/g, ' ')).toContain(subjectShown!);
      expect(letterText).toContain(student.givenName);
      expect(letterText).not.toMatch(/\{\{|\}\}/);
      for (const name of fullNames.slice(1)) expect(letterText).not.toContain(name);
      const zip = await saveFrom(page, () => page.getByRole('button', { name: 'Eén bestand per adres (zip)' }).click());
      const inside = Object.keys((await JSZip.loadAsync(zip.file)).files);
      expect(inside.length).toBeGreaterThan(0);
      for (const name of inside) expect(name).toMatch(new RegExp(`^brief-${student.studentNumber}-`));

      // The letter is on the student's timeline.
      await page.evaluate((hash) => (window.location.hash = hash), `#/leerlingen/${student.id}`);
      await page
        .getByRole('list', { name: `Tijdlijn van ${fullNames[0]}` })
        .getByText('Brief: Terugkoppeling na het overleg')
        .first()
        .waitFor();

      // An empty contact field the letter names is warned about before any letter is made, and holds the button.
      const settings = await api(page, 'settings.get', {});
      await api(page, 'settings.update', { ...settings, phone: '' });
      await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meetingId}`);
      await page.getByRole('button', { name: 'Word' }).click();
      await page.getByRole('menuitem', { name: 'Brieven aan ouders…' }).click();
      await page.getByRole('combobox', { name: 'Brief' }).click();
      await page.getByRole('option', { name: 'Terugkoppeling na het overleg' }).click();
      await page
        .getByTestId('letters-contact-problems')
        .getByText('{{school.telefoon}}: het telefoonnummer van de school is niet ingevuld')
        .waitFor();
      await expect.poll(() => page.getByRole('button', { name: /brie(f|ven) maken$/ }).isDisabled()).toBe(true);
      await api(page, 'settings.update', settings);

      // Instellingen → Brieven: a misspelt field is shown and refused; fixed, it is saved.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
      await page.getByRole('tab', { name: 'Brieven' }).click();
      await page
        .getByRole('link', { name: /Uitnodiging voor een gesprek/ })
        .or(page.getByText('Uitnodiging voor een gesprek').first())
        .first()
        .click();
      const body = page.getByRole('textbox', { name: 'Tekst van de brief' });
      // The shipped letter has a text for a student of 16 or older: the preview shows either.
      await page.getByText('Aan de leerling (16+)').click();
      await expect.poll(() => page.locator('[data-letter-preview]').textContent()).toContain('Wij willen graag met je praten');
      await page.getByText('Aan de ouders', { exact: true }).click();
      await expect.poll(() => page.locator('[data-letter-preview]').textContent()).toContain('Wij willen graag met u praten over Zoë');
      await body.fill('Beste ouders,\n\nWij spreken over {{leerling.naam2}} op {{overleg.datum}}.');
      await page.getByText('bedoel je {{leerling.naam}}?').first().waitFor();
      await body.fill('Wij spreken over {{leerling.naam}} op {{overleg.datum}}.\n\n{{acties}}');
      await expect
        .poll(() => page.locator('[data-letter-preview]').textContent())
        .toContain('Wij spreken over Zoë de Vries op donderdag 12 november 2026.');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByText('Aangepast').first().waitFor();
      const saved = (await api(page, 'letters.templates', {})).find((t) => t.id === 'uitnodiging')!;
      expect(saved.body).toContain('{{leerling.naam}} op {{overleg.datum}}');
      expect(saved.edited).toBe(true);
      await snap(page, 'brieven-sjabloon');

      // The letterhead's logo: a text file is refused by name, a PNG replaces the demo's logo.
      await page.getByRole('tab', { name: 'School en briefhoofd' }).click();
      const logoInput = page.locator('input[type="file"][accept="image/png,image/jpeg"]');
      await logoInput.setInputFiles({
        name: 'logo.png',
        mimeType: 'image/png',
        buffer: Buffer.from('geen afbeelding'),
      });
      await page.getByText('Het logo moet een PNG- of JPG-afbeelding zijn.').waitFor();
      await logoInput.setInputFiles({
        name: 'logo.png',
        mimeType: 'image/png',
        buffer: makePng(64, 32, () => [20, 80, 40, 255]),
      });
      await expect.poll(async () => (await api(page, 'settings.logo', {}))?.width).toBe(64);
      await page.getByRole('img', { name: 'Logo van de school' }).waitFor();

      // Acties → Actielijst (Word): the open actions per holder.
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Acties' }).click();
      await page.getByRole('button', { name: 'Actielijst (Word)' }).click();
      const list = await saveFrom(page, () => page.getByRole('menuitem', { name: 'Per actiehouder' }).click());
      expect(list.name).toMatch(/^actielijst-\d{4}-\d{2}-\d{2}-per-actiehouder\.docx$/);
      const listText = await documentText(list.file);
      expect(listText).toContain('Openstaande acties per actiehouder');
      expect(listText).toContain('Leerlingen staan op deze lijst met initialen en klas.');
    });
  }, 300_000);
});
