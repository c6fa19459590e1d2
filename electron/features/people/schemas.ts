import { z } from 'zod';
import { importSources, targetFieldOptions, type TargetField } from './import/fields';
import { birthDateProblem, phoneProblem, studentNumberProblem } from './rules';
import { partnerKinds } from './vocabulary';
import { today } from '../../shared/clock';
import { dateField } from '../../shared/date-field';
import { dateProblem } from '../../shared/date-rules';
import { isPlainLine, plainTextFields } from '../../shared/plain-text';

/** Zod schemas of the people domain's contract methods (joined into electron/app/contract.ts). */

const capitalised = (what: string) => `${what[0]!.toUpperCase()}${what.slice(1)}`;
/** `what` names the field as a sentence would ("de roepnaam"): every message says which field it is about. */
const text = (what: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: `${capitalised(what)} is te lang (maximaal ${max} tekens).` });
const required = (what: string, max = 200) => text(what, max).min(1, { error: `Vul ${what} in.` });

/** A rule of ./rules.ts as a refinement: the contract refuses with the rule's own words. */
const byRule = (problem: (value: string) => string | null) => (value: string, ctx: z.RefinementCtx) => {
  const message = problem(value);
  if (message) ctx.addIssue({ code: 'custom', message });
};
// A pasted control character gets its own message (plainTextFields), not "only digits".
const studentNumber = z
  .string()
  .trim()
  .superRefine(byRule((v) => (isPlainLine(v) ? studentNumberProblem(v) : null)));
/** Errors only: an unlikely age (9–25) is a warning the form shows, not a refusal. */
const birthDate = dateField('Geboortedatum').superRefine(
  byRule((v) => {
    if (dateProblem(v, 'Geboortedatum')) return null; // dateField said what is wrong
    const problem = birthDateProblem(v, today());
    return problem?.level === 'error' ? problem.message : null;
  }),
);
/** A phone number field (guardians, partners, the school): empty, or something one can dial. */
export const phoneField = z
  .string()
  .trim()
  .max(40, { error: 'Het telefoonnummer is te lang (maximaal 40 tekens).' })
  .superRefine(byRule(phoneProblem));
const yearLevel = z
  .number({ error: 'Leerjaar: kies 1 t/m 6.' })
  .int({ error: 'Leerjaar: kies 1 t/m 6.' })
  .min(1, { error: 'Leerjaar: kies 1 t/m 6.' })
  .max(6, { error: 'Leerjaar: kies 1 t/m 6.' });
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
  studentNumber,
  givenName: required('de roepnaam', 100),
  infix: text('het tussenvoegsel', 30),
  familyName: required('de achternaam', 100),
  birthDate: birthDate.nullable(),
  className: text('de klas', 20),
  yearLevel: yearLevel.nullable(),
  level: text('het niveau', 40),
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
  givenName: text('de voornaam', 100),
  infix: text('het tussenvoegsel', 30),
  familyName: required('de achternaam', 100),
  relation: required('de relatie', 40),
  parentalAuthority: z.boolean(),
  street: text('de straat'),
  houseNumber: text('het huisnummer', 20),
  postalCode,
  city: text('de woonplaats', 100),
  email,
  phone: phoneField,
  salutation: required('de aanhef', 200),
});
// What is stored is read back as stored: a row from before a rule (or an import) still opens.
const guardianRow = guardianInput.extend({ id: z.string(), phone: z.string() });

const studentDetail = studentInput.extend({
  studentNumber: z.string(),
  birthDate: z.string().nullable(),
  yearLevel: z.number().nullable(),
  id: z.string(),
  status: z.enum(['active', 'left']),
  leftOn: z.string().nullable(),
  mentor: z.object({ id: z.string(), name: z.string(), code: z.string() }).nullable(),
  guardians: z.array(guardianRow),
  /** Who a letter home goes to: one letter per address. */
  letterRecipients: z.array(
    z.object({
      kind: z.enum(['ouders', 'leerling', 'afschrift']),
      guardianIds: z.array(z.string()),
      salutation: z.string(),
      addressLines: z.array(z.string()),
    }),
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
  contactName: text('de naam van de contactpersoon', 100),
  email,
  phone: phoneField,
  active: z.boolean(),
});
const partnerRow = partnerInput.extend({ id: z.string(), phone: z.string() });

const rowProblem = z.object({ line: z.number(), studentNumber: z.string(), message: z.string() });
const targetField = z.custom<TargetField>((v) => typeof v === 'string' && targetFieldOptions.some((o) => o.value === v), {
  error: 'Onbekend veld in de koppeling.',
});
const mapping = z.record(z.string().regex(/^\d+$/), targetField);
const importSource = z.enum(importSources);
const fieldChange = z.object({ field: z.string(), from: z.string(), to: z.string() });
const studentUpdate = z.object({
  line: z.number(),
  studentNumber: z.string(),
  name: z.string(),
  message: z.string(),
  changes: z.array(fieldChange),
  guardians: z.array(z.object({ name: z.string(), action: z.enum(['added', 'updated', 'kept']), changes: z.array(fieldChange) })),
});

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
    input: z.object({
      id: z.string(),
      status: z.enum(['active', 'left']),
      leftOn: dateField('Uitgeschreven per').nullable(),
    }),
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
    input: plainTextFields(staffInput.extend({ id: z.string().nullable() }), {
      name: 'de naam',
      functions: 'een functie',
    }),
    output: z.object({ id: z.string() }),
  },
  'partners.list': { input: z.object({}), output: z.array(partnerRow) },
  'partners.save': {
    input: plainTextFields(partnerInput.extend({ id: z.string().nullable() }), {
      organisation: 'de organisatie',
      contactName: 'de naam van de contactpersoon',
      phone: 'het telefoonnummer',
    }),
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
      /** Which system made the file (from its headers); its last mapping is the one offered. */
      source: importSource,
      /** Columns knowingly left out last time: not warned about again. */
      ignored: z.array(z.string()),
    }),
  },
  'import.preview': {
    input: z.object({ importId: z.string(), mapping }),
    output: z.object({
      kind: z.enum(['students', 'guardians']),
      toAdd: z.number(),
      toUpdate: z.number(),
      unchanged: z.number(),
      updates: z.array(studentUpdate),
      errors: z.array(rowProblem),
      warnings: z.array(rowProblem),
    }),
  },
  'import.start': {
    input: z.object({
      importId: z.string(),
      mapping,
      onErrors: z.enum(['skip', 'refuse']),
      /** The offered updates to write: all, or these leerlingnummers. */
      updates: z.union([z.literal('all'), z.array(z.string().max(20)).max(100_000)]).default('all'),
      /** Whose mapping this becomes; by default the source the headers show. */
      source: importSource.optional(),
    }),
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
          unchanged: z.number(),
          notUpdated: z.number(),
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
