import { defineConfig } from 'vitest/config';

/**
 * A loaded two-core machine (the whole suite, a build and Chromium at once) may take seconds to
 * show a change: `expect.poll` waits that long instead of failing after its default second. A
 * poll that succeeds returns at once, so the long timeout only costs time when a test fails.
 */
const patientPolls = { poll: { timeout: 15_000, interval: 50 } };

/** One project per test layer; `npm test` runs them all (e2e last, against the built app). */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', expect: patientPolls } },
      { test: { name: 'db', include: ['tests/db/**/*.test.ts'], environment: 'node', expect: patientPolls } },
      {
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          expect: patientPolls,
        },
      },
      { test: { name: 'docx', include: ['tests/docx/**/*.test.ts'], environment: 'node', expect: patientPolls } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // The browser runs in the school's time zone; the host and the tests' own "today" must
          // too, or between 23:00 and 01:00 UTC they speak of different days.
          env: { TZ: 'Europe/Amsterdam' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 15_000, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
