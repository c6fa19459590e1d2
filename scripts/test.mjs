// `npm test`: everything a fresh machine needs, then every test layer, ending with one summary line.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureChromium, ensureDependencies, ensureLibreOffice, root, run, runOrExit } from './lib/setup.mjs';

ensureDependencies();
const chromium = ensureChromium();
// Null when it cannot be had: the render tests then skip rather than fail the run.
const soffice = ensureLibreOffice();

console.log('\n== Typecontrole (tsc) ==');
runOrExit('npx', ['--no-install', 'tsc', '--noEmit', '-p', '.']);

console.log('\n== Lint en opmaak (ESLint, Prettier) ==');
runOrExit('npx', ['--no-install', 'eslint', '.', '--max-warnings', '0']);
runOrExit('npx', ['--no-install', 'prettier', '--check', '.', '--log-level', 'warn']);

console.log('\n== Bouwen ==');
const { buildAll } = await import('./build.mjs');
await buildAll({ quiet: true });

console.log('\n== Tests: unit, db, api, docx, e2e ==');
const report = resolve(root, 'test-results', 'vitest.json');
rmSync(report, { force: true });
const status = run('npx', ['--no-install', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  env: { ...process.env, CHROMIUM_PATH: chromium, ...(soffice ? { SOFFICE_PATH: soffice } : {}) },
});

if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\nTests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`);
}
process.exit(status);
