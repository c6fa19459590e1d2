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
