import { defineConfig } from 'vitest/config';

// Three projects, run together by `vitest run` or one at a time with `--project NAME`:
// - unit: one module at a time, in process: no child processes, servers of our own or vault;
// - integration: the command line, the history's SQLite files, the reference server, the
//   credential vault (run under test/support/with-secret-service.sh);
// - e2e: the app in Chromium, one file at a time (each starts the app and a browser, which is
//   all two cores can take), after the other two have finished.
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
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], fileParallelism: false },
      },
    ],
  },
});
