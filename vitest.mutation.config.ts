import { defineConfig } from 'vitest/config';

/**
 * The tests `npm run mutation` runs against each mutant: the unit layer, and the api tests that
 * exercise the rule modules through their handlers (roles, disclosure, letters, intake, consent,
 * retention, the year plan). The rest of the api layer (backups, vault keys, crash children) and
 * the db, docx and e2e layers test storage, files and screens, not these rules: on this machine
 * they would push the first test run alone past Stryker's limit.
 */
const ruleApiTests = [
  'tests/api/roles.test.ts',
  'tests/api/disclosure.test.ts',
  'tests/api/letters.test.ts',
  'tests/api/intake-consent.test.ts',
  'tests/api/form-validation.test.ts',
  'tests/api/retention.test.ts',
  'tests/api/schedule.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      // Generous limits: on a loaded machine a property test or a vault setup may take far longer than usual.
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'api', include: ruleApiTests, environment: 'node', testTimeout: 60_000, hookTimeout: 120_000 } },
    ],
  },
});
