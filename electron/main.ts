// Electron entry: wiring only. Every decision it applies lives in electron/shell/ and is tested
// under Node (test/unit/electron/), because no Electron runtime exists on the build machines.
import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell } from 'electron';
import { createOperations } from './operations';
import { startVerificationPolling } from './operations/verification-poll';
import { toAppError } from './operations/errors';
import { KeyringVault } from './vault/keyring-vault';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from './shell/app-protocol';
import { windowWebPreferences } from './shell/security';
import { hardenSession, hardenWebContents } from './shell/harden';
import { registerIpcHandlers } from './shell/ipc';
import { createElectronHost } from './shell/electron-host';
import { extractHeapFrom } from './operations/extract-heap';
import type { ElectronHost } from './shell/electron-host';
import { UPLOAD_PARTITION, createUploadNetwork } from './shell/upload-network';
import {
  APP_USER_MODEL_ID,
  PRODUCT_NAME,
  appLayout,
  chromiumProfileFolder,
  dataFolderFor,
  readAppVersion,
} from './shell/launch';

const layout = appLayout(__dirname);
const dataFolder = dataFolderFor(process.argv, process.env);

// Before ready: the profile folder (which also keys the single-instance lock), the app scheme's
// privileges, and the sandbox for every renderer, whatever a window's preferences say.
app.setPath('userData', chromiumProfileFolder(dataFolder));
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

let window: BrowserWindow | null = null;
let host: ElectronHost | null = null;

function openWindow(): void {
  window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    webPreferences: windowWebPreferences(layout.preload, { devTools: !app.isPackaged }),
  });
  if (app.isPackaged) window.removeMenu();
  window.once('ready-to-show', () => window?.show());
  window.on('closed', () => {
    window = null;
  });
  // A page that fails to load would leave a window that never shows and a process nobody sees.
  window.loadURL(APP_ENTRY_URL).catch((e: unknown) => quitSaying('cannot show its window', e));
}

/** Says in one line what stopped the app, then quits. */
function quitSaying(what: string, e: unknown): void {
  dialog.showErrorBox(`${PRODUCT_NAME} ${what}`, toAppError(e).message);
  app.quit();
}

function start(): void {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(layout.rendererDir));
  const uploads = createUploadNetwork(net, session.fromPartition(UPLOAD_PARTITION));
  let extractHeapMb: number | undefined;
  try {
    extractHeapMb = extractHeapFrom(process.env);
  } catch (e) {
    dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, (e as Error).message);
    return app.quit();
  }
  try {
    host = createElectronHost({
      dataFolder,
      extractHeapMb,
      version: readAppVersion(layout.packageJson),
      vault: new KeyringVault(process.env.RETURNDESK_VAULT_SERVICE || undefined),
      transportFor: (d) => uploads.transportFor(d),
      send: (channel, payload) => {
        if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
      },
    });
  } catch (e) {
    // A history from a newer version, a locked or unreadable folder: say so, then stop.
    return quitSaying('cannot open its history', e);
  }
  const operations = createOperations(host);
  registerIpcHandlers(ipcMain, operations);
  startVerificationPolling(operations);
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    // A link the system has no browser for is simply not opened; nothing is waiting on it.
    hardenWebContents(contents, (url) => void shell.openExternal(url).catch(() => undefined));
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => host?.close());
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => quitSaying('cannot start', e));
}
