import { describe, expect, it } from 'vitest';
import {
  isAllowedNavigation,
  isTrustedSender,
  mainWindowOptions,
  mayProjectorCall,
  PROJECTOR_URL,
  projectorPlacement,
  projectorWindowOptions,
  rendererFileFor,
} from '../../electron/window-options';
import { methodNames } from '../../electron/app/contract';

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

  describe('the projector window', () => {
    const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
    const beamer = { id: 2, bounds: { x: 1920, y: 0, width: 1024, height: 768 } };

    it("goes full screen on the display that is not the chair's", () => {
      expect(projectorPlacement([laptop, beamer], 1)).toEqual({ bounds: beamer.bounds, fullScreen: true });
      // The chair dragged the app to the beamer: the projector goes to the laptop's screen then.
      expect(projectorPlacement([laptop, beamer], 2)).toEqual({ bounds: laptop.bounds, fullScreen: true });
    });

    it("is a movable 16:9 window on the chair's display when there is no second one", () => {
      const { bounds, fullScreen } = projectorPlacement([laptop], 1);
      expect(fullScreen).toBe(false);
      expect(bounds.width / bounds.height).toBeCloseTo(16 / 9, 1);
      expect(bounds.x).toBeGreaterThanOrEqual(0);
      expect(bounds.x + bounds.width).toBeLessThanOrEqual(1920);
      // A small screen: the window never outgrows it.
      expect(projectorPlacement([{ id: 1, bounds: { x: 0, y: 0, width: 800, height: 600 } }], 1).bounds.width).toBe(800);
    });

    it('is as hardened as the main window and opens the projector page of the app', () => {
      const projector = projectorWindowOptions('/app/preload.cjs', projectorPlacement([laptop, beamer], 1), {
        devTools: false,
      });
      expect(projector.fullscreen).toBe(true);
      expect(projector.x).toBe(1920);
      expect({ ...projector.webPreferences, spellcheck: true }).toEqual(web);
      expect(isAllowedNavigation(PROJECTOR_URL)).toBe(true);
    });

    it('may only ask for its screen and send the presenter keys', () => {
      const allowed = methodNames.filter(mayProjectorCall).sort();
      expect(allowed).toEqual(['presentation.control', 'presentation.projector', 'presentation.stop']);
      for (const method of ['minutes.get', 'students.get', 'presentation.showNames', 'presentation.start', 'documents.agenda'])
        expect(mayProjectorCall(method)).toBe(false);
    });
  });
});
