// Where the Electron runtime is, if one is installed, without installing one.
//
// `require('electron')` returns the binary's path, but when the binary is missing it first tries
// to download it (node_modules/electron/index.js runs install.js) — from a host some machines
// cannot reach. So this reads the same path.txt the package writes after a download, and checks
// the file is really there.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const DEFAULT_NAMES = {
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

/**
 * @returns {{ binary: string } | { binary: null, reason: string }}
 */
export function findElectronRuntime({
  root = PROJECT_ROOT,
  env = process.env,
  platform = process.platform,
} = {}) {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(join(pkg, 'package.json'))) {
    return { binary: null, reason: 'The electron package is not installed (run npm ci)' };
  }
  const pathFile = join(pkg, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!recorded && !override) {
    return {
      binary: null,
      reason: 'No Electron runtime is installed on this machine (it downloads on first run)',
    };
  }
  const name = recorded || DEFAULT_NAMES[platform] || 'electron';
  const binary = join(override || join(pkg, 'dist'), name);
  if (!existsSync(binary)) {
    return {
      binary: null,
      reason: `The Electron runtime's program is missing (${binary}), so it needs downloading again`,
    };
  }
  return { binary };
}
