import { describe, expect, it } from 'vitest';
import {
  isAllowedNavigation,
  isTrustedSender,
  mainWindowOptions,
  rendererFileFor,
} from '../../electron/window-options';

describe('Electron window options', () => {
  const options = mainWindowOptions('/app/preload.cjs', { devTools: false });
  const web = options.webPreferences!;

  it('isolates and sandboxes the page with no Node access', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.preload).toBe('/app/preload.cjs');
    expect(web.devTools).toBe(false);
  });

  it('allows navigation only within the app origin', () => {
    expect(isAllowedNavigation('app://zorgoverleg/index.html#/instellingen')).toBe(true);
    expect(isAllowedNavigation('https://example.org/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('app://elders/index.html')).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5174/')).toBe(false);
    expect(isAllowedNavigation('niet een adres')).toBe(false);
  });

  it('trusts IPC only from app pages', () => {
    expect(isTrustedSender('app://zorgoverleg/index.html')).toBe(true);
    expect(isTrustedSender('https://evil.example/')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('maps app:// requests to files inside the renderer folder only', () => {
    expect(rendererFileFor('app://zorgoverleg/', '/r', '/')).toBe('/r/index.html');
    expect(rendererFileFor('app://zorgoverleg/assets/index.js', '/r', '/')).toBe('/r/assets/index.js');
    // The URL parser resolves dot segments, so an escape attempt ends up inside the folder anyway.
    expect(rendererFileFor('app://zorgoverleg/assets/%2e%2e/%2e%2e/etc/passwd', '/r', '/')).toBe('/r/etc/passwd');
    expect(rendererFileFor('app://zorgoverleg/..%5C..%5Csecret', '/r', '/')).toBeNull();
    expect(rendererFileFor('app://other/index.html', '/r', '/')).toBeNull();
  });
});
