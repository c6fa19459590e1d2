// `npm run demo -- --out <file>`: writes the demo school's vault (and its keyring, <file>.keys)
// without the UI, for tests and for newcomers who want to look at a vault file.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closeVaultDatabase } from '../db/open';
import { AppError } from '../electron/api/errors';
import { DEMO_PASSPHRASE, demoEnvironment, seedDemoSchool } from '../electron/features/demo/demo-school';
import { createVaultFiles } from '../electron/features/vault/vault-service';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) {
  console.error('Gebruik: npm run demo -- --out <bestand>   (bijvoorbeeld demo.zorgoverleg)');
  process.exit(2);
}
const vaultPath = resolve(values.out);
try {
  const created = await createVaultFiles(
    { dataDir: resolve(vaultPath, '..'), migrationsFolder: resolve(import.meta.dirname, '..', 'db', 'migrations') },
    vaultPath,
    demoEnvironment,
    { demo: true, seed: (db) => seedDemoSchool(db) },
  );
  closeVaultDatabase(created.vault);
  created.dataKey.fill(0);
  console.log(`Demo-omgeving geschreven: ${vaultPath} (sleutelring: ${vaultPath}.keys)`);
  console.log(`Gebruikers: ${created.users.map((u) => `${u.name} (${u.staffCode})`).join(', ')}`);
  console.log(`Wachtwoord van elke demo-gebruiker: ${DEMO_PASSPHRASE}`);
  console.log(`Herstelsleutel: ${created.recoveryKey}`);
} catch (err) {
  console.error(err instanceof AppError ? err.message : err);
  process.exit(1);
}
