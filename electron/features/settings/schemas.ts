import { z } from 'zod';
import { plainLine } from '../../shared/plain-text';
import { userRoles } from './vocabulary';

/* The fields and methods of the settings domain: the school, its users and their roles. */

export const regionSchema = z.enum(['noord', 'midden', 'zuid'], {
  error: 'Kies een vakantieregio: noord, midden of zuid.',
});

export const trimmed = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .min(1, { error: `Vul ${label} in.` })
    .max(max, { error: `${label[0]!.toUpperCase()}${label.slice(1)} is te lang (maximaal ${max} tekens).` });
/** A name typed once and shown everywhere after (the school, a user). */
export const nameSchema = (label: string) => plainLine(trimmed(label), label);

export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: `Maximaal ${max} tekens.` });

export const staffCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,4}$/, { error: 'Een personeelscode bestaat uit 2 tot 4 letters, bijvoorbeeld "awo".' });

export const passphraseSchema = z
  .string()
  .min(10, { error: 'Kies een wachtwoord van minstens 10 tekens.' })
  .max(1024, { error: 'Dit wachtwoord is te lang.' });

export const rolesSchema = z.array(z.enum(userRoles)).max(userRoles.length);

export const schoolSettingsSchema = z.object({
  schoolName: trimmed('de naam van de school'),
  region: regionSchema,
  street: optionalText(),
  postalCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === '' || /^[1-9][0-9]{3} ?[A-Z]{2}$/.test(v), {
      error: 'Een postcode ziet eruit als 1234 AB.',
    })
    .transform((v) => (v === '' ? v : `${v.slice(0, 4)} ${v.slice(-2)}`)),
  city: optionalText(),
  phone: optionalText(40),
  email: z
    .string()
    .trim()
    .refine((v) => v === '' || z.email().safeParse(v).success, { error: 'Dit is geen geldig e-mailadres.' }),
  website: optionalText(),
  letterSignatoryName: optionalText(),
  letterSignatoryRole: optionalText(),
  letterFooter: optionalText(500),
  /** The coordinator may read Meldcode tracks (the aandachtsfunctionaris always can). */
  meldcodeCoordinatorAccess: z.boolean(),
});
export type SchoolSettings = z.output<typeof schoolSettingsSchema>;

const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  staffCode: z.string(),
  createdAt: z.string(),
  roles: rolesSchema,
});

export const settingsMethods = {
  'users.list': { input: z.object({}), output: z.array(userSchema) },
  'users.add': {
    input: z.object({
      name: nameSchema('de naam'),
      staffCode: staffCodeSchema,
      passphrase: passphraseSchema,
      roles: rolesSchema,
    }),
    output: z.object({ id: z.string() }),
  },
  'users.setRoles': {
    input: z.object({ userId: z.string(), roles: rolesSchema }),
    output: z.null(),
  },
  'users.remove': {
    input: z.object({ userId: z.string() }),
    output: z.object({ newRecoveryKey: z.string().nullable(), mustRecover: z.array(z.string()) }),
  },
  'settings.get': { input: z.object({}), output: schoolSettingsSchema },
  'settings.logo': {
    input: z.object({}),
    output: z.object({ contentBase64: z.string(), type: z.enum(['png', 'jpg']), width: z.number(), height: z.number() }).nullable(),
  },
  'settings.setLogo': {
    // Base64 of at most 2 MB (the rule itself is in settings/logo.ts).
    input: z.object({
      contentBase64: z
        .base64({ error: 'Dit bestand kon niet gelezen worden.' })
        .max(2_800_000, { error: 'Het logo is groter dan 2 MB. Kies een kleinere afbeelding.' }),
    }),
    output: z.null(),
  },
  'settings.removeLogo': { input: z.object({}), output: z.null() },
};
