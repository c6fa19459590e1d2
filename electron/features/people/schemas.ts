import { format, isValid, parseISO } from 'date-fns';
import { z } from 'zod';
import { targetFieldOptions, type TargetField } from './import/fields';
import { partnerKinds } from './vocabulary';
import { plainTextFields } from '../../shared/plain-text';

/** Zod schemas of the people domain's contract methods (joined into electron/api/contract.ts). */

const text = (max = 200) => z.string().trim().max(max, { error: `Maximaal ${max} tekens.` });
const required = (what: string, max = 200) =>
  z.string().trim().min(1, { error: `Vul ${what} in.` }).max(max, { error: `Maximaal ${max} tekens.` });
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Vul een geldige datum in.' })
  .refine((v) => isValid(parseISO(v)) && format(parseISO(v), 'yyyy-MM-dd') === v, { error: 'Vul een geldige datum in.' });
const email = z
  .string()
  .trim()
  .refine((v) => v === '' || z.email().safeParse(v).success, { error: 'Dit is geen geldig e-mailadres.' });
const postalCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => v === '' || /^[1-9][0-9]{3} ?[A-Z]{2}$/.test(v), { error: 'Een postcode ziet eruit als 1234 AB.' })
  .transform((v) => (v === '' ? v : `${v.slice(0, 4)} ${v.slice(-2)}`));


export const studentInput = z.object({
  studentNumber: required('het leerlingnummer', 20),
  givenName: required('de roepnaam', 100),
  infix: text(30),
  familyName: required('de achternaam', 100),
  birthDate: isoDate.nullable(),
  className: text(20),
  yearLevel: z.number().int().min(1, { error: 'Leerjaar 1 t/m 6.' }).max(6, { error: 'Leerjaar 1 t/m 6.' }).nullable(),
  level: text(40),
  mentorId: z.string().nullable(),
});

const studentRow = z.object({
  id: z.string(),
  studentNumber: z.string(),
  name: z.string(),
  sortName: z.string(),
  className: z.string(),
  yearLevel: z.number().nullable(),
  level: z.string(),
  status: z.enum(['active', 'left']),
});

export const guardianInput = z.object({
  givenName: text(100),
  infix: text(30),
  familyName: required('de achternaam', 100),
  relation: required('de relatie', 40),
  parentalAuthority: z.boolean(),
  street: text(),
  houseNumber: text(20),
  postalCode,
  city: text(100),
  email,
  phone: text(40),
  salutation: required('de aanhef', 200),
});
const guardianRow = guardianInput.extend({ id: z.string() });

const studentDetail = studentInput.extend({
  id: z.string(),
  status: z.enum(['active', 'left']),
  leftOn: z.string().nullable(),
  mentor: z.object({ id: z.string(), name: z.string(), code: z.string() }).nullable(),
  guardians: z.array(guardianRow),
  /** Who a letter home goes to: one letter per address. */
  letterRecipients: z.array(
    z.object({ kind: z.enum(['ouders', 'leerling', 'afschrift']), guardianIds: z.array(z.string()), salutation: z.string(), addressLines: z.array(z.string()) }),
  ),
});

export const staffInput = z.object({
  name: required('de naam', 100),
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2,4}$/, { error: 'Een personeelscode bestaat uit 2 tot 4 letters, bijvoorbeeld "awo".' }),
  functions: z.array(z.string().trim().min(1).max(40)).max(20),
  email,
  active: z.boolean(),
});
const staffRow = staffInput.extend({ id: z.string() });

export const partnerInput = z.object({
  organisation: required('de organisatie', 150),
  kind: z.enum(partnerKinds, { error: 'Kies het soort partner.' }),
  contactName: text(100),
  email,
  phone: text(40),
  active: z.boolean(),
});
const partnerRow = partnerInput.extend({ id: z.string() });

const rowProblem = z.object({ line: z.number(), studentNumber: z.string(), message: z.string() });
const targetField = z.custom<TargetField>((v) => typeof v === 'string' && targetFieldOptions.some((o) => o.value === v), {
  error: 'Onbekend veld in de koppeling.',
});
const mapping = z.record(z.string().regex(/^\d+$/), targetField);

export const peopleMethods = {
  'students.search': {
    input: z.object({
      query: z.string().max(100),
      className: z.string().nullable(),
      yearLevel: z.number().int().nullable(),
      status: z.enum(['active', 'left', 'all']),
      limit: z.number().int().min(1).max(500),
    }),
    output: z.object({ total: z.number(), items: z.array(studentRow) }),
  },
  'students.filters': {
    input: z.object({}),
    output: z.object({ classes: z.array(z.string()), yearLevels: z.array(z.number()) }),
  },
  'students.get': { input: z.object({ id: z.string() }), output: studentDetail },
  'students.timeline': {
    input: z.object({ id: z.string() }),
    output: z.array(
      z.object({
        date: z.string(),
        kind: z.enum(['aanmelding', 'toestemming', 'overleg', 'actie', 'brief']),
        title: z.string(),
        detail: z.string(),
        ref: z.object({ type: z.enum(['aanmelding', 'overleg']), id: z.string() }).nullable(),
      }),
    ),
  },
  'students.save': {
    input: plainTextFields(studentInput.extend({ id: z.string().nullable() }), {
      studentNumber: 'het leerlingnummer',
      givenName: 'de roepnaam',
      infix: 'het tussenvoegsel',
      familyName: 'de achternaam',
      className: 'de klas',
      level: 'het niveau',
    }),
    output: z.object({ id: z.string() }),
  },
  'students.setStatus': {
    input: z.object({ id: z.string(), status: z.enum(['active', 'left']), leftOn: isoDate.nullable() }),
    output: z.null(),
  },
  'guardians.save': {
    input: plainTextFields(guardianInput.extend({ id: z.string().nullable(), studentId: z.string() }), {
      givenName: 'de voornaam',
      infix: 'het tussenvoegsel',
      familyName: 'de achternaam',
      relation: 'de relatie',
      street: 'de straat',
      houseNumber: 'het huisnummer',
      city: 'de woonplaats',
      phone: 'het telefoonnummer',
      salutation: 'de aanhef',
    }),
    output: z.object({ id: z.string() }),
  },
  'guardians.remove': { input: z.object({ id: z.string() }), output: z.null() },
  'staff.list': { input: z.object({}), output: z.array(staffRow) },
  'staff.save': {
    input: plainTextFields(staffInput.extend({ id: z.string().nullable() }), { name: 'de naam', functions: 'een functie' }),
    output: z.object({ id: z.string() }),
  },
  'partners.list': { input: z.object({}), output: z.array(partnerRow) },
  'partners.save': {
    input: plainTextFields(partnerInput.extend({ id: z.string().nullable() }), { organisation: 'de organisatie', contactName: 'de naam van de contactpersoon', phone: 'het telefoonnummer' }),
    output: z.object({ id: z.string() }),
  },
  'import.analyze': {
    input: z.object({
      fileName: z.string().max(300),
      /** The file's bytes, base64: JSON carries no binary. */
      contentBase64: z.string().max(90 * 1024 * 1024, { error: 'Dit bestand is te groot (maximaal 64 MB).' }),
    }),
    output: z.object({
      importId: z.string(),
      format: z.enum(['csv', 'xlsx']),
      encoding: z.string().nullable(),
      delimiter: z.string().nullable(),
      rowCount: z.number(),
      headers: z.array(z.string()),
      samples: z.array(z.array(z.string())),
      mapping,
      mappingRemembered: z.boolean(),
    }),
  },
  'import.preview': {
    input: z.object({ importId: z.string(), mapping }),
    output: z.object({
      kind: z.enum(['students', 'guardians']),
      toAdd: z.number(),
      toUpdate: z.number(),
      errors: z.array(rowProblem),
      warnings: z.array(rowProblem),
    }),
  },
  'import.start': {
    input: z.object({ importId: z.string(), mapping, onErrors: z.enum(['skip', 'refuse']) }),
    output: z.object({ jobId: z.string() }),
  },
  'import.progress': {
    input: z.object({ jobId: z.string() }),
    output: z.object({
      state: z.enum(['running', 'done', 'failed']),
      done: z.number(),
      total: z.number(),
      report: z
        .object({
          added: z.number(),
          updated: z.number(),
          skipped: z.number(),
          guardiansAdded: z.number(),
          guardiansUpdated: z.number(),
          errors: z.array(rowProblem),
          warnings: z.array(rowProblem),
        })
        .nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  },
} as const;
