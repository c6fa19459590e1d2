import { describe, expect, it } from 'vitest';
import { contract } from '../../electron/app/contract';
import { schoolSettingsSchema } from '../../electron/features/settings/schemas';

const baseSettings = {
  schoolName: 'Lindeboom College',
  region: 'midden',
  street: '',
  postalCode: '',
  city: '',
  phone: '',
  email: '',
  website: '',
  letterSignatoryName: '',
  letterSignatoryRole: '',
  letterFooter: '',
  meldcodeCoordinatorAccess: true,
};

describe('contract validation', () => {
  it('normalises postcodes and staff codes', () => {
    expect(schoolSettingsSchema.parse({ ...baseSettings, postalCode: '3512kl' }).postalCode).toBe('3512 KL');
    const create = contract['vault.create'].input.parse({
      schoolName: ' Lindeboom ',
      region: 'zuid',
      userName: 'An',
      staffCode: 'AWO ',
      passphrase: 'tien tekens!',
    });
    expect(create.staffCode).toBe('awo');
    expect(create.schoolName).toBe('Lindeboom');
  });

  it('explains bad input in Dutch', () => {
    const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;
    expect(message(schoolSettingsSchema.safeParse({ ...baseSettings, postalCode: '12345' }))).toBe('Een postcode ziet eruit als 1234 AB.');
    expect(message(schoolSettingsSchema.safeParse({ ...baseSettings, email: 'geen-adres' }))).toBe('Dit is geen geldig e-mailadres.');
    expect(message(schoolSettingsSchema.safeParse({ ...baseSettings, region: 'oost' }))).toMatch(/vakantieregio/);
    expect(message(schoolSettingsSchema.safeParse({ ...baseSettings, schoolName: '  ' }))).toBe('Vul de naam van de school in.');
    const short = contract['vault.create'].input.safeParse({
      schoolName: 'X',
      region: 'noord',
      userName: 'An',
      staffCode: 'a1',
      passphrase: 'kort',
    });
    const messages = short.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain('Een personeelscode bestaat uit 2 tot 4 letters, bijvoorbeeld "awo".');
    expect(messages).toContain('Kies een wachtwoord van minstens 10 tekens.');
  });

  it('answers a Dutch sentence naming the field where a schema has no message of its own, not validator text', () => {
    const r = contract['vault.unlock'].input.safeParse({ environmentId: 'x', userId: 'y', passphrase: 42 });
    expect(r.error?.issues[0]?.message).toBe('Het wachtwoord moet een tekst zijn.');
  });
});
