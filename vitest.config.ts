import { defineConfig } from 'vitest/config';
import LongRunningFirst from './test/support/sequencer';

// Three projects, run together by `vitest run` or one at a time with `--project NAME`:
// - unit: one module at a time, in process: no child processes, servers of our own or vault;
// - integration: the command line, the history's SQLite files, the reference server, the
//   credential vault (run under test/support/with-secret-service.sh);
// - e2e: the app in Chromium, two files at a time (each starts the app and a browser), after the
//   other two have finished (groupOrder 1). A file spends most of its time waiting on the app's own
//   timers (the verification poll, the reference server's verdict), not on the CPU: two at a time
//   took the e2e part from about 240 s to 155 s, with the same CPU time.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    pool: 'forks',
    // Three test files at a time, one more than the cores: most integration files spend their
    // time waiting on child processes, the reference server and the disk, not on the CPU.
    maxWorkers: 3,
    // Tests run bin/returndesk.mjs, which runs the built command line, and the reference extranet:
    // build both first.
    globalSetup: ['test/support/build-cli.ts', 'test/support/build-extranet.ts'],
    // The files that run for tens of seconds start first, even in a fresh clone.
    sequence: { sequencer: LongRunningFirst },
    // Unit files share their worker's loaded modules (isolate: false) instead of loading the app's
    // modules afresh in a new process for each of 80-odd files: that halved unit's CPU time. Sound
    // because the app keeps no state in its modules (everything hangs off a Store or host the test
    // makes), and the only module mock ('electron', in the tests of main.ts and preload.ts) stands
    // in for a module nothing else loads. Integration files keep a process each: they start
    // children whose credential vault must be out of reach, and a process that has used the vault
    // can hand its children the operating system's keyring session (seen once in a fresh clone).
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
