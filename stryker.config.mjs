// @ts-check
/**
 * Mutation testing of the pure rule modules (`npm run mutation`, not part of `npm test`): do the
 * unit and api tests notice when a rule is broken? Started through scripts/mutation.mjs.
 * Equivalent mutants are marked where they occur, with `// Stryker disable next-line <mutator>: why`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: [
    'electron/features/consent/rules.ts',
    'electron/features/people/letter-recipients.ts',
    'electron/features/people/age.ts',
    'electron/features/intake/form.ts',
    'electron/features/letters/placeholder-catalogue.ts',
    'electron/features/letters/template-syntax.ts',
    'electron/features/letters/template-merge.ts',
    'electron/features/letters/letter-values.ts',
    'electron/features/disclosure/policy.ts',
    'electron/app/method-roles.ts',
    'electron/features/retention/rules.ts',
    'electron/features/schedule/year-plan.ts',
  ],
  coverageAnalysis: 'perTest',
  // A static mutant (in a module-level constant: the roles table, the standard form, label maps)
  // only takes effect when the module is evaluated again; the vitest runner reuses the evaluated
  // module, so such a mutant survives even a test that compares the constant exactly (tried with
  // DEFAULT_ADDRESSEE_OPTIONS). Counting them would measure the runner, not the tests: they are
  // reported as ignored. Snapshot tests guard those tables (tests/unit/method-roles, intake-form).
  ignoreStatic: true,
  // Two cores, shared: more workers only queue.
  concurrency: 2,
  timeoutMS: 30_000,
  dryRunTimeoutMinutes: 20,
  reporters: ['html', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: 'reports/mutation/.stryker-tmp',
  ignorePatterns: ['dist', 'release', 'reports', 'test-results', '.cache'],
  thresholds: { high: 95, low: 90 },
  cleanTempDir: process.env.STRYKER_KEEP_SANDBOX ? false : 'always',
};
