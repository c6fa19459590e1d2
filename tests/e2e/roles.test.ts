import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { petraDeVries } from '../helpers/people-fixtures';
import { api, field, snap, startNewSchool, withDemoSchool } from './harness';

/**
 * Issue 22: a screen shows only what its user may do, read from the contract's roles table. The
 * coordinator sees the buttons that change a student, the guardians, the import and the staff; a
 * lid (an LLCO) sees the same pages without them, and the backend would refuse them anyway.
 */
const school = { name: 'Het Lyceum Rollen', user: 'Anouk Wolters', code: 'awo', passphrase: 'correct paard batterij' };
const bram = { name: 'Bram Groen', staffCode: 'bgr', passphrase: 'wachtwoord van bram' };
const student = {
  studentNumber: '231146',
  givenName: 'Daan',
  infix: 'de',
  familyName: 'Vries',
  birthDate: '2012-05-04',
  className: '2B',
  yearLevel: 2,
  level: 'havo',
  mentorId: null,
};

/** Counts of the buttons that change what consent rests on, on the pages where they live. */
async function changeButtons(page: Page) {
  const count = (name: string) => page.getByRole('button', { name, exact: true }).count();
  await page.getByRole('link', { name: 'Leerlingen', exact: true }).first().click();
  await page.getByRole('heading', { name: 'Leerlingen', level: 1 }).waitFor();
  await page.getByRole('cell', { name: '231146' }).waitFor();
  const list = {
    importeren: await page.getByRole('link', { name: 'Importeren' }).count(),
    toevoegen: await count('Leerling toevoegen'),
  };
  await page.getByRole('cell', { name: '231146' }).click();
  await page.getByRole('heading', { name: 'Daan de Vries', level: 1 }).waitFor();
  await page.getByTestId('guardian-card').waitFor();
  const studentPage = {
    gegevens: await count('Gegevens wijzigen'),
    uitschrijven: await count('Uitschrijven'),
    ouderToevoegen: await count('Ouder/verzorger toevoegen'),
    ouderWijzigen: await page.getByTestId('guardian-card').getByRole('button', { name: 'Wijzigen' }).count(),
  };
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByRole('tab', { name: 'Medewerkers' }).click();
  await page.getByRole('cell', { name: 'epr' }).waitFor();
  const staff = {
    toevoegen: await count('Medewerker toevoegen'),
    wijzigen: await page.getByRole('button', { name: 'Emma Prins wijzigen' }).count(),
  };
  return { list, studentPage, staff };
}

it('shows the coordinator the buttons that change a student, and a lid the same pages without them', async () => {
  const app = await startNewSchool('zorgoverleg-e2e-roles-', school);
  try {
    const { page } = app;
    await api(page, 'users.add', { ...bram, roles: ['lid'] });
    const { id: studentId } = await api(page, 'students.save', { id: null, ...student });
    await api(page, 'guardians.save', petraDeVries(studentId));
    await api(page, 'staff.save', {
      id: null,
      name: 'Emma Prins',
      code: 'epr',
      functions: ['LLCO'],
      email: '',
      active: true,
    });

    expect(await changeButtons(page)).toEqual({
      list: { importeren: 1, toevoegen: 1 },
      studentPage: { gegevens: 1, uitschrijven: 1, ouderToevoegen: 1, ouderWijzigen: 1 },
      staff: { toevoegen: 1, wijzigen: 1 },
    });

    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await page.getByRole('combobox', { name: 'Gebruiker' }).click();
    await page.getByRole('option', { name: `${bram.name} (${bram.staffCode})` }).click();
    await field(page, 'Wachtwoord').fill(bram.passphrase);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.getByTestId('school-name').waitFor();

    expect(await changeButtons(page)).toEqual({
      list: { importeren: 0, toevoegen: 0 },
      studentPage: { gegevens: 0, uitschrijven: 0, ouderToevoegen: 0, ouderWijzigen: 0 },
      staff: { toevoegen: 0, wijzigen: 0 },
    });
    // Issue 23: what a lid may not change is there, disabled, and says why on hover (not a refusal after Opslaan).
    const reason = 'Alleen de coördinator kan dit wijzigen';
    const explains = async (button: ReturnType<Page['getByRole']>) => {
      await expect.poll(() => button.isDisabled()).toBe(true);
      await page.locator('[data-refusal]', { has: button }).hover();
      await page.getByRole('tooltip').filter({ hasText: reason }).waitFor();
      await page.mouse.move(0, 0);
      await expect.poll(() => page.getByRole('tooltip').count()).toBe(0);
    };
    await page.getByRole('link', { name: 'Jaarrooster', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Jaarrooster', level: 1 }).waitFor();
    await explains(page.getByRole('button', { name: 'Overleg toevoegen', exact: true }));
    await explains(page.getByRole('button', { name: 'Jaar plannen', exact: true }));
    await snap(page, 'roles-lid-jaarrooster');
    await page.getByRole('link', { name: 'Overleggen', exact: true }).first().click();
    await explains(page.getByRole('button', { name: 'Vaste agenda', exact: true }));
    // The school's settings read-only: the fields shown, not editable, Opslaan saying why.
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await expect.poll(() => field(page, 'Naam van de school').inputValue()).toBe(school.name);
    expect(await field(page, 'Naam van de school').isDisabled()).toBe(true);
    await explains(page.getByRole('button', { name: 'Opslaan', exact: true }));

    // What the lid does is still there: handing in an intake.
    await page.getByRole('link', { name: 'Aanmeldingen' }).first().click();
    await page.getByRole('button', { name: 'Nieuwe aanmelding' }).waitFor();
  } finally {
    await app.close();
  }
}, 120_000);

/** Locks and unlocks as another user of the same environment, as a colleague at the same laptop. */
async function switchUser(page: Page, option: string, passphrase: string) {
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await page.getByRole('combobox', { name: 'Gebruiker' }).click();
  await page.getByRole('option', { name: option }).click();
  await field(page, 'Wachtwoord').fill(passphrase);
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await page.getByTestId('school-name').waitFor();
}

/** Per open action on Acties: who holds it and whether the row offers Gedaan (concepts are finished in the minutes). */
async function actionRows(page: Page) {
  await page.getByRole('link', { name: 'Acties', exact: true }).first().click();
  await page.getByRole('table', { name: 'Acties' }).locator('tbody tr').first().waitFor();
  return page
    .getByRole('table', { name: 'Acties' })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows
        .filter((row) => !(row.textContent ?? '').includes('Aanvullen in de notulen'))
        .map((row) => ({
          holder: row.querySelectorAll('td')[3]?.textContent ?? '',
          gedaan: row.querySelector('button[aria-label$=" gedaan"]') !== null,
        })),
    );
}

/** The open actions of earlier meetings under "Actiepunten" of the latest past meeting: holder text and a Gedaan button. */
async function carriedRows(page: Page) {
  await page.getByRole('link', { name: 'Overleggen', exact: true }).first().click();
  await page.getByText('Afgelopen', { exact: true }).click();
  await page.getByRole('table', { name: 'Afgelopen overleggen' }).locator('tbody tr').first().click();
  await page.getByText(/^\d+\. Actiepunten$/).click();
  const list = page.getByRole('list', { name: 'Open acties uit eerdere overleggen' });
  await list.getByRole('listitem').first().waitFor();
  return list.getByRole('listitem').evaluateAll((items) =>
    items.map((item) => ({
      text: item.textContent ?? '',
      gedaan: [...item.querySelectorAll('button')].some((b) => b.textContent === 'Gedaan'),
    })),
  );
}

/** Whether Bram's concept intake (the demo's Noor Nguyen) offers "Concept verwijderen". */
async function conceptRemovable(page: Page) {
  await page.getByRole('link', { name: 'Aanmeldingen', exact: true }).first().click();
  await page.getByRole('tab', { name: /^Alle/ }).click();
  await page.getByRole('row', { name: /Noor Nguyen/ }).click();
  await page.getByRole('heading', { name: 'Noor Nguyen', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Indienen' }).waitFor();
  return (await page.getByRole('button', { name: 'Concept verwijderen' }).count()) === 1;
}

it("offers a lid Gedaan only on the actions the lid holds, and Concept verwijderen only on a concept of one's own", async () => {
  await withDemoSchool('zorgoverleg-e2e-roles-demo-', async (page) => {
    await page.getByTestId('school-name').waitFor();
    const ruben = { name: 'Ruben Vos', staffCode: 'rvo', passphrase: 'wachtwoord van ruben' };
    await api(page, 'users.add', { ...ruben, roles: ['lid'] });

    // The coordinator closes any action and removes anyone's concept.
    await expect.poll(async () => (await actionRows(page)).every((r) => r.gedaan)).toBe(true);
    expect((await carriedRows(page)).every((r) => r.gedaan)).toBe(true);
    expect(await conceptRemovable(page)).toBe(true);

    await switchUser(page, 'Ruben Vos (rvo)', ruben.passphrase);
    // A lid closes their own action (the backend refuses the others: FORBIDDEN).
    await expect
      .poll(async () =>
        (await actionRows(page)).map((r) => ({ own: r.holder.startsWith('rvo'), gedaan: r.gedaan })).filter((r) => r.own !== r.gedaan),
      )
      .toEqual([]);
    const rows = await actionRows(page);
    expect(rows.some((r) => r.holder.startsWith('rvo'))).toBe(true);
    expect(rows.some((r) => !r.holder.startsWith('rvo'))).toBe(true);
    const carried = await carriedRows(page);
    expect(carried.filter((r) => r.gedaan !== r.text.includes('rvo — Ruben Vos'))).toEqual([]);
    expect(await conceptRemovable(page)).toBe(false);
    await snap(page, 'roles-lid-concept');
    // Toestemming nodig does not tell a lid to record consent they may not record.
    await page.getByRole('link', { name: 'Aanmeldingen', exact: true }).first().click();
    await page.getByRole('tab', { name: 'Toestemming nodig' }).click();
    await page.getByText('De coördinator legt de toestemming vast op de pagina van de leerling.').waitFor();
    expect(await page.getByText('Leg de toestemming vast').count()).toBe(0);

    // Ruben's own action: Gedaan works for him.
    await page.getByRole('link', { name: 'Acties', exact: true }).first().click();
    const own = page.getByRole('table', { name: 'Acties' }).getByRole('row').filter({ hasText: 'rvo — Ruben Vos' }).first();
    await own.getByRole('button', { name: /gedaan$/ }).click();
    await page.getByText(/staat op gedaan/).waitFor();
  });
}, 180_000);
