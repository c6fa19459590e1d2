import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { api, field, snap, startNewSchool, type AppSession } from './harness';

const school = { name: 'Het Zoeklyceum', user: 'Anouk Wolters', code: 'awo', passphrase: 'zoeken op elke letter' };

describe('student search on the Leerlingen page: folded letters, particles, Dutch order', () => {
  let app: AppSession;
  let page: Page;

  beforeAll(async () => {
    app = await startNewSchool('zorgoverleg-e2e-search-', school);
    page = app.page;
    const base = { id: null, birthDate: null, className: '2B', yearLevel: 2, level: 'havo', mentorId: null, infix: '' };
    for (const s of [
      { givenName: 'Daan', infix: 'van', familyName: 'Dijk', studentNumber: '500001' },
      { givenName: 'Elif', familyName: 'Aydın', studentNumber: '500002' },
      { givenName: 'Emre', familyName: 'Ünal', studentNumber: '500003' },
      { givenName: 'Ayşe', familyName: 'Çelik', studentNumber: '500004' },
      { givenName: 'Eléonore', familyName: 'Bakker-de Jong', studentNumber: '500005' },
      { givenName: 'Pieter', infix: "van 't", familyName: 'Hooft', studentNumber: '500006' },
      { givenName: 'Sanne', familyName: 'Zwart', studentNumber: '500007' },
    ]) {
      await api(page, 'students.save', { ...base, ...s });
    }
    await page.getByRole('link', { name: 'Leerlingen', exact: true }).first().click();
  });
  afterAll(() => app?.close());

  const names = () =>
    page
      .getByRole('table')
      .getByRole('row')
      .filter({ has: page.getByRole('link') })
      .getByRole('link')
      .allTextContents();
  const search = () => page.getByRole('textbox', { name: 'Zoeken' });
  /** Types a query and waits for the list to show exactly these names (the previous answer may still be on screen). */
  const typeAndExpect = async (query: string, expected: string[]) => {
    await search().fill(query);
    await expect.poll(names, { timeout: 10_000 }).toEqual(expected);
  };

  it("lists students in Dutch order: Çelik with C, Ünal with U, van 't Hooft under H", async () => {
    await page.getByTestId('student-count').filter({ hasText: '7 leerlingen' }).waitFor();
    await expect
      .poll(names, { timeout: 10_000 })
      .toEqual([
        'Aydın, Elif',
        'Bakker-de Jong, Eléonore',
        'Çelik, Ayşe',
        'Dijk, Daan van',
        "Hooft, Pieter van 't",
        'Ünal, Emre',
        'Zwart, Sanne',
      ]);
  });

  it('finds Aydın by typing "aydin", and Bakker-de Jong by "de jong"', async () => {
    await typeAndExpect('aydin', ['Aydın, Elif']);
    await page.getByTestId('student-count').filter({ hasText: '1 leerling' }).waitFor();
    await snap(page, 'search-aydin');
    await typeAndExpect('de jong', ['Bakker-de Jong, Eléonore']);
    await typeAndExpect('"hooft', ["Hooft, Pieter van 't"]);
    // One letter: every name with a word starting with it, in name order (no family name starts with e).
    await typeAndExpect('e', ['Aydın, Elif', 'Bakker-de Jong, Eléonore', 'Ünal, Emre']);
    await page.getByTestId('student-count').filter({ hasText: '3 leerlingen' }).waitFor();
  });

  it('still finds them after a restart (the index is in the vault)', async () => {
    await app.restartHost();
    page = app.page;
    await field(page, 'Wachtwoord').fill(school.passphrase);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.getByRole('link', { name: 'Leerlingen', exact: true }).first().click();
    await typeAndExpect('celik', ['Çelik, Ayşe']);
    await snap(page, 'search-celik-after-restart');
  });
});
