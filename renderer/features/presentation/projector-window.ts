import { invoke } from '../../api/client';
import type { PresenterAction } from './keys';

/**
 * Opens the projector view: in Electron a second window (full screen on an external display when
 * there is one), in the browser shell a second browser window of the same session (it shares
 * the session cookie, so no credential travels in its address). Returns false when the browser
 * blocked the window.
 */
export function openProjectorWindow(): boolean {
  if (window.host) {
    void window.host.openProjector();
    return true;
  }
  const opened = window.open(`${window.location.pathname}#/projector`, 'zorgoverleg-projector', 'popup,width=1280,height=720');
  return opened !== null;
}

/** A presenter key from the console or the projector: stop ends the presentation, the rest steers it. */
export async function runPresenterAction(action: PresenterAction): Promise<void> {
  if (action.command === 'stop') await invoke('presentation.stop', {});
  else await invoke('presentation.control', action);
}
