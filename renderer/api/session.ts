import { useQuery, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { invoke } from './client';
import type { MethodName, MethodOutput } from '../../electron/app/contract';
import { methodRoles, rulePermits } from '../../electron/app/method-roles';

export const vaultStatusKey = ['vault', 'status'] as const;

export function useVaultStatus() {
  return useQuery({ queryKey: vaultStatusKey, queryFn: () => invoke('vault.status', {}) });
}

export type SessionInfo = NonNullable<MethodOutput<'vault.status'>['session']>;
export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside an unlocked vault');
  return session;
}

/**
 * Whether the signed-in user's roles let them call a method at all: its row in the contract's roles
 * table, the one the dispatcher applies. A screen shows a button only when this says yes; checks
 * that depend on the data (the author of an intake, Meldcode access) are the backend's, and its
 * refusal is shown.
 */
export function useMayCall(method: MethodName): boolean {
  return rulePermits(methodRoles[method], useSession().user.roles);
}

/**
 * After locking, nothing read from the vault may stay in the renderer: forget what screens
 * registered (the tabs that show attachments, a remembered choice), drop every cached query and reload only the
 * (public) status, which brings back
 * the unlock screen.
 */
export async function forgetVaultData(queryClient: QueryClient): Promise<void> {
  for (const forget of forgetters) forget();
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== vaultStatusKey[0] });
  window.location.hash = '#/';
  await queryClient.resetQueries({ queryKey: vaultStatusKey });
}

/** What a screen keeps (a choice made on it, a tab it opened) and must drop when the vault locks. */
const forgetters = new Set<() => void>();

export function forgetOnLock(forget: () => void): void {
  forgetters.add(forget);
}

/** What must be saved before the vault locks: autosaving screens register their flush here. */
const flushers = new Set<() => Promise<void>>();

export function flushBeforeLock(flush: () => Promise<void>): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/** Stores everything being typed on any screen. */
export async function flushTypedWork(): Promise<void> {
  await Promise.allSettled([...flushers].map((flush) => flush()));
}

/** Locking from the app (button, idle) first stores what was typed; a hung save does not keep the vault open. */
export async function lockVault(queryClient: QueryClient): Promise<void> {
  await Promise.race([flushTypedWork(), new Promise((done) => setTimeout(done, 3000))]);
  try {
    await invoke('vault.lock', {});
  } finally {
    await forgetVaultData(queryClient);
  }
}
