import { agendaChanges, agendaItemKinds, caseOrigins, meetingProgress, presences } from '../../../db/schema/vocabulary';
import type { UserRole } from '../settings/vocabulary';

/** The words of the agenda domain, shared by the contract and the screens. */
export { agendaChanges, agendaItemKinds, caseOrigins, meetingProgress, presences };
export type MeetingProgress = (typeof meetingProgress)[number];
export type Presence = (typeof presences)[number];
export type AgendaItemKind = (typeof agendaItemKinds)[number];
export type CaseOrigin = (typeof caseOrigins)[number];
export type AgendaChange = (typeof agendaChanges)[number];

/** A meeting's state as the team says it: its progress, then "notulen vastgesteld" from the minutes. */
export const meetingStates = [...meetingProgress, 'vastgesteld'] as const;
export type MeetingState = (typeof meetingStates)[number];
export const meetingStateLabels: Record<MeetingState, string> = {
  gepland: 'Gepland',
  'agenda-verstuurd': 'Agenda verstuurd',
  bezig: 'Bezig',
  afgelopen: 'Afgelopen',
  vastgesteld: 'Notulen vastgesteld',
};

export const presenceLabels: Record<Presence, string> = {
  aanwezig: 'Aanwezig',
  'afwezig-met-bericht': 'Afwezig met bericht',
  afwezig: 'Afwezig',
};

export const caseOriginLabels: Record<CaseOrigin, string> = {
  aanmelding: 'Aanmelding',
  terugkomen: 'Terugkomen',
  verwijzing: 'Doorverwezen',
  actie: 'Open actie',
  handmatig: 'Zelf gekozen',
};

export const agendaChangeLabels: Record<AgendaChange, string> = {
  toegevoegd: 'Toegevoegd na verzending',
  gewijzigd: 'Gewijzigd na verzending',
  vervallen: 'Vervallen na verzending',
};

export const guestKinds = ['ouders', 'leerling', 'partner', 'anders'] as const;
export const guestKindLabels: Record<(typeof guestKinds)[number], string> = {
  ouders: 'Ouders',
  leerling: 'Leerling',
  partner: 'Partner',
  anders: 'Anders',
};

/** Who keeps a meeting's agenda and minutes: the roles table gives them the agenda's methods. */
export const agendaKeepers: readonly UserRole[] = ['coordinator', 'voorzitter', 'notulist'];
