import { existsSync } from 'node:fs';
import type { DomainHandlers } from '../../api/handler-types';
import type { Backend, Session } from '../../api/context';
import { schoolSettings } from '../../../db/schema';
import { listEnvironments, vaultPathFor } from './environments';
import { rolesOf } from '../settings/roles';
import { createEnvironment, recover, unlock, changePassphrase } from './vault-service';
import { AppError } from '../../api/errors';
import { logSessionStart } from '../audit/vault-events';
import { attemptWaitMs, noteFailedAttempt, takeFailedAttempts } from './attempts';
import { now } from '../../shared/clock';
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

/** After a few wrong passphrases the next attempt waits, longer each time: guessing gets slow. */
function refuseWhileWaiting(backend: Backend, environmentId: string): void {
  const wait = attemptWaitMs(backend, environmentId, Date.now());
  if (wait > 0) throw new AppError('TOO_MANY_ATTEMPTS', `Te veel onjuiste pogingen. Probeer het over ${Math.ceil(wait / 1000)} seconden opnieuw.`);
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
    notice: backend.closeProblem,
  }),
  'vault.create': async ({ backend }, input) => {
    const created = await createEnvironment(backend, {
      schoolName: input.schoolName,
      region: input.region,
      users: [{ name: input.userName, staffCode: input.staffCode, passphrase: input.passphrase }],
    });
    if (backend.session) logSessionStart(backend, backend.session, 'vault.create', { kept: [], more: 0 });
    return created;
  },
  'vault.openDemo': async ({ backend }) => {
    await ensureDemoEnvironment(backend);
    return { environmentId: DEMO_ENVIRONMENT_ID, passphrase: DEMO_PASSPHRASE };
  },
  'vault.unlock': async ({ backend }, input) => {
    refuseWhileWaiting(backend, input.environmentId);
    const session = await unlock(backend, input).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'WRONG_PASSPHRASE') noteFailedAttempt(backend, input.environmentId, { at: now(), userId: input.userId, with: 'wachtwoord' }, Date.now());
      throw err;
    });
    logSessionStart(backend, session, 'vault.unlock', takeFailedAttempts(backend, input.environmentId));
    return sessionView(session);
  },
  'vault.recover': async ({ backend }, input) => {
    refuseWhileWaiting(backend, input.environmentId);
    const session = await recover(backend, input).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'WRONG_RECOVERY_KEY') noteFailedAttempt(backend, input.environmentId, { at: now(), userId: input.userId, with: 'herstelsleutel' }, Date.now());
      throw err;
    });
    logSessionStart(backend, session, 'vault.recover', takeFailedAttempts(backend, input.environmentId));
    return sessionView(session);
  },
  'vault.lock': ({ backend }) => {
    backend.lock();
    return null;
  },
  'vault.changePassphrase': async ({ backend, session }, input) => {
    await changePassphrase(backend, session, input);
    return null;
  },
};
