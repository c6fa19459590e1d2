import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { initials } from '../../electron/features/people/names';
import { api, snap, withDemoSchool } from './harness';

/**
 * The chair presents the demo school's running meeting: Presenteren opens the projector in a
 * second window and turns the meeting page into the console. Keys work in both windows; the
 * projector shows initials until the chair switches names on, never intern text or guardians,
 * only the current item while guests are in the room, the secretary's new action without a
 * reload, and nothing at all once the app locks. Everything the projector page received (its DOM
 * and every answer it got) is read for names and intern text.
 */

const fullName = (p: { givenName: string; infix: string; familyName: string }) =>
  [p.givenName, p.infix, p.familyName].filter(Boolean).join(' ');

/**
 * An IOT of the demo school with two cases or more (the team among itself: the whole agenda is
 * projected), the running one when it is an IOT, with its students and their guardians.
 */
async function meetingToPresent(page: Page) {
  const meetings = [
    ...(await api(page, 'agenda.meetings', { scope: 'komend' })),
    ...(await api(page, 'agenda.meetings', { scope: 'afgelopen' })),
  ];
  const iots = meetings.filter((m) => m.title.startsWith('IOT') && m.cases >= 2);
  // A meeting that is afgelopen or fixed is not presented any more: take up one that is over again.
  const running =
    iots.find((m) => m.state === 'bezig') ?? iots.find((m) => m.state === 'afgelopen') ?? iots.find((m) => m.state !== 'vastgesteld');
  if (!running) throw new Error('the demo school has no IOT with two cases that can still be presented');
  if (running.state === 'afgelopen') await api(page, 'agenda.setProgress', { meetingId: running.id, progress: 'bezig' });
  const minutes = await api(page, 'minutes.get', { meetingId: running.id });
  const cases = minutes.items.filter((i) => i.kind === 'casus' && i.studentId && i.change !== 'vervallen');
  const students = await Promise.all(cases.map((c) => api(page, 'students.get', { id: c.studentId! })));
  return { minutes, cases, students };
}

describe('Presenteren', () => {
  it('projects the agenda safely and follows the chair, the secretary and the lock', async () => {
    await withDemoSchool('zorgoverleg-e2e-presentation-', async (page) => {
      page.setDefaultTimeout(30_000);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleggen' }).waitFor();
      const { minutes, cases, students } = await meetingToPresent(page);
      const meetingId = minutes.meeting.id;
      const studentNames = students.map(fullName);
      const guardianNames = students.flatMap((s) => s.guardians.flatMap((g) => [fullName(g), `${g.givenName} ${g.familyName}`]));
      const internTexts = cases.flatMap((c) =>
        c.fields.filter((f) => f.audience === 'intern' && f.text.trim().length > 20).map((f) => f.text.trim().slice(0, 40)),
      );
      expect(internTexts.length).toBeGreaterThan(0);

      await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meetingId}`);
      await page.getByRole('heading', { level: 1 }).waitFor();

      // Presenteren: the projector opens as a second window; the page becomes the console.
      const [projector] = await Promise.all([
        page.context().waitForEvent('page'),
        page.getByRole('button', { name: 'Presenteren' }).click(),
      ]);
      const received: string[] = [];
      projector.on('response', (response) => {
        if (response.url().includes('/api/'))
          void response.text().then(
            (body) => received.push(body),
            () => undefined,
          );
      });
      projector.setDefaultTimeout(30_000);
      await page.getByRole('heading', { name: /^Presenteren:/ }).waitFor();
      await projector.locator('[data-state="agenda"]').waitFor();
      const current = () => projector.locator('li[aria-current="step"] .projector-title').textContent();
      const currentNumber = () => projector.locator('li[aria-current="step"] .projector-number').textContent();
      expect(await currentNumber()).toBe('1');

      // → on the console, ← and B in the projector window.
      await page.keyboard.press('ArrowRight');
      await expect.poll(currentNumber, { timeout: 15_000 }).toBe('2');
      await projector.keyboard.press('PageDown');
      await expect.poll(currentNumber, { timeout: 15_000 }).toBe('3');
      await projector.keyboard.press('ArrowLeft');
      await expect.poll(currentNumber, { timeout: 15_000 }).toBe('2');
      await projector.keyboard.press('b');
      await projector.locator('[data-state="zwart"]').waitFor();
      await expect.poll(() => page.getByRole('radio', { name: 'Zwart (B)' }).isChecked(), { timeout: 15_000 }).toBe(true);
      await page.keyboard.press('b');
      await projector.locator('[data-state="agenda"]').waitFor();

      // To the first case: initials and class, never the name.
      const firstCase = cases[0]!;
      const firstStudent = students[0]!;
      await page.getByTestId('console-current').waitFor();
      await page.locator(`[data-agenda-item="${firstCase.number}"] button`).last().click();
      await expect.poll(currentNumber, { timeout: 15_000 }).toBe(String(firstCase.number));
      expect(await current()).toBe(`${initials(firstStudent)}, ${firstStudent.className}`);
      // Readable without scrolling at 16:9 and at 4:3: nothing of the agenda or the item is cut off.
      const fits = () =>
        projector.evaluate(() =>
          [...document.querySelectorAll('.projector-agenda, .projector-current')].every((e) => e.scrollHeight <= e.clientHeight + 1),
        );
      expect(await fits()).toBe(true);
      await snap(projector, 'presentation-projector');
      await snap(page, 'presentation-console');
      await projector.setViewportSize({ width: 1024, height: 768 });
      expect(await fits()).toBe(true);
      await snap(projector, 'presentation-projector-4x3');
      await projector.setViewportSize({ width: 1280, height: 720 });

      // Decisions and actions on: the secretary's new action appears without a reload.
      const toggle = async (name: string, on: boolean) => {
        await page.getByRole('switch', { name }).click({ force: true });
        if (name === 'Volledige namen' && on) {
          await page.getByRole('dialog').getByRole('button', { name: 'Namen tonen' }).click();
          // The dialog's closing overlay would take the next click.
          await page.getByRole('dialog').waitFor({ state: 'detached' });
        }
        await expect.poll(() => page.getByRole('switch', { name }).isChecked(), { timeout: 15_000 }).toBe(on);
      };
      await toggle('Besluiten en acties tonen', true);

      // A switch or a button with the focus does not take the presenter's keys.
      const onFirstCase = String(firstCase.number);
      await page.keyboard.press('ArrowRight');
      await expect.poll(currentNumber, { timeout: 15_000 }).not.toBe(onFirstCase);
      await page.getByRole('button', { name: 'Vorige (←)' }).click();
      await expect.poll(currentNumber, { timeout: 15_000 }).toBe(onFirstCase);
      await page.keyboard.press(' ');
      await expect.poll(currentNumber, { timeout: 15_000 }).not.toBe(onFirstCase);
      await page.keyboard.press('PageUp');
      await expect.poll(currentNumber, { timeout: 15_000 }).toBe(onFirstCase);
      const agreement = 'Gesprek met de studiebegeleider over een weekplanning';
      await api(page, 'actions.save', {
        itemId: firstCase.id,
        what: agreement,
        holder: { kind: 'leerling', staffId: null, partnerId: null },
        due: { kind: 'volgende-overleg' },
        audience: 'ouders',
      });
      await projector.getByText(agreement).waitFor();
      expect(await fits()).toBe(true);
      await snap(projector, 'presentation-projector-minutes');

      // Nothing the projector page holds or received names a student, a guardian or intern text.
      const everythingReceived = async () => [await projector.content(), ...received.splice(0)].join('\n');
      const nothingPrivate = (everything: string) => {
        for (const name of [...studentNames, ...guardianNames]) expect(everything).not.toContain(name);
        for (const text of internTexts) expect(everything).not.toContain(text);
      };
      const before = await everythingReceived();
      expect(before).toContain(agreement);
      nothingPrivate(before);

      // Full names only after the chair's explicit choice (this internal meeting lets every case through).
      const pageText = () => projector.locator('body').innerText();
      await toggle('Volledige namen', true);
      await expect.poll(current, { timeout: 15_000 }).toBe(`${fullName(firstStudent)}, ${firstStudent.className}`);
      await toggle('Volledige namen', false);
      await expect.poll(current, { timeout: 15_000 }).toBe(`${initials(firstStudent)}, ${firstStudent.className}`);
      received.splice(0);

      // Parents join for this case: only the current item is on the screen.
      const otherStudent = students[1]!;
      await api(page, 'agenda.updateItem', {
        id: firstCase.id,
        title: firstCase.title,
        presenterId: firstCase.presenter?.id ?? null,
        durationMinutes: firstCase.durationMinutes,
        confidential: firstCase.confidential,
        guests: [{ kind: 'ouders', name: 'Ouders' }],
      });
      await expect.poll(() => projector.locator('.projector-agenda').count(), { timeout: 15_000 }).toBe(0);
      await page.getByText('Gasten in de zaal: alleen dit punt op het scherm').waitFor();
      expect(await pageText()).not.toContain(`${initials(otherStudent)}, ${otherStudent.className}`);
      await snap(projector, 'presentation-projector-guests');

      // With guests in the room, not even another case's initials reached the page.
      const withGuests = await everythingReceived();
      nothingPrivate(withGuests);
      expect(withGuests).not.toContain(`${initials(otherStudent)}, ${otherStudent.className}`);

      // Locking blanks the projector at once; Esc after unlocking is not needed: the presentation ended.
      await page.getByRole('button', { name: 'Vergrendelen' }).click();
      await projector.locator('[data-state="vergrendeld"]').waitFor();
      expect(await projector.locator('body').innerText()).toBe('');
    });
  });

  it('Esc stops presenting: the projector window closes and the meeting page comes back', async () => {
    await withDemoSchool('zorgoverleg-e2e-presentation-esc-', async (page) => {
      page.setDefaultTimeout(30_000);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleggen' }).waitFor();
      const { minutes } = await meetingToPresent(page);
      await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${minutes.meeting.id}`);
      const [projector] = await Promise.all([
        page.context().waitForEvent('page'),
        page.getByRole('button', { name: 'Presenteren' }).click(),
      ]);
      await projector.locator('[data-state="agenda"]').waitFor({ timeout: 30_000 });
      const closed = projector.waitForEvent('close', { timeout: 30_000 });
      await projector.keyboard.press('Escape');
      await closed;
      await page.getByRole('button', { name: 'Presenteren' }).waitFor();
      expect(await api(page, 'presentation.state', {})).toBeNull();
    });
  });

  it('ends by itself when the meeting is afgelopen: the console says why, the projector shows nothing of the meeting', async () => {
    await withDemoSchool('zorgoverleg-e2e-presentation-ended-', async (page) => {
      page.setDefaultTimeout(30_000);
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overleggen' }).waitFor();
      const { minutes } = await meetingToPresent(page);
      const meetingId = minutes.meeting.id;
      await page.evaluate((hash) => (window.location.hash = hash), `#/overleggen/${meetingId}`);
      const [projector] = await Promise.all([
        page.context().waitForEvent('page'),
        page.getByRole('button', { name: 'Presenteren' }).click(),
      ]);
      await projector.locator('[data-state="agenda"]').waitFor({ timeout: 30_000 });
      await page.getByRole('heading', { name: /^Presenteren:/ }).waitFor();

      // The secretary (here: the API) marks the meeting afgelopen while the chair is presenting.
      await api(page, 'agenda.setProgress', { meetingId, progress: 'afgelopen' });
      const notice = page.getByTestId('presentation-ended');
      await notice.waitFor({ timeout: 30_000 });
      expect(await notice.textContent()).toContain('het overleg is afgelopen');
      // Starting again is not offered for a meeting that is over.
      expect(await page.getByRole('button', { name: 'Presenteren' }).count()).toBe(0);
      await projector.locator('[data-state="beeindigd"]').waitFor({ timeout: 30_000 });
      expect(await projector.locator('body').textContent()).not.toContain(minutes.meeting.title);
      await snap(page, 'presentatie-vanzelf-beeindigd');
    });
  });
});
