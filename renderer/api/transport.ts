import type { Envelope } from '../../electron/api/contract';

/** How a call reaches the backend: Electron IPC through the preload, or the loopback HTTP host. */
export type Transport = (method: string, input: unknown) => Promise<Envelope<unknown>>;

/** How often an open page tells the browser host it is still there (the host gives up after 3 minutes). */
const ALIVE_EVERY_MS = 30_000;
const USER_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchmove', 'scroll'] as const;

/** Posts a small note to the host; a page that is going away uses keepalive so it still arrives. */
function tellHost(path: string, body: object, keepalive = false): void {
  void fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), keepalive }).catch(
    () => undefined,
  );
}

/**
 * The browser host locks the vault itself when nobody uses it and when its last window closes:
 * each page says it is open (and whether the user did anything since) every 30 s, and says
 * goodbye when it goes. A reload's goodbye is followed by the next page's hello.
 */
function followThisWindow(): void {
  const id = crypto.randomUUID();
  let active = true;
  for (const event of USER_EVENTS) window.addEventListener(event, () => (active = true), { capture: true, passive: true });
  const alive = () => {
    tellHost('/session/alive', { window: id, active });
    active = false;
  };
  alive();
  setInterval(alive, ALIVE_EVERY_MS);
  window.addEventListener('pagehide', () => tellHost('/session/closed', { window: id }, true));
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) alive();
  });
}

/**
 * The browser host knows this browser by an HttpOnly session cookie, set when its launch page
 * was opened: the page itself never holds a credential, and a second window of the same browser
 * (the projector) shares it.
 */
function httpTransport(): Transport {
  followThisWindow();
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'OFFLINE', message: 'Zorgoverleg is niet bereikbaar. Is de app nog gestart?' } };
    }
    if (response.status === 401) {
      return {
        ok: false,
        error: { code: 'NO_SESSION', message: 'Open Zorgoverleg via de startpagina die bij het starten werd getoond.' },
      };
    }
    return (await response.json()) as Envelope<unknown>;
  };
}

export function pickTransport(): Transport {
  const api = window.api;
  return api ? (method, input) => api.invoke(method, input) : httpTransport();
}
