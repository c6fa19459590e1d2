import { consentWays, meldcodeOutcomes } from '../../../db/schema/vocabulary';

/** The fixed words of the consent domain, shared by the contract and the screens (the stored ones come from the schema). */

export { consentWays, meldcodeOutcomes };
export type ConsentWay = (typeof consentWays)[number];

/** The Meldcode's five steps, in order. */
export const meldcodeStepKeys = ['signalen', 'consultatie', 'gesprek', 'wegen', 'beslissen'] as const;
export type MeldcodeStep = (typeof meldcodeStepKeys)[number];

export const meldcodeStepLabels: Record<MeldcodeStep, string> = {
  signalen: 'Signalen in kaart brengen',
  consultatie: 'Collegiale consultatie en Veilig Thuis raadplegen',
  gesprek: 'Gesprek met ouders/leerling',
  wegen: 'Weeg het geweld of de kindermishandeling',
  beslissen: 'Beslissen: hulp organiseren en/of melden',
};
