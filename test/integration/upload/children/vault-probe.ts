// Run as a child process (`node bin/run-ts.mjs THIS SERVICE`), typically with the Secret Service out
// of reach: tries each vault operation and prints one JSON line per operation with what happened.
import { KeyringVault } from '../../../../electron/vault/keyring-vault';

const vault = new KeyringVault(process.argv[2]);
const operations: [string, () => Promise<unknown>][] = [
  ['set', () => vault.set('1:demo', 'probe-secret')],
  ['get', () => vault.get('1:demo')],
  ['list', () => vault.list()],
  ['delete', () => vault.delete('1:demo')],
];
for (const [op, run] of operations) {
  try {
    const value = await run();
    process.stdout.write(`${JSON.stringify({ op, ok: true, value: value ?? null })}\n`);
  } catch (e) {
    const error = e instanceof Error ? { name: e.name, message: e.message } : { name: String(e) };
    process.stdout.write(`${JSON.stringify({ op, ok: false, ...error })}\n`);
  }
}
