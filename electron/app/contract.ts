import { z } from 'zod';
import { peopleMethods as people, phoneField } from '../features/people/schemas';
import { scheduleMethods as schedule } from '../features/schedule/schemas';
import { meetingsMethods as meetings } from '../features/meetings/schemas';
import { consentMethods as consent } from '../features/consent/schemas';
import { filesMethods as files } from '../features/files/schemas';
import { intakeMethods as intake } from '../features/intake/schemas';
import { agendaMethods as agenda } from '../features/agenda/schemas';
import { minutesMethods as minutes } from '../features/minutes/schemas';
import { documentsMethods as documents } from '../features/documents/schemas';
import { lettersMethods as letters } from '../features/letters/schemas';
import { presentationMethods as presentation } from '../features/presentation/schemas';
import { backupMethods as backup, backupPathSchema } from '../features/backup/schemas';
import { auditMethods as audit } from '../features/audit/schemas';
import { inzageMethods as inzage } from '../features/inzage/schemas';
import { disclosureMethods as disclosure } from '../features/disclosure/schemas';
import { retentionMethods as retention } from '../features/retention/schemas';
import {
  nameSchema,
  passphraseSchema,
  regionSchema,
  rolesSchema,
  schoolSettingsSchema,
  settingsMethods as settings,
  staffCodeSchema,
} from '../features/settings/schemas';
import { plainTextFields } from '../shared/plain-text';
import { dutchIssueMessage } from '../api/input-messages';

/**
 * The one contract between renderer and backend: each method's input and output schema and
 * whether it needs an unlocked vault; who may call it is its row in the roles table
 * (`methodRoles`, method-roles.ts). The dispatcher, the preload allow-list and the renderer's
 * typed client all derive from these.
 */
z.config(z.locales.nl());
// Every rule a schema states without a message of its own still answers a Dutch sentence naming the field.
z.config({ customError: dutchIssueMessage });

type Access = 'public' | 'unlocked';
interface MethodSpec<I extends z.ZodType, O extends z.ZodType, A extends Access> {
  input: I;
  output: O;
  access: A;
  /** Mutating methods on an unlocked vault leave a line in the audit log. */
  audited?: boolean;
}
const method = <I extends z.ZodType, O extends z.ZodType, A extends Access>(spec: MethodSpec<I, O, A>) => spec;

const environmentIdSchema = z.string().min(1).max(64);
/** A passphrase as typed to unlock: never longer than one may be chosen (scrypt would hash megabytes). */
const typedPassphrase = z.string().max(1024, { error: 'Onjuist wachtwoord.' });

const environmentSchema = z.object({
  id: z.string(),
  label: z.string(),
  demo: z.boolean(),
  users: z.array(z.object({ id: z.string(), name: z.string(), staffCode: z.string() })),
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Only for the demo school: its (public) passphrase, shown on the unlock screen. */
  demoPassphrase: z.string().nullable(),
});

const sessionSchema = z.object({
  environmentId: z.string(),
  demo: z.boolean(),
  schoolName: z.string(),
  user: z.object({ id: z.string(), name: z.string(), staffCode: z.string(), roles: rolesSchema }),
});

export const contract = {
  'vault.status': method({
    input: z.object({}),
    output: z.object({
      environments: z.array(environmentSchema),
      session: sessionSchema.nullable(),
      /** What went wrong as the vault last closed (a full disk): it is closed, but the user must act. */
      notice: z.string().nullable(),
    }),
    access: 'public',
  }),
  'vault.create': method({
    input: z.object({
      schoolName: nameSchema('de naam van de school'),
      region: regionSchema,
      userName: nameSchema('je naam'),
      staffCode: staffCodeSchema,
      passphrase: passphraseSchema,
    }),
    output: z.object({ environmentId: z.string(), recoveryKey: z.string() }),
    access: 'public',
  }),
  'demo.open': method({
    input: z.object({}),
    output: z.object({ environmentId: z.string(), passphrase: z.string() }),
    access: 'public',
  }),
  'vault.unlock': method({
    input: z.object({ environmentId: environmentIdSchema, userId: z.string().min(1), passphrase: typedPassphrase }),
    output: sessionSchema,
    access: 'public',
  }),
  'vault.recover': method({
    input: z.object({
      environmentId: environmentIdSchema,
      userId: z.string().min(1),
      recoveryKey: z.string().max(200, {
        error: 'Dit is geen geldige herstelsleutel. Een herstelsleutel bestaat uit 8 groepjes van 4 tekens.',
      }),
      newPassphrase: passphraseSchema,
    }),
    output: sessionSchema,
    access: 'public',
  }),
  'vault.lock': method({ input: z.object({}), output: z.null(), access: 'public' }),
  'vault.changePassphrase': method({
    input: z.object({ currentPassphrase: typedPassphrase, newPassphrase: passphraseSchema }),
    output: z.null(),
    access: 'unlocked',
    audited: true,
  }),
  'users.list': method({ ...settings['users.list'], access: 'unlocked' }),
  'users.add': method({ ...settings['users.add'], access: 'unlocked', audited: true }),
  'users.setRoles': method({ ...settings['users.setRoles'], access: 'unlocked', audited: true }),
  // Not `audited` by the dispatcher: the removal and its line are written together in the vault
  // copy that takes the old one's place (vault/rotation.ts).
  'users.remove': method({ ...settings['users.remove'], access: 'unlocked' }),
  'settings.get': method({ ...settings['settings.get'], access: 'unlocked' }),
  // Here, not in settings: a new phone number follows people's rule (people sit above settings).
  'settings.update': method({
    input: plainTextFields(
      // Stored numbers are read back as they are; a new one must be dialable.
      schoolSettingsSchema.extend({ phone: phoneField }),
      {
        schoolName: 'de naam van de school',
        street: 'de straat',
        city: 'de plaats',
        phone: 'het telefoonnummer',
        website: 'de website',
        letterSignatoryName: 'de naam van wie ondertekent',
        letterSignatoryRole: 'de functie van wie ondertekent',
      },
      // The footer may have several lines.
      { letterFooter: 'de voettekst' },
    ),
    output: schoolSettingsSchema,
    access: 'unlocked',
    audited: true,
  }),
  'settings.logo': method({ ...settings['settings.logo'], access: 'unlocked' }),
  'settings.setLogo': method({ ...settings['settings.setLogo'], access: 'unlocked', audited: true }),
  'settings.removeLogo': method({ ...settings['settings.removeLogo'], access: 'unlocked', audited: true }),
  'students.search': method({ ...people['students.search'], access: 'unlocked' }),
  'students.filters': method({ ...people['students.filters'], access: 'unlocked' }),
  'students.get': method({ ...people['students.get'], access: 'unlocked' }),
  'students.timeline': method({ ...people['students.timeline'], access: 'unlocked' }),
  'students.save': method({ ...people['students.save'], access: 'unlocked', audited: true }),
  'students.setStatus': method({ ...people['students.setStatus'], access: 'unlocked', audited: true }),
  'guardians.save': method({ ...people['guardians.save'], access: 'unlocked', audited: true }),
  'guardians.remove': method({ ...people['guardians.remove'], access: 'unlocked', audited: true }),
  'staff.list': method({ ...people['staff.list'], access: 'unlocked' }),
  'staff.save': method({ ...people['staff.save'], access: 'unlocked', audited: true }),
  'partners.list': method({ ...people['partners.list'], access: 'unlocked' }),
  'partners.save': method({ ...people['partners.save'], access: 'unlocked', audited: true }),
  'import.analyze': method({ ...people['import.analyze'], access: 'unlocked' }),
  'import.preview': method({ ...people['import.preview'], access: 'unlocked' }),
  'import.start': method({ ...people['import.start'], access: 'unlocked', audited: true }),
  'import.progress': method({ ...people['import.progress'], access: 'unlocked' }),
  'schedule.overview': method({ ...schedule['schedule.overview'], access: 'unlocked' }),
  'series.list': method({ ...schedule['series.list'], access: 'unlocked' }),
  'series.save': method({ ...schedule['series.save'], access: 'unlocked', audited: true }),
  'schedule.previewYear': method({ ...schedule['schedule.previewYear'], access: 'unlocked' }),
  'schedule.applyYear': method({ ...schedule['schedule.applyYear'], access: 'unlocked', audited: true }),
  'meetings.save': method({ ...meetings['meetings.save'], access: 'unlocked', audited: true }),
  'meetings.remove': method({ ...meetings['meetings.remove'], access: 'unlocked', audited: true }),
  'calendar.saveOverride': method({ ...schedule['calendar.saveOverride'], access: 'unlocked', audited: true }),
  'calendar.removeOverride': method({ ...schedule['calendar.removeOverride'], access: 'unlocked', audited: true }),
  'schedule.exportIcs': method({ ...schedule['schedule.exportIcs'], access: 'unlocked', audited: true }),
  'schedule.exportDocx': method({ ...schedule['schedule.exportDocx'], access: 'unlocked', audited: true }),
  'intakes.list': method({ ...intake['intakes.list'], access: 'unlocked' }),
  'intakes.get': method({ ...intake['intakes.get'], access: 'unlocked' }),
  'intakes.create': method({ ...intake['intakes.create'], access: 'unlocked', audited: true }),
  'intakes.saveDraft': method({ ...intake['intakes.saveDraft'], access: 'unlocked', audited: true }),
  'intakes.submit': method({ ...intake['intakes.submit'], access: 'unlocked', audited: true }),
  'intakes.decide': method({ ...intake['intakes.decide'], access: 'unlocked', audited: true }),
  'intakes.setStatus': method({ ...intake['intakes.setStatus'], access: 'unlocked', audited: true }),
  'intakes.setGateRoute': method({ ...intake['intakes.setGateRoute'], access: 'unlocked', audited: true }),
  'intakes.linkStudent': method({ ...intake['intakes.linkStudent'], access: 'unlocked', audited: true }),
  'intakes.remove': method({ ...intake['intakes.remove'], access: 'unlocked', audited: true }),
  'intakes.meetingOptions': method({ ...intake['intakes.meetingOptions'], access: 'unlocked' }),
  'intakes.consentWorklist': method({ ...intake['intakes.consentWorklist'], access: 'unlocked' }),
  'intakeForm.get': method({ ...intake['intakeForm.get'], access: 'unlocked' }),
  'intakeForm.save': method({ ...intake['intakeForm.save'], access: 'unlocked', audited: true }),
  'attachments.add': method({ ...files['attachments.add'], access: 'unlocked', audited: true }),
  'attachments.download': method({ ...files['attachments.download'], access: 'unlocked', audited: true }),
  'attachments.remove': method({ ...files['attachments.remove'], access: 'unlocked', audited: true }),
  'consent.overview': method({ ...consent['consent.overview'], access: 'unlocked' }),
  'consent.record': method({ ...consent['consent.record'], access: 'unlocked', audited: true }),
  'consent.withdraw': method({ ...consent['consent.withdraw'], access: 'unlocked', audited: true }),
  'meldcode.get': method({ ...consent['meldcode.get'], access: 'unlocked', audited: true }),
  'meldcode.save': method({ ...consent['meldcode.save'], access: 'unlocked', audited: true }),
  'agenda.template': method({ ...agenda['agenda.template'], access: 'unlocked' }),
  'agenda.saveTemplate': method({ ...agenda['agenda.saveTemplate'], access: 'unlocked', audited: true }),
  'agenda.meetings': method({ ...agenda['agenda.meetings'], access: 'unlocked' }),
  'agenda.get': method({ ...agenda['agenda.get'], access: 'unlocked' }),
  'agenda.create': method({ ...agenda['agenda.create'], access: 'unlocked', audited: true }),
  'agenda.suggestions': method({ ...agenda['agenda.suggestions'], access: 'unlocked' }),
  'agenda.addItem': method({ ...agenda['agenda.addItem'], access: 'unlocked', audited: true }),
  'agenda.updateItem': method({ ...agenda['agenda.updateItem'], access: 'unlocked', audited: true }),
  'agenda.moveItem': method({ ...agenda['agenda.moveItem'], access: 'unlocked', audited: true }),
  'agenda.removeItem': method({ ...agenda['agenda.removeItem'], access: 'unlocked', audited: true }),
  'agenda.setProgress': method({ ...agenda['agenda.setProgress'], access: 'unlocked', audited: true }),
  'agenda.setPresence': method({ ...agenda['agenda.setPresence'], access: 'unlocked', audited: true }),
  'minutes.get': method({ ...minutes['minutes.get'], access: 'unlocked' }),
  // Autosave while typing: each paragraph keeps who saved it last and when, not a log line per second.
  'minutes.saveField': method({ ...minutes['minutes.saveField'], access: 'unlocked' }),
  'minutes.setDecision': method({ ...minutes['minutes.setDecision'], access: 'unlocked', audited: true }),
  'minutes.fix': method({ ...minutes['minutes.fix'], access: 'unlocked', audited: true }),
  'minutes.addAddendum': method({ ...minutes['minutes.addAddendum'], access: 'unlocked', audited: true }),
  'actions.save': method({ ...minutes['actions.save'], access: 'unlocked', audited: true }),
  'actions.setStatus': method({ ...minutes['actions.setStatus'], access: 'unlocked', audited: true }),
  'actions.remove': method({ ...minutes['actions.remove'], access: 'unlocked', audited: true }),
  'actions.list': method({ ...minutes['actions.list'], access: 'unlocked' }),
  // Exports are audited: what left the vault, and whose data it held.
  'documents.agenda': method({ ...documents['documents.agenda'], access: 'unlocked', audited: true }),
  'documents.agendaMail': method({ ...documents['documents.agendaMail'], access: 'unlocked', audited: true }),
  'documents.papers': method({ ...documents['documents.papers'], access: 'unlocked', audited: true }),
  'documents.minutes': method({ ...documents['documents.minutes'], access: 'unlocked', audited: true }),
  'documents.minutesReaders': method({ ...documents['documents.minutesReaders'], access: 'unlocked' }),
  'documents.extract': method({ ...documents['documents.extract'], access: 'unlocked', audited: true }),
  'documents.actionList': method({ ...documents['documents.actionList'], access: 'unlocked', audited: true }),
  'letters.templates': method({ ...letters['letters.templates'], access: 'unlocked' }),
  'letters.saveTemplate': method({ ...letters['letters.saveTemplate'], access: 'unlocked', audited: true }),
  'letters.resetTemplate': method({ ...letters['letters.resetTemplate'], access: 'unlocked', audited: true }),
  'letters.cases': method({ ...letters['letters.cases'], access: 'unlocked' }),
  // Not audited: a preview writes nothing; the letters are logged when they are made (letters.start, letters.progress).
  'letters.preview': method({ ...letters['letters.preview'], access: 'unlocked' }),
  'letters.start': method({ ...letters['letters.start'], access: 'unlocked', audited: true }),
  'letters.progress': method({ ...letters['letters.progress'], access: 'unlocked' }),
  'letters.perAddress': method({ ...letters['letters.perAddress'], access: 'unlocked' }),
  // Putting a meeting on the shared screen, and showing full names there, are logged.
  'presentation.start': method({ ...presentation['presentation.start'], access: 'unlocked', audited: true }),
  'presentation.state': method({ ...presentation['presentation.state'], access: 'unlocked' }),
  'presentation.ended': method({ ...presentation['presentation.ended'], access: 'unlocked' }),
  'presentation.control': method({ ...presentation['presentation.control'], access: 'unlocked' }),
  'presentation.showNames': method({ ...presentation['presentation.showNames'], access: 'unlocked', audited: true }),
  'presentation.stop': method({ ...presentation['presentation.stop'], access: 'unlocked' }),
  'presentation.projector': method({ ...presentation['presentation.projector'], access: 'unlocked' }),
  'presentation.notes': method({ ...presentation['presentation.notes'], access: 'unlocked' }),
  'presentation.saveNote': method({ ...presentation['presentation.saveNote'], access: 'unlocked' }),
  // Backups: making and restoring one is logged; the start screen opens one with a secret valid then.
  'backup.overview': method({ ...backup['backup.overview'], access: 'unlocked' }),
  'backup.create': method({ ...backup['backup.create'], access: 'unlocked', audited: true }),
  // Not `audited` by the dispatcher: its lines are written before the lock into the vault going, and
  // into the restored vault before it takes its place (backup/restore.ts).
  'backup.restore': method({ ...backup['backup.restore'], access: 'unlocked' }),
  'backup.onThisComputer': method({ ...backup['backup.onThisComputer'], access: 'public' }),
  'backup.inspect': method({ ...backup['backup.inspect'], access: 'public' }),
  'backup.open': method({
    input: z.discriminatedUnion('with', [
      z.object({
        with: z.literal('passphrase'),
        path: backupPathSchema,
        userId: z.string().min(1),
        passphrase: typedPassphrase,
      }),
      z.object({
        with: z.literal('recoveryKey'),
        path: backupPathSchema,
        userId: z.string().min(1),
        recoveryKey: z.string().max(200, {
          error: 'Dit is geen geldige herstelsleutel. Een herstelsleutel bestaat uit 8 groepjes van 4 tekens.',
        }),
        newPassphrase: passphraseSchema,
      }),
    ]),
    output: backup['backup.open'].output,
    access: 'public',
  }),
  'audit.list': method({ ...audit['audit.list'], access: 'unlocked' }),
  'audit.export': method({ ...audit['audit.export'], access: 'unlocked', audited: true }),
  // Inzage: one student's whole file out of the vault, for the parents or the student; logged.
  'inzage.preview': method({ ...inzage['inzage.preview'], access: 'unlocked' }),
  'inzage.export': method({ ...inzage['inzage.export'], access: 'unlocked', audited: true }),
  'disclosure.check': method({ ...disclosure['disclosure.check'], access: 'unlocked' }),
  // Bewaartermijnen: the coordinator decides, each erasure and keep is logged without a name.
  'retention.worklist': method({ ...retention['retention.worklist'], access: 'unlocked' }),
  'retention.savePeriods': method({ ...retention['retention.savePeriods'], access: 'unlocked', audited: true }),
  'retention.erase': method({ ...retention['retention.erase'], access: 'unlocked', audited: true }),
  'retention.keep': method({ ...retention['retention.keep'], access: 'unlocked', audited: true }),
  'retention.markReviewed': method({ ...retention['retention.markReviewed'], access: 'unlocked', audited: true }),
  'retention.destination': method({ ...retention['retention.destination'], access: 'unlocked' }),
  'retention.setDestination': method({ ...retention['retention.setDestination'], access: 'unlocked', audited: true }),
} as const;

export type Contract = typeof contract;

// The handler types below the domains learn the methods from here (see ContractRegister).
declare module '../api/handler-types' {
  interface ContractRegister {
    contract: Contract;
  }
}

export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export const methodNames = Object.keys(contract) as MethodName[];

export interface ApiErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string>;
}
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
