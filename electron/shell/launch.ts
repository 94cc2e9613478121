// Where things are and what the command line asked for, decided before Electron is ready.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDataFolder } from '../store/data-folder';

export const PRODUCT_NAME = 'ReturnDesk';
/** Must equal electron-builder.yml's appId: Windows groups the taskbar and notifications by it. */
export const APP_USER_MODEL_ID = 'uk.co.returndesk.app';

/**
 * `--data-dir DIR` or `--data-dir=DIR` anywhere on the command line (Electron puts its own and
 * Chromium's switches there too, which are ignored). The last one wins, as with most tools.
 */
export function dataDirArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  argv.forEach((arg, i) => {
    if (arg.startsWith('--data-dir=')) found = arg.slice('--data-dir='.length);
    else if (arg === '--data-dir' && argv[i + 1] !== undefined) found = argv[i + 1];
  });
  return found === '' ? undefined : found;
}

/** As for the command line: --data-dir, then RETURNDESK_DATA_DIR, then %LOCALAPPDATA%\ReturnDesk. */
export function dataFolderFor(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  return resolveDataFolder(dataDirArgument(argv), env);
}

/**
 * Chromium's profile lives beside the history, not in the roaming %APPDATA% that colleges
 * redirect to network shares. It also keys the single-instance lock, so one window per data
 * folder: a second launch on the same folder focuses the first, another folder gets its own.
 */
export function chromiumProfileFolder(dataFolder: string): string {
  return join(dataFolder, 'chromium');
}

export interface AppLayout {
  preload: string;
  rendererDir: string;
  packageJson: string;
}

/** Paths relative to the bundle (dist/app/main.cjs), the same inside the asar and in a checkout. */
export function appLayout(bundleDir: string): AppLayout {
  return {
    preload: join(bundleDir, 'preload.cjs'),
    rendererDir: join(bundleDir, '..', 'renderer'),
    packageJson: join(bundleDir, '..', '..', 'package.json'),
  };
}

/**
 * Our version from package.json rather than app.getVersion(): launched as `electron main.cjs`
 * (as Playwright does) Electron finds no package.json and reports its own version.
 */
export function readAppVersion(packageJson: string): string {
  try {
    const parsed = JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
