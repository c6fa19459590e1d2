import { existsSync } from 'node:fs';
import type { Backend } from '../../api/context';
import type { DomainHandlers } from '../../api/handler-types';
import { vaultPathFor } from '../vault/environments';
import { createEnvironment } from '../vault/vault-service';
import { DEMO_ENVIRONMENT_ID, DEMO_PASSPHRASE, demoEnvironment, seedDemoSchool } from './demo-school';

/** Creates the demo vault on first use; afterwards it is opened like any other environment. */
export async function ensureDemoEnvironment(backend: Backend): Promise<void> {
  if (existsSync(vaultPathFor(backend.config.dataDir, DEMO_ENVIRONMENT_ID))) return;
  await createEnvironment(backend, demoEnvironment, {
    environmentId: DEMO_ENVIRONMENT_ID,
    demo: true,
    seed: (db) => seedDemoSchool(db),
  });
  // Creating unlocks it; the demo is meant to be opened through the unlock screen like a real one.
  backend.lock();
}

export const demoHandlers: DomainHandlers<'demo.open'> = {
  'demo.open': async ({ backend }) => {
    await ensureDemoEnvironment(backend);
    return { environmentId: DEMO_ENVIRONMENT_ID, passphrase: DEMO_PASSPHRASE };
  },
};
