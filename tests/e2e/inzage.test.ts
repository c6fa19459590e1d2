import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { documentText } from '../docx/docx-text';
import { api, snap, withDemoSchool } from './harness';

/**
 * An inzage from the demo school, clicked through as the coordinator would: the button on a
 * student's page, the confirm dialog saying what the zip holds and that it is logged, the zip
 * downloaded and unzipped, and the Word document read: this student's intake and minutes, nothing
 * of the other students discussed in the same meeting.
 */

const fullName = (s: { givenName: string; infix: string; familyName: string }) =>
  [s.givenName, s.infix, s.familyName].filter(Boolean).join(' ');

/** The longest piece of a text between the names in it: a sentence of the text without anyone's name. */
function fragment(text: string, names: string[]): string {
  const pieces = names.reduce((parts, name) => parts.flatMap((p) => p.split(name)), [text]);
  return pieces
    .map((p) => p.trim())
    .sort((a, b) => b.length - a.length)[0]!
    .slice(0, 60)
    .trim();
}

describe('inzage', () => {
  it('exports one student’s file from the student page as a zip, without the other students of the same meeting, and logs it', async () => {
    await withDemoSchool('zorgoverleg-e2e-inzage-', async (page) => {
      page.setDefaultTimeout(30_000);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleggen' }).waitFor();

      // A past meeting with several minuted cases: the first case's student is the one asking.
      const past = await api(page, 'agenda.meetings', { scope: 'afgelopen' });
      let found: {
        minutes: Awaited<ReturnType<typeof api<'minutes.get'>>>;
        cases: Awaited<ReturnType<typeof api<'minutes.get'>>>['items'];
      } | null = null;
      for (const summary of past.filter((m) => m.cases >= 2)) {
        const minutes = await api(page, 'minutes.get', { meetingId: summary.id });
        const cases = minutes.items.filter(
          (i) => i.kind === 'casus' && i.studentId && i.change !== 'vervallen' && i.fields.some((f) => f.text.trim() !== ''),
        );
        if (cases.length >= 2) {
          found = { minutes, cases };
          break;
        }
      }
      expect(found, 'a past demo meeting with two minuted cases').not.toBeNull();
      const [own, ...others] = found!.cases;
      const student = await api(page, 'students.get', { id: own!.studentId! });
      const otherStudents = await Promise.all(others.map((c) => api(page, 'students.get', { id: c.studentId! })));
      const intakes = await api(page, 'intakes.list', {
        status: null,
        meetingId: null,
        studentId: student.id,
        mine: false,
      });
      const intake = intakes.length > 0 ? await api(page, 'intakes.get', { id: intakes[0]!.id }) : null;

      await page.evaluate((hash) => (window.location.hash = hash), `#/leerlingen/${student.id}`);
      await page.getByRole('heading', { level: 1, name: fullName(student) }).waitFor();
      await page.getByRole('button', { name: 'Inzage exporteren' }).click();
      const dialog = page.getByRole('dialog', { name: 'Inzage exporteren' });
      await dialog.getByTestId('inzage-contents').waitFor();
      await expect.poll(() => dialog.textContent()).toContain('vastgelegd in het logboek');
      expect(await dialog.textContent()).toContain(fullName(student));
      await snap(page, 'inzage-dialoog');

      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        dialog.getByRole('button', { name: 'Exporteren' }).click(),
      ]);
      const zipName = download.suggestedFilename();
      expect(zipName).toMatch(new RegExp(`^inzage-${student.studentNumber}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
      await dialog.waitFor({ state: 'detached' });

      const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
      const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
      const docxName = zipName.replace(/\.zip$/, '.docx');
      expect(names).toContain(docxName);
      for (const name of names) expect(name === docxName || name.startsWith('bijlagen/'), name).toBe(true);
      const text = await documentText(await zip.file(docxName)!.async('nodebuffer'));

      expect(text).toContain(`Inzage in het dossier van ${fullName(student)}`);
      expect(text).toContain('door Anouk Wolters');
      // How long the school keeps the file, as the retention settings say.
      expect(text).toContain('8. Bewaartermijn');
      expect(text).toMatch(/Bewaartermijn dossier\n\d+ jaar na de uitschrijving/);
      // His part of the minutes, as typed (his own name stays), and his intake's answers.
      const ownField = own!.fields.find((f) => f.text.trim() !== '')!;
      expect(text).toContain(
        fragment(
          ownField.text,
          otherStudents.flatMap((s) => [fullName(s), s.givenName]),
        ),
      );
      if (intake) {
        const aanleiding = intake.answers['aanleiding'];
        if (typeof aanleiding === 'string' && aanleiding.trim() !== '') expect(text).toContain(aanleiding.trim().split('\n')[0]);
      }
      // Nothing of the others in the same meeting: not their names, numbers or their items' text.
      for (const [index, other] of otherStudents.entries()) {
        expect(text).not.toContain(fullName(other));
        expect(text).not.toContain(other.studentNumber);
        for (const field of others[index]!.fields.filter((f) => f.text.trim() !== '')) {
          const piece = fragment(field.text, [other.givenName, fullName(other)]);
          if (piece.length >= 20 && !own!.fields.some((f) => f.text.includes(piece))) expect(text, piece).not.toContain(piece);
        }
      }

      // The export is in the log: who, when, whose file.
      const log = await api(page, 'audit.list', {
        filter: { userId: null, studentId: student.id, from: null, to: null },
        before: null,
        limit: 5,
      });
      expect(log.entries[0]).toMatchObject({
        method: 'inzage.export',
        userName: 'Anouk Wolters',
        students: [{ id: student.id }],
      });
      expect(log.entries[0]!.detail).toContain(zipName);
    });
  });
});
