import type { Envelope } from '../../electron/app/contract';

/** How a call reaches the backend: Electron IPC through the preload, or the loopback HTTP host. */
export type Transport = (method: string, input: unknown) => Promise<Envelope<unknown>>;

/** How often an open page tells the browser host it is still there (the host gives up after 3 minutes). */
const ALIVE_EVERY_MS = 30_000;
const USER_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchmove', 'scroll'] as const;

/** Posts a small note to the host; a page that is going away uses keepalive so it still arrives. */
function tellHost(path: string, body: object, keepalive = false): Promise<Response | null> {
  return fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    keepalive,
  }).catch(() => null);
}

/** Whether this page last saw the vault unlocked (from its own calls and the host's answers). */
interface VaultSeen {
  unlocked: boolean;
}

/**
 * The browser host locks the vault itself when nobody uses it and when its last window closes:
 * each page says it is open (and whether the user did anything since) every 30 s, and says
 * goodbye when it goes. A reload's goodbye is followed by the next page's hello.
 */
function followThisWindow(seen: VaultSeen, onLocked: () => void): void {
  const id = crypto.randomUUID();
  let active = true;
  for (const event of USER_EVENTS) window.addEventListener(event, () => (active = true), { capture: true, passive: true });
  const alive = () => {
    void tellHost('/session/alive', { window: id, active }).then(async (response) => {
      if (!response?.ok) return;
      const { unlocked } = (await response.json().catch(() => ({}))) as { unlocked?: unknown };
      if (typeof unlocked !== 'boolean') return;
      // Only news is news: a page that already knows (its own lock button) is not reset again.
      if (seen.unlocked && !unlocked) onLocked();
      seen.unlocked = unlocked;
    });
    active = false;
  };
  alive();
  setInterval(alive, ALIVE_EVERY_MS);
  window.addEventListener('pagehide', () => void tellHost('/session/closed', { window: id }, true));
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) alive();
  });
}

/**
 * The browser host knows this browser by an HttpOnly session cookie, set when its launch page
 * was opened: the page itself never holds a credential, and a second window of the same browser
 * (the projector) shares it.
 */
function httpTransport(onLocked: () => void): Transport {
  const seen: VaultSeen = { unlocked: false };
  followThisWindow(seen, onLocked);
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return {
        ok: false,
        error: { code: 'OFFLINE', message: 'Zorgoverleg is niet bereikbaar. Is de app nog gestart?' },
      };
    }
    if (response.status === 401) {
      return {
        ok: false,
        error: { code: 'NO_SESSION', message: 'Open Zorgoverleg via de startpagina die bij het starten werd getoond.' },
      };
    }
    const envelope = (await response.json()) as Envelope<unknown>;
    if (method === 'vault.lock' || (!envelope.ok && envelope.error.code === 'LOCKED')) seen.unlocked = false;
    if (method === 'vault.status' && envelope.ok) seen.unlocked = (envelope.value as { session: unknown }).session !== null;
    return envelope;
  };
}

/** `onLocked`: the browser host locked the vault by itself (Electron tells its windows over IPC). */
export function pickTransport(onLocked: () => void): Transport {
  const api = window.api;
  return api ? (method, input) => api.invoke(method, input) : httpTransport(onLocked);
}
