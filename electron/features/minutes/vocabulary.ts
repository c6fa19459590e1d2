import { actionHolderKinds, actionStatuses, audiences, decisionTypes } from '../../../db/schema/vocabulary';

/** The words of the minutes domain, shared by the contract and the screens. */
export { actionHolderKinds, actionStatuses, audiences, decisionTypes };
export type DecisionType = (typeof decisionTypes)[number];
export type Audience = (typeof audiences)[number];
export type ActionHolderKind = (typeof actionHolderKinds)[number];
export type ActionStatus = (typeof actionStatuses)[number];

export const decisionLabels: Record<DecisionType, string> = {
  basisondersteuning: 'Basisondersteuning',
  'extra-ondersteuning': 'Extra ondersteuning / OPP',
  'doorverwijzen-overleg': 'Doorverwijzen naar FlexZAT, ZAT of MDO',
  extern: 'Extern (jeugdhulp, GGD, leerplicht)',
  'andere-route': 'Andere route (OOV, VSO, TLV)',
  afsluiten: 'Afsluiten',
  terugkomen: 'Terugkomen in het volgende overleg',
};

export const audienceLabels: Record<Audience, string> = {
  intern: 'Intern',
  ouders: 'Mag naar ouders',
};

export const actionStatusLabels: Record<ActionStatus, string> = {
  concept: 'Concept',
  open: 'Open',
  gedaan: 'Gedaan',
  teruggekoppeld: 'Teruggekoppeld',
  vervallen: 'Vervallen',
};

export const holderKindLabels: Record<ActionHolderKind, string> = {
  staff: 'Medewerker',
  partner: 'Externe partner',
  ouders: 'Ouders',
  leerling: 'Leerling',
};

/** Statuses that close an action: it stops coming back. */
export const closedStatuses: ActionStatus[] = ['gedaan', 'teruggekoppeld', 'vervallen'];
