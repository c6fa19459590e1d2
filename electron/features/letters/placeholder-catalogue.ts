/**
 * The placeholders a letter template may use (`{{leerling.naam}}`), in groups for the editor, and
 * the two addressees one template serves. The syntax and its checks: template-syntax.ts; merging:
 * template-merge.ts; the values of one letter: letter-values.ts.
 */

export const placeholderGroups = [
  { key: 'leerling', label: 'Leerling' },
  { key: 'ouders', label: 'Ouders' },
  { key: 'overleg', label: 'Overleg' },
  { key: 'besluit', label: 'Besluit' },
  { key: 'acties', label: 'Acties' },
  { key: 'toestemming', label: 'Toestemming' },
  { key: 'coordinator', label: 'Coördinator' },
  { key: 'school', label: 'School' },
  { key: 'brief', label: 'Brief' },
] as const;
export type PlaceholderGroup = (typeof placeholderGroups)[number]['key'];

/**
 * kind 'text': one string. 'list': several strings, 'actions': what/who/when; both become a
 * bulleted list when the placeholder stands alone on its line, and "a, b en c" inside a sentence.
 * `ifMissing` is what the letter says when the value is unknown: never the placeholder itself.
 */
export const placeholders = [
  {
    name: 'leerling.roepnaam',
    group: 'leerling',
    kind: 'text',
    description: 'Roepnaam van de leerling, bijv. „Zoë”.',
    ifMissing: 'uw kind',
  },
  {
    name: 'leerling.naam',
    group: 'leerling',
    kind: 'text',
    description: 'Volledige naam van de leerling, bijv. „Zoë de Vries”.',
    ifMissing: 'uw kind',
  },
  {
    name: 'leerling.klas',
    group: 'leerling',
    kind: 'text',
    description: 'Klas van de leerling, bijv. „2B”.',
    ifMissing: '—',
  },
  {
    name: 'leerling.leerlingnummer',
    group: 'leerling',
    kind: 'text',
    description: 'Leerlingnummer, bijv. „500101”.',
    ifMissing: '—',
  },
  {
    name: 'ouders.namen',
    group: 'ouders',
    kind: 'list',
    description: 'Namen van de ouders/verzorgers aan wie de brief is gericht, bijv. „Sanne de Vries en Pieter de Vries”.',
    ifMissing: 'ouder(s)/verzorger(s)',
  },
  {
    name: 'overleg.naam',
    group: 'overleg',
    kind: 'text',
    description: 'Naam van het overleg, bijv. „ZAT”.',
    ifMissing: 'het ondersteuningsoverleg',
  },
  {
    name: 'overleg.datum',
    group: 'overleg',
    kind: 'text',
    description: 'Datum van het overleg, bijv. „donderdag 12 november 2026”.',
    ifMissing: '(datum volgt)',
  },
  {
    name: 'overleg.tijd',
    group: 'overleg',
    kind: 'text',
    description: 'Tijd waarop de leerling aan de beurt is (anders het begin van het overleg), bijv. „14.20 uur”.',
    ifMissing: '(tijd volgt)',
  },
  {
    name: 'overleg.locatie',
    group: 'overleg',
    kind: 'text',
    description: 'Waar het overleg is, bijv. „Vergaderkamer”.',
    ifMissing: '(plaats volgt)',
  },
  {
    name: 'besluit',
    group: 'besluit',
    kind: 'text',
    description:
      'Het besluit en de toelichting die naar ouders mag, bijv. „Basisondersteuning op school. ' +
      'Zoë gaat twee keer per week naar de huiswerkklas.”',
    ifMissing: 'er is nog geen besluit genomen',
  },
  {
    name: 'acties',
    group: 'acties',
    kind: 'actions',
    description: 'De afspraken over de leerling die naar ouders mogen: wat, wie, wanneer. Op een eigen regel wordt dit een opsomming.',
    ifMissing: 'er zijn geen acties afgesproken',
  },
  {
    name: 'toestemming.doelen',
    group: 'toestemming',
    kind: 'list',
    description:
      'Waarvoor toestemming wordt gevraagd, bijv. „uw kind bespreken in een overleg met organisaties van buiten ' +
      'school”. Op een eigen regel wordt dit een opsomming.',
    ifMissing: '—',
  },
  {
    name: 'toestemming.partners',
    group: 'toestemming',
    kind: 'list',
    description: 'Met welke organisaties, bijv. „Kwadraad (jeugdhulp) en GGD (jeugdarts)”. Op een eigen regel wordt dit een opsomming.',
    ifMissing: '—',
  },
  {
    name: 'coordinator.naam',
    group: 'coordinator',
    kind: 'text',
    description: 'Naam van de coördinator die de brief ondertekent, bijv. „Anna Wolters”.',
    ifMissing: 'de ondersteuningscoördinator',
  },
  {
    name: 'coordinator.functie',
    group: 'coordinator',
    kind: 'text',
    description: 'Functie van de coördinator, bijv. „ondersteuningscoördinator”.',
    ifMissing: 'ondersteuningscoördinator',
  },
  {
    name: 'coordinator.email',
    group: 'coordinator',
    kind: 'text',
    description: 'E-mailadres van de coördinator.',
    ifMissing: '—',
  },
  {
    name: 'school.naam',
    group: 'school',
    kind: 'text',
    description: 'Naam van de school, bijv. „Lindeboom College”.',
    ifMissing: 'onze school',
  },
  {
    name: 'school.telefoon',
    group: 'school',
    kind: 'text',
    description: 'Telefoonnummer van de school.',
    ifMissing: '—',
  },
  { name: 'school.email', group: 'school', kind: 'text', description: 'E-mailadres van de school.', ifMissing: '—' },
  {
    name: 'datum',
    group: 'brief',
    kind: 'text',
    description: 'Datum van de brief, bijv. „1 december 2026”.',
    ifMissing: '—',
  },
] as const satisfies readonly {
  name: string;
  group: PlaceholderGroup;
  kind: 'text' | 'list' | 'actions';
  description: string;
  ifMissing: string;
}[];

type PlaceholderDef = (typeof placeholders)[number];
export type PlaceholderName = PlaceholderDef['name'];

/** One agreed action as a parent reads it; `who` is a name or role a parent knows, never a staff code. */
export interface LetterAction {
  what: string;
  who: string | null;
  /** Already worded: "uiterlijk 1 december 2026". */
  when: string | null;
}

type ValueOf<D extends PlaceholderDef> = D['kind'] extends 'text' ? string : D['kind'] extends 'list' ? string[] : LetterAction[];

/** The values of one letter; a missing or empty value prints the placeholder's `ifMissing` text. */
export type LetterValues = { [D in PlaceholderDef as D['name']]?: ValueOf<D> | null };

export const placeholderByName = new Map<string, PlaceholderDef>(placeholders.map((p) => [p.name, p]));

/** Who a letter speaks to: the parents ("u", "uw kind"), or the student of 16 or older ("je"). */
export type Addressee = 'ouders' | 'leerling';

/** The blocks that hold text for one addressee only. */
export const addresseeSections = [
  { name: 'aanOuders', addressee: 'ouders', description: 'Alleen in de brief aan de ouders (u, uw kind).' },
  {
    name: 'aanLeerling',
    addressee: 'leerling',
    description: 'Alleen in de brief aan de leerling zelf, vanaf 16 jaar (je).',
  },
] as const satisfies readonly { name: string; addressee: Addressee; description: string }[];
