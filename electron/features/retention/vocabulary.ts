import { leavingDestinations } from '../../../db/schema/vocabulary';

/** The words of the retention domain, shared by the contract and the screens. */
export { leavingDestinations };
export type LeavingDestination = (typeof leavingDestinations)[number];

/** "Uitgestroomd naar …" on the leave dialog; VSO makes the file's period the special-education one. */
export const leavingDestinationLabels: Record<LeavingDestination, string> = {
  vso: 'Voortgezet speciaal onderwijs (VSO)',
  vo: 'Andere school voor voortgezet onderwijs',
  mbo: 'MBO',
  ho: 'HBO of universiteit',
  werk: 'Werk',
  anders: 'Anders',
};

/** The placeholders names become in minutes kept without identity. */
export const ANONYMISED_CASE = 'Leerling (geanonimiseerd)';
export const STUDENT_PLACEHOLDER = '[leerling]';
export const GUARDIAN_PLACEHOLDER = '[ouder]';
