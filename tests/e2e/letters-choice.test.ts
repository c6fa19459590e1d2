import { expect, it } from 'vitest';
import { api, snap, withDemoSchool } from './harness';

/**
 * Issue 23, as the coordinator meets it in the demo school: a case with complete consent says so on
 * its agenda item, and Brieven keeps the chosen meeting and letter when she goes elsewhere and back.
 */
it('marks a case with complete consent on the agenda, and Brieven remembers the meeting and the letter', async () => {
  await withDemoSchool('zorgoverleg-e2e-letters-choice-', async (page) => {
    await page.getByTestId('school-name').waitFor();
    // A meeting of the demo whose agenda has a case with complete consent (read through the contract).
    const meetings = [
      ...(await api(page, 'agenda.meetings', { scope: 'komend' })),
      ...(await api(page, 'agenda.meetings', { scope: 'afgelopen' })),
    ];
    let found: { id: string; complete: number } | null = null;
    for (const m of meetings) {
      const agenda = await api(page, 'agenda.get', { meetingId: m.id });
      const complete = agenda.items.filter((i) => i.consent?.state === 'ok').length;
      if (complete > 0) {
        found = { id: m.id, complete };
        break;
      }
    }
    expect(found).not.toBeNull();
    await page.evaluate((id) => (window.location.hash = `#/overleggen/${id}`), found!.id);
    const agenda = page.getByRole('list', { name: 'Agenda' });
    await agenda.getByRole('listitem').first().waitFor();
    await expect.poll(() => agenda.locator('[data-consent="compleet"]').count()).toBe(found!.complete);
    await agenda.locator('[data-consent="compleet"]').first().hover();
    await page.getByRole('tooltip').filter({ hasText: 'Toestemming compleet' }).waitFor();
    await snap(page, 'agenda-toestemming-compleet');

    // Brieven: a meeting and a letter chosen, then Acties, then Brieven from the menu again.
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Brieven' }).click();
    await page.getByRole('heading', { name: 'Brieven', level: 1 }).waitFor();
    const meeting = page.getByRole('combobox', { name: 'Overleg' });
    await meeting.click();
    const option = page.getByRole('listbox').getByRole('option').first();
    const chosenMeeting = (await option.textContent()) ?? '';
    expect(chosenMeeting).not.toBe('');
    await option.click();
    await expect.poll(() => meeting.inputValue()).toBe(chosenMeeting);
    await page.getByRole('combobox', { name: 'Brief' }).click();
    await page.getByRole('option', { name: 'Terugkoppeling na het overleg' }).click();
    await menu.getByRole('link', { name: 'Acties' }).click();
    await page.getByRole('heading', { name: 'Acties', level: 1 }).waitFor();
    await menu.getByRole('link', { name: 'Brieven' }).click();
    await page.getByRole('heading', { name: 'Brieven', level: 1 }).waitFor();
    await expect.poll(() => meeting.inputValue()).toBe(chosenMeeting);
    await expect.poll(() => page.getByRole('combobox', { name: 'Brief' }).inputValue()).toBe('Terugkoppeling na het overleg');
    // A reload keeps it too: the choice is in the address.
    await page.reload();
    await page.getByRole('heading', { name: 'Brieven', level: 1 }).waitFor();
    await expect.poll(() => meeting.inputValue()).toBe(chosenMeeting);
  });
}, 180_000);
