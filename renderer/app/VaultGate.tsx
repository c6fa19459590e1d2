import { Center, Loader } from '@mantine/core';
import { useIdle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { onVaultLocked } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { StartScreen } from './StartScreen';
import { flushTypedWork, forgetVaultData, lockVault, SessionContext, useVaultStatus } from '../api/session';
import { PageLoading } from './lazy-page';
import { DEFAULT_IDLE_LOCK_MS } from '../../electron/shell-settings';

// The app behind the unlock (router, menu, every screen) loads once the vault is open: the first chunk holds
// only the start screen and the unlock.
const AppRoutes = lazy(() => import('./router').then((m) => ({ default: m.AppRoutes })));
// Shown once, after an environment is created or recovered.
const RecoveryKeyNotice = lazy(() => import('../features/vault/RecoveryKeyNotice').then((m) => ({ default: m.RecoveryKeyNotice })));

/** Locks after this long without mouse or keyboard (the host locks on its own clock too). */
const IDLE_LOCK_MS = DEFAULT_IDLE_LOCK_MS;

/** Shows the start/unlock screens until the vault is open, then the app itself. */
export function VaultGate() {
  const queryClient = useQueryClient();
  const status = useVaultStatus();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const session = status.data?.session ?? null;
  const idle = useIdle(IDLE_LOCK_MS, { initialState: false });

  useEffect(() => onVaultLocked(() => void forgetVaultData(queryClient)), [queryClient]);
  // The desktop locks on screen lock, sleep and quit: it asks for what is being typed first.
  useEffect(() => window.host?.onFlushRequest(flushTypedWork), []);
  useEffect(() => {
    if (idle && session) void lockVault(queryClient);
  }, [idle, session, queryClient]);

  if (status.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Laden" />
      </Center>
    );
  }
  if (status.isError) {
    return (
      <Center h="100vh" p="xl">
        <ErrorAlert error={status.error} />
      </Center>
    );
  }
  if (recoveryKey && session) {
    return (
      <Suspense fallback={<PageLoading />}>
        <RecoveryKeyNotice recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />
      </Suspense>
    );
  }
  if (!session) {
    return <StartScreen environments={status.data.environments} notice={status.data.notice} onCreated={setRecoveryKey} />;
  }
  return (
    <SessionContext.Provider value={session}>
      <Suspense fallback={<PageLoading />}>
        <AppRoutes />
      </Suspense>
    </SessionContext.Provider>
  );
}
