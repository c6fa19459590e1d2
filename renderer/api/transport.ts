import type { Envelope } from '../../electron/api/contract';

/** How a call reaches the backend: Electron IPC through the preload, or the loopback HTTP host. */
export type Transport = (method: string, input: unknown) => Promise<Envelope<unknown>>;

const TOKEN_KEY = 'zorgoverleg.token';

/**
 * The browser host hands its per-launch token over once, in the address (#/?token=…). Keep it
 * for this tab only and take it out of the address bar so it is not bookmarked or shown.
 */
function takeToken(): string | null {
  const match = window.location.hash.match(/[?&]token=([^&]+)/);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpTransport(): Transport {
  const token = takeToken();
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Zorgoverleg-Token': token ?? '' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'OFFLINE', message: 'Zorgoverleg is niet bereikbaar. Is de app nog gestart?' } };
    }
    if (response.status === 401) {
      return {
        ok: false,
        error: { code: 'NO_TOKEN', message: 'Open Zorgoverleg via het adres dat bij het starten werd getoond.' },
      };
    }
    return (await response.json()) as Envelope<unknown>;
  };
}

export function pickTransport(): Transport {
  const api = window.api;
  return api ? (method, input) => api.invoke(method, input) : httpTransport();
}
