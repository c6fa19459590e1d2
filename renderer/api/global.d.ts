import type { Envelope } from '../../electron/app/contract';

declare global {
  interface Window {
    /** Present only in the Electron shell (preload). */
    api?: { invoke(method: string, input: unknown): Promise<Envelope<unknown>> };
    host?: {
      kind: 'electron';
      onVaultLocked(callback: () => void): () => void;
      onFlushRequest(flush: () => Promise<void>): () => void;
      openAttachment(id: string): Promise<{ ok: boolean; message: string }>;
      /** Opens an e-mail draft (.eml, base64) in the desktop's mail program. */
      openMailDraft(contentBase64: string): Promise<{ ok: boolean; message: string }>;
      /** Opens (or brings forward) the projector window: full screen on an external display when connected. */
      openProjector(): Promise<void>;
    };
  }
}
export {};
