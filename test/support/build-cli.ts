// vitest's globalSetup: builds the command line (dist/cli/) from the current sources once per run,
// before any test starts bin/returndesk.mjs, so a stale bundle never hides a change.
import { buildCli } from '../../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  await buildCli();
}
