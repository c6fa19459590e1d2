import type { DomainHandlers } from '../../api/handler-types';
import type { Backend, Session } from '../../api/context';
import { schoolSettings } from '../../../db/schema';
import { listEnvironments, vaultPathFor } from './environments';
import { sessionRolesOf } from './session-roles';
import { createEnvironment, recover, unlock, changePassphrase } from './vault-service';
import { logSessionStart } from '../audit/vault-events';
import { attemptsKeyOfVault, limitedAttempt, takeFailedAttempts } from './attempts';
import { readStoredKeyring } from './key-slots';
import { DEMO_PASSPHRASE } from './demo-environment';

function sessionView(session: Session) {
  const settings = session.vault.db.select({ schoolName: schoolSettings.schoolName }).from(schoolSettings).get();
  return {
    environmentId: session.environmentId,
    demo: session.demo,
    schoolName: settings?.schoolName ?? '',
    user: { ...session.user, roles: sessionRolesOf(session.vault.db, session.user.id) },
  };
}

/**
 * Where an environment's attempts are counted (attempts.ts): under its vault's id, shared with
 * its backups. A keyring that cannot be read fails the attempt before any key is derived.
 */
function attemptsKeyOf(backend: Backend, environmentId: string): string {
  try {
    return attemptsKeyOfVault(readStoredKeyring(vaultPathFor(backend.config.dataDir, environmentId)).vaultId);
  } catch {
    return `environment:${environmentId}`;
  }
}

export const vaultHandlers: DomainHandlers<
  'vault.status' | 'vault.create' | 'vault.unlock' | 'vault.recover' | 'vault.lock' | 'vault.changePassphrase'
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
  'vault.unlock': async ({ backend }, input) => {
    // After a few wrong passphrases the next attempt waits, longer each time: guessing gets slow.
    const session = await limitedAttempt(
      backend,
      attemptsKeyOf(backend, input.environmentId),
      { userId: input.userId, with: 'wachtwoord' },
      () => unlock(backend, input),
    );
    logSessionStart(backend, session, 'vault.unlock', takeFailedAttempts(backend, attemptsKeyOfVault(session.vaultId)));
    return sessionView(session);
  },
  'vault.recover': async ({ backend }, input) => {
    const session = await limitedAttempt(
      backend,
      attemptsKeyOf(backend, input.environmentId),
      { userId: input.userId, with: 'herstelsleutel' },
      () => recover(backend, input),
    );
    logSessionStart(backend, session, 'vault.recover', takeFailedAttempts(backend, attemptsKeyOfVault(session.vaultId)));
    return sessionView(session);
  },
  'vault.lock': ({ backend }) => {
    backend.lock();
    return null;
  },
  // The slow key work first; the key file is written in the call's transaction, after its line.
  'vault.changePassphrase': { prepare: ({ backend, session }, input) => changePassphrase(backend, session, input) },
};
