import type { MethodInput, MethodName, MethodOutput } from '../../electron/app/contract';
import { pickTransport } from './transport';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const lockListeners = new Set<() => void>();
const transport = pickTransport(() => {
  for (const listener of lockListeners) listener();
});

/** Called when the backend says the vault is locked (auto-lock, another window, a restart). */
export function onVaultLocked(listener: () => void): () => void {
  lockListeners.add(listener);
  const unsubscribeHost = window.host?.onVaultLocked(listener);
  return () => {
    lockListeners.delete(listener);
    unsubscribeHost?.();
  };
}

/** The typed client: every call is checked against the contract at compile time. */
export async function invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const envelope = await transport(method, input);
  if (envelope.ok) return envelope.value as MethodOutput<M>;
  if (envelope.error.code === 'LOCKED') for (const listener of lockListeners) listener();
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.fields);
}
