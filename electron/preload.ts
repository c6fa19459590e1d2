import { contextBridge, ipcRenderer } from 'electron';
import type { MethodName } from './app/contract';

/** The contract's method names, inlined by the build (scripts/build.mjs) to keep zod out of the preload. */
declare const __CONTRACT_METHODS__: MethodName[];

// The page gets exactly one way in (invoke, for contract methods only) and two events.
const allowed = new Set<string>(__CONTRACT_METHODS__);

contextBridge.exposeInMainWorld('api', {
  invoke: (method: string, input: unknown) =>
    allowed.has(method)
      ? ipcRenderer.invoke('api', method, input)
      : Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Onbekende opdracht.' } }),
});

contextBridge.exposeInMainWorld('host', {
  kind: 'electron',
  /** Opens an attachment in the desktop's own viewer (from a private temporary copy). */
  openAttachment: (id: string): Promise<{ ok: boolean; message: string }> => ipcRenderer.invoke('host:openAttachment', id),
  /** Opens an e-mail draft (.eml) in the desktop's mail program (from a private temporary copy). */
  openMailDraft: (contentBase64: string): Promise<{ ok: boolean; message: string }> =>
    ipcRenderer.invoke('host:openMailDraft', contentBase64),
  /** The projector window: full screen on the external display when one is connected. */
  openProjector: (): Promise<void> => ipcRenderer.invoke('host:openProjector'),
  /** Before the vault locks (screen lock, sleep, quit): the page stores what is typed, then answers. */
  onFlushRequest: (flush: () => Promise<void>) => {
    const listener = (_event: unknown, nonce: string) => void flush().finally(() => ipcRenderer.send('host:flushed', nonce));
    ipcRenderer.on('host:flush', listener);
    return () => ipcRenderer.removeListener('host:flush', listener);
  },
  onVaultLocked: (callback: () => void) => {
    const listener = () => callback();
    ipcRenderer.on('vault:locked', listener);
    return () => ipcRenderer.removeListener('vault:locked', listener);
  },
});
