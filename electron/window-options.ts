import type { BrowserWindowConstructorOptions } from 'electron';

/** The renderer is served from this custom origin, never from file:// (Electron security checklist). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'zorgoverleg';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Options for every window: isolated, sandboxed, no Node in the page. Pure, so tests can check it. */
export function mainWindowOptions(preloadPath: string, opts: { devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Zorgoverleg',
    backgroundColor: '#f8f9fa',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: opts.devTools,
    },
  };
}

/** Only the app's own pages may be shown; everything else (links, drops, redirects) is refused. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Whether an IPC call comes from one of our own pages (not from a frame that slipped in). */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  return frameUrl !== undefined && isAllowedNavigation(frameUrl);
}

/** Resolves a request on the app:// origin to a file inside the renderer folder, or null. */
export function rendererFileFor(requestUrl: string, rendererDir: string, sep: string): string | null {
  if (!isAllowedNavigation(requestUrl)) return null;
  const pathname = decodeURIComponent(new URL(requestUrl).pathname);
  const parts = pathname.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..' || p.includes('\\') || p.includes(':'))) return null;
  const relative = parts.length ? parts.join(sep) : 'index.html';
  return `${rendererDir}${sep}${relative}`;
}
