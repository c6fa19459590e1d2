import { vocabulary } from '../../shared/vocabulary';
import { consentWays, meldcodeOutcomes } from '../../../db/schema/vocabulary';

/** The fixed words of the consent domain, shared by the contract and the screens (the stored ones come from the schema). */

export { consentWays, meldcodeOutcomes };
export type ConsentWay = (typeof consentWays)[number];

/** The Meldcode's five steps, in order. */
export const [meldcodeStepKeys, meldcodeStepLabels] = vocabulary({
  signalen: 'Signalen in kaart brengen',
  consultatie: 'Collegiale consultatie en Veilig Thuis raadplegen',
  gesprek: 'Gesprek met ouders/leerling',
  wegen: 'Weeg het geweld of de kindermishandeling',
  beslissen: 'Beslissen: hulp organiseren en/of melden',
});
export type MeldcodeStep = (typeof meldcodeStepKeys)[number];
