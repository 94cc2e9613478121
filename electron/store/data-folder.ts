// Where the history lives. On Windows %LOCALAPPDATA%\ReturnDesk, not the roaming %APPDATA%, which
// colleges often redirect to a network share where SQLite's WAL is unsafe.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { statfsSync } from 'node:fs';

export function defaultDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'win32') {
    return join(
      env.LOCALAPPDATA ?? join(env.USERPROFILE ?? homedir(), 'AppData', 'Local'),
      'ReturnDesk',
    );
  }
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'ReturnDesk');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'ReturnDesk');
}

/** `--data-dir` wins, then RETURNDESK_DATA_DIR, then the platform's local application data. */
export function resolveDataFolder(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return resolve(option ?? env.RETURNDESK_DATA_DIR ?? defaultDataFolder(env));
}

// statfs magic numbers of network file systems (Linux): NFS, SMB/CIFS, SMB2, AFS, Coda, NCP, 9P.
const NETWORK_FS = new Set([
  0x6969, 0xff534d42, 0xfe534d42, 0x517b, 0x5346414f, 0x73757245, 0x564c, 0x01021997,
]);

/**
 * True when the folder is on a network share: a UNC path on Windows, or a network file system
 * elsewhere. SQLite's WAL needs shared memory that network file systems do not provide.
 */
export function isNetworkFolder(folder: string, platform = process.platform): boolean {
  if (platform === 'win32') return /^(\\\\|\/\/)(?!\?\\[a-z]:)/i.test(folder);
  try {
    return NETWORK_FS.has(Number(statfsSync(folder).type));
  } catch {
    return false;
  }
}
