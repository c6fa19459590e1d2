import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { api, field, startNewSchool } from './harness';

/**
 * Issue 22: a screen shows only what its user may do, read from the contract's roles table. The
 * coordinator sees the buttons that change a student, the guardians, the import and the staff; a
 * lid (an LLCO) sees the same pages without them, and the backend would refuse them anyway.
 */
const school = { name: 'Het Lyceum Rollen', user: 'Anouk Wolters', code: 'awo', passphrase: 'correct paard batterij' };
const bram = { name: 'Bram Groen', staffCode: 'bgr', passphrase: 'wachtwoord van bram' };
const student = { studentNumber: '231146', givenName: 'Daan', infix: 'de', familyName: 'Vries', birthDate: '2012-05-04', className: '2B', yearLevel: 2, level: 'havo', mentorId: null };

/** Counts of the buttons that change what consent rests on, on the pages where they live. */
async function changeButtons(page: Page) {
  const count = (name: string) => page.getByRole('button', { name, exact: true }).count();
  await page.getByRole('link', { name: 'Leerlingen', exact: true }).first().click();
  await page.getByRole('heading', { name: 'Leerlingen', level: 1 }).waitFor();
  await page.getByRole('cell', { name: '231146' }).waitFor();
  const list = { importeren: await page.getByRole('link', { name: 'Importeren' }).count(), toevoegen: await count('Leerling toevoegen') };
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
  const staff = { toevoegen: await count('Medewerker toevoegen'), wijzigen: await page.getByRole('button', { name: 'Emma Prins wijzigen' }).count() };
  return { list, studentPage, staff };
}

it('shows the coordinator the buttons that change a student, and a lid the same pages without them', async () => {
  const app = await startNewSchool('zorgoverleg-e2e-roles-', school);
  try {
    const { page } = app;
    await api(page, 'users.add', { ...bram, roles: ['lid'] });
    const { id: studentId } = await api(page, 'students.save', { id: null, ...student });
    await api(page, 'guardians.save', {
      id: null,
      studentId,
      givenName: 'Petra',
      infix: 'de',
      familyName: 'Vries',
      relation: 'moeder',
      parentalAuthority: true,
      street: 'Lindelaan',
      houseNumber: '4',
      postalCode: '3512 KL',
      city: 'Utrecht',
      email: '',
      phone: '',
      salutation: 'Geachte mevrouw De Vries',
    });
    await api(page, 'staff.save', { id: null, name: 'Emma Prins', code: 'epr', functions: ['LLCO'], email: '', active: true });

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
    // What the lid does is still there: handing in an intake.
    await page.getByRole('link', { name: 'Aanmeldingen' }).first().click();
    await page.getByRole('button', { name: 'Nieuwe aanmelding' }).waitFor();
  } finally {
    await app.close();
  }
}, 120_000);
