import { app, BrowserWindow, ipcMain, net, powerMonitor, protocol, screen, session, shell } from 'electron';
import { randomUUID } from 'node:crypto';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Backend } from './api/context';
import { dispatch } from './app/dispatch';
import { backupsSettled, startAutomaticBackups } from './features/backup/automatic';
import { contentSecurityPolicy } from './security/csp';
import { openAttachmentFile, sweepTemporaryCopies, writeTemporaryCopy } from './features/files/store';
import { recordAudit } from './features/audit/store';
import { now } from './shared/clock';
import { IdleClock, shellSettings } from './shell-settings';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  isAllowedNavigation,
  isTrustedSender,
  mainWindowOptions,
  mayProjectorCall,
  PROJECTOR_URL,
  projectorPlacement,
  projectorWindowOptions,
  rendererFileFor,
} from './window-options';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
// Native date and time fields follow the UI language, not the OS locale: dd-mm-jjjj and 24 hours.
app.commandLine.appendSwitch('lang', 'nl-NL');

// Two instances on one vault would fight over the database: the second one just focuses the first.
const firstInstance = app.requestSingleInstanceLock();
if (!firstInstance) app.quit();

const appRoot = app.getAppPath();
const rendererDir = join(appRoot, 'dist', 'renderer');
// An installed app ignores development variables; ZORGOVERLEG_IDLE_LOCK_MS can only shorten the lock.
const settings = shellSettings({ packaged: app.isPackaged, env: process.env });
const backend = new Backend({
  dataDir: app.getPath('userData'),
  // Inside app.asar when packaged (electron-builder.yml): covered by the archive's integrity check.
  migrationsFolder: join(appRoot, 'db', 'migrations'),
  // `npm start` builds the addon for Electron's ABI apart from the Node one the tests use.
  nativeBinding: settings.nativeBinding,
});
startAutomaticBackups(backend);

/**
 * Asks every window to store what is being typed (an autosave waits 0.6 s after the last key)
 * and waits for each to answer, at most two seconds: a hung window never keeps the vault open.
 */
function flushWindows(): Promise<void> {
  const answered = BrowserWindow.getAllWindows().map(
    (win) =>
      new Promise<void>((done) => {
        const nonce = randomUUID();
        const onAnswer = (event: Electron.IpcMainEvent, got: unknown) => {
          if (got !== nonce || event.sender !== win.webContents) return;
          ipcMain.removeListener('host:flushed', onAnswer);
          done();
        };
        ipcMain.on('host:flushed', onAnswer);
        win.webContents.send('host:flush', nonce);
      }),
  );
  return Promise.race([Promise.all(answered).then(() => undefined), new Promise<void>((done) => setTimeout(done, 2000))]);
}

async function lockAndTell(): Promise<void> {
  if (!backend.session) return;
  await flushWindows();
  backend.lock();
  for (const win of BrowserWindow.getAllWindows()) win.webContents.send('vault:locked');
}

/**
 * The main process's own idle lock: input arriving at any of the app's windows (keys, mouse,
 * wheel, touch) keeps the vault open, nothing else does. The page's timer locks too, but a hung,
 * throttled or misbehaving page must not keep an unattended vault open.
 */
const idle = new IdleClock(settings.idleLockMs);
const IDLE_CHECK_MS = 5_000;
let idleLocking = false;
function lockWhenIdle(): void {
  if (!backend.session || idleLocking || !idle.isDue()) return;
  idleLocking = true;
  void lockAndTell().finally(() => {
    idleLocking = false;
    idle.touch();
  });
}

let projector: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(join(__dirname, 'preload.cjs'), { devTools: !app.isPackaged }));
  win.once('ready-to-show', () => win.show());
  // The projector shows what the chair steers from here: it goes when this window goes.
  win.on('closed', () => projector?.close());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

/** The projector on the beamer (full screen on the other display), or brought forward when open. */
function openProjector(chair: BrowserWindow | null): void {
  if (projector && !projector.isDestroyed()) {
    projector.show();
    projector.focus();
    return;
  }
  const chairDisplay = chair ? screen.getDisplayMatching(chair.getBounds()) : screen.getPrimaryDisplay();
  const placement = projectorPlacement(
    screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds })),
    chairDisplay.id,
  );
  const win = new BrowserWindow(projectorWindowOptions(join(__dirname, 'preload.cjs'), placement, { devTools: !app.isPackaged }));
  projector = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (projector === win) projector = null;
  });
  void win.loadURL(PROJECTOR_URL);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('input-event', () => idle.touch());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('second-instance', () => {
  const [win] = BrowserWindow.getAllWindows();
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

void app.whenReady().then(() => {
  // Only the instance that owns the vault sweeps: a second one, quitting, must not touch its copies.
  if (firstInstance) sweepTemporaryCopies();
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // Exports (.ics, .docx) arrive as downloads: always ask where, starting in Documents.
  session.defaultSession.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({
      title: 'Opslaan als',
      defaultPath: join(app.getPath('documents'), item.getFilename()),
    });
  });

  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(request.url, rendererDir, sep);
    if (!file) return new Response('Niet gevonden', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });

  ipcMain.handle('api', (event, method: unknown, input: unknown) => {
    const fromProjector = projector !== null && !projector.isDestroyed() && event.sender === projector.webContents;
    if (!isTrustedSender(event.senderFrame?.url) || typeof method !== 'string' || (fromProjector && !mayProjectorCall(method))) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Onbekende opdracht.' } };
    }
    return dispatch(backend, method, input);
  });

  ipcMain.handle('host:openProjector', (event) => {
    if (!isTrustedSender(event.senderFrame?.url)) return;
    openProjector(BrowserWindow.fromWebContents(event.sender));
  });

  ipcMain.handle('host:openAttachment', async (event, id: unknown) => {
    const current = backend.session;
    if (!isTrustedSender(event.senderFrame?.url) || typeof id !== 'string' || !current) {
      return { ok: false, message: 'De omgeving is vergrendeld. Ontgrendel haar eerst.' };
    }
    try {
      const path = openAttachmentFile(backend, current.vault.db, id);
      // Opening bypasses the dispatcher; it is a read of special-category data all the same.
      recordAudit(current.vault.db, { at: now(), userId: current.user.id, method: 'attachments.open', note: null });
      const problem = await shell.openPath(path);
      return problem ? { ok: false, message: `Dit bestand kon niet worden geopend: ${problem}` } : { ok: true, message: '' };
    } catch (err) {
      const missing = err instanceof Error && 'code' in err && err.code === 'NOT_FOUND';
      return {
        ok: false,
        message: missing ? 'Deze bijlage bestaat niet (meer).' : 'Deze bijlage kon niet worden geopend. Probeer het opnieuw.',
      };
    }
  });

  // The agenda's e-mail draft (made by documents.agendaMail, logged there) opens in the desktop's
  // mail program: Outlook opens an .eml with X-Unsent as a new message. Only an .eml is written.
  ipcMain.handle('host:openMailDraft', async (event, contentBase64: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url) || typeof contentBase64 !== 'string' || !backend.session) {
      return { ok: false, message: 'De omgeving is vergrendeld. Ontgrendel haar eerst.' };
    }
    try {
      const path = writeTemporaryCopy(backend, '.eml', Buffer.from(contentBase64, 'base64'));
      const problem = await shell.openPath(path);
      return problem
        ? { ok: false, message: `Het e-mailprogramma kon de concept-e-mail niet openen: ${problem}` }
        : { ok: true, message: '' };
    } catch {
      return { ok: false, message: 'De concept-e-mail kon niet worden geopend. Probeer het opnieuw.' };
    }
  });

  // Leaving the laptop: the vault locks when the screen locks or the machine sleeps.
  powerMonitor.on('lock-screen', () => void lockAndTell());
  powerMonitor.on('suspend', () => void lockAndTell());
  setInterval(lockWhenIdle, IDLE_CHECK_MS);

  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
  // macOS keeps the app running without windows: the vault must not stay open behind it.
  else backend.lock();
});

// Quitting stores what is being typed first, then locks (once: the second before-quit goes through).
let flushedForQuit = false;
// The backup that lock starts is made before the app goes (at most 15 s): quitting must not cost it.
app.on('before-quit', (event) => {
  if (flushedForQuit) {
    backend.lock();
    return;
  }
  event.preventDefault();
  void (backend.session ? flushWindows() : Promise.resolve()).finally(() => {
    backend.lock();
    void Promise.race([backupsSettled(backend), new Promise((done) => setTimeout(done, 15_000))]).then(() => {
      flushedForQuit = true;
      app.quit();
    });
  });
});
