/**
 * The fixed words the database stores in enum columns. They live here so the schema depends on
 * nothing outside db/; the feature vocabularies (electron/features/<domain>/vocabulary.ts)
 * re-export them for the contract and the screens.
 */

/** Series colours in the year view (Mantine palette names; shown at shade 9 for contrast with white text). */
export const seriesColors = ['teal', 'grape', 'orange', 'blue', 'pink', 'indigo', 'red', 'cyan', 'violet', 'green'] as const;

/** The official holidays a school may move (their names in the holiday data). */
export const officialHolidayNames = ['herfstvakantie', 'kerstvakantie', 'voorjaarsvakantie', 'meivakantie', 'zomervakantie'] as const;

/** How consent was given. */
export const consentWays = ['schriftelijk', 'mondeling', 'digitaal'] as const;

/** What a Meldcode track ends in. */
export const meldcodeOutcomes = ['hulp', 'melding', 'hulp-en-melding'] as const;

/** Where a meeting is in its cycle (the minutes' own state, vastgesteld, is kept beside it). */
export const meetingProgress = ['gepland', 'agenda-verstuurd', 'bezig', 'afgelopen'] as const;

/** Whether an attendee was there. */
export const presences = ['aanwezig', 'afwezig-met-bericht', 'afwezig'] as const;

/** The kinds of agenda items: the standard ones from the series' template, cases, and the team's own. */
export const agendaItemKinds = [
  'opening',
  'mededelingen',
  'notulen',
  'actiepunten',
  'casus',
  'rondvraag',
  'sluiting',
  'volgende-overleg',
  'overig',
] as const;

/** Why a case is on the agenda. */
export const caseOrigins = ['aanmelding', 'terugkomen', 'verwijzing', 'actie', 'handmatig'] as const;

/** How an item changed after the agenda was sent. */
export const agendaChanges = ['toegevoegd', 'gewijzigd', 'vervallen'] as const;

/** The decisions a case can end in (domain: "Decisions a case can end in"). */
export const decisionTypes = [
  'basisondersteuning',
  'extra-ondersteuning',
  'doorverwijzen-overleg',
  'extern',
  'andere-route',
  'afsluiten',
  'terugkomen',
] as const;

/** Who may read a paragraph of the minutes: the team only, or also the parents (extract, letters). */
export const audiences = ['intern', 'ouders'] as const;

/** Who holds an action. */
export const actionHolderKinds = ['staff', 'partner', 'ouders', 'leerling'] as const;

/** An action's state; a concept is an action still missing a holder or a valid deadline. */
export const actionStatuses = ['concept', 'open', 'gedaan', 'teruggekoppeld', 'vervallen'] as const;

/** Where a student went on leaving; only VSO changes the retention period. */
export const leavingDestinations = ['vso', 'vo', 'mbo', 'ho', 'werk', 'anders'] as const;
