// `npm run mutation`: mutation testing of the pure rule modules (Stryker with its vitest runner,
// on the unit and api tests), then a score per file. Not part of `npm test`: a full run takes
// long. Started through Stryker's API rather than its command line, which checks for a newer Node.
//
//   npm run mutation                                          every rule module (stryker.config.mjs)
//   npm run mutation -- --mutate electron/features/people/age.ts   one module while working on it
//   npm run mutation -- --mutate … --test-files tests/unit/people-age.test.ts   only these tests (faster)
//   npm run mutation -- --force                               test every mutant again, not only the changed ones
//
// Reports: reports/mutation/index.html and mutation.json; repeats reuse the results of unchanged
// code and tests (reports/mutation/stryker-incremental.json).
import { relative } from 'node:path';
import { Stryker } from '@stryker-mutator/core';

const args = process.argv.slice(2);
// Stryker reads stryker.config.mjs itself; these only override it.
const options = { configFile: 'stryker.config.mjs' };
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--mutate') options.mutate = args[++i].split(',');
  else if (arg === '--test-files') options.testFiles = args[++i].split(',');
  else if (arg === '--force') options.force = true;
  else if (arg === '--concurrency') options.concurrency = Number(args[++i]);
  else {
    console.error(`Onbekende optie: ${arg}`);
    process.exit(2);
  }
}

const results = await new Stryker(options).runMutationTest();

// Score as Stryker computes it: killed and timed-out mutants of all that were valid and tested;
// mutants marked as equivalent (Ignored) and those that did not compile are left out.
const perFile = new Map();
for (const m of results) {
  const file = relative(process.cwd(), m.fileName);
  const row = perFile.get(file) ?? { killed: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0 };
  if (m.status === 'Killed') row.killed++;
  else if (m.status === 'Timeout') row.timeout++;
  else if (m.status === 'Survived') row.survived++;
  else if (m.status === 'NoCoverage') row.noCoverage++;
  else if (m.status === 'Ignored') row.ignored++;
  perFile.set(file, row);
}
const score = (r) => {
  const valid = r.killed + r.timeout + r.survived + r.noCoverage;
  return valid === 0 ? 100 : (100 * (r.killed + r.timeout)) / valid;
};
const total = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0 };
console.log('\nMutatiescore per bestand (gedood / overleefd / niet gedekt / equivalent):');
for (const [file, r] of [...perFile].sort(([a], [b]) => a.localeCompare(b))) {
  for (const key of Object.keys(total)) total[key] += r[key];
  console.log(`  ${score(r).toFixed(1).padStart(5)}%  ${file}  (${r.killed + r.timeout} / ${r.survived} / ${r.noCoverage} / ${r.ignored})`);
}
console.log(
  `  ${score(total).toFixed(1).padStart(5)}%  totaal  (${total.killed + total.timeout} / ` +
    `${total.survived} / ${total.noCoverage} / ${total.ignored})`,
);
console.log('Rapport: reports/mutation/index.html');
