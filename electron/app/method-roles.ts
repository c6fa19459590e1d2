import type { Contract, MethodName } from './contract';
import type { UserRole } from '../features/settings/vocabulary';
import { agendaKeepers } from '../features/agenda/vocabulary';

/**
 * The contract's roles table: who may call each method at all, one row per method. The type makes
 * a method without a row a compile error, so nothing is open by default. The dispatcher applies
 * the row before it looks at the input; the screens read the same rows to show only what their
 * user may do. Kept apart from contract.ts (and re-exported there) so that the renderer can
 * import it without the schemas.
 *
 * Checks that depend on the data stay in the handlers: Meldcode access (the school's switch for
 * coordinators), the author of an intake, the holder of an action, who presents, full names in a
 * document.
 */

/** Before unlocking: whoever sits at the screen. */
export interface AnyoneRule {
  readonly who: 'anyone';
  readonly why: string;
}
/** Every user of the unlocked vault, whatever their roles (a mentor may have none). */
export interface TeamRule {
  readonly who: 'team';
  readonly why: string;
}
/** Only users with one of `anyOf`; `to` finishes the refusal ("Alleen een coördinator kan …"). */
export interface RolesRule {
  readonly who: 'roles';
  readonly anyOf: readonly UserRole[];
  readonly to: string;
}
export type RoleRule = AnyoneRule | TeamRule | RolesRule;

/** A public method has no user to ask; a method of the unlocked vault names its users. */
type RuleFor<M extends MethodName> = Contract[M]['access'] extends 'public' ? AnyoneRule : TeamRule | RolesRule;
export type MethodRoles = { readonly [M in MethodName]: RuleFor<M> };

const anyone = (why: string): AnyoneRule => ({ who: 'anyone', why });
const team = (why: string): TeamRule => ({ who: 'team', why });
const rolesTo = (anyOf: readonly UserRole[], to: string): RolesRule => ({ who: 'roles', anyOf, to });
/** Students, guardians, staff, partners, the year, consent, settings, users, letters: the coordinator's. */
const coordinatorTo = (to: string) => rolesTo(['coordinator'], to);
/** Coordinator, chair and secretary keep the agenda and the minutes. */
const keepersTo = (to: string) => rolesTo(agendaKeepers, to);
/** Meldcode access itself is checked by the handler (coordinators only when the school allows it). */
const meldcodeTo = (to: string) => rolesTo(['aandachtsfunctionaris', 'coordinator'], to);

const reads = 'het team leest mee';
/** The facts consent rests on (birth date, gezag, leaving date, destination) are the coordinator's. */
const importing = coordinatorTo('leerlingen importeren');

export const methodRoles: MethodRoles = {
  'vault.status': anyone('het startscherm'),
  'vault.create': anyone('een nieuwe omgeving'),
  'demo.open': anyone('de demo-school'),
  'vault.unlock': anyone('wie het wachtwoord kent'),
  'vault.recover': anyone('wie de herstelsleutel heeft'),
  'vault.lock': anyone('vergrendelen mag altijd'),
  'vault.changePassphrase': team('ieder zijn eigen wachtwoord'),
  'users.list': team(reads),
  'users.add': coordinatorTo('gebruikers toevoegen'),
  'users.setRoles': coordinatorTo('rollen toekennen'),
  'users.remove': coordinatorTo('gebruikers verwijderen'),
  'settings.get': team(reads),
  'settings.update': coordinatorTo('de schoolinstellingen wijzigen'),
  'settings.logo': team(reads),
  'settings.setLogo': coordinatorTo('het logo wijzigen'),
  'settings.removeLogo': coordinatorTo('het logo verwijderen'),
  'students.search': team(reads),
  'students.filters': team(reads),
  'students.get': team(reads),
  'students.timeline': team(reads),
  'students.save': coordinatorTo('leerlinggegevens wijzigen'),
  'students.setStatus': coordinatorTo('een leerling uitschrijven of terugzetten'),
  'guardians.save': coordinatorTo('ouders en verzorgers wijzigen'),
  'guardians.remove': coordinatorTo('ouders en verzorgers verwijderen'),
  'staff.list': team(reads),
  'staff.save': coordinatorTo('medewerkers wijzigen'),
  'partners.list': team(reads),
  'partners.save': coordinatorTo('externe partners wijzigen'),
  'import.analyze': importing,
  'import.preview': importing,
  'import.start': importing,
  'import.progress': importing,
  'schedule.overview': team(reads),
  'series.list': team(reads),
  'series.save': coordinatorTo('overlegvormen wijzigen'),
  'schedule.previewYear': team('een voorbeeld, er verandert niets'),
  'schedule.applyYear': coordinatorTo('het jaar plannen'),
  'meetings.save': coordinatorTo('overleggen plannen of wijzigen'),
  'meetings.remove': coordinatorTo('overleggen verwijderen'),
  'calendar.saveOverride': coordinatorTo('de schoolkalender wijzigen'),
  'calendar.removeOverride': coordinatorTo('de schoolkalender wijzigen'),
  'schedule.exportIcs': team('data zonder leerlinggegevens'),
  'schedule.exportDocx': team('data zonder leerlinggegevens'),
  'intakes.list': team(reads),
  'intakes.get': team(reads),
  'intakes.create': team('mentoren en leden melden aan'),
  'intakes.saveDraft': team('mentoren en leden melden aan'),
  'intakes.submit': team('mentoren en leden melden aan'),
  'intakes.decide': coordinatorTo('een aanmelding accepteren of terugsturen'),
  'intakes.setStatus': coordinatorTo('de status van een aanmelding wijzigen'),
  // The aandachtsfunctionaris may cite the Meldcode; every other way forward is the coordinator's (handler).
  'intakes.setGateRoute': rolesTo(['coordinator', 'aandachtsfunctionaris'], 'een uitzondering op de toestemming vastleggen'),
  'intakes.linkStudent': coordinatorTo('een anonieme aanmelding aan een leerling koppelen'),
  'intakes.remove': team('wie het concept begon (de handler kijkt wie)'),
  'intakes.meetingOptions': team(reads),
  'intakes.consentWorklist': team(reads),
  'intakeForm.get': team(reads),
  'intakeForm.save': coordinatorTo('het aanmeldformulier aanpassen'),
  'attachments.add': team('bij een eigen aanmelding (de handler kijkt bij welke)'),
  'attachments.download': team(reads),
  'attachments.remove': team('bij een eigen aanmelding (de handler kijkt bij welke)'),
  'consent.overview': team(reads),
  'consent.record': coordinatorTo('toestemming vastleggen'),
  'consent.withdraw': coordinatorTo('een intrekking vastleggen'),
  'meldcode.get': meldcodeTo('een Meldcode-traject inzien'),
  'meldcode.save': meldcodeTo('een Meldcode-traject vastleggen'),
  'agenda.template': team(reads),
  'agenda.saveTemplate': coordinatorTo('de vaste agenda van een overlegvorm wijzigen'),
  'agenda.meetings': team(reads),
  'agenda.get': team(reads),
  'agenda.create': keepersTo('de agenda maken'),
  'agenda.suggestions': team(reads),
  'agenda.addItem': keepersTo('de agenda wijzigen'),
  'agenda.updateItem': keepersTo('de agenda wijzigen'),
  'agenda.moveItem': keepersTo('de agenda wijzigen'),
  'agenda.removeItem': keepersTo('de agenda wijzigen'),
  'agenda.setProgress': keepersTo('de status van het overleg wijzigen'),
  'agenda.setPresence': keepersTo('de aanwezigheid bijhouden'),
  'minutes.get': team(reads),
  'minutes.saveField': keepersTo('notuleren'),
  'minutes.setDecision': keepersTo('een besluit vastleggen'),
  'minutes.fix': keepersTo('notulen vaststellen'),
  'minutes.addAddendum': keepersTo('een aanvulling op de notulen schrijven'),
  'actions.save': keepersTo('acties vastleggen'),
  'actions.setStatus': team('de actiehouder sluit de eigen actie af (de handler kijkt wie)'),
  'actions.remove': keepersTo('acties verwijderen'),
  'actions.list': team(reads),
  // Full names in a document are the coordinator's choice: the handler looks at the input.
  'documents.agenda': team(reads),
  'documents.agendaMail': keepersTo('de agenda versturen'),
  'documents.papers': keepersTo('de stukken van een overleg maken'),
  'documents.minutes': team(reads),
  'documents.minutesReaders': team(reads),
  'documents.extract': keepersTo('een uittreksel uit de notulen maken'),
  'documents.actionList': team(reads),
  'letters.templates': team(reads),
  'letters.saveTemplate': coordinatorTo('briefsjablonen wijzigen'),
  'letters.resetTemplate': coordinatorTo('briefsjablonen wijzigen'),
  'letters.cases': team(reads),
  'letters.preview': coordinatorTo('brieven aan ouders maken'),
  'letters.start': coordinatorTo('brieven aan ouders maken'),
  'letters.progress': coordinatorTo('brieven aan ouders maken'),
  'letters.perAddress': coordinatorTo('brieven aan ouders maken'),
  'presentation.start': keepersTo('een overleg presenteren'),
  'presentation.state': team(reads),
  'presentation.ended': team(reads),
  // Steering is for whoever started the presentation (the handler); stopping ends only one's own.
  'presentation.control': keepersTo('een overleg presenteren'),
  'presentation.showNames': keepersTo('een overleg presenteren'),
  'presentation.stop': team('stoppen mag altijd'),
  'presentation.projector': team('wat de beamer toont'),
  'presentation.notes': team('ieder zijn eigen notities'),
  'presentation.saveNote': keepersTo('notities bij het presenteren maken'),
  'backup.overview': team(reads),
  'backup.create': coordinatorTo('een back-up maken'),
  'backup.restore': coordinatorTo('een back-up terugzetten'),
  'backup.onThisComputer': anyone('het startscherm'),
  'backup.inspect': anyone('het startscherm'),
  'backup.open': anyone('wie een wachtwoord van toen of de herstelsleutel heeft'),
  'audit.list': coordinatorTo('het logboek inzien'),
  'audit.export': coordinatorTo('het logboek exporteren'),
  'inzage.preview': coordinatorTo('een inzage exporteren'),
  'inzage.export': coordinatorTo('een inzage exporteren'),
  // The warning while typing minutes: whoever may write them.
  'disclosure.check': keepersTo('notuleren'),
  'retention.worklist': coordinatorTo('de bewaartermijnen inzien'),
  'retention.savePeriods': coordinatorTo('de bewaartermijnen wijzigen'),
  'retention.erase': coordinatorTo('gegevens na de bewaartermijn verwijderen'),
  'retention.keep': coordinatorTo('gegevens langer bewaren'),
  'retention.markReviewed': coordinatorTo('de bewaartermijnen afronden'),
  'retention.destination': team(reads),
  'retention.setDestination': coordinatorTo('de uitstroom van een leerling vastleggen'),
};

/** Whether a user with these roles may call a method with this rule (before the handler's own checks). */
export function rulePermits(rule: RoleRule, roles: readonly UserRole[]): boolean {
  return rule.who !== 'roles' || rule.anyOf.some((r) => roles.includes(r));
}
