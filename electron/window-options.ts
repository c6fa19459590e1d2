import type { BrowserWindowConstructorOptions } from 'electron';

/** The renderer is served from this custom origin, never from file:// (Electron security checklist). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'zorgoverleg';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The projector's page: the same app, which shows only the projector view for this address. */
export const PROJECTOR_URL = `${APP_ENTRY_URL}#/projector`;

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

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where the projector window goes: full screen on a display other than the chair's (the beamer),
 * else a movable 16:9 window on the chair's display, to be dragged to the beamer by hand.
 */
export function projectorPlacement(
  displays: { id: number; bounds: Rectangle }[],
  chairDisplayId: number,
): { bounds: Rectangle; fullScreen: boolean } {
  const beamer = displays.find((d) => d.id !== chairDisplayId);
  if (beamer) return { bounds: beamer.bounds, fullScreen: true };
  const own = displays.find((d) => d.id === chairDisplayId)?.bounds ?? { x: 0, y: 0, width: 1280, height: 800 };
  const width = Math.min(1024, own.width);
  const height = Math.round((width * 9) / 16);
  return {
    bounds: {
      x: own.x + Math.round((own.width - width) / 2),
      y: own.y + Math.round((own.height - height) / 2),
      width,
      height,
    },
    fullScreen: false,
  };
}

/** The projector window: as hardened as the main one, black until its page shows, no menu. */
export function projectorWindowOptions(
  preloadPath: string,
  placement: ReturnType<typeof projectorPlacement>,
  opts: { devTools: boolean },
): BrowserWindowConstructorOptions {
  const main = mainWindowOptions(preloadPath, opts);
  return {
    ...main,
    ...placement.bounds,
    minWidth: 320,
    minHeight: 180,
    fullscreen: placement.fullScreen,
    title: 'Zorgoverleg — projector',
    backgroundColor: '#000000',
    webPreferences: { ...main.webPreferences, spellcheck: false },
  };
}

/** The projector window may ask for its screen and steer with keys; nothing else (it shows a shared room). */
const projectorMethods = new Set(['presentation.projector', 'presentation.control', 'presentation.stop']);
export const mayProjectorCall = (method: string) => projectorMethods.has(method);

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
