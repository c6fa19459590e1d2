import type { BrowserHost } from '../../electron/browser-host';

/**
 * Opens a session on an in-process browser host as its launch page does (a one-time code traded
 * for the session cookie) and returns the `Cookie` header to send with API calls.
 */
export async function openHostSession(host: BrowserHost): Promise<string> {
  const response = await fetch(host.launchUrl(), { redirect: 'manual' });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${host.cookieName}=`));
  if (response.status !== 303 || !cookie) throw new Error(`no session from the launch address (${response.status})`);
  return cookie.split(';')[0]!;
}
