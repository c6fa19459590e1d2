import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where environments live when no folder is given: the same place Electron's userData points to
 * for productName "Zorgoverleg", so both shells see the same environments.
 */
export function defaultDataDir(): string {
  const home = homedir();
  switch (process.platform) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Zorgoverleg');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Zorgoverleg');
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Zorgoverleg');
  }
}
