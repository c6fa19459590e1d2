import { existsSync } from 'node:fs';
import type { DomainHandlers } from '../../api/handler-types';
import type { Backend, Session } from '../../api/context';
import { schoolSettings } from '../../../db/schema';
import { listEnvironments, vaultPathFor } from './environments';
import { rolesOf } from '../settings/roles';
import { createEnvironment, recover, unlock, changePassphrase } from './vault-service';
import { DEMO_ENVIRONMENT_ID, DEMO_PASSPHRASE, demoEnvironment, seedDemoSchool } from '../demo/demo-school';

function sessionView(session: Session) {
  const settings = session.vault.db.select({ schoolName: schoolSettings.schoolName }).from(schoolSettings).get();
  return {
    environmentId: session.environmentId,
    demo: session.demo,
    schoolName: settings?.schoolName ?? '',
    user: { ...session.user, roles: rolesOf(session.vault.db, session.user.id) },
  };
}

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

export const vaultHandlers: DomainHandlers<
  'vault.status' | 'vault.create' | 'vault.openDemo' | 'vault.unlock' | 'vault.recover' | 'vault.lock' | 'vault.changePassphrase'
> = {
  'vault.status': ({ backend }) => ({
    environments: listEnvironments(backend.config.dataDir).map((env) => ({
      ...env,
      demoPassphrase: env.demo ? DEMO_PASSPHRASE : null,
    })),
    session: backend.session ? sessionView(backend.session) : null,
  }),
  'vault.create': ({ backend }, input) =>
    createEnvironment(backend, {
      schoolName: input.schoolName,
      region: input.region,
      users: [{ name: input.userName, staffCode: input.staffCode, passphrase: input.passphrase }],
    }),
  'vault.openDemo': async ({ backend }) => {
    await ensureDemoEnvironment(backend);
    return { environmentId: DEMO_ENVIRONMENT_ID, passphrase: DEMO_PASSPHRASE };
  },
  'vault.unlock': async ({ backend }, input) => sessionView(await unlock(backend, input)),
  'vault.recover': async ({ backend }, input) => sessionView(await recover(backend, input)),
  'vault.lock': ({ backend }) => {
    backend.lock();
    return null;
  },
  'vault.changePassphrase': async ({ backend, session }, input) => {
    await changePassphrase(backend, session, input);
    return null;
  },
};
